import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { loadBoundaryGeoJson } from "../models/boundaries.server";

/**
 * The admin's boundary layer (areas with `code` and `name`) as GeoJSON, 404 when none was uploaded.
 * Geometry only: each caller's counts per area come with the map page, in their scope.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const layer = await loadBoundaryGeoJson(getDb());
  if (!layer) throw notFound(request);
  const etag = `"boundary-${layer.id}"`;
  const headers = { "Content-Type": "application/geo+json", "Cache-Control": "private, no-cache", ETag: etag };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(layer.geojson, { headers });
}
