import ExcelJS from "exceljs";
import type { DB } from "../utils/db.server";
import { nowIso } from "../utils/db.server";
import type { ExpressionBuilder } from "kysely";
import type { Database, ImportKind } from "../../db/schema";
import type { Scope } from "../domain/scope";
import { decodeText, parseCsv } from "../domain/import/csv";
import { IMPORT_LIMITS, ImportFileError, tableFromRecords, tooLarge, tooManyRows, type ImportLimits, type ImportTable } from "../domain/import/table";
import { publicRows, type ImportPreview, type PublicRow, type StatusCounts } from "../domain/import/classify";

// The import pipeline every kind of import shares: read the file (CSV or XLSX) into rows of text,
// let the kind's definition classify each row, keep the file between dry run and commit, and write
// every valid row in one transaction, once. A kind (markets, a market's traders) only supplies a definition.

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface ImportUser {
  id: number;
  scope: Scope;
}

export interface ImportDefinition<V> {
  kind: ImportKind;
  /** The record every row goes into (a trader import's market); runs are kept and listed per target. */
  target?: number;
  /** Size limits, when the kind's files are naturally longer than the default. */
  limits?: ImportLimits;
  /** Decides every row against the database as the caller sees it. */
  classify(db: DB, scope: Scope, table: ImportTable): Promise<ImportPreview<V>>;
  /** Writes one valid row; runs inside the commit's transaction. */
  write(db: DB, user: ImportUser, data: V): Promise<void>;
  /** Runs once the commit's transaction has been committed (drop caches of what was written). */
  afterCommit?(): void;
}

export interface ImportSummary {
  created: number;
  updated: number;
  skipped: number;
}

export type FileProblem = Pick<ImportFileError, "kind" | "code" | "params">;
type OrFileProblem<T> = T | { fileError: FileProblem };

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return "";
  if (value instanceof Date) return value.toISOString().replace(/T00:00:00\.000Z$/, "");
  // Excel keeps 15 significant digits: a longer number (a NIK typed as a number) has already lost digits. Written
  // the way Excel shows it, the import can say so instead of taking a wrong number.
  if (typeof value === "number" && Math.abs(value) >= 1e15) return value.toExponential();
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  if ("text" in value) return cellText(value.text as ExcelJS.CellValue);
  return "";
}

