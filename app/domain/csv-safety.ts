// Writing CSV files that open safely in a spreadsheet. A cell that starts with =, +, - or @ is read by Excel,
// LibreOffice and Google Sheets as a formula ("CSV injection"), so such text gets a leading single quote.
// Tab and carriage return are included because some spreadsheets skip them before looking for a formula.
// Pure; numbers are written as numbers (a negative amount stays a number).

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** `=HYPERLINK(…)` → `'=HYPERLINK(…)`; anything else unchanged. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: text is neutralised, then quoted when it holds the separator, a quote or a line break. */
export function csvField(value: CsvValue, separator = ","): string {
  if (value == null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = neutraliseFormula(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole file: UTF-8 byte-order mark (so Excel reads Indonesian characters correctly), comma-separated,
 * CRLF line ends (RFC 4180).
 */
export function toCsv(rows: readonly (readonly CsvValue[])[], separator = ","): string {
  return `\uFEFF${rows.map((row) => row.map((value) => csvField(value, separator)).join(separator)).join("\r\n")}\r\n`;
}
