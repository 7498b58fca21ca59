import { Link } from "@remix-run/react";
import type { BranchProgressRow } from "../models/progress.server";
import { ALL_STAGES } from "../domain/pipeline";
import { useI18n } from "../i18n/react";

export function TrafficLightBadge({ light }: { light: BranchProgressRow["light"] }) {
  const { t } = useI18n();
  return <span className={`badge light-${light}`}>{t(`progress.light.${light}`)}</span>;
}

/** One row per branch: MoU markets against target with a traffic light, stages, visits. */
export function ProgressTable({ rows }: { rows: BranchProgressRow[] }) {
  const { t, integer } = useI18n();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("progress.branch")}</th>
            <th scope="col">{t("progress.mouVsTarget")}</th>
            <th scope="col">{t("progress.stages")}</th>
            <th scope="col" className="num">{t("progress.visitsThisMonth")}</th>
            <th scope="col" className="num">{t("progress.overdue")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.branchId} data-branch={row.code}>
              <th scope="row">
                <Link to={`/branches/${row.branchId}?year=${row.year}`}>{row.code}</Link>
                <span className="muted small-text"> {row.town}</span>
              </th>
              <td>
                <strong>{integer(row.governmentMarketsWithMou)}</strong> / {integer(row.target)}{" "}
                <TrafficLightBadge light={row.light} />
                {row.targetIsDefault ? <span className="muted small-text"> ({t("progress.defaultTarget")})</span> : null}
              </td>
              <td>
                <ul className="inline-stages">
                  {ALL_STAGES.filter((stage) => row.marketsByStage[stage]).map((stage) => (
                    <li key={stage} className={`badge stage-${stage}`}>
                      {t(`stage.${stage}`)}: {integer(row.marketsByStage[stage] ?? 0)}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="num">{integer(row.visitsDoneThisMonth)}</td>
              <td className={`num${row.overdueVisits > 0 ? " warn-text" : ""}`}>{integer(row.overdueVisits)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
