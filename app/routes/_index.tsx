import { json } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { loadHomeSummary, type HomeSummary } from "../models/home.server";
import { parseBranchSort } from "../domain/dashboard";
import { StageCounts } from "../components/badges";
import { ProgressTable } from "../components/progress-table";
import { MouAttentionPanel } from "../components/mou-attention";
import { RegionalDashboardView } from "../components/dashboard-region";
import { BranchDashboardView } from "../components/dashboard-branch";
import { MarketDashboardView } from "../components/dashboard-market";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Beranda · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const summary = await loadHomeSummary(getDb(), user, { sort: parseBranchSort(new URL(request.url).searchParams) });
  return json({ name: user.name, homeLabel: user.homeLabel, summary });
}

/** Regional heads and admins: the dashboard, then the pipeline per branch and the MoU work (the progress pieces). */
function RegionHome({ summary }: { summary: Extract<HomeSummary, { kind: "region" | "all" }> }) {
  const { t, integer } = useI18n();
  return (
    <>
      <RegionalDashboardView dashboard={summary.dashboard} />
      <section className="card" aria-labelledby="stages">
        <h2 id="stages">{t("home.marketsByStage")}</h2>
        <StageCounts counts={summary.stageCounts} />
      </section>
      <section className="card" aria-labelledby="branches">
        <h2 id="branches">{t("home.branches")}</h2>
        <ProgressTable rows={summary.dashboard.progress} />
        <p className="muted small-text">{t("progress.rule")}</p>
      </section>
      <MouAttentionPanel attention={summary.attention} />
      {summary.kind === "all" ? (
        <section className="card">
          <h2>{t("home.users")}</h2>
          <p className="big">{integer(summary.activeUsers)}</p>
          <p className="muted">
            {t("home.adminIntro")} <Link to="/admin/users">{t("nav.users")}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}

export default function Home() {
  const { t } = useI18n();
  const { name, homeLabel, summary } = useLoaderData<typeof loader>() as unknown as { name: string; homeLabel: string; summary: HomeSummary };
  return (
    <>
      <h1>{t("home.greeting", { name })}</h1>
      {homeLabel ? <p className="muted">{t("home.scope", { scope: homeLabel })}</p> : null}
      {summary.kind === "market" ? (
        summary.dashboard ? <MarketDashboardView dashboard={summary.dashboard} /> : <p>{t("dashboard.market.noMarket")}</p>
      ) : null}
      {summary.kind === "branch" ? (
        <>
          <BranchDashboardView dashboard={summary.dashboard} />
          <section className="card" aria-labelledby="branches">
            <h2 id="branches">{t("home.branches")}</h2>
            <ProgressTable rows={summary.dashboard.progress} />
            <p className="muted small-text">{t("progress.rule")}</p>
          </section>
        </>
      ) : null}
      {summary.kind === "region" || summary.kind === "all" ? <RegionHome summary={summary} /> : null}
    </>
  );
}
