import { describe, expect, it } from "vitest";
import { kilometres, nearestNextRoute } from "../../app/domain/route-order";
import { distanceMetres, type LatLng } from "../../app/domain/geo";

const office = { lat: 0, lng: 0 };
const at = (lng: number, lat = 0) => ({ lat, lng });

describe("nearestNextRoute", () => {
  it("always goes on to the nearest market not yet visited, starting from the office", () => {
    const markets = [
      { name: "far", point: at(0.03) },
      { name: "near", point: at(0.01) },
      { name: "middle", point: at(0.02) },
    ];
    const route = nearestNextRoute(office, markets, (m) => m.point);
    expect(route.stops.map((s) => [s.order, s.item.name])).toEqual([
      [1, "near"],
      [2, "middle"],
      [3, "far"],
    ]);
    // Along the equator, 0.01° of longitude is about 1.11 km: three equal legs, 3.34 km in all.
    for (const stop of route.stops) expect(stop.legMetres).toBeCloseTo(1112, -1);
    expect(route.totalMetres).toBeCloseTo(distanceMetres(office, at(0.03)), 6);
    expect(kilometres(route.totalMetres)).toBe(3.3);
  });

  it("follows distance rather than the planned times, and is greedy rather than shortest", () => {
    // From the office, B (1 km east) is nearest; from B, C (1.5 km further east) beats A (2 km west of the office).
    const a = { name: "A", point: at(-0.018) };
    const b = { name: "B", point: at(0.009) };
    const c = { name: "C", point: at(0.0225) };
    const route = nearestNextRoute(office, [a, b, c], (m) => m.point);
    expect(route.stops.map((s) => s.item.name)).toEqual(["B", "C", "A"]);
    const expected = distanceMetres(office, b.point) + distanceMetres(b.point, c.point) + distanceMetres(c.point, a.point);
    expect(route.totalMetres).toBeCloseTo(expected, 6);
    expect(route.stops[2].legMetres).toBeCloseTo(distanceMetres(c.point, a.point), 6);
  });

  it("keeps markets without a pin out of the order but reports them", () => {
    const route = nearestNextRoute(office, [{ name: "pinned", point: at(0.01) }, { name: "unpinned", point: null }], (m) => m.point);
    expect(route.stops.map((s) => s.item.name)).toEqual(["pinned"]);
    expect(route.unlocated.map((m) => m.name)).toEqual(["unpinned"]);
  });

  it("keeps the given order when two markets are equally near", () => {
    const route = nearestNextRoute(office, [{ name: "first", point: at(0, 0.01) }, { name: "second", point: at(0, -0.01) }], (m) => m.point);
    expect(route.stops.map((s) => s.item.name)).toEqual(["first", "second"]);
  });

  it("has no stops and no distance for an empty day", () => {
    expect(nearestNextRoute(office, [], () => null)).toEqual({ stops: [], unlocated: [], totalMetres: 0 });
  });
});

describe("kilometres", () => {
  it("rounds to one decimal", () => {
    expect(kilometres(2049)).toBe(2);
    expect(kilometres(2050)).toBe(2.1);
    expect(kilometres(0)).toBe(0);
  });

  it("takes appointments with a time first, in time order, then the rest nearest first from the last of them", () => {
    type Visit = { name: string; point: LatLng; time: string | null };
    const here = { lat: 0, lng: 0 };
    const visits: Visit[] = [
      { name: "near, untimed", point: { lat: 0, lng: 0.01 }, time: null },
      { name: "far, 13:00", point: { lat: 0, lng: 0.5 }, time: "13:00" },
      { name: "middle, 09:00", point: { lat: 0, lng: 0.2 }, time: "09:00" },
      { name: "beside the 13:00, untimed", point: { lat: 0, lng: 0.49 }, time: null },
    ];
    const route = nearestNextRoute(here, visits, (v) => v.point, (v) => v.time);
    expect(route.stops.map((stop) => stop.item.name)).toEqual(["middle, 09:00", "far, 13:00", "beside the 13:00, untimed", "near, untimed"]);
  });
});
