import { Link } from "@remix-run/react";
import { formatMonth } from "../domain/month-format";
import type { MarketTradersSummaryData } from "../domain/trader-form";
import { useI18n } from "../i18n/react";

/** The market page's traders card: counts, this month's self-paid premiums and links to the list and the form. */
export function MarketTradersSummary({ summary }: { summary: MarketTradersSummaryData }) {
  const { t, integer, rupiah, locale } = useI18n();
  const counts: [string, string][] = [
    [t("traders.summary.registered"), integer(summary.registered)],
    [t("traders.summary.prospects"), integer(summary.prospects)],
    [t("traders.summary.withKpj"), integer(summary.withKpj)],
    [t("traders.summary.sponsored"), integer(summary.sponsored)],
    [t("traders.summary.monthlyDue", { month: formatMonth(summary.month, locale) }), rupiah(summary.monthlyDueMandiri)],
  ];
  return (
    <section className="card" aria-labelledby="market-traders-heading">
      <h2 id="market-traders-heading">{t("traders.summary.title")}</h2>
      <ul className="stage-counts">
        {counts.map(([label, value]) => (
          <li key={label}>
            <span className="count">{value}</span>
            <span>{label}</span>
          </li>
        ))}
      </ul>
      <p className="actions-row">
        <Link to={`/traders?market=${summary.marketId}`}>{t("traders.summary.open")}</Link>
        <Link className="button" to={`/traders/new?market=${summary.marketId}`}>{t("traders.add")}</Link>
      </p>
    </section>
  );
}
