import { json, redirect } from "@remix-run/node";
import { jsonError, notFound } from "./auth.server";
import { getDb } from "./db.server";
import { commitImportRun, importNow, previewImport, startImport, type ImportDefinition, type ImportUser } from "../models/imports.server";
import { fileErrorStatus, IMPORT_LIMITS } from "../domain/import/table";
import { publicRows, type ImportPreview, type Reason } from "../domain/import/classify";
import { runUrl } from "../components/import-page";
import { translate } from "../i18n";

// The two ways into every import: the page's form (check a file, then commit the kept run) and the API
// (a dry run of the request body, or `?commit=1`). The routes check access and pick the definition.

/** The page's action: `intent=check` keeps the uploaded file and shows its dry run; `intent=commit` saves it. */
export async function importPageAction<V>(request: Request, user: ImportUser, definition: ImportDefinition<V>, pageUrl: string) {
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "check") {
    const file = form.get("file");
    if (file == null || typeof file === "string" || file.size === 0) {
      return json({ problem: { code: "imports.file.required" } as Reason }, { status: 400 });
    }
    const uploaded = { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    const started = await startImport(getDb(), user, definition, uploaded);
    if ("fileError" in started) return json({ problem: started.fileError as Reason }, { status: fileErrorStatus(started.fileError.kind) });
    return redirect(runUrl(pageUrl, started.runId));
  }
  if (intent === "commit") {
    const runId = Number(form.get("runId"));
    const committed = await commitImportRun(getDb(), user, definition, Number.isSafeInteger(runId) ? runId : 0);
    if ("error" in committed) {
      if (committed.error === "not_found") throw notFound(request);
      return json({ problem: { code: "imports.alreadyCommitted" } as Reason }, { status: 409 });
    }
    return redirect(runUrl(pageUrl, runId));
  }
  return json({ problem: { code: "imports.unknownIntent" } as Reason }, { status: 400 });
}

const FILE_NAME_BY_TYPE: Record<string, string> = {
  "text/csv": "api.csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "api.xlsx",
};

const english = (reason: Reason) => {
  const message = translate("en", reason.code, reason.params);
  return { code: reason.code, ...(reason.column ? { column: reason.column } : {}), message: reason.column ? `${reason.column}: ${message}` : message };
};

function body<V>(preview: ImportPreview<V>) {
  return {
    counts: preview.counts,
    ignoredColumns: preview.ignoredColumns,
    rows: publicRows(preview.rows).map(({ row, status, action, reasons, values }) => ({ row, status, action, reasons: reasons.map(english), values })),
  };
}

/** The API's action: the body is the file (CSV or XLSX); a dry run unless `?commit=1`; reasons in English. */
export async function importApiAction<V>(request: Request, user: ImportUser, definition: ImportDefinition<V>) {
  const contentType = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  const fileName = FILE_NAME_BY_TYPE[contentType];
  if (!fileName) return jsonError(415, "unsupported_media_type", "Send the file as text/csv, or as an XLSX workbook");
  const limits = definition.limits ?? IMPORT_LIMITS;
  const tooLarge = translate("en", "imports.file.tooLarge", { megabytes: limits.maxBytes / 1024 / 1024 });
  if (Number(request.headers.get("Content-Length") ?? 0) > limits.maxBytes) return jsonError(413, "too_large", tooLarge);
  const file = { fileName, bytes: new Uint8Array(await request.arrayBuffer()) };
  const db = getDb();
  if (new URL(request.url).searchParams.get("commit") !== "1") {
    const checked = await previewImport(db, user, definition, file);
    if ("fileError" in checked) return jsonError(fileErrorStatus(checked.fileError.kind), checked.fileError.kind, english(checked.fileError).message);
    return json({ dryRun: true, ...body(checked.preview) });
  }
  const committed = await importNow(db, user, definition, file);
  if ("fileError" in committed) return jsonError(fileErrorStatus(committed.fileError.kind), committed.fileError.kind, english(committed.fileError).message);
  return json({ dryRun: false, ...body(committed.preview), ...committed.summary });
}
