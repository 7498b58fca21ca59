import type { TraderCoverageStatus } from "../../db/schema";
import type { LatLng } from "./geo";
import { TRADER_MAP_STATUSES } from "./map-query";

// Placing and counting traders on the map. Pure; the index itself lives in models/trader-index.server.ts.

/** How far traders without their own pin are spread around their market's point. */
export const TRADER_SPREAD_METRES = 60;

const METRES_PER_DEGREE_LATITUDE = 111_320;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** A well-mixed 32-bit hash of an integer (murmur3's finaliser), as a fraction in [0, 1). */
function hashFraction(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4_294_967_296;
}

/**
 * Where a trader without their own pin is drawn: within `radiusMetres` of the market, the angle on a
 * golden-angle spiral and the distance from a hash of the trader's id (square-rooted so the disc fills
 * evenly). It depends on the id alone, so a trader keeps their spot when others join or leave.
 */
export function spreadAround(centre: LatLng, traderId: number, radiusMetres = TRADER_SPREAD_METRES): LatLng {
  const distance = radiusMetres * Math.sqrt(hashFraction(traderId));
  const angle = traderId * GOLDEN_ANGLE;
  const dLat = (distance * Math.cos(angle)) / METRES_PER_DEGREE_LATITUDE;
  const dLng = (distance * Math.sin(angle)) / (METRES_PER_DEGREE_LATITUDE * Math.cos((centre.lat * Math.PI) / 180));
  return { lat: centre.lat + dLat, lng: centre.lng + dLng };
}

export type StatusCounts = Record<TraderCoverageStatus, number>;

export const emptyStatusCounts = (): StatusCounts => ({ aktif: 0, menunggak: 0, nonaktif: 0, belum_bayar: 0 });

/** One trader's contribution to a cluster's counts (a fresh object: the clusterer adds into it). */
export function countOf(status: TraderCoverageStatus): StatusCounts {
  const counts = emptyStatusCounts();
  counts[status] = 1;
  return counts;
}

/** Adds `more` into `total` (the clusterer's reduce step). */
export function addCounts(total: StatusCounts, more: StatusCounts): void {
  for (const status of TRADER_MAP_STATUSES) total[status] += more[status];
}

export const totalOf = (counts: StatusCounts) => TRADER_MAP_STATUSES.reduce((sum, status) => sum + counts[status], 0);

/** Rounds a coordinate to ~0.1 m, enough for a stall and a third shorter on the wire. */
export const roundCoordinate = (value: number) => Math.round(value * 1e6) / 1e6;
