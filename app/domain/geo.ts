// Geographic helpers shared by market registry and visits. Pure; safe in the browser.

export interface LatLng {
  lat: number;
  lng: number;
}

/** A generous box around Indonesia; coordinates outside it are typos (swapped or sign-flipped), not markets. */
export const INDONESIA_BOUNDS = { minLat: -11, maxLat: 6.5, minLng: 94.5, maxLng: 141.5 } as const;

export function isInsideIndonesia(lat: number, lng: number): boolean {
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return false;
  return (
    lat >= INDONESIA_BOUNDS.minLat &&
    lat <= INDONESIA_BOUNDS.maxLat &&
    lng >= INDONESIA_BOUNDS.minLng &&
    lng <= INDONESIA_BOUNDS.maxLng
  );
}

/** Decimal degrees as people type them; a decimal comma ("-0,0391") counts as a point. NaN if unreadable. */
export function parseDegrees(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? Number.NaN : Number(trimmed.replace(",", "."));
}

/** The point two typed coordinates describe, or null while they are incomplete or outside Indonesia. */
export function pinFromText(lat: string, lng: string): LatLng | null {
  const point = { lat: parseDegrees(lat), lng: parseDegrees(lng) };
  return isInsideIndonesia(point.lat, point.lng) ? point : null;
}

const EARTH_RADIUS_METRES = 6_371_008.8;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle (haversine) distance in metres. */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * How far an unconfirmed pin may be from the market, by the precision its source gave
 * (kelurahan centroids 0.5–3 km, kecamatan or town up to 10 km): drawn as a circle on the map.
 */
export const APPROXIMATE_RADIUS_METRES = { kelurahan: 1_500, kecamatan: 5_000, town: 10_000 } as const;
