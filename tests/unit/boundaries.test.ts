import { describe, expect, it } from "vitest";
import { areaCodeOf, checkBoundaryFile, choroplethClass, choroplethLimits, normaliseAreaCode } from "../../app/domain/boundaries";

const square = (west: number, south: number, size = 1) => [
  [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
    [west, south],
  ],
];

const collection = (features: unknown[]) => JSON.stringify({ type: "FeatureCollection", features });
const polygon = (properties: Record<string, unknown>, west = 109) => ({ type: "Feature", properties, geometry: { type: "Polygon", coordinates: square(west, -1) } });

describe("normaliseAreaCode", () => {
  it("reads province and regency codes written in the usual ways", () => {
    expect(normaliseAreaCode("61")).toBe("61");
    expect(normaliseAreaCode(64)).toBe("64");
    expect(normaliseAreaCode("61.71")).toBe("61.71");
    expect(normaliseAreaCode("6171")).toBe("61.71");
    expect(normaliseAreaCode(6171)).toBe("61.71");
    expect(normaliseAreaCode(" 62 03 ")).toBe("62.03");
  });

  it("refuses anything else", () => {
    for (const value of ["6", "61.7", "61.71.01", "KB", "", null, undefined, {}, 61.1]) expect(normaliseAreaCode(value), String(value)).toBeNull();
  });
});

describe("checkBoundaryFile", () => {
  it("accepts regencies with codes in `kode` and keeps only code and name", () => {
    const checked = checkBoundaryFile(
      collection([polygon({ kode: "61.71", nama: "Kota Pontianak", centroid_lat: -0.03 }), { ...polygon({ kode: "61.72", nama: "Kota Singkawang" }, 110), geometry: { type: "MultiPolygon", coordinates: [square(110, 0.8)] } }]),
    );
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.level).toBe("regency");
    expect(checked.codeProperty).toBe("kode");
    expect(checked.collection.features.map((f) => f.properties)).toEqual([
      { code: "61.71", name: "Kota Pontianak" },
      { code: "61.72", name: "Kota Singkawang" },
    ]);
  });

  it("detects province codes in KODE_PROV and names in PROVINSI", () => {
    const checked = checkBoundaryFile(collection([polygon({ id: "63", KODE_PROV: "63", PROVINSI: "Kalimantan Selatan" })]));
    expect(checked).toMatchObject({ ok: true, level: "province", codeProperty: "KODE_PROV" });
    if (checked.ok) expect(checked.collection.features[0].properties).toEqual({ code: "63", name: "Kalimantan Selatan" });
  });

  it("rounds coordinates to about a metre", () => {
    const feature = { type: "Feature", properties: { code: "64" }, geometry: { type: "Polygon", coordinates: [[[116.1234567, -1.1], [116.2, -1.1], [116.2, -1.2], [116.1234567, -1.1]]] } };
    const checked = checkBoundaryFile(collection([feature]));
    expect(checked.ok && checked.collection.features[0].geometry.coordinates[0][0]).toEqual([116.12346, -1.1]);
  });

  it("refuses text that is not JSON or not a FeatureCollection", () => {
    expect(checkBoundaryFile("{ not json")).toEqual({ ok: false, error: "boundaries.error.notJson" });
    expect(checkBoundaryFile(JSON.stringify({ type: "Feature" }))).toEqual({ ok: false, error: "boundaries.error.notFeatureCollection" });
    expect(checkBoundaryFile(collection([]))).toEqual({ ok: false, error: "boundaries.error.notFeatureCollection" });
    expect(checkBoundaryFile("null")).toEqual({ ok: false, error: "boundaries.error.notFeatureCollection" });
  });

  it("names the first feature whose geometry is not a valid polygon", () => {
    const point = { type: "Feature", properties: { kode: "61" }, geometry: { type: "Point", coordinates: [109, 0] } };
    expect(checkBoundaryFile(collection([polygon({ kode: "62" }), point]))).toEqual({ ok: false, error: "boundaries.error.geometry", feature: 2 });
    const open = { type: "Feature", properties: { kode: "61" }, geometry: { type: "Polygon", coordinates: [[[109, 0], [110, 0], [109, 0]]] } };
    expect(checkBoundaryFile(collection([open]))).toMatchObject({ error: "boundaries.error.geometry", feature: 1 });
    const swapped = { type: "Feature", properties: { kode: "61" }, geometry: { type: "Polygon", coordinates: square(-0.5, 109) } };
    expect(checkBoundaryFile(collection([swapped]))).toMatchObject({ error: "boundaries.error.geometry" });
  });

  it("refuses files where some feature has no code", () => {
    expect(checkBoundaryFile(collection([polygon({ kode: "61.71" }), polygon({ nama: "Tanpa kode" })]))).toEqual({ ok: false, error: "boundaries.error.noCodes" });
  });

  it("refuses files that mix provinces and regencies", () => {
    expect(checkBoundaryFile(collection([polygon({ kode: "61" }), polygon({ kode: "61.71" })]))).toEqual({ ok: false, error: "boundaries.error.mixedLevels" });
  });
});

describe("choropleth", () => {
  it("counts a market toward its regency or its province", () => {
    expect(areaCodeOf("61.71", "regency")).toBe("61.71");
    expect(areaCodeOf("61.71", "province")).toBe("61");
  });

  it("splits non-zero counts into ascending distinct quantile limits", () => {
    expect(choroplethLimits([0, 0, 0])).toEqual([]);
    expect(choroplethLimits([5, 1, 0, 3, 2, 4, 100, 9, 8, 7, 6])).toEqual([2, 4, 6, 8, 100]);
    expect(choroplethLimits([7, 7, 7])).toEqual([7]);
  });

  it("puts zero in its own class and other values in the range that holds them", () => {
    const limits = [2, 4, 6, 8, 100];
    expect(choroplethClass(0, limits)).toBe(0);
    expect(choroplethClass(1, limits)).toBe(1);
    expect(choroplethClass(3, limits)).toBe(2);
    expect(choroplethClass(100, limits)).toBe(5);
    expect(choroplethClass(250, limits)).toBe(5);
  });
});
