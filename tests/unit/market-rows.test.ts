import { describe, expect, it } from "vitest";
import { parseCsv } from "../../app/domain/import/csv";
import { classifyMarketRows, parseRegencyCode, type MarketImportContext } from "../../app/domain/import/market-rows";
import { ImportFileError, type ImportTable } from "../../app/domain/import/table";

// A Pontianak-like world: two in-scope branches in Kalimantan Barat, Balikpapan outside the scope.
const context: MarketImportContext = {
  branches: [
    { id: 1, code: "KC-PTK", provinceCode: "61", inScope: true },
    { id: 2, code: "KC-SKW", provinceCode: "61", inScope: true },
    { id: 3, code: "KC-BPN", provinceCode: "64", inScope: false },
  ],
  ownBranchId: null,
  markets: [
    { id: 10, code: "MKT001", name: "Pasar Flamboyan", branchId: 1, regencyCode: "61.71" },
    { id: 11, code: "MKT002", name: "Pasar Dahlia", branchId: 1, regencyCode: "61.71" },
  ],
  codesTakenElsewhere: ["MKT099"],
};

const HEADER = ["branch_code", "code", "name", "regency_name", "regency_code", "lat", "lng", "government_run", "operator_type"];

function tableOf(...rows: string[][]): ImportTable {
  return { headers: HEADER, rows: rows.map((cells, index) => ({ row: index + 2, cells })) };
}

function classifyOne(cells: string[], world = context) {
  return classifyMarketRows(tableOf(cells), world).rows[0];
}

const codes = (row: { reasons: { code: string }[] }) => row.reasons.map((reason) => reason.code);

describe("parseRegencyCode", () => {
  it("accepts the forms spreadsheets produce", () => {
    expect(parseRegencyCode("61.71")).toBe("61.71");
    expect(parseRegencyCode("6171")).toBe("61.71");
    expect(parseRegencyCode("61,71")).toBe("61.71");
    expect(parseRegencyCode("61.1")).toBe("61.10");
    expect(parseRegencyCode("617")).toBeNull();
    expect(parseRegencyCode("Pontianak")).toBeNull();
  });
});

