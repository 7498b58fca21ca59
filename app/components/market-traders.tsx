import { Link } from "@remix-run/react";
import { lazy, Suspense } from "react";
import type { MarketStage } from "../../db/schema";
import { formatMonth } from "../domain/month-format";
import type { MarketTradersSummaryData } from "../domain/trader-form";
import { useI18n } from "../i18n/react";
import { ClientMap, MapPlaceholder } from "./map/map-frame";
import { TraderStatusKey } from "./map/map-legend";

const MarketTradersMap = lazy(() => import("./map/market-traders.client"));
const MAP_HEIGHT = 320;

export interface TradersMapMarket {
  id: number;
  name: string;
  lat: number | null;
  lng: number | null;
  stage: MarketStage;
}

/** The market's onboarded traders on a map, or why there is nothing to draw. */
function TradersMap({ market, registered }: { market: TradersMapMarket; registered: number }) {
  const { t } = useI18n();
  if (registered === 0) return <p className="muted">{t("traders.summary.mapNoTraders")}</p>;
  const { lat, lng } = market;
  // The map opens on the market's pin: without one there is no place to start from.
  if (lat == null || lng == null) return <p className="muted">{t("traders.summary.mapNoLocation")}</p>;
  return (
    <>
      <ClientMap height={MAP_HEIGHT}>
        {() => (
          <Suspense fallback={<MapPlaceholder height={MAP_HEIGHT} />}>
            <MarketTradersMap market={{ ...market, lat, lng }} height={MAP_HEIGHT} label={t("traders.summary.map", { name: market.name })} />
          </Suspense>
        )}
      </ClientMap>
      <TraderStatusKey className="legend-inline" />
    </>
  );
}

/** The market page's traders card: counts, this month's self-paid premiums, the traders' map and links to the list and the form. */
export function MarketTradersSummary({ summary, market }: { summary: MarketTradersSummaryData; market: TradersMapMarket }) {
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
      <h3>{t("traders.summary.mapTitle")}</h3>
      <TradersMap market={market} registered={summary.registered} />
      <p className="actions-row">
        <Link to={`/traders?market=${summary.marketId}`}>{t("traders.summary.open")}</Link>
        <Link to={`/traders/import?market=${summary.marketId}`}>{t("traders.import")}</Link>
        <Link className="button" to={`/traders/new?market=${summary.marketId}`}>{t("traders.add")}</Link>
      </p>
    </section>
  );
}
