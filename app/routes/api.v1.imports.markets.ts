import { json } from "@remix-run/node";
import type { ActionFunctionArgs } from "@remix-run/node";
import { jsonError, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { importNow, previewImport } from "../models/imports.server";
import { marketImport } from "../models/market-import.server";
import { MARKET_IMPORT_ROLES } from "../domain/import/market-rows";
import { fileErrorStatus, IMPORT_LIMITS } from "../domain/import/table";
import { publicRows, type ImportPreview, type Reason } from "../domain/import/classify";
import { translate } from "../i18n";

// POST a CSV body (or an XLSX workbook): a dry run by default, `?commit=1` writes every valid row in
// one transaction. Same scope rules and row decisions as the /markets/import page.

const FILE_NAME_BY_TYPE: Record<string, string> = {
  "text/csv": "api.csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "api.xlsx",
};

const english = (reason: Reason) => ({ code: reason.code, message: translate("en", reason.code, reason.params) });

function body<V>(preview: ImportPreview<V>) {
  return {
    counts: preview.counts,
    ignoredColumns: preview.ignoredColumns,
    rows: publicRows(preview.rows).map(({ row, status, action, reasons, values }) => ({ row, status, action, reasons: reasons.map(english), values })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: MARKET_IMPORT_ROLES });
  const contentType = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  const fileName = FILE_NAME_BY_TYPE[contentType];
  if (!fileName) return jsonError(415, "unsupported_media_type", "Send the file as text/csv, or as an XLSX workbook");
  const tooLarge = translate("en", "imports.file.tooLarge", { megabytes: IMPORT_LIMITS.maxBytes / 1024 / 1024 });
  if (Number(request.headers.get("Content-Length") ?? 0) > IMPORT_LIMITS.maxBytes) return jsonError(413, "too_large", tooLarge);
  const file = { fileName, bytes: new Uint8Array(await request.arrayBuffer()) };
  const db = getDb();
  if (new URL(request.url).searchParams.get("commit") !== "1") {
    const checked = await previewImport(db, user, marketImport, file);
    if ("fileError" in checked) return jsonError(fileErrorStatus(checked.fileError.kind), checked.fileError.kind, english(checked.fileError).message);
    return json({ dryRun: true, ...body(checked.preview) });
  }
  const committed = await importNow(db, user, marketImport, file);
  if ("fileError" in committed) return jsonError(fileErrorStatus(committed.fileError.kind), committed.fileError.kind, english(committed.fileError).message);
  return json({ dryRun: false, ...body(committed.preview), ...committed.summary });
}
