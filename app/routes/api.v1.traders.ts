import { json } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { loadTraderList } from "../models/traders.server";
import { traderFiltersOf } from "../domain/trader-form";

/**
 * Traders in the caller's scope for integrations and the collector's phone:
 * `?market=ID&q=TEXT&page=N` (also `status`, `payer`), 25 per page, each with this month's premium.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const list = await loadTraderList(getDb(), user.scope, traderFiltersOf(new URL(request.url).searchParams));
  if (!list) throw notFound(request);
  const { rows, page, pageCount, total } = list.traders;
  return json({
    traders: rows.map((row) => ({
      id: row.id,
      name: row.full_name,
      marketId: row.market_id,
      stall: row.stall,
      status: row.status,
      month: row.month,
      monthPremium: row.monthPremium,
    })),
    page,
    pageCount,
    total,
  });
}
