import { Link } from "@remix-run/react";
import type { RegionalDashboard } from "../models/dashboard.server";
import { HeadlineFigures } from "./dashboard-figures";
import { BranchFiguresTable } from "./dashboard-tables";
import { DashboardCharts } from "./dashboard-charts";
import { CashHoldingAlerts } from "./cash-holding-alerts";
import { useI18n } from "../i18n/react";

/** Downloads of this month's report for the region (or one branch), and the page with every export. */
export function ReportLinks({ month, branchId }: { month: string; branchId: number | null }) {
  const { t } = useI18n();
  const query = `month=${month}${branchId != null ? `&branch=${branchId}` : ""}`;
  return (
    <section className="card exports" aria-labelledby="report-links">
      <h2 id="report-links">{t("dashboard.reports")}</h2>
      <ul className="link-row">
        <li>
          <a href={`/reports/monthly.pdf?${query}`} download>
            {t("dashboard.monthlyPdf")}
          </a>
        </li>
        <li>
          <a href={`/reports/monthly.xlsx?${query}`} download>
            {t("dashboard.monthlyXlsx")}
          </a>
        </li>
        <li>
          <Link to={`/reports${branchId != null ? `?branch=${branchId}` : ""}`}>{t("dashboard.reports.title")} →</Link>
        </li>
      </ul>
    </section>
  );
}

/** The regional head's picture: headline, the branch table with what each is behind on, cash alerts, charts. */
export function RegionalDashboardView({ dashboard }: { dashboard: RegionalDashboard }) {
  const { t, date } = useI18n();
  return (
    <>
      <p className="muted">{t("dashboard.asOf", { date: date(dashboard.today) })}</p>
      <HeadlineFigures headline={dashboard.headline} participantsAsOf={dashboard.participantsAsOf} />
      <BranchFiguresTable rows={dashboard.rows} sort={dashboard.sort} />
      <CashHoldingAlerts alerts={dashboard.cashAlerts} />
      <DashboardCharts charts={dashboard.charts} perBranch />
      <ReportLinks month={dashboard.today.slice(0, 7)} branchId={null} />
    </>
  );
}
