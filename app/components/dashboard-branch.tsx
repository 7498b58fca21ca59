import { Link } from "@remix-run/react";
import type { BranchDashboard } from "../models/dashboard.server";
import { HeadlineFigures } from "./dashboard-figures";
import { MarketFiguresTable } from "./dashboard-tables";
import { DashboardCharts } from "./dashboard-charts";
import { ReportLinks } from "./dashboard-region";
import { MouAttentionPanel } from "./mou-attention";
import { VisitList } from "./visit-list";
import { useI18n } from "../i18n/react";

function AgendaPanel({ agenda }: { agenda: BranchDashboard["agenda"] }) {
  const { t } = useI18n();
  const sections = [
    { key: "overdue", title: t("dashboard.agenda.overdue"), visits: agenda.overdue.map((visit) => ({ ...visit, overdue: true })) },
    { key: "today", title: t("dashboard.agenda.today"), visits: agenda.today },
    { key: "week", title: t("dashboard.agenda.week"), visits: agenda.week },
  ].filter((section) => section.visits.length > 0);
  return (
    <section className="card" aria-labelledby="agenda">
      <h2 id="agenda">{t("dashboard.agenda.title")}</h2>
      {sections.length === 0 ? <p className="muted">{t("dashboard.agenda.none")}</p> : null}
      {sections.map((section) => (
        <div key={section.key}>
          <h3>
            {section.title} ({section.visits.length})
          </h3>
          <VisitList visits={section.visits} />
        </div>
      ))}
      <p>
        <Link to="/agenda">{t("dashboard.agenda.all")} →</Link>
      </p>
    </section>
  );
}

function CashHoldingPanel({ markets }: { markets: BranchDashboard["cashHolding"] }) {
  const { t, rupiah, date } = useI18n();
  return (
    <section className="card cash-alerts" aria-labelledby="cash-holding">
      <h2 id="cash-holding">{t("dashboard.cashHolding.title")}</h2>
      {markets.length === 0 ? <p className="muted">{t("dashboard.cashHolding.none")}</p> : null}
      <ul className="plain-list">
        {markets.map((market) => (
          <li key={market.marketId}>
            <Link to={`/dashboard/markets/${market.marketId}`}>{market.name}</Link>:{" "}
            {t("dashboard.cashHolding.item", { amount: rupiah(market.cashInHand), date: date(market.oldestCashDate ?? ""), days: market.cashAgeDays })}
            {market.flagged ? <span className="badge cash-flagged"> {t("dashboard.cashHolding.flagged")}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One branch: headline, its markets, the agenda, MoU work, cash held, charts. */
export function BranchDashboardView({ dashboard }: { dashboard: BranchDashboard }) {
  const { t, date } = useI18n();
  const { figures } = dashboard;
  return (
    <>
      <p className="muted">{t("dashboard.asOf", { date: date(dashboard.today) })}</p>
      <HeadlineFigures
        headline={dashboard.headline}
        participantsAsOf={dashboard.participantsAsOf}
        branch={{ mouLight: figures.mou?.light ?? null, behind: figures.behind }}
      />
      <MarketFiguresTable rows={dashboard.markets} />
      <div className="dashboard-columns">
        <AgendaPanel agenda={dashboard.agenda} />
        <div>
          <CashHoldingPanel markets={dashboard.cashHolding} />
          <MouAttentionPanel attention={dashboard.attention} />
        </div>
      </div>
      <DashboardCharts charts={dashboard.charts} perBranch={false} />
      <ReportLinks month={dashboard.today.slice(0, 7)} branchId={dashboard.branch.id} />
    </>
  );
}
