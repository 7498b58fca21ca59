import { Link } from "@remix-run/react";
import type { MarketDashboard } from "../models/dashboard.server";
import { Figure } from "./dashboard-figures";
import { DailyCollectionsCard } from "./dashboard-charts";
import { useI18n } from "../i18n/react";

// The collector's page: three big buttons for the day's work, then the figures that say what is left to do.

function Actions({ marketId }: { marketId: number }) {
  const { t } = useI18n();
  return (
    <nav className="big-actions" aria-label={t("dashboard.action.title")}>
      <Link className="button primary" to={`/collect?market=${marketId}`}>
        {t("dashboard.action.collect")}
      </Link>
      <Link className="button" to={`/collect/close?market=${marketId}`}>
        {t("dashboard.action.close")}
      </Link>
      <Link className="button" to={`/deposits?market=${marketId}`}>
        {t("dashboard.action.deposits")}
      </Link>
    </nav>
  );
}

function ArrearsPanel({ marketId, arrears }: { marketId: number; arrears: MarketDashboard["arrears"] }) {
  const { t, integer, rupiah } = useI18n();
  return (
    <section className="card" aria-labelledby="arrears">
      <h2 id="arrears">{t("dashboard.market.arrears")}</h2>
      {arrears.count === 0 ? (
        <p className="muted">{t("dashboard.market.arrearsNone")}</p>
      ) : (
        <>
          <p>{t("dashboard.market.arrearsOwed", { count: integer(arrears.count), amount: rupiah(arrears.owed) })}</p>
          <ul className="plain-list">
            {arrears.first.map((row) => (
              <li key={row.traderId}>
                <Link to={`/traders/${row.traderId}`}>{row.name}</Link>
                {row.stall ? <span className="muted"> · {row.stall}</span> : null} ·{" "}
                <span className={`badge coverage-${row.status}`}>{t(`dashboard.participants.${row.status}`)}</span>{" "}
                {t("dashboard.market.monthsBehind", { months: row.monthsBehind })} · <strong>{rupiah(row.amountOwed)}</strong>
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/arrears?market=${marketId}`}>{t("dashboard.market.arrearsAll")} →</Link>
          </p>
        </>
      )}
    </section>
  );
}

export function MarketDashboardView({ dashboard }: { dashboard: MarketDashboard }) {
  const { t, integer, rupiah, date } = useI18n();
  const { market, collections, pendingDeposits, cash } = dashboard;
  return (
    <>
      <p className="muted">
        {market.branchCode} {market.branchName} · {t("dashboard.asOf", { date: date(dashboard.today) })}
      </p>
      <Actions marketId={market.id} />
      <section className="card" aria-labelledby="market-figures">
        <h2 id="market-figures">{t("dashboard.headline")}</h2>
        <dl className="figures">
          <Figure label={t("dashboard.market.today")} value={rupiah(dashboard.todayTotal)}>
            {t("dashboard.market.todayEntries", { count: integer(dashboard.todayEntries) })}
          </Figure>
          <Figure label={t("dashboard.market.paidToday")} value={integer(dashboard.tradersPaidToday)} />
          <Figure label={t("dashboard.market.month")} value={rupiah(collections.thisMonth)}>
            {t("dashboard.figure.lastMonthToDate", { amount: rupiah(collections.lastMonthToDate) })}
          </Figure>
          <Figure label={t("dashboard.market.cash")} value={rupiah(cash?.cashInHand ?? 0)} light={cash?.flagged ? "red" : null}>
            {cash?.oldestCashDate ? t("dashboard.cashHolding.item", { amount: rupiah(cash.cashInHand), date: date(cash.oldestCashDate), days: cash.cashAgeDays }) : t("dashboard.figure.noCash")}
          </Figure>
          <Figure label={t("dashboard.market.openDays")} value={integer(dashboard.openDays.length)} light={dashboard.openDays.length > 0 ? "amber" : null}>
            {dashboard.openDays.length === 0 ? (
              t("dashboard.market.openDaysNone")
            ) : (
              <ul className="plain-list">
                {dashboard.openDays.map((day) => (
                  <li key={day.date}>
                    <Link to={`/collect/close?market=${market.id}&date=${day.date}`}>{date(day.date)}</Link> · {rupiah(day.total)}
                  </li>
                ))}
              </ul>
            )}
          </Figure>
          <Figure label={t("dashboard.market.pendingDeposits")} value={integer(pendingDeposits.count)}>
            {pendingDeposits.count === 0 ? (
              t("dashboard.market.pendingNone")
            ) : (
              <>
                {t("dashboard.market.pendingValue", { count: integer(pendingDeposits.count), amount: rupiah(pendingDeposits.total) })}
                {pendingDeposits.oldest ? ` · ${t("dashboard.market.pendingSince", { date: date(pendingDeposits.oldest) })}` : null}
              </>
            )}
          </Figure>
        </dl>
      </section>
      <ArrearsPanel marketId={market.id} arrears={dashboard.arrears} />
      <DailyCollectionsCard data={dashboard.daily} title={t("dashboard.chart.dailyMarket")} />
    </>
  );
}
