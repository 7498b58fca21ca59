import { parse } from "csv-parse/sync";
import { IMPORT_LIMITS, ImportFileError, tableFromRecords, type ImportLimits, type ImportTable } from "./table";

// Reading the CSV files people actually have: Excel on an Indonesian Windows saves `;`-separated
// files (the comma is the decimal mark there) in Windows-1252; others save `,` and UTF-8 with or
// without a BOM; "Unicode text" is UTF-16 and tab-separated.

export type Separator = "," | ";" | "\t";
const SEPARATORS: Separator[] = [",", ";", "\t"];

/** The text of an uploaded file: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** The separator used in the header line: the candidate seen most often outside quotes (`,` on a tie). */
export function detectSeparator(text: string): Separator {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return SEPARATORS.reduce((best, candidate) => ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0) ? candidate : best));
}

/** Parses CSV text (quoted fields may hold separators, newlines and doubled quotes) into a table. */
export function parseCsv(text: string, limits: ImportLimits = IMPORT_LIMITS): ImportTable & { separator: Separator } {
  const source = text.replace(/^\uFEFF/, "");
  if (source.includes("\u0000")) throw new ImportFileError("unsupported", "imports.file.unsupported");
  const separator = detectSeparator(source);
  let records: string[][];
  try {
    records = parse(source, { delimiter: separator, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw new ImportFileError("unreadable", "imports.file.malformedCsv", { line });
  }
  // Spreadsheet numbering: a quoted field spanning lines is still one row.
  return { ...tableFromRecords(records.map((cells, index) => ({ row: index + 1, cells })), limits), separator };
}
