import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { readImportFile } from "../../app/models/imports.server";
import { ImportFileError, IMPORT_LIMITS } from "../../app/domain/import/table";

async function workbookBytes(build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet("Pasar"), workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function fileErrorOf(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (error instanceof ImportFileError) return error;
  throw new Error(`expected an ImportFileError, got ${String(error)}`);
}

describe("readImportFile with XLSX", () => {
  it("reads the first worksheet, header row first, numbers and rich text as text", async () => {
    const bytes = await workbookBytes((sheet, workbook) => {
      sheet.addRow(["kode_cabang", "nama", "lintang", "bujur", "kode_wilayah"]);
      sheet.addRow(["KC-PTK", "Pasar Flamboyan", -0.0391, 109.3428, 61.1]);
      sheet.addRow(["KC-PTK", { richText: [{ text: "Pasar " }, { text: "Dahlia", font: { bold: true } }] }, { formula: "0-0.0366", result: -0.0366 }, 109.3135, "61.71"]);
      workbook.addWorksheet("Petunjuk").addRow(["not", "read"]);
    });
    const table = await readImportFile({ fileName: "pasar.xlsx", bytes });
    expect(table.headers).toEqual(["kode_cabang", "nama", "lintang", "bujur", "kode_wilayah"]);
    expect(table.rows).toEqual([
      { row: 2, cells: ["KC-PTK", "Pasar Flamboyan", "-0.0391", "109.3428", "61.1"] },
      { row: 3, cells: ["KC-PTK", "Pasar Dahlia", "-0.0366", "109.3135", "61.71"] },
    ]);
  });

  it("keeps empty cells in place and skips empty rows", async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(["name", "address", "notes"]);
      sheet.addRow(["Pasar A", null, "catatan"]);
      sheet.addRow([]);
      sheet.addRow(["Pasar B"]);
    });
    const table = await readImportFile({ fileName: "PASAR.XLSX", bytes });
    expect(table.rows).toEqual([
      { row: 2, cells: ["Pasar A", "", "catatan"] },
      { row: 4, cells: ["Pasar B"] },
    ]);
  });

  it("recognises a workbook sent without a file name by its content", async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(["name"]);
      sheet.addRow(["Pasar A"]);
    });
    expect((await readImportFile({ fileName: "", bytes })).rows).toHaveLength(1);
  });

  it("refuses a workbook with more rows than the limit", async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(["name"]);
      for (let i = 0; i <= IMPORT_LIMITS.maxRows; i += 1) sheet.addRow([`Pasar ${i}`]);
    });
    expect((await fileErrorOf(readImportFile({ fileName: "big.xlsx", bytes }))).code).toBe("imports.file.tooManyRows");
  });

  it("says a damaged workbook cannot be read", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect((await fileErrorOf(readImportFile({ fileName: "rusak.xlsx", bytes }))).code).toBe("imports.file.unreadableXlsx");
  });
});

describe("readImportFile limits and types", () => {
  it("reads CSV by extension", async () => {
    const table = await readImportFile({ fileName: "pasar.csv", bytes: new TextEncoder().encode("name\nPasar A\n") });
    expect(table.rows[0].cells).toEqual(["Pasar A"]);
  });

  it("refuses files over the size limit before reading them", async () => {
    const bytes = new Uint8Array(IMPORT_LIMITS.maxBytes + 1);
    const error = await fileErrorOf(readImportFile({ fileName: "pasar.csv", bytes }));
    expect(error.kind).toBe("too_large");
    expect(error.params).toEqual({ megabytes: 5 });
  });

  it("refuses other file types, including old XLS and a workbook renamed to .csv", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    for (const file of [
      { fileName: "pasar.xls", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) },
      { fileName: "pasar.pdf", bytes: new TextEncoder().encode("%PDF-1.7") },
      { fileName: "pasar.csv", bytes: zip },
    ]) {
      expect((await fileErrorOf(readImportFile(file))).code, file.fileName).toBe("imports.file.unsupported");
    }
  });
});
