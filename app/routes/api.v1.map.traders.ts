import { json } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { jsonError, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { listMapTraders } from "../models/map.server";
import { parseBbox, parseMapFilters, parseZoom } from "../domain/map-query";

/**
 * GET /api/v1/map/traders?bbox=west,south,east,north&zoom=z[&branch=&market=&stage=&status=]
 * Onboarded traders in the caller's scope inside the view, clustered on the server: a GeoJSON
 * FeatureCollection of clusters ({ cluster: true, count, expansionZoom, counts }) and single traders
 * ({ cluster: false, traderId, name, marketId, status, pinned }), plus `unplaced`: matching traders that
 * cannot be drawn because neither they nor their market have a location.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const bbox = parseBbox(params.get("bbox"));
  if (!bbox.ok) return jsonError(400, "invalid_bbox", bbox.error);
  const zoom = parseZoom(params.get("zoom"));
  if (!zoom.ok) return jsonError(400, "invalid_zoom", zoom.error);
  const collection = await listMapTraders(getDb(), user.scope, { bbox: bbox.value, zoom: zoom.value, filters: parseMapFilters(params) });
  return json(collection, { headers: { "Cache-Control": "private, no-store" } });
}
