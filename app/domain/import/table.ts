import type { MessageKey } from "../../i18n";

// What every import reads a file into, whatever its format: a header row and rows of text cells.
// Pure; the CSV reader is in csv.ts, the XLSX reader needs exceljs and lives in models/imports.server.ts.

export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
}

/** The default for an import; a kind whose files are naturally longer (a market's traders) sets its own. */
export const IMPORT_LIMITS: ImportLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 5000 };

export interface ImportRow {
  /** The row number a spreadsheet shows: the header is row 1. */
  row: number;
  cells: string[];
}

export interface ImportTable {
  headers: string[];
  rows: ImportRow[];
}

export type FileErrorKind = "too_large" | "too_many_rows" | "unsupported" | "unreadable" | "empty";

/** A file that cannot be imported at all, with a message key for the person who sent it. */
export class ImportFileError extends Error {
  constructor(
    readonly kind: FileErrorKind,
    readonly code: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export function tooLarge(limits: ImportLimits = IMPORT_LIMITS): ImportFileError {
  return new ImportFileError("too_large", "imports.file.tooLarge", { megabytes: limits.maxBytes / 1024 / 1024 });
}

export function tooManyRows(rows: number, limits: ImportLimits = IMPORT_LIMITS): ImportFileError {
  return new ImportFileError("too_many_rows", "imports.file.tooManyRows", { max: limits.maxRows, rows });
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === "");

/**
 * Builds the table from raw records (the first is the header), dropping blank rows but keeping
 * every other row's spreadsheet number, and enforcing the row limit.
 */
export function tableFromRecords(records: { row: number; cells: string[] }[], limits: ImportLimits = IMPORT_LIMITS): ImportTable {
  const [header, ...rest] = records;
  if (!header || isBlank(header.cells)) throw new ImportFileError("empty", "imports.file.noHeader");
  const rows = rest.filter((record) => !isBlank(record.cells));
  if (rows.length === 0) throw new ImportFileError("empty", "imports.file.noRows");
  if (rows.length > limits.maxRows) throw tooManyRows(rows.length, limits);
  return { headers: header.cells.map((cell) => cell.trim()), rows };
}

/** The HTTP status for a file that cannot be imported: too big (bytes or rows) 413, not CSV/XLSX 415, else 400. */
export function fileErrorStatus(kind: FileErrorKind): number {
  if (kind === "too_large" || kind === "too_many_rows") return 413;
  return kind === "unsupported" ? 415 : 400;
}
