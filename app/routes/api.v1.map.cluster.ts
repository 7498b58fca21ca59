import { json } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { jsonError, notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { CLUSTER_LIST_LIMIT, listClusterTraders } from "../models/map.server";
import { parseMapFilters } from "../domain/map-query";

/**
 * GET /api/v1/map/cluster?id=<clusterId>[&branch=&market=&stage=&status=]
 * Up to 100 traders (by name) of a cluster that /api/v1/map/traders returned with the same filters, for a
 * cluster that cannot split further. 404 when the id is not a current cluster in the caller's scope.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const clusterId = Number(params.get("id"));
  if (!params.get("id") || !Number.isSafeInteger(clusterId) || clusterId < 0) return jsonError(400, "invalid_id", "id must be a cluster id from /api/v1/map/traders");
  const traders = await listClusterTraders(getDb(), user.scope, clusterId, parseMapFilters(params));
  if (!traders) throw notFound(request);
  return json({ traders, limit: CLUSTER_LIST_LIMIT }, { headers: { "Cache-Control": "private, no-store" } });
}
