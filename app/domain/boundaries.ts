import type { BoundaryLevel } from "../../db/schema";
import type { Position } from "./geo-clip";

// Checking an uploaded boundary file (provinces or regencies with Kemendagri codes) and the choropleth's
// arithmetic. Pure: the upload route reads the bytes, the model stores what this returns.

export const MAX_BOUNDARY_BYTES = 10 * 1024 * 1024;

/** Where boundary files usually keep the Kemendagri code, most specific first. */
const CODE_PROPERTIES = ["kode", "KODE", "kode_kemendagri", "KODE_KEMENDAGRI", "kode_wilayah", "KODE_KAB", "kode_kab", "KODE_PROV", "kode_prov", "code", "CODE", "id", "ID"];
const NAME_PROPERTIES = ["nama", "NAMA", "name", "NAME", "WADMKK", "WADMPR", "KAB_KOTA", "PROVINSI", "Propinsi", "provinsi"];

export type BoundaryGeometry = { type: "Polygon"; coordinates: Position[][] } | { type: "MultiPolygon"; coordinates: Position[][][] };

export interface BoundaryFeature {
  type: "Feature";
  properties: { code: string; name: string };
  geometry: BoundaryGeometry;
}

export interface BoundaryCollection {
  type: "FeatureCollection";
  features: BoundaryFeature[];
}

export type BoundaryProblem =
  | { error: "boundaries.error.notJson" | "boundaries.error.notFeatureCollection" | "boundaries.error.noCodes" | "boundaries.error.mixedLevels" }
  | { error: "boundaries.error.geometry"; feature: number };

export type BoundaryCheck = { ok: true; level: BoundaryLevel; codeProperty: string; collection: BoundaryCollection } | ({ ok: false } & BoundaryProblem);

/** "61", "6171", "61.71", 61 or 6171 → "61" or "61.71"; anything else → null. */
export function normaliseAreaCode(value: unknown): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const match = /^(\d{2})(?:[.\s]?(\d{2}))?$/.exec(String(value).trim());
  if (!match) return null;
  return match[2] ? `${match[1]}.${match[2]}` : match[1];
}

const levelOf = (code: string): BoundaryLevel => (code.length === 2 ? "province" : "regency");

const round5 = (value: number) => Math.round(value * 1e5) / 1e5;

/** A ring of at least four [lng, lat] positions inside the world's ranges, rounded to ~1 m. */
function cleanRing(ring: unknown): Position[] | null {
  if (!Array.isArray(ring) || ring.length < 4) return null;
  const positions: Position[] = [];
  for (const position of ring) {
    if (!Array.isArray(position) || position.length < 2) return null;
    const [lng, lat] = position;
    if (typeof lng !== "number" || typeof lat !== "number" || Math.abs(lng) > 180 || Math.abs(lat) > 90) return null;
    positions.push([round5(lng), round5(lat)]);
  }
  return positions;
}

function cleanPolygon(rings: unknown): Position[][] | null {
  if (!Array.isArray(rings) || rings.length === 0) return null;
  const cleaned = rings.map(cleanRing);
  return cleaned.every((ring): ring is Position[] => ring !== null) ? cleaned : null;
}

function cleanGeometry(geometry: unknown): BoundaryGeometry | null {
  if (!geometry || typeof geometry !== "object") return null;
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === "Polygon") {
    const polygon = cleanPolygon(coordinates);
    return polygon && { type, coordinates: polygon };
  }
  if (type === "MultiPolygon" && Array.isArray(coordinates) && coordinates.length > 0) {
    const polygons = coordinates.map(cleanPolygon);
    return polygons.every((polygon): polygon is Position[][] => polygon !== null) ? { type, coordinates: polygons } : null;
  }
  return null;
}

function propertiesOf(feature: unknown): Record<string, unknown> {
  const properties = feature && typeof feature === "object" ? (feature as { properties?: unknown }).properties : null;
  return properties && typeof properties === "object" ? (properties as Record<string, unknown>) : {};
}

/** The first candidate property that holds a valid code in every feature. */
function detectCodeProperty(features: unknown[]): string | null {
  return CODE_PROPERTIES.find((property) => features.every((feature) => normaliseAreaCode(propertiesOf(feature)[property]) !== null)) ?? null;
}

function nameOf(properties: Record<string, unknown>, code: string): string {
  const property = NAME_PROPERTIES.find((candidate) => typeof properties[candidate] === "string" && properties[candidate] !== "");
  return property ? String(properties[property]) : code;
}

/**
 * Accepts a FeatureCollection of Polygon/MultiPolygon features whose codes are all provinces ("61")
 * or all regencies ("61.71"), found in one of the usual code properties. Returns the collection reduced
 * to { code, name } per feature, coordinates rounded to about a metre.
 */
export function checkBoundaryFile(text: string): BoundaryCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: "boundaries.error.notJson" };
  }
  const { type, features } = (parsed ?? {}) as { type?: unknown; features?: unknown };
  if (type !== "FeatureCollection" || !Array.isArray(features) || features.length === 0) {
    return { ok: false, error: "boundaries.error.notFeatureCollection" };
  }
  const geometries = features.map((feature) => cleanGeometry((feature as { geometry?: unknown })?.geometry));
  const broken = geometries.findIndex((geometry) => geometry === null);
  if (broken >= 0) return { ok: false, error: "boundaries.error.geometry", feature: broken + 1 };
  const codeProperty = detectCodeProperty(features);
  if (!codeProperty) return { ok: false, error: "boundaries.error.noCodes" };
  const codes = features.map((feature) => normaliseAreaCode(propertiesOf(feature)[codeProperty])!);
  const levels = new Set(codes.map(levelOf));
  if (levels.size > 1) return { ok: false, error: "boundaries.error.mixedLevels" };
  return {
    ok: true,
    level: levelOf(codes[0]),
    codeProperty,
    collection: {
      type: "FeatureCollection",
      features: features.map((feature, index) => ({
        type: "Feature",
        properties: { code: codes[index], name: nameOf(propertiesOf(feature), codes[index]) },
        geometry: geometries[index]!,
      })),
    },
  };
}

/** The area a market counts toward: its regency code, or the province part of it. */
export const areaCodeOf = (regencyCode: string, level: BoundaryLevel) => (level === "province" ? regencyCode.slice(0, 2) : regencyCode);

/**
 * Class limits for a choropleth of counts: the upper bounds of up to `classes` ranges of the non-zero
 * values (quantiles), ascending and distinct. Zero always has its own class below them.
 */
export function choroplethLimits(values: number[], classes = 5): number[] {
  const sorted = values.filter((value) => value > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const limits = Array.from({ length: classes }, (_, index) => sorted[Math.ceil(((index + 1) * sorted.length) / classes) - 1]);
  return [...new Set(limits)];
}

/** 0 for zero, then 1..limits.length for the range the value falls in. */
export function choroplethClass(value: number, limits: number[]): number {
  if (value <= 0) return 0;
  const index = limits.findIndex((limit) => value <= limit);
  return index === -1 ? limits.length : index + 1;
}
