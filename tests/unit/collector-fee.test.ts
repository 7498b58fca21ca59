import { describe, expect, it } from "vitest";
import { collectorFee, feeStatement, monthWindow } from "../../app/domain/collector-fee";

describe("collectorFee", () => {
  it("takes the MoU's share in basis points, rounded down to the rupiah", () => {
    expect(collectorFee(100_000, 750)).toBe(7_500);
    expect(collectorFee(12_345, 750)).toBe(925); // 925.875
    expect(collectorFee(1, 9_999)).toBe(0);
  });

  it("pays nothing on a zero or negative net", () => {
    expect(collectorFee(0, 750)).toBe(0);
    expect(collectorFee(-5_000, 750)).toBe(0);
  });

  it("stays exact for large months", () => {
    expect(collectorFee(9_007_199_254_740, 750)).toBe(675_539_944_105);
  });

  it("refuses fractions", () => {
    expect(() => collectorFee(10.5, 750)).toThrow(RangeError);
    expect(() => collectorFee(10, -1)).toThrow(RangeError);
  });
});

describe("feeStatement", () => {
  it("totals the rounded lines so the printed statement adds up", () => {
    const statement = feeStatement(
      [
        { collectorId: 1, collectorName: "Rahmat", net: 12_345, entries: 40, namedOnMou: true },
        { collectorId: 2, collectorName: "Sari", net: 10_001, entries: 30, namedOnMou: false },
      ],
      750,
    );
    expect(statement.lines.map((line) => line.fee)).toEqual([925, 750]);
    expect(statement).toMatchObject({ basisPoints: 750, totalNet: 22_346, totalFee: 1_675 });
  });
});

describe("monthWindow", () => {
  it("covers the whole month when the MoU is in force all of it", () => {
    expect(monthWindow("2026-11", { from: "2026-01-01", to: "2027-12-31" })).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(monthWindow("2028-02", { from: null, to: null })).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });

  it("clips to the in-force period and is empty outside it", () => {
    expect(monthWindow("2026-11", { from: "2026-11-10", to: "2026-11-20" })).toEqual({ from: "2026-11-10", to: "2026-11-20" });
    expect(monthWindow("2026-10", { from: "2026-11-10", to: null })).toBeNull();
  });
});
