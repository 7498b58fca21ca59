import { json } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { findMarket } from "../models/markets.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const market = await findMarket(getDb(), user.scope, requireIdParam(params.marketId));
  if (!market) throw notFound(request);
  return json({ market });
}
