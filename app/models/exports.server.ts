import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { DB } from "../utils/db.server";
import type { Scope } from "../domain/scope";
import { businessDate } from "../domain/business-day";
import { csvField } from "../domain/csv-safety";
import { monthRange } from "../domain/progress";
import { downloadFileName, type Dataset, type ExportFilter, type ExportFormat } from "../domain/data-export";
import { DATASET_DEFINITIONS, type DatasetDefinition, type ExportColumn } from "./export-datasets.server";
import { branchInScope, marketInScope } from "./scope.server";

// Streamed exports: one machinery for every dataset. A dataset (export-datasets.server.ts) is its columns and its
// rows as keyset-paginated pages; the rows flow page by page (5,000 at a time) from SQLite into a CSV or XLSX
// stream that the Response body pulls, so a million ledger rows never sit in memory and the first bytes leave
// before the last query runs. Keyset pagination (never OFFSET) keeps every page as cheap as the first. No
// transaction spans the pages: the ledger only grows, and holding one open would stall every other request on the
// single SQLite connection.

const encoder = new TextEncoder();

/** One CSV line; a plain loop, no arrays in between (it runs for every exported row). */
function csvLine<Row>(columns: ExportColumn<Row>[], row: Row): string {
  let line = "";
  for (let index = 0; index < columns.length; index += 1) {
    line += (index ? "," : "") + csvField(columns[index].value(row));
  }
  return `${line}\r\n`;
}

/** UTF-8 with a byte-order mark (Excel reads Indonesian names right), CRLF, formula-like text neutralised. */
export function csvStream<Row>(columns: ExportColumn<Row>[], pages: AsyncGenerator<Row[]>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${columns.map((column) => csvField(column.header)).join(",")}\r\n`));
    },
    async pull(controller) {
      const { done, value } = await pages.next();
      if (done) return controller.close();
      let chunk = "";
      for (const row of value) chunk += csvLine(columns, row);
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

const MAX_BACKLOG = 4 * 1024 * 1024;

/**
 * Bytes of sheet XML waiting to be compressed. exceljs' streaming writer ignores backpressure (exceljs#734): its
 * sheet stream writes into the zip's input stream whatever that holds, so a fast producer fills memory with XML.
 * The pinned exceljs 4.4.0 keeps that input (a readable-stream PassThrough) in `stream.pipes`; if that ever
 * changes this reads 0 and the export merely loses its throttle.
 */
type Buffered = { _writableState?: { length?: number }; _readableState?: { length?: number } };
function compressorBacklog(sheet: unknown): number {
  const pipes = (sheet as { stream?: { pipes?: Buffered[] } }).stream?.pipes ?? [];
  return pipes.reduce((total, pipe) => total + (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0), 0);
}

/** Excel holds 1,048,576 rows per sheet: a larger export continues on a second sheet ("Iuran (2)"). */
export const ROWS_PER_SHEET = 1_000_000;

/**
 * An XLSX workbook written by exceljs' streaming writer into a pipe the Response reads. Rows are committed as
 * they come; after each page the writer waits while the reader is behind. Text cells stay typed text (never read
 * as formulas), rupiah cells numbers.
 */
export function xlsxStream<Row>(
  sheetName: string,
  columns: ExportColumn<Row>[],
  pages: AsyncGenerator<Row[]>,
  rowsPerSheet = ROWS_PER_SHEET,
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
  const addSheet = (number: number) => {
    const sheet = workbook.addWorksheet(number === 1 ? sheetName : `${sheetName} (${number})`, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = columns.map((column) => ({
      header: column.header,
      width: Math.max(12, column.header.length + 4),
      style: column.kind === "text" ? { numFmt: "@" } : { numFmt: "#,##0" },
    }));
    return sheet;
  };
  let cancelled = false;
  output.on("close", () => {
    cancelled = true;
  });
  const write = async () => {
    let sheets = 1;
    let sheet = addSheet(sheets);
    let rowsInSheet = 0;
    for await (const rows of pages) {
      if (cancelled) return pages.return(undefined);
      for (const row of rows) {
        if (rowsInSheet === rowsPerSheet) {
          sheet.commit();
          sheet = addSheet((sheets += 1));
          rowsInSheet = 0;
        }
        sheet.addRow(columns.map((column) => column.value(row) ?? null)).commit();
        rowsInSheet += 1;
      }
      // Wait while the compressor or the reader is behind, so memory holds a few pages, not the whole file.
      while (!cancelled && compressorBacklog(sheet) > MAX_BACKLOG) await new Promise((resolve) => setTimeout(resolve, 2));
      if (output.writableNeedDrain) await once(output, "drain");
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The place the file covers (market name, branch code or the caller's area), or null when outside the scope. */
async function placeName(db: DB, scope: Scope, filter: ExportFilter): Promise<string | null> {
  if (filter.marketId != null) {
    const market = await db
      .selectFrom("markets")
      .where(marketInScope(scope))
      .where("markets.id", "=", filter.marketId)
      .select("name")
      .executeTakeFirst();
    return market?.name ?? null;
  }
  if (filter.branchId != null) {
    const branch = await db
      .selectFrom("branches")
      .where(branchInScope(scope))
      .where("branches.id", "=", filter.branchId)
      .select("code")
      .executeTakeFirst();
    return branch?.code ?? null;
  }
  return "semua";
}

/** Collections default to the current month (the region's local month); a ledger has no natural "everything". */
function withDefaultRange(definition: DatasetDefinition<unknown>, filter: ExportFilter, now: Date): ExportFilter {
  if (!definition.defaultsToThisMonth || filter.from || filter.to) return filter;
  const { first, last } = monthRange(businessDate(now, "Asia/Makassar"));
  return { ...filter, from: first, to: last };
}

/** A dataset as a streamed file, or null when the `?branch=`/`?market=` filter points outside the scope. */
export async function exportDataset(
  db: DB,
  scope: Scope,
  dataset: Dataset,
  format: ExportFormat,
  requested: ExportFilter,
  now = new Date(),
): Promise<ExportFile | null> {
  const place = await placeName(db, scope, requested);
  if (place == null) return null;
  const definition: DatasetDefinition<unknown> = DATASET_DEFINITIONS[dataset];
  const filter = withDefaultRange(definition, requested, now);
  const pages = definition.pages(db, scope, filter, now);
  const range = filter.from || filter.to ? [filter.from ?? "", filter.to ?? ""] : [businessDate(now, "Asia/Makassar")];
  return {
    fileName: downloadFileName(definition.file, [place, ...range], format),
    contentType: CONTENT_TYPES[format],
    body: format === "csv" ? csvStream(definition.columns, pages) : xlsxStream(definition.sheet, definition.columns, pages),
  };
}

/** Streams to the browser as a download. */
export function streamedAttachment(file: ExportFile): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
