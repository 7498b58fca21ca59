import { Link } from "@remix-run/react";
import type { CashHoldingAlertList } from "../models/reconciliation.server";
import { useI18n } from "../i18n/react";

/**
 * Markets holding undeposited cash longer than CASH_IN_HAND_MAX_DAYS, for the branch and regional home pages.
 * Feed it `listCashHoldingAlerts(db, scope, now)` from app/models/reconciliation.server.ts.
 */
export function CashHoldingAlerts({ alerts }: { alerts: CashHoldingAlertList }) {
  const { t, rupiah, date } = useI18n();
  return (
    <section className="card cash-alerts" aria-labelledby="cash-alerts">
      <h2 id="cash-alerts">{t("cashAlerts.title")}</h2>
      {alerts.markets.length === 0 ? (
        <p className="muted">{t("cashAlerts.none", { days: alerts.maxCashDays })}</p>
      ) : (
        <ul className="plain-list">
          {alerts.markets.map((market) => (
            <li key={market.id}>
              <Link to="/reconciliation">{market.name}</Link> <span className="muted">({market.branchCode})</span>:{" "}
              <strong>{t("cashAlerts.item", { amount: rupiah(market.cashInHand), days: market.cashAgeDays })}</strong>
              {market.oldestCashDate ? <span className="muted"> · {t("reconciliation.since", { date: date(market.oldestCashDate) })}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
