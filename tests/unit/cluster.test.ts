import { describe, expect, it } from "vitest";
import { addCounts, countOf, emptyStatusCounts, roundCoordinate, spreadAround, totalOf, TRADER_SPREAD_METRES } from "../../app/domain/cluster";
import { distanceMetres } from "../../app/domain/geo";

const flamboyan = { lat: -0.0391, lng: 109.3428 };

describe("spreadAround", () => {
  it("places every trader within the spread radius of the market", () => {
    for (let id = 1; id <= 2_000; id += 1) {
      expect(distanceMetres(flamboyan, spreadAround(flamboyan, id))).toBeLessThanOrEqual(TRADER_SPREAD_METRES + 0.01);
    }
  });

  it("is deterministic by trader id and independent of other traders", () => {
    expect(spreadAround(flamboyan, 1234)).toEqual(spreadAround(flamboyan, 1234));
    expect(spreadAround(flamboyan, 1234)).not.toEqual(spreadAround(flamboyan, 1235));
  });

  it("fills the disc rather than stacking traders on one point", () => {
    const points = Array.from({ length: 1_000 }, (_, index) => spreadAround(flamboyan, index + 1));
    const distances = points.map((point) => distanceMetres(flamboyan, point));
    const inner = distances.filter((d) => d <= TRADER_SPREAD_METRES / Math.SQRT2).length;
    // An even spread puts half of the points inside the circle of half the area.
    expect(inner).toBeGreaterThan(430);
    expect(inner).toBeLessThan(570);
    const distinct = new Set(points.map((point) => `${point.lat.toFixed(6)},${point.lng.toFixed(6)}`));
    expect(distinct.size).toBe(1_000);
    const east = points.filter((point) => point.lng > flamboyan.lng).length;
    expect(east).toBeGreaterThan(430);
    expect(east).toBeLessThan(570);
  });

  it("keeps the radius in metres away from the equator too", () => {
    const north = { lat: 4.0, lng: 117.6 };
    for (let id = 1; id <= 200; id += 1) expect(distanceMetres(north, spreadAround(north, id, 30))).toBeLessThanOrEqual(30.01);
  });
});

describe("status counts", () => {
  it("adds one trader's status into a cluster's counts", () => {
    const total = emptyStatusCounts();
    addCounts(total, countOf("aktif"));
    addCounts(total, countOf("aktif"));
    addCounts(total, countOf("nonaktif"));
    expect(total).toEqual({ aktif: 2, menunggak: 0, nonaktif: 1, belum_bayar: 0 });
    expect(totalOf(total)).toBe(3);
  });

  it("gives each trader a fresh object so adding never changes another's counts", () => {
    const one = countOf("menunggak");
    const sum = countOf("menunggak");
    addCounts(sum, one);
    expect(one.menunggak).toBe(1);
  });
});

describe("roundCoordinate", () => {
  it("keeps six decimals (about 0.1 m)", () => {
    expect(roundCoordinate(109.34281234)).toBe(109.342812);
    expect(roundCoordinate(-0.03910049)).toBe(-0.0391);
  });
});
