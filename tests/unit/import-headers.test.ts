import { describe, expect, it } from "vitest";
import { mapColumns, normaliseHeader, recordsOf } from "../../app/domain/import/headers";
import { MARKET_COLUMNS } from "../../app/domain/import/market-rows";

describe("normaliseHeader", () => {
  it("ignores case, spacing, punctuation, accents and hints in brackets", () => {
    expect(normaliseHeader(" Kode Cabang ")).toBe("kode_cabang");
    expect(normaliseHeader("KABUPATEN/KOTA")).toBe("kabupaten_kota");
    expect(normaliseHeader("Lintang (desimal)")).toBe("lintang");
    expect(normaliseHeader("nama-pasar *")).toBe("nama_pasar");
    expect(normaliseHeader("Catatán")).toBe("catatan");
  });
});

describe("mapColumns", () => {
  it("maps English names and Indonesian aliases to the same fields", () => {
    const english = mapColumns(["branch_code", "name", "regency_code", "lat", "lng", "government_run"], MARKET_COLUMNS);
    const indonesian = mapColumns(["Kode Cabang", "Nama", "Kode Wilayah", "Lintang", "Bujur", "Dikelola Pemerintah"], MARKET_COLUMNS);
    expect(indonesian.indexOf).toEqual(english.indexOf);
    expect(indonesian.labelOf.lat).toBe("Lintang");
  });

  it("reads Kabupaten/Kota as the regency name", () => {
    expect(mapColumns(["nama", "Kabupaten/Kota"], MARKET_COLUMNS).indexOf).toEqual({ name: 0, regency_name: 1 });
  });

  it("lists unknown headers as ignored and fields named twice as repeated", () => {
    const mapping = mapColumns(["nama", "warna", "", "name"], MARKET_COLUMNS);
    expect(mapping.ignored).toEqual(["warna"]);
    expect(mapping.repeated).toEqual(["name"]);
  });
});

describe("recordsOf", () => {
  it("gives every field a trimmed value, empty for absent columns and short rows", () => {
    const specs = [
      { field: "name", aliases: ["nama"], help: "imports.column.name" },
      { field: "notes", aliases: [], help: "imports.column.notes" },
      { field: "code", aliases: [], help: "imports.column.code" },
    ] as const;
    const table = { headers: ["nama", "notes"], rows: [{ row: 2, cells: ["  Pasar A "] }] };
    expect(recordsOf(table, specs, mapColumns(table.headers, specs))).toEqual([{ row: 2, values: { name: "Pasar A", notes: "", code: "" } }]);
  });
});
