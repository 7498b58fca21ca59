import ExcelJS from "exceljs";
import type { MessageKey } from "../i18n";
import type { ColumnSpec } from "../domain/import/headers";

// The downloadable templates of the imports: a CSV with the header row, and an XLSX with the columns on the
// first sheet (the one that is read) and a guide to every column on the second.

export interface TemplateFile {
  fileName: string;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
}

const headerOf = (column: ColumnSpec<string>) => column.header ?? column.field;

/** The header row only, UTF-8 with a BOM so Excel reads it as UTF-8. */
export function csvTemplate(baseName: string, headers: readonly string[]): TemplateFile {
  const text = `\uFEFF${headers.join(",")}\r\n`;
  return { fileName: `${baseName}.csv`, contentType: "text/csv; charset=utf-8", body: new TextEncoder().encode(text) };
}

export async function xlsxTemplate(options: {
  fileName: string;
  sheetName: string;
  columns: readonly ColumnSpec<string>[];
  /** Headers of the columns Excel must keep as typed text (codes, NIKs), not turn into numbers. */
  textColumns: readonly string[];
  translate: (key: MessageKey) => string;
}): Promise<TemplateFile> {
  const { columns, translate } = options;
  const headers = columns.map(headerOf);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName);
  sheet.addRow(headers);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 18));
  for (const header of options.textColumns) sheet.getColumn(headers.indexOf(header) + 1).numFmt = "@";
  const guide = workbook.addWorksheet(translate("imports.columnsTitle"));
  guide.addRow([translate("imports.columnName"), translate("imports.columnAliases"), translate("imports.columnHelp")]).font = { bold: true };
  for (const column of columns) guide.addRow([headerOf(column), column.aliases.join(", "), translate(column.help)]);
  guide.getColumn(1).width = 18;
  guide.getColumn(2).width = 40;
  guide.getColumn(3).width = 80;
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    fileName: `${options.fileName}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: new Uint8Array(buffer as ArrayBuffer),
  };
}
