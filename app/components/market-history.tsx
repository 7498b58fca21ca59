import type { MarketStage, StageChangeSource } from "../../db/schema";
import type { FieldErrors } from "../domain/user-form";
import { useI18n } from "../i18n/react";
import { StageBadge } from "./badges";
import { FieldError, PostForm } from "./forms";

export interface StageHistoryRow {
  id: number;
  from_stage: MarketStage | null;
  to_stage: MarketStage;
  reason: string | null;
  source: StageChangeSource;
  changed_at: string;
  changed_by: string | null;
}

/** Every stage change, newest first, in the market's local time (a list: it reads well on a phone). */
export function StageHistory({ history, timeZone }: { history: StageHistoryRow[]; timeZone: string }) {
  const { t, dateTime } = useI18n();
  if (history.length === 0) return <p className="muted">{t("markets.historyEmpty")}</p>;
  return (
    <ol className="plain-list stage-history">
      {history.map((row) => (
        <li key={row.id}>
          <p className="stage-history-change">
            {row.from_stage ? (
              <>
                <StageBadge stage={row.from_stage} /> <span aria-hidden="true">→</span>
                <span className="visually-hidden">{t("markets.historyTo")}</span> <StageBadge stage={row.to_stage} />
              </>
            ) : (
              <StageBadge stage={row.to_stage} />
            )}
          </p>
          <p className="muted small-text">
            <time dateTime={row.changed_at}>{dateTime(row.changed_at, timeZone)}</time> · {row.changed_by ?? t("markets.system")} ·{" "}
            {t(`markets.source.${row.source}`)}
          </p>
          {row.reason ? <p className="stage-history-reason">{t("markets.historyReason")}: {row.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** Staff move the market to one of the stages the rules allow now; the server re-checks the rules. */
export function StageChangeForm({ options, errors }: { options: MarketStage[]; errors?: FieldErrors }) {
  const { t } = useI18n();
  if (options.length === 0) return <p className="muted">{t("markets.noStageOptions")}</p>;
  return (
    <PostForm className="card stage-form" noValidate>
      <h3>{t("markets.changeStage")}</h3>
      <input type="hidden" name="intent" value="change-stage" />
      <div className="field">
        <label htmlFor="to">{t("markets.newStage")}</label>
        <select id="to" name="to" defaultValue="" aria-invalid={errors?.to ? true : undefined} aria-describedby={errors?.to ? "to-error" : undefined}>
          <option value="">{t("markets.chooseStage")}</option>
          {options.map((stage) => (
            <option key={stage} value={stage}>{t(`stage.${stage}`)}</option>
          ))}
        </select>
        <FieldError id="to-error" error={errors?.to} />
      </div>
      <div className="field">
        <label htmlFor="reason">{t("markets.stageReason")}</label>
        <textarea
          id="reason"
          name="reason"
          rows={2}
          maxLength={500}
          aria-invalid={errors?.reason ? true : undefined}
          aria-describedby={errors?.reason ? "reason-hint reason-error" : "reason-hint"}
        />
        <p className="hint" id="reason-hint">{t("markets.stageReasonHint")}</p>
        <FieldError id="reason-error" error={errors?.reason} />
      </div>
      <button type="submit" className="primary">{t("markets.changeStage")}</button>
    </PostForm>
  );
}
