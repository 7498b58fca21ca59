import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { csvField, neutraliseFormula, toCsv } from "../../app/domain/csv-safety";

describe("neutraliseFormula", () => {
  it("prefixes a single quote to text a spreadsheet would read as a formula", () => {
    for (const text of ["=SUM(A1:A9)", "+62812", "-2+3", "@cmd", "\t=1", "\r=1"]) expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it("leaves ordinary text alone, including a formula character later in the cell", () => {
    for (const text of ["Blok A-12", "Siti Nur'aini", "a=b", "", "081234567890"]) expect(neutraliseFormula(text)).toBe(text);
  });
});

describe("csvField", () => {
  it("writes numbers as numbers, so a negative amount is not neutralised", () => {
    expect(csvField(-16800)).toBe("-16800");
    expect(csvField(1_000_000)).toBe("1000000");
  });

  it("writes null and undefined as empty fields", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("quotes fields holding the separator, a quote or a line break, doubling inner quotes", () => {
    expect(csvField("Pasar, Blok A")).toBe('"Pasar, Blok A"');
    expect(csvField('Toko "Maju"')).toBe('"Toko ""Maju"""');
    expect(csvField("baris\nkedua")).toBe('"baris\nkedua"');
    expect(csvField("a;b", ";")).toBe('"a;b"');
  });

  it("neutralises before quoting, so the quote mark stays inside the field", () => {
    expect(csvField('=HYPERLINK("http://x","klik")')).toBe('"\'=HYPERLINK(""http://x"",""klik"")"');
  });
});

describe("toCsv", () => {
  it("starts with a UTF-8 byte-order mark and ends every row with CRLF", () => {
    const text = toCsv([["NIK", "Nama"], ["6171051203859001", "Budi"]]);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toBe("\uFEFFNIK,Nama\r\n6171051203859001,Budi\r\n");
  });

  it("round-trips Indonesian names, separators and neutralised cells through a CSV parser", () => {
    const rows = [["Nama", "Lapak", "Nominal"], ["Ni Kadék Ayu Nur’aini", "=SUM(A1:A2)", 1_000_000], ["Andi, S.E.", "Blok \"C\"-3", -5]];
    const parsed = parse(toCsv(rows).slice(1), { relax_column_count: true }) as string[][];
    expect(parsed).toEqual([["Nama", "Lapak", "Nominal"], ["Ni Kadék Ayu Nur’aini", "'=SUM(A1:A2)", "1000000"], ["Andi, S.E.", 'Blok "C"-3', "-5"]]);
  });
});
