import type { MarketStage, TraderCoverageStatus } from "../../db/schema";
import { isMarketStage } from "./pipeline";

// What a map request asks for: the view (bounding box and zoom) and the filters. Pure; shared by the
// map page (which builds the requests) and the API (which refuses malformed ones with a clear message).

/** [west, south, east, north] in degrees, the order GeoJSON and supercluster use. */
export type Bbox = [number, number, number, number];

/**
 * A view wider or taller than this is refused: the programme is one country, and a bigger box only
 * makes the server walk more points. The page never asks for more than the data area below.
 */
export const MAX_BBOX_SPAN = { lng: 60, lat: 40 } as const;

/** Where the map asks for data: Indonesia with a margin (55° × 25°, inside MAX_BBOX_SPAN). */
export const DATA_AREA: Bbox = [90, -15, 145, 10];

export const MIN_ZOOM = 0;
export const MAX_ZOOM = 22;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function parseBbox(raw: string | null): Parsed<Bbox> {
  if (raw == null || raw.trim() === "") return { ok: false, error: "bbox is required: west,south,east,north in degrees" };
  const parts = raw.split(",").map((part) => part.trim());
  if (parts.length !== 4 || !parts.every((part) => DECIMAL.test(part))) {
    return { ok: false, error: "bbox must be four decimal numbers: west,south,east,north" };
  }
  const [west, south, east, north] = parts.map(Number);
  if (west < -180 || east > 180 || south < -90 || north > 90) {
    return { ok: false, error: "bbox is outside the world: longitudes -180..180, latitudes -90..90" };
  }
  if (west >= east || south >= north) return { ok: false, error: "bbox must have west < east and south < north" };
  if (east - west > MAX_BBOX_SPAN.lng || north - south > MAX_BBOX_SPAN.lat) {
    return { ok: false, error: `bbox is too large: at most ${MAX_BBOX_SPAN.lng}° wide and ${MAX_BBOX_SPAN.lat}° tall` };
  }
  return { ok: true, value: [west, south, east, north] };
}

export function parseZoom(raw: string | null): Parsed<number> {
  if (raw == null || raw.trim() === "") return { ok: false, error: "zoom is required: a whole number" };
  const zoom = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || zoom < MIN_ZOOM || zoom > MAX_ZOOM) {
    return { ok: false, error: `zoom must be a whole number from ${MIN_ZOOM} to ${MAX_ZOOM}` };
  }
  return { ok: true, value: zoom };
}

/** The box a map view should request: its own bounds cut to the data area, or null when they miss it. */
export function requestBbox(view: Bbox): Bbox | null {
  const clipped: Bbox = [
    Math.max(view[0], DATA_AREA[0]),
    Math.max(view[1], DATA_AREA[1]),
    Math.min(view[2], DATA_AREA[2]),
    Math.min(view[3], DATA_AREA[3]),
  ];
  return clipped[0] < clipped[2] && clipped[1] < clipped[3] ? clipped : null;
}

export const TRADER_MAP_STATUSES: TraderCoverageStatus[] = ["aktif", "menunggak", "nonaktif", "belum_bayar"];

export function isTraderMapStatus(value: unknown): value is TraderCoverageStatus {
  return typeof value === "string" && (TRADER_MAP_STATUSES as string[]).includes(value);
}

/** Filters of the map page and the traders endpoint; unknown or malformed values are ignored. */
export interface MapFilters {
  branchId?: number;
  marketId?: number;
  stage?: MarketStage;
  status?: TraderCoverageStatus;
}

const positiveId = (raw: string | null) => {
  const id = Number(raw);
  return raw && Number.isSafeInteger(id) && id > 0 ? id : undefined;
};

export function parseMapFilters(params: URLSearchParams): MapFilters {
  const stage = params.get("stage");
  const status = params.get("status");
  return {
    branchId: positiveId(params.get("branch")),
    marketId: positiveId(params.get("market")),
    stage: isMarketStage(stage) ? stage : undefined,
    status: isTraderMapStatus(status) ? status : undefined,
  };
}

/** The filters as URL parameters (the inverse of parseMapFilters), for links and API requests. */
export function mapFilterParams(filters: MapFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.branchId != null) params.set("branch", String(filters.branchId));
  if (filters.marketId != null) params.set("market", String(filters.marketId));
  if (filters.stage) params.set("stage", filters.stage);
  if (filters.status) params.set("status", filters.status);
  return params;
}
