import { describe, expect, it } from "vitest";
import { decodeText, detectSeparator, parseCsv } from "../../app/domain/import/csv";
import { ImportFileError, IMPORT_LIMITS } from "../../app/domain/import/table";

const utf8 = (text: string) => new TextEncoder().encode(text);

function fileErrorOf(run: () => unknown): ImportFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error("expected an ImportFileError");
}

describe("decodeText", () => {
  it("reads UTF-8 with a BOM and drops the BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("nama\nPasar Sungai Jawi")]);
    expect(decodeText(bytes)).toBe("nama\nPasar Sungai Jawi");
  });

  it("reads UTF-8 without a BOM, accents included", () => {
    expect(decodeText(utf8("nama\nPasar Café"))).toBe("nama\nPasar Café");
  });

  it("falls back to Windows-1252 for files saved by Excel as plain CSV", () => {
    expect(decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toBe("Café");
  });

  it("reads UTF-16 little-endian text with its BOM", () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62, 0x00]);
    expect(decodeText(bytes)).toBe("ab");
  });
});

describe("detectSeparator", () => {
  it("picks the semicolon Indonesian Excel writes", () => {
    expect(detectSeparator("kode_cabang;nama;lintang\nKC-PTK;Pasar A;-0,0391")).toBe(";");
  });

  it("picks the comma when the header uses commas", () => {
    expect(detectSeparator("branch_code,name,lat\r\nKC-PTK,Pasar A,-0.0391")).toBe(",");
  });

  it("ignores separators inside quoted header cells", () => {
    expect(detectSeparator('"a;b;c";d;e,f')).toBe(";");
    expect(detectSeparator('"a,b,c,d",e;f,g')).toBe(",");
  });

  it("reads tab-separated text (Excel's Unicode text)", () => {
    expect(detectSeparator("name\tlat\tlng")).toBe("\t");
  });
});

describe("parseCsv", () => {
  it("reads a UTF-8 file with a BOM so the first header is clean", () => {
    const table = parseCsv(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("branch_code,name\nKC-PTK,Pasar A\n")])));
    expect(table.headers).toEqual(["branch_code", "name"]);
    expect(table.rows).toEqual([{ row: 2, cells: ["KC-PTK", "Pasar A"] }]);
  });

  it("reads semicolon-separated rows and keeps decimal commas intact for the row schema", () => {
    const table = parseCsv("kode_cabang;nama;lintang;bujur\nKC-PTK;Pasar Flamboyan;-0,0391;109,3428\n");
    expect(table.separator).toBe(";");
    expect(table.rows[0].cells).toEqual(["KC-PTK", "Pasar Flamboyan", "-0,0391", "109,3428"]);
  });

  it("reads CRLF line endings without leaving carriage returns in cells", () => {
    const table = parseCsv("name,lat\r\nPasar A,-0.1\r\nPasar B,-0.2\r\n");
    expect(table.rows.map((row) => row.cells)).toEqual([
      ["Pasar A", "-0.1"],
      ["Pasar B", "-0.2"],
    ]);
  });

  it("reads quoted fields holding separators, newlines and doubled quotes", () => {
    const text = 'name,address,notes\r\n"Pasar ""Baru"", Pontianak","Jl. Gajah Mada; No. 1","baris satu\r\nbaris dua"\r\nPasar B,,\r\n';
    const table = parseCsv(text);
    expect(table.rows[0].cells).toEqual(['Pasar "Baru", Pontianak', "Jl. Gajah Mada; No. 1", "baris satu\r\nbaris dua"]);
    expect(table.rows[1]).toEqual({ row: 3, cells: ["Pasar B", "", ""] });
  });

  it("skips blank lines but keeps the spreadsheet row numbers of the rows after them", () => {
    const table = parseCsv("name,lat\nPasar A,1\n\n,\nPasar B,2\n");
    expect(table.rows.map((row) => [row.row, row.cells[0]])).toEqual([
      [2, "Pasar A"],
      [5, "Pasar B"],
    ]);
  });

  it("tolerates stray quotes inside an unquoted field", () => {
    expect(parseCsv('name\nPasar "Lama" Sintang\n').rows[0].cells).toEqual(['Pasar "Lama" Sintang']);
  });

  it("says where a quote was left open", () => {
    const error = fileErrorOf(() => parseCsv('name,notes\nPasar A,"open\n'));
    expect(error.code).toBe("imports.file.malformedCsv");
  });

  it("refuses an empty file, a header without rows and binary content", () => {
    expect(fileErrorOf(() => parseCsv("")).code).toBe("imports.file.noHeader");
    expect(fileErrorOf(() => parseCsv("name,lat\n")).code).toBe("imports.file.noRows");
    expect(fileErrorOf(() => parseCsv("PK\u0003\u0004\u0000\u0000")).code).toBe("imports.file.unsupported");
  });

  it("refuses more rows than the limit with the count in the message", () => {
    const text = `name\n${"Pasar\n".repeat(IMPORT_LIMITS.maxRows + 1)}`;
    const error = fileErrorOf(() => parseCsv(text));
    expect(error.kind).toBe("too_many_rows");
    expect(error.params).toEqual({ max: IMPORT_LIMITS.maxRows, rows: IMPORT_LIMITS.maxRows + 1 });
  });

  it("accepts exactly the row limit", () => {
    expect(parseCsv(`name\n${"Pasar\n".repeat(IMPORT_LIMITS.maxRows)}`).rows).toHaveLength(IMPORT_LIMITS.maxRows);
  });
});
