import { json } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { listAllMarkets } from "../models/markets.server";
import { marketsAsGeoJson } from "../domain/geojson";

/** GeoJSON FeatureCollection of the markets in the caller's scope. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(marketsAsGeoJson(await listAllMarkets(getDb(), user.scope)));
}
