import { KALIMANTAN_REGENCIES } from "../../app/domain/regency-codes";
import { KALIMANTAN_PROVINCES } from "../../app/domain/business-day";

// Boundary files shaped like the real ones an admin uploads (Kemendagri codes under `kode` / `KODE_PROV`,
// names under `nama` / `PROVINSI`, MultiPolygons with many vertices), generated so the tests need nothing
// outside the repository. The geometry is a ring of small circles: valid, not geographic.

function ring(centreLng: number, centreLat: number, radius: number, vertices: number): number[][] {
  const points = Array.from({ length: vertices }, (_, i) => {
    const angle = (2 * Math.PI * i) / vertices;
    return [Number((centreLng + radius * Math.cos(angle)).toFixed(5)), Number((centreLat + radius * Math.sin(angle)).toFixed(5))];
  });
  return [...points, points[0]];
}

function collection(features: { properties: Record<string, string> }[]) {
  return JSON.stringify({
    type: "FeatureCollection",
    features: features.map(({ properties }, index) => ({
      type: "Feature",
      properties,
      geometry: { type: "MultiPolygon", coordinates: [[ring(109 + (index % 10) * 0.6, -3 + Math.floor(index / 10) * 0.6, 0.25, 120)]] },
    })),
  });
}

/** Every Kalimantan regency and city, as a kab/kota boundary file (`kode`, `nama`, `provinsi`). */
export function regencyBoundaryFile(): { text: string; count: number } {
  const regencies = Object.entries(KALIMANTAN_REGENCIES);
  const text = collection(
    regencies.map(([kode, nama]) => ({ properties: { kode, nama, provinsi: KALIMANTAN_PROVINCES[kode.slice(0, 2)] ?? "" } })),
  );
  return { text, count: regencies.length };
}

/** The five Kalimantan provinces, as a province outline file (`KODE_PROV`, `PROVINSI`). */
export function provinceBoundaryFile(): string {
  return collection(Object.entries(KALIMANTAN_PROVINCES).map(([code, name]) => ({ properties: { KODE_PROV: code, PROVINSI: name } })));
}
