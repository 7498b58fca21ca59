import { json } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { loadMarketDashboard, type MarketDashboard } from "../models/dashboard.server";
import { MarketDashboardView } from "../components/dashboard-market";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.dashboard.market.name ?? "Pasar"} · Dasbor · Pasar Terlindungi` }];

/** A market's dashboard: the collector's home, and the last step of the drill-down for staff. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const dashboard = await loadMarketDashboard(getDb(), user.scope, requireIdParam(params.marketId));
  if (!dashboard) throw notFound(request);
  return json({ dashboard, branchId: user.scope.level === "market" ? null : dashboard.market.branchId });
}

export default function MarketDashboardPage() {
  const { t } = useI18n();
  const { dashboard, branchId } = useLoaderData<typeof loader>() as unknown as { dashboard: MarketDashboard; branchId: number | null };
  return (
    <>
      {branchId != null ? (
        <p>
          <Link to={`/dashboard/branches/${branchId}`}>{t("dashboard.backToBranch", { code: dashboard.market.branchCode })}</Link> ·{" "}
          <Link to={`/markets/${dashboard.market.id}`}>{t("dashboard.marketPage")}</Link>
        </p>
      ) : null}
      <h1>{t("dashboard.marketTitle", { name: dashboard.market.name })}</h1>
      <MarketDashboardView dashboard={dashboard} />
    </>
  );
}
