import { json } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { loadHomeSummary, type HomeSummary } from "../models/home.server";
import { StageBadge, StageCounts } from "../components/badges";
import { BranchTable } from "../components/branch-table";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Beranda · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const summary = await loadHomeSummary(getDb(), user);
  return json({ name: user.name, role: user.role, homeLabel: user.homeLabel, summary });
}

function MarketHome({ summary }: { summary: Extract<HomeSummary, { kind: "market" }> }) {
  const { t } = useI18n();
  if (!summary.market) return <p>{t("home.noMarkets")}</p>;
  return (
    <section className="card" aria-labelledby="my-market">
      <h2 id="my-market">{t("home.myMarket")}</h2>
      <p className="big">{summary.market.name}</p>
      <p>
        {summary.market.regency_name} · {summary.market.branch_name} · <StageBadge stage={summary.market.stage} />
      </p>
      <p className="muted">{t("home.collectorIntro")}</p>
    </section>
  );
}

export default function Home() {
  const { t, integer } = useI18n();
  const { name, homeLabel, summary } = useLoaderData<typeof loader>() as {
    name: string;
    homeLabel: string;
    summary: HomeSummary;
  };
  return (
    <>
      <h1>{t("home.greeting", { name })}</h1>
      {homeLabel ? <p className="muted">{t("home.scope", { scope: homeLabel })}</p> : null}
      {summary.kind === "market" ? <MarketHome summary={summary} /> : null}
      {summary.kind !== "market" ? (
        <section className="card" aria-labelledby="stages">
          <h2 id="stages">{t("home.marketsByStage")}</h2>
          <StageCounts counts={summary.stageCounts} />
        </section>
      ) : null}
      {summary.kind === "all" ? (
        <section className="card">
          <h2>{t("home.users")}</h2>
          <p className="big">{integer(summary.activeUsers)}</p>
          <p className="muted">
            {t("home.adminIntro")} <Link to="/admin/users">{t("nav.users")}</Link>
          </p>
        </section>
      ) : null}
      {summary.kind === "region" || summary.kind === "all" ? (
        <section className="card" aria-labelledby="branches">
          <h2 id="branches">{t("home.branches")}</h2>
          <BranchTable branches={summary.branches} />
        </section>
      ) : null}
      {summary.kind === "branch" ? (
        <section className="card" aria-labelledby="markets">
          <h2 id="markets">{t("home.markets")}</h2>
          {summary.markets.rows.length === 0 ? <p>{t("home.noMarkets")}</p> : null}
          <ul className="plain-list">
            {summary.markets.rows.map((market) => (
              <li key={market.id}>
                <Link to={`/markets/${market.id}`}>{market.name}</Link> <StageBadge stage={market.stage} />
              </li>
            ))}
          </ul>
          <p>
            <Link to="/markets">{t("markets.count", { count: summary.markets.total })} →</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