describe("classifyMarketRows", () => {
  it("creates a clean row with defaults and the official regency name when the name is blank", () => {
    const row = classifyOne(["KC-PTK", "", "Pasar Sungai Jawi", "", "61.71", "-0.03", "109.32", "ya", "dinas"]);
    expect(row.status).toBe("create");
    expect(row.data).toEqual({
      action: "create",
      fields: expect.objectContaining({
        branch_id: 1,
        code: null,
        name: "Pasar Sungai Jawi",
        regency_name: "Kota Pontianak",
        regency_code: "61.71",
        lat: -0.03,
        lng: 109.32,
        coord_precision: "town",
        government_run: 1,
        operator_type: "dinas_upt",
      }),
    });
  });

  it("updates an existing market in scope by its code, writing only the filled cells", () => {
    const row = classifyOne(["", "mkt001", "Pasar Flamboyan", "", "", "", "", "tidak", ""]);
    expect(row.status).toBe("update");
    expect(row.data).toEqual({ action: "update", marketId: 10, fields: { name: "Pasar Flamboyan", government_run: 0 } });
    expect(row.reasons).toEqual([{ code: "imports.market.updatesExisting", params: { code: "MKT001", name: "Pasar Flamboyan" } }]);
  });

  it("refuses an unknown branch code and a branch outside the caller's scope", () => {
    expect(codes(classifyOne(["KC-XYZ", "", "Pasar A", "", "61.71", "", "", "ya", ""]))).toEqual(["imports.market.branchUnknown"]);
    expect(codes(classifyOne(["KC-BPN", "", "Pasar A", "", "64.71", "", "", "ya", ""]))).toEqual(["imports.market.branchOutsideScope"]);
  });

  it("needs a branch unless the caller works in one branch", () => {
    const cells = ["", "", "Pasar Baru Pontianak", "", "61.71", "", "", "ya", ""];
    expect(codes(classifyOne(cells))).toEqual(["imports.market.branchRequired"]);
    expect(classifyOne(cells, { ...context, ownBranchId: 1 }).data).toMatchObject({ fields: { branch_id: 1 } });
  });

  it("refuses a malformed regency code, an unknown Kalimantan code and one from another province", () => {
    const bad = classifyOne(["KC-PTK", "", "Pasar A", "", "Pontianak", "", "", "ya", ""]);
    expect(bad.reasons).toEqual([{ code: "imports.market.regencyCodeFormat", params: { column: "regency_code", value: "Pontianak" } }]);
    expect(codes(classifyOne(["KC-PTK", "", "Pasar A", "", "61.99", "", "", "ya", ""]))).toEqual(["imports.market.regencyUnknown"]);
    expect(codes(classifyOne(["KC-PTK", "", "Pasar A", "", "64.71", "", "", "ya", ""]))).toEqual(["imports.market.regencyOutsideProvince"]);
    expect(codes(classifyOne(["KC-PTK", "", "Pasar A", "", "", "", "", "ya", ""]))).toEqual(["imports.market.regencyCodeRequired"]);
  });

  it("refuses coordinates outside Indonesia and a lone latitude", () => {
    expect(codes(classifyOne(["KC-PTK", "", "Pasar A", "", "61.71", "109.3", "-0.03", "ya", ""]))).toEqual(["imports.market.outsideIndonesia"]);
    expect(codes(classifyOne(["KC-PTK", "", "Pasar A", "", "61.71", "-0.03", "", "ya", ""]))).toEqual(["imports.market.coordsIncomplete"]);
  });

  it("refuses a row without a name, naming the column as the file wrote it", () => {
    const table: ImportTable = { headers: ["Kode Cabang", "Nama", "Kode Wilayah"], rows: [{ row: 2, cells: ["KC-PTK", " ", "61.71"] }] };
    expect(classifyMarketRows(table, context).rows[0].reasons).toEqual([{ code: "imports.cell.required", params: { column: "Nama", value: "" } }]);
  });

  it("warns about a likely duplicate of an existing market in the same regency, and still imports it", () => {
    const row = classifyOne(["KC-PTK", "", "Ps. Flamboyan Baru", "", "61.71", "", "", "ya", ""]);
    expect(row.status).toBe("warning");
    expect(row.action).toBe("create");
    expect(row.reasons).toEqual([{ code: "imports.market.similarExisting", params: { name: "Pasar Flamboyan", code: "MKT001" } }]);
  });

  it("does not compare names across regencies", () => {
    expect(classifyOne(["KC-SKW", "", "Pasar Flamboyan", "", "61.72", "", "", "ya", ""]).status).toBe("create");
  });

  it("warns about two rows of the same file that look like one market", () => {
    const preview = classifyMarketRows(
      tableOf(["KC-PTK", "", "Pasar Kemuning", "", "61.71", "", "", "ya", ""], ["KC-PTK", "", "pasar kemuning", "", "61.71", "", "", "ya", ""]),
      context,
    );
    const second = preview.rows.find((row) => row.row === 3)!;
    expect(second.reasons).toEqual([{ code: "imports.market.similarRow", params: { name: "Pasar Kemuning", row: 2 } }]);
  });

  it("refuses a code repeated in the file, a code used outside the scope and moving a market to another branch", () => {
    const preview = classifyMarketRows(
      tableOf(
        ["KC-PTK", "NEW-1", "Pasar Satu", "", "61.71", "", "", "ya", ""],
        ["KC-PTK", "NEW-1", "Pasar Dua", "", "61.71", "", "", "ya", ""],
        ["KC-PTK", "MKT099", "Pasar Tiga", "", "61.71", "", "", "ya", ""],
        ["KC-SKW", "MKT002", "Pasar Dahlia", "", "", "", "", "", ""],
      ),
      context,
    );
    const byRow = Object.fromEntries(preview.rows.map((row) => [row.row, codes(row)]));
    expect(byRow[3]).toEqual(["imports.market.codeRepeated"]);
    expect(byRow[4]).toEqual(["imports.market.codeTaken"]);
    expect(byRow[5]).toEqual(["imports.market.branchChange"]);
    expect(preview.counts).toMatchObject({ create: 1, error: 3, valid: 1 });
  });

  it("warns when government-run is left empty on a new market and records it as not government-run", () => {
    const row = classifyOne(["KC-PTK", "", "Pasar Sungai Jawi", "", "61.71", "", "", "", ""]);
    expect(codes(row)).toEqual(["imports.market.governmentRunUnknown"]);
    expect(row.data).toMatchObject({ fields: { government_run: 0 } });
  });

  it("reads a semicolon file from Indonesian Excel, decimal commas and aliases included, end to end", () => {
    const table = parseCsv(
      "kode_cabang;nama;kabupaten_kota;kode_wilayah;lintang;bujur;dikelola_pemerintah;jenis_pengelola;perkiraan_pedagang\r\n" +
        "KC-PTK;Pasar Teratai;Kota Pontianak;61.71;-0,0391;109,3428;ya;perumda;1.236\r\n",
    );
    const row = classifyMarketRows(table, context).rows[0];
    expect(row.status).toBe("create");
    expect(row.data).toMatchObject({ fields: { lat: -0.0391, lng: 109.3428, operator_type: "perumda", trader_estimate: 1236 } });
  });

  it("lists errors first and counts each status", () => {
    const preview = classifyMarketRows(
      tableOf(["KC-PTK", "", "Pasar Satu", "", "61.71", "", "", "ya", ""], ["KC-XYZ", "", "Pasar Dua", "", "61.71", "", "", "ya", ""]),
      context,
    );
    expect(preview.rows.map((row) => row.row)).toEqual([3, 2]);
    expect(preview.counts).toEqual({ error: 1, warning: 0, update: 0, create: 1, total: 2, valid: 1 });
  });

  it("refuses a file without a name column before looking at rows", () => {
    const table: ImportTable = { headers: ["branch_code", "lat"], rows: [{ row: 2, cells: ["KC-PTK", "1"] }] };
    expect(() => classifyMarketRows(table, context)).toThrow(ImportFileError);
  });
});
