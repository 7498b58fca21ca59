import type { MarketStage } from "../../db/schema";
import { useI18n } from "../i18n/react";
import { ALL_STAGES } from "../domain/pipeline";

export function StageBadge({ stage }: { stage: MarketStage }) {
  const { t } = useI18n();
  return <span className={`badge stage-${stage}`}>{t(`stage.${stage}`)}</span>;
}

/** Market counts per stage as a compact list; zero stages are shown too so gaps are visible. */
export function StageCounts({ counts }: { counts: Partial<Record<MarketStage, number>> }) {
  const { t, integer } = useI18n();
  return (
    <ul className="stage-counts">
      {ALL_STAGES.map((stage) => (
        <li key={stage} className={`stage-${stage}`}>
          <span className="count">{integer(counts[stage] ?? 0)}</span>
          <span>{t(`stage.${stage}`)}</span>
        </li>
      ))}
    </ul>
  );
}
