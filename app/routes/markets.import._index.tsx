import { json, redirect } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { commitImportRun, loadImportPage, startImport, type ImportSummary, type RecentImport, type ShownImport } from "../models/imports.server";
import { marketImport } from "../models/market-import.server";
import { MARKET_COLUMNS, MARKET_IMPORT_ROLES } from "../domain/import/market-rows";
import { fileErrorStatus } from "../domain/import/table";
import type { Reason } from "../domain/import/classify";
import { PostForm } from "../components/forms";
import { ImportCounts, ImportProgress, ImportRowsTable, ReasonText, useImportBusy, type PreviewColumn } from "../components/import-preview";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Impor pasar · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: MARKET_IMPORT_ROLES });
  const run = new URL(request.url).searchParams.get("run");
  const page = await loadImportPage(getDb(), user, marketImport, run ? requireIdParam(run) : null);
  if (run && !page.shown) throw notFound(request);
  return json(page);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: MARKET_IMPORT_ROLES });
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "check") {
    const file = form.get("file");
    if (file == null || typeof file === "string" || file.size === 0) {
      return json({ problem: { code: "imports.file.required" } as Reason }, { status: 400 });
    }
    const uploaded = { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    const started = await startImport(getDb(), user, marketImport, uploaded);
    if ("fileError" in started) return json({ problem: started.fileError as Reason }, { status: fileErrorStatus(started.fileError.kind) });
    return redirect(`/markets/import?run=${started.runId}`);
  }
  if (intent === "commit") {
    const runId = Number(form.get("runId"));
    const committed = await commitImportRun(getDb(), user, marketImport, Number.isSafeInteger(runId) ? runId : 0);
    if ("error" in committed) {
      if (committed.error === "not_found") throw notFound(request);
      return json({ problem: { code: "imports.alreadyCommitted" } as Reason }, { status: 409 });
    }
    return redirect(`/markets/import?run=${runId}`);
  }
  return json({ problem: { code: "imports.unknownIntent" } as Reason }, { status: 400 });
}

const PREVIEW_COLUMNS: PreviewColumn[] = [
  { field: "name", label: "markets.name" },
  { field: "branch_code", label: "markets.branch" },
  { field: "code", label: "branches.code" },
  { field: "regency_code", label: "markets.regency" },
];

export default function MarketImport() {
  const { t } = useI18n();
  const { shown, recent } = useLoaderData<typeof loader>() as { shown: ShownImport | null; recent: RecentImport[] };
  const problem = useActionData<typeof action>()?.problem;
  const checking = useImportBusy("check");
  return (
    <>
      <p>
        <Link to="/markets">{t("imports.backToMarkets")}</Link>
      </p>
      <h1>{t("imports.markets.title")}</h1>
      <p className="muted">{t("imports.markets.intro")}</p>
      <p className="actions-row">
        {t("imports.template")}
        <a href="/markets/import/template.csv" download>{t("imports.templateCsv")}</a>
        <a href="/markets/import/template.xlsx" download>{t("imports.templateXlsx")}</a>
      </p>
      <ColumnGuide />
      {/* Keyed by the run shown, so the file input empties once a file was checked or saved. */}
      <PostForm key={shown?.run.id ?? "new"} encType="multipart/form-data" className="card import-upload" replace>
        <input type="hidden" name="intent" value="check" />
        <div className="field">
          <label htmlFor="import-file">{t("imports.file")}</label>
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
      {shown ? <ShownRun shown={shown} /> : null}
      <RecentRuns runs={recent} />
    </>
  );
}

function ColumnGuide() {
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
            {MARKET_COLUMNS.map((column) => (
              <tr key={column.field}>
                <th scope="row"><code>{column.field}</code></th>
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

function ShownRun({ shown }: { shown: ShownImport }) {
  const { t, integer } = useI18n();
  const committing = useImportBusy("commit");
  if ("result" in shown) {
    return (
      <section className="notice import-result" aria-labelledby="import-result-title">
        <h2 id="import-result-title">{t("imports.committedTitle")}</h2>
        <p role="status">
          <SummaryText summary={shown.result} />
        </p>
        <p className="actions-row">
          <Link to="/markets">{t("imports.viewMarkets")}</Link>
          <Link to="/markets/import">{t("imports.another")}</Link>
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
      <ImportRowsTable rows={preview.rows} columns={PREVIEW_COLUMNS} />
    </section>
  );
}

function SummaryText({ summary }: { summary: ImportSummary | null }) {
  const { t, integer } = useI18n();
  const { created = 0, updated = 0, skipped = 0 } = summary ?? {};
  return <>{t("imports.committed", { created: integer(created), updated: integer(updated), skipped: integer(skipped) })}</>;
}

function RecentRuns({ runs }: { runs: RecentImport[] }) {
  const { t, dateTime } = useI18n();
  if (runs.length === 0) return null;
  return (
    <section className="card import-recent" aria-labelledby="import-recent-title">
      <h2 id="import-recent-title">{t("imports.recentTitle")}</h2>
      <ul className="plain-list">
        {runs.map((run) => (
          <li key={run.id}>
            <Link to={`/markets/import?run=${run.id}`}>{run.fileName}</Link>{" "}
            <span className="muted small-text">{dateTime(run.createdAt, run.timeZone)}</span>
            <br />
            <span className="small-text">
              {run.committedAt ? <SummaryText summary={run.result} /> : t("imports.awaitingCommit")}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
