import type { ActionFunctionArgs } from "@remix-run/node";
import { jsonError, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { importApiAction } from "../utils/import-actions.server";
import { findImportMarket, traderImport } from "../models/trader-import.server";
import { TRADER_IMPORT_ROLES } from "../domain/import/trader-rows";

// POST /api/v1/imports/traders?market=ID with a CSV body (or an XLSX workbook): a dry run by default,
// `&commit=1` writes every valid row in one transaction. Same rules as the /traders/import page.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: TRADER_IMPORT_ROLES });
  const marketId = Number(new URL(request.url).searchParams.get("market"));
  if (!Number.isSafeInteger(marketId) || marketId <= 0) return jsonError(400, "market_required", "Name the market: ?market=ID");
  const market = await findImportMarket(getDb(), user.scope, marketId);
  if (!market) return jsonError(404, "not_found", "No such market in your area");
  return importApiAction(request, user, traderImport(market));
}
