import { useNavigation } from "@remix-run/react";
import type { MessageKey } from "../i18n";
import { useI18n } from "../i18n/react";
import { ROW_STATUSES, type PublicRow, type Reason, type StatusCounts } from "../domain/import/classify";

// The dry-run view every import shares: counts per status, then every row with its reasons.

export function ImportCounts({ counts }: { counts: StatusCounts }) {
  const { t, integer } = useI18n();
  return (
    <ul className="stage-counts import-counts">
      {ROW_STATUSES.map((status) => (
        <li key={status} className={`import-${status}`}>
          <span className="count">{integer(counts[status])}</span>
          <span>{t(`imports.status.${status}`)}</span>
        </li>
      ))}
      <li>
        <span className="count">{integer(counts.total)}</span>
        <span>{t("imports.total")}</span>
      </li>
    </ul>
  );
}

export function ReasonText({ reason }: { reason: Reason }) {
  const { t } = useI18n();
  return (
    <>
      {reason.column ? <strong>{reason.column}: </strong> : null}
      {t(reason.code, reason.params)}
    </>
  );
}

function StatusCell({ row }: { row: PublicRow }) {
  const { t } = useI18n();
  return (
    <td>
      <span className={`badge import-${row.status}`}>{t(`imports.status.${row.status}`)}</span>
      {row.status === "warning" && row.action ? (
        <span className="small-text muted"> {t(row.action === "create" ? "imports.willCreate" : "imports.willUpdate")}</span>
      ) : null}
    </td>
  );
}

export interface PreviewColumn {
  field: string;
  label: MessageKey;
}

/** Every row of the file, errors first: why it got its status (first, so a phone shows it), then the cells that identify it. */
export function ImportRowsTable({ rows, columns }: { rows: PublicRow[]; columns: PreviewColumn[] }) {
  const { t } = useI18n();
  // A wide table of plain text: focusable so keyboard users can scroll it sideways.
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t("imports.rowsLabel")}>
      <table className="import-rows">
        <thead>
          <tr>
            <th scope="col" className="num">{t("imports.row")}</th>
            <th scope="col">{t("imports.status")}</th>
            <th scope="col">{t("imports.reasons")}</th>
            {columns.map((column) => (
              <th key={column.field} scope="col">{t(column.label)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row} className={`import-row-${row.status}`}>
              <th scope="row" className="num">{row.row}</th>
              <StatusCell row={row} />
              <td>
                {row.reasons.length === 0 ? null : (
                  <ul className="error-list">
                    {row.reasons.map((reason, index) => (
                      <li key={index}>
                        <ReasonText reason={reason} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              {columns.map((column) => (
                <td key={column.field}>{row.values[column.field] || t("common.none")}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** True while a form with this intent is being sent or its result loaded. */
export function useImportBusy(intent: string): boolean {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formData?.get("intent") === intent;
}

/** "Uploading…" / "Saving…" while a form with this intent is on its way; the live region is always there. */
export function ImportProgress({ intent, label }: { intent: string; label: MessageKey }) {
  const { t } = useI18n();
  const busy = useImportBusy(intent);
  return (
    <p className="import-progress" role="status">
      {busy ? (
        <>
          <progress aria-label={t(label)} /> {t(label)}
        </>
      ) : null}
    </p>
  );
}
