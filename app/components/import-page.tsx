import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "../i18n";
import { useI18n } from "../i18n/react";
import type { ImportSummary, RecentImport, ShownImport } from "../models/imports.server";
import type { Reason } from "../domain/import/classify";
import type { ColumnSpec } from "../domain/import/headers";
import type { ImportLimits } from "../domain/import/table";
import { PostForm } from "./forms";
import { Pagination } from "./pagination";
import { ImportCounts, ImportProgress, ImportRowsTable, ReasonText, useImportBusy, type PreviewColumn } from "./import-preview";

// The page every import shares: templates, the column guide, the upload, the dry run of a kept file with its
// commit button, and the person's recent runs. The route says what is imported where.

export interface ImportPageProps {
  title: string;
  intro: MessageKey;
  back: { to: string; label: string };
  /** The page's own address (with its query, e.g. the market), to which `run=` is added. */
  pageUrl: string;
  templateUrl: string;
  columns: readonly ColumnSpec<string>[];
  limits: ImportLimits;
  previewColumns: PreviewColumn[];
  /** "{created} …, {updated} …, {skipped} …" for this kind of record. */
  summaryMessage: MessageKey;
  /** Where to go once the rows are saved. */
  done: { to: string; label: MessageKey };
}

export const runUrl = (pageUrl: string, runId: number) => `${pageUrl}${pageUrl.includes("?") ? "&" : "?"}run=${runId}`;

export function ImportPage(props: ImportPageProps) {
  const { t, integer } = useI18n();
  const { shown, recent } = useLoaderData() as { shown: ShownImport | null; recent: RecentImport[] };
  const problem = (useActionData() as { problem?: Reason } | undefined)?.problem;
  const checking = useImportBusy("check");
  return (
    <>
      <p>
        <Link to={props.back.to}>{props.back.label}</Link>
      </p>
      <h1>{props.title}</h1>
      <p className="muted">{t(props.intro)}</p>
      <p className="actions-row">
        {t("imports.template")}
        <a href={`${props.templateUrl}.csv`} download>{t("imports.templateCsv")}</a>
        <a href={`${props.templateUrl}.xlsx`} download>{t("imports.templateXlsx")}</a>
      </p>
      <ColumnGuide columns={props.columns} />
      {/* Keyed by the run shown, so the file input empties once a file was checked or saved. */}
      <PostForm key={shown?.run.id ?? "new"} encType="multipart/form-data" className="card import-upload" replace>
        <input type="hidden" name="intent" value="check" />
        <div className="field">
          <label htmlFor="import-file">
            {t("imports.file", { megabytes: props.limits.maxBytes / 1024 / 1024, rows: integer(props.limits.maxRows) })}
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? "import-problem" : undefined}
          />
        </div>
        <button type="submit" className="primary" disabled={checking}>{t("imports.check")}</button>
        <ImportProgress intent="check" label="imports.checking" />
      </PostForm>
      {problem ? (
        <p className="form-error" id="import-problem" role="alert">
          <ReasonText reason={problem} />
        </p>
      ) : null}
      {shown ? <ShownRun shown={shown} {...props} /> : null}
      <RecentRuns runs={recent} {...props} />
    </>
  );
}

function ColumnGuide({ columns }: { columns: readonly ColumnSpec<string>[] }) {
  const { t } = useI18n();
  return (
    <details className="card import-guide">
      <summary>{t("imports.columnsTitle")}</summary>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("imports.columnName")}</th>
              <th scope="col">{t("imports.columnAliases")}</th>
              <th scope="col">{t("imports.columnHelp")}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column) => (
              <tr key={column.field}>
                <th scope="row"><code>{column.header ?? column.field}</code></th>
                <td className="small-text">{column.aliases.join(", ")}</td>
                <td>{t(column.help)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function ShownRun({ shown, ...props }: { shown: ShownImport } & ImportPageProps) {
  const { t, integer } = useI18n();
  const committing = useImportBusy("commit");
  if ("result" in shown) {
    return (
      <section className="notice import-result" aria-labelledby="import-result-title">
        <h2 id="import-result-title">{t("imports.committedTitle")}</h2>
        <p role="status">
          <SummaryText summary={shown.result} message={props.summaryMessage} />
        </p>
        <p className="actions-row">
          <Link to={props.done.to}>{t(props.done.label)}</Link>
          <Link to={props.pageUrl}>{t("imports.another")}</Link>
        </p>
      </section>
    );
  }
  if ("fileError" in shown) {
    return (
      <p className="form-error" role="alert">
        <ReasonText reason={shown.fileError} />
      </p>
    );
  }
  const { preview } = shown;
  return (
    <section aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">{t("imports.previewTitle", { file: shown.run.fileName })}</h2>
      <ImportCounts counts={preview.counts} />
      {preview.ignoredColumns.length > 0 ? (
        <p className="muted">{t("imports.ignoredColumns", { columns: preview.ignoredColumns.join(", ") })}</p>
      ) : null}
      {preview.counts.valid > 0 ? (
        <PostForm className="card import-commit" replace>
          <input type="hidden" name="intent" value="commit" />
          <input type="hidden" name="runId" value={shown.run.id} />
          <p className="hint">{t("imports.commitHint")}</p>
          <button type="submit" className="primary" disabled={committing}>
            {t("imports.commit", { count: integer(preview.counts.valid) })}
          </button>
          <ImportProgress intent="commit" label="imports.committing" />
        </PostForm>
      ) : (
        <p className="form-error">{t("imports.nothingValid")}</p>
      )}
      <ImportRowsTable rows={preview.rows} columns={props.previewColumns} />
      <Pagination page={preview.page} pageCount={preview.pageCount} />
    </section>
  );
}

function SummaryText({ summary, message }: { summary: ImportSummary | null; message: MessageKey }) {
  const { t, integer } = useI18n();
  const { created = 0, updated = 0, skipped = 0 } = summary ?? {};
  return <>{t(message, { created: integer(created), updated: integer(updated), skipped: integer(skipped) })}</>;
}

function RecentRuns({ runs, pageUrl, summaryMessage }: { runs: RecentImport[] } & ImportPageProps) {
  const { t, dateTime } = useI18n();
  if (runs.length === 0) return null;
  return (
    <section className="card import-recent" aria-labelledby="import-recent-title">
      <h2 id="import-recent-title">{t("imports.recentTitle")}</h2>
      <ul className="plain-list">
        {runs.map((run) => (
          <li key={run.id}>
            <Link to={runUrl(pageUrl, run.id)}>{run.fileName}</Link>{" "}
            <span className="muted small-text">{dateTime(run.createdAt, run.timeZone)}</span>
            <br />
            <span className="small-text">
              {run.committedAt ? <SummaryText summary={run.result} message={summaryMessage} /> : t("imports.awaitingCommit")}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
