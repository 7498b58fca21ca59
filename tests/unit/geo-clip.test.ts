import { describe, expect, it } from "vitest";
import { clipPolygon, clipRing, roundRing, type Position } from "../../app/domain/geo-clip";
import type { Bbox } from "../../app/domain/map-query";

const box: Bbox = [0, 0, 10, 10];
const ring = (...points: Position[]): Position[] => [...points, points[0]];

describe("clipRing", () => {
  it("keeps a ring inside the box unchanged", () => {
    const inside = ring([1, 1], [4, 1], [4, 4], [1, 4]);
    expect(clipRing(inside, box)).toEqual(inside);
  });

  it("drops a ring entirely outside the box", () => {
    expect(clipRing(ring([20, 20], [30, 20], [30, 30]), box)).toBeNull();
  });

  it("cuts a ring that crosses the box along its edges and closes it", () => {
    const clipped = clipRing(ring([-5, 2], [5, 2], [5, 8], [-5, 8]), box)!;
    expect(clipped[0]).toEqual(clipped[clipped.length - 1]);
    for (const [x, y] of clipped) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(10);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(10);
    }
    expect(clipped).toContainEqual([0, 2]);
    expect(clipped).toContainEqual([0, 8]);
  });

  it("clips a ring larger than the box to the box", () => {
    const clipped = clipRing(ring([-5, -5], [15, -5], [15, 15], [-5, 15]), box)!;
    expect(new Set(clipped.map((p) => p.join(",")))).toEqual(new Set(["0,0", "10,0", "10,10", "0,10"]));
  });
});

describe("clipPolygon", () => {
  it("keeps holes that stay and drops those that fall outside", () => {
    const outer = ring([-5, -5], [15, -5], [15, 15], [-5, 15]);
    const hole = ring([2, 2], [3, 2], [3, 3]);
    const farHole = ring([12, 12], [13, 12], [13, 13]);
    const clipped = clipPolygon([outer, hole, farHole], box)!;
    expect(clipped).toHaveLength(2);
    expect(clipped[1]).toEqual(hole);
  });

  it("is null when the outer ring is outside", () => {
    expect(clipPolygon([ring([20, 20], [30, 20], [30, 30])], box)).toBeNull();
  });
});

describe("roundRing", () => {
  it("rounds to three decimals unless told otherwise", () => {
    expect(roundRing([[109.12345, -0.98765]])).toEqual([[109.123, -0.988]]);
    expect(roundRing([[109.12345, -0.98765]], 1)).toEqual([[109.1, -1]]);
  });
});
