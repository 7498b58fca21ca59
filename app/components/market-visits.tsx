import { Link } from "@remix-run/react";
import { useI18n } from "../i18n/react";
import { VisitList, type VisitListItem } from "./visit-list";

/**
 * The market page's visits section: past and planned visits, newest first, and a link to plan one.
 * Feed it `listMarketVisits(db, scope, marketId)` from app/models/visits.server.ts (not for collectors).
 */
export function MarketVisits({ marketId, visits }: { marketId: number; visits: VisitListItem[] }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="market-visits-heading">
      <div className="visits-head">
        <h2 id="market-visits-heading">{t("visits.market.title")}</h2>
        <Link className="button" to={`/visits/new?marketId=${marketId}`}>{t("visits.plan")}</Link>
      </div>
      {visits.length === 0 ? <p className="empty">{t("visits.market.empty")}</p> : <VisitList visits={visits} showMarket={false} />}
    </section>
  );
}
