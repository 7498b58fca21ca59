import { json } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { loadBranchDashboard, type BranchDashboard } from "../models/dashboard.server";
import { BranchDashboardView } from "../components/dashboard-branch";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.dashboard.branch.code ?? "Cabang"} · Dasbor · Pasar Terlindungi` }];

/** A branch's dashboard, reached from the regional table; branch staff only see their own branch. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "regional_head", "branch_staff"] });
  const dashboard = await loadBranchDashboard(getDb(), user.scope, requireIdParam(params.branchId), { userId: user.id });
  if (!dashboard) throw notFound(request);
  return json({ dashboard, canGoUp: user.scope.level === "region" || user.scope.level === "all" });
}

export default function BranchDashboardPage() {
  const { t } = useI18n();
  const { dashboard, canGoUp } = useLoaderData<typeof loader>() as unknown as { dashboard: BranchDashboard; canGoUp: boolean };
  return (
    <>
      {canGoUp ? (
        <p>
          <Link to="/">{t("dashboard.backToRegion")}</Link>
        </p>
      ) : null}
      <h1>{t("dashboard.branchTitle", { name: `${dashboard.branch.code} ${dashboard.branch.name}` })}</h1>
      <BranchDashboardView dashboard={dashboard} />
    </>
  );
}
