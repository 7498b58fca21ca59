import type { Bbox } from "./map-query";

// Cutting polygons to a rectangle, so the shipped world outline can be served as just the part the
// programme needs. Pure; used by the server when it prepares the vector base map.

export type Position = [number, number];
type Ring = Position[];

type Edge = { inside: (p: Position) => boolean; cross: (a: Position, b: Position) => Position };

const atLng = (a: Position, b: Position, lng: number): Position => [lng, a[1] + ((b[1] - a[1]) * (lng - a[0])) / (b[0] - a[0])];
const atLat = (a: Position, b: Position, lat: number): Position => [a[0] + ((b[0] - a[0]) * (lat - a[1])) / (b[1] - a[1]), lat];

function edgesOf([west, south, east, north]: Bbox): Edge[] {
  return [
    { inside: (p) => p[0] >= west, cross: (a, b) => atLng(a, b, west) },
    { inside: (p) => p[0] <= east, cross: (a, b) => atLng(a, b, east) },
    { inside: (p) => p[1] >= south, cross: (a, b) => atLat(a, b, south) },
    { inside: (p) => p[1] <= north, cross: (a, b) => atLat(a, b, north) },
  ];
}

/**
 * Sutherland–Hodgman against each side of the box. A ring that leaves and re-enters the box gains
 * segments along its edge, which is harmless for filled land. Returns null when nothing is left.
 */
export function clipRing(ring: Ring, box: Bbox): Ring | null {
  let points = ring[0] && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring;
  for (const edge of edgesOf(box)) {
    const output: Position[] = [];
    points.forEach((current, index) => {
      const previous = points[(index + points.length - 1) % points.length];
      if (edge.inside(current)) {
        if (!edge.inside(previous)) output.push(edge.cross(previous, current));
        output.push(current);
      } else if (edge.inside(previous)) {
        output.push(edge.cross(previous, current));
      }
    });
    points = output;
    if (points.length < 3) return null;
  }
  return [...points, points[0]];
}

/** A polygon (outer ring first) cut to the box; holes that vanish are dropped; null when the outer ring goes. */
export function clipPolygon(rings: Ring[], box: Bbox): Ring[] | null {
  const outer = clipRing(rings[0], box);
  if (!outer) return null;
  const holes = rings.slice(1).map((hole) => clipRing(hole, box));
  return [outer, ...holes.filter((hole): hole is Ring => hole !== null)];
}

/** Rounds every position (to 3 decimals by default, ~100 m: plenty for a coastline under the tiles). */
export const roundRing = (ring: Ring, decimals = 3): Ring => {
  const factor = 10 ** decimals;
  return ring.map(([lng, lat]) => [Math.round(lng * factor) / factor, Math.round(lat * factor) / factor]);
};
