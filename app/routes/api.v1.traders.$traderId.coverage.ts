import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { loadTraderCoverage } from "../models/coverage.server";

/** A trader's cover: paid through, status, arrears and the current month. 404 outside the caller's scope. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const view = await loadTraderCoverage(getDb(), user.scope, requireIdParam(params.traderId));
  if (!view) throw notFound(request);
  const { coverage } = view;
  return json({
    traderId: view.trader.id,
    paidThrough: coverage.paidThrough,
    status: coverage.status,
    monthsBehind: coverage.monthsBehind,
    amountOwed: coverage.arrears,
    currentMonth: {
      month: coverage.currentMonth.month,
      premium: coverage.currentMonth.premium,
      paid: coverage.currentMonth.paid,
      remaining: coverage.currentMonth.remaining,
    },
  });
}