/** The first worksheet, its first non-empty row as the header. */
async function readXlsx(bytes: Uint8Array, limits: ImportLimits): Promise<ImportTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError("unreadable", "imports.file.unreadableXlsx");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError("empty", "imports.file.noHeader");
  if (sheet.actualRowCount > limits.maxRows + 1) throw tooManyRows(sheet.actualRowCount - 1, limits);
  const records: { row: number; cells: string[] }[] = [];
  sheet.eachRow((row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell((cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    records.push({ row: rowNumber, cells: Array.from(cells, (cell) => cell ?? "") });
  });
  return tableFromRecords(records, limits);
}

/** Reads an uploaded file by its extension (or, without one, its content). Throws ImportFileError. */
export async function readImportFile(file: UploadedFile, limits: ImportLimits = IMPORT_LIMITS): Promise<ImportTable> {
  if (file.bytes.byteLength > limits.maxBytes) throw tooLarge(limits);
  const extension = /\.([a-z0-9]+)$/i.exec(file.fileName)?.[1]?.toLowerCase() ?? "";
  if (extension === "xlsx" || (extension === "" && isZip(file.bytes))) return readXlsx(file.bytes, limits);
  if (!["csv", "txt", "tsv", ""].includes(extension) || isZip(file.bytes)) throw new ImportFileError("unsupported", "imports.file.unsupported");
  return parseCsv(decodeText(file.bytes), limits);
}

function problemOf(error: unknown): FileProblem {
  if (error instanceof ImportFileError) return { kind: error.kind, code: error.code, params: error.params };
  throw error;
}

/** A dry run: what committing the file would do, without keeping anything. */
export async function previewImport<V>(
  db: DB,
  user: ImportUser,
  definition: ImportDefinition<V>,
  file: UploadedFile,
): Promise<OrFileProblem<{ preview: ImportPreview<V> }>> {
  try {
    return { preview: await definition.classify(db, user.scope, await readImportFile(file, definition.limits)) };
  } catch (error) {
    return { fileError: problemOf(error) };
  }
}

/**
 * Checks the file and keeps it for a later commit; returns the run id, or the reason the file cannot
 * be imported at all. Drops the same person's abandoned runs of this kind older than a day.
 */
export async function startImport<V>(
  db: DB,
  user: ImportUser,
  definition: ImportDefinition<V>,
  file: UploadedFile,
): Promise<OrFileProblem<{ runId: number }>> {
  const checked = await previewImport(db, user, definition, file);
  if ("fileError" in checked) return { fileError: checked.fileError };
  const now = nowIso();
  const dayAgo = new Date(Date.parse(now) - 86_400_000).toISOString();
  await db
    .deleteFrom("import_runs")
    .where("user_id", "=", user.id)
    .where("kind", "=", definition.kind)
    .where("committed_at", "is", null)
    .where("created_at", "<", dayAgo)
    .execute();
  const run = await db
    .insertInto("import_runs")
    .values({
      kind: definition.kind,
      target_id: definition.target ?? null,
      user_id: user.id,
      file_name: file.fileName,
      content_base64: Buffer.from(file.bytes).toString("base64"),
      created_at: now,
      committed_at: null,
      result: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { runId: run.id };
}

/** Runs of the definition's target only (or, for kinds without one, runs without a target). */
function targetOf(definition: ImportDefinition<unknown>) {
  return (eb: ExpressionBuilder<Database, "import_runs">) =>
    definition.target == null ? eb("import_runs.target_id", "is", null) : eb("import_runs.target_id", "=", definition.target);
}

function findRun(db: DB, user: ImportUser, definition: ImportDefinition<unknown>, runId: number) {
  return db
    .selectFrom("import_runs")
    .select(["id", "file_name", "content_base64", "created_at", "committed_at", "result"])
    .where("id", "=", runId)
    .where("user_id", "=", user.id)
    .where("kind", "=", definition.kind)
    .where(targetOf(definition))
    .executeTakeFirst();
}

const fileOf = (run: { file_name: string; content_base64: string }): UploadedFile => ({
  fileName: run.file_name,
  bytes: new Uint8Array(Buffer.from(run.content_base64, "base64")),
});

interface RunHeader {
  id: number;
  fileName: string;
  createdAt: string;
  committedAt: string | null;
}

export type ShownImport =
  | { run: RunHeader; result: ImportSummary | null }
  | { run: RunHeader; fileError: FileProblem }
  | { run: RunHeader; preview: { counts: StatusCounts; ignoredColumns: string[]; rows: PublicRow[]; page: number; pageCount: number } };

/** Rows of a dry run shown per page: a whole market's file runs to 20,000 rows, errors first. */
export const PREVIEW_PAGE_SIZE = 200;

const PREVIEW_CACHE_MS = 60_000;
const PREVIEW_CACHE_RUNS = 4;
const previews = new Map<number, { until: number; preview: Promise<unknown> }>();

/**
 * A run's dry run, kept for a minute: paging through a 20,000-row file would otherwise read and decide the
 * whole file again for every page of 200 rows. The commit always decides afresh.
 */
function cachedPreview<T>(runId: number, compute: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const kept = previews.get(runId);
  if (kept && kept.until > now) return kept.preview as Promise<T>;
  const preview = compute();
  previews.delete(runId);
  previews.set(runId, { until: now + PREVIEW_CACHE_MS, preview });
  while (previews.size > PREVIEW_CACHE_RUNS) previews.delete(previews.keys().next().value!);
  preview.catch(() => previews.delete(runId));
  return preview;
}

/** A kept run of the caller's (null for anyone else's): its commit result, or a dry run of its file. */
async function showImportRun<V>(db: DB, user: ImportUser, definition: ImportDefinition<V>, runId: number, rowsPage: number): Promise<ShownImport | null> {
  const run = await findRun(db, user, definition, runId);
  if (!run) return null;
  const header = { id: run.id, fileName: run.file_name, createdAt: run.created_at, committedAt: run.committed_at };
  if (run.committed_at) return { run: header, result: JSON.parse(run.result ?? "null") as ImportSummary | null };
  const checked = await cachedPreview(run.id, () => previewImport(db, user, definition, fileOf(run)));
  if ("fileError" in checked) return { run: header, fileError: checked.fileError };
  const { preview } = checked;
  const pageCount = Math.max(1, Math.ceil(preview.rows.length / PREVIEW_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(rowsPage)), pageCount);
  const rows = publicRows(preview.rows.slice((page - 1) * PREVIEW_PAGE_SIZE, page * PREVIEW_PAGE_SIZE));
  return { run: header, preview: { counts: preview.counts, ignoredColumns: preview.ignoredColumns, rows, page, pageCount } };
}

/** Regional-office time (Balikpapan, WITA) for people without a branch of their own. */
const OFFICE_TIME_ZONE = "Asia/Makassar";

/** The caller's latest runs of this kind, newest first, with their branch's time zone to show the times in. */
async function listImportRuns(db: DB, user: ImportUser, definition: ImportDefinition<unknown>, limit = 5) {
  const rows = await db
    .selectFrom("import_runs")
    .innerJoin("users", "users.id", "import_runs.user_id")
    .leftJoin("branches", "branches.id", "users.branch_id")
    .select(["import_runs.id", "import_runs.file_name", "import_runs.created_at", "import_runs.committed_at", "import_runs.result", "branches.time_zone"])
    .where("import_runs.user_id", "=", user.id)
    .where("import_runs.kind", "=", definition.kind)
    .where(targetOf(definition))
    .orderBy("import_runs.created_at", "desc")
    .orderBy("import_runs.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    fileName: row.file_name,
    createdAt: row.created_at,
    committedAt: row.committed_at,
    result: JSON.parse(row.result ?? "null") as ImportSummary | null,
    timeZone: row.time_zone ?? OFFICE_TIME_ZONE,
  }));
}

export type RecentImport = Awaited<ReturnType<typeof listImportRuns>>[number];

/**
 * An import page: the caller's recent runs and, when asked for, one run of theirs (null when it is not theirs)
 * with one page of its rows.
 */
export async function loadImportPage<V>(db: DB, user: ImportUser, definition: ImportDefinition<V>, runId: number | null, rowsPage = 1) {
  const [recent, shown] = await Promise.all([
    listImportRuns(db, user, definition),
    runId == null ? null : showImportRun(db, user, definition, runId, rowsPage),
  ]);
  return { recent, shown };
}

/**
 * Commits a kept run: only its uploader, only once. The file is classified again inside the
 * transaction (the database may have changed since the dry run) and every valid row is written
 * there too, so a failure on any row leaves nothing written and the run uncommitted.
 */
export async function commitImportRun<V>(db: DB, user: ImportUser, definition: ImportDefinition<V>, runId: number) {
  // Read the file before the transaction: parsing a large workbook must not hold the database from other writers.
  const kept = await findRun(db, user, definition, runId);
  if (!kept) return { error: "not_found" as const };
  if (kept.committed_at) return { error: "already_committed" as const };
  const table = await readImportFile(fileOf(kept), definition.limits);
  const committed = await db.transaction().execute(async (trx) => {
    const run = await findRun(trx, user, definition, runId);
    if (!run) return { error: "not_found" as const };
    const claimed = await trx
      .updateTable("import_runs")
      .set({ committed_at: nowIso() })
      .where("id", "=", run.id)
      .where("committed_at", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return { error: "already_committed" as const };
    const preview = await definition.classify(trx, user.scope, table);
    const summary: ImportSummary = { created: 0, updated: 0, skipped: preview.counts.error };
    for (const row of preview.rows) {
      if (row.data == null || row.action == null) continue;
      await definition.write(trx, user, row.data);
      summary[row.action === "create" ? "created" : "updated"] += 1;
    }
    await trx.updateTable("import_runs").set({ result: JSON.stringify(summary) }).where("id", "=", run.id).execute();
    return { preview, summary };
  });
  if (!("error" in committed)) definition.afterCommit?.();
  return committed;
}

/** Keeps the file and commits it at once (the API's `?commit=1`): the same path as the page's commit. */
export async function importNow<V>(
  db: DB,
  user: ImportUser,
  definition: ImportDefinition<V>,
  file: UploadedFile,
): Promise<OrFileProblem<{ preview: ImportPreview<V>; summary: ImportSummary }>> {
  const started = await startImport(db, user, definition, file);
  if ("fileError" in started) return { fileError: started.fileError };
  const committed = await commitImportRun(db, user, definition, started.runId);
  if ("error" in committed) throw new Error(`A fresh import run could not be committed: ${committed.error}`);
  return committed;
}
