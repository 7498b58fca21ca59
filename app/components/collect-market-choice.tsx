import { Link } from "@remix-run/react";
import { useI18n } from "../i18n/react";

/** Branch staff and above pick which market's sheet (or day close) to open. */
export function CollectMarketChoice({ markets, path }: { markets: { id: number; name: string; branch_code: string }[]; path: string }) {
  const { t } = useI18n();
  return (
    <section className="narrow">
      <h1>{t("collections.chooseMarket")}</h1>
      <p className="muted">{t("collections.chooseMarketIntro")}</p>
      {markets.length === 0 ? <p className="empty">{t("collections.noMarkets")}</p> : null}
      <ul className="plain-list">
        {markets.map((market) => (
          <li key={market.id}>
            <Link to={`${path}?market=${market.id}`}>{market.name}</Link> <span className="muted">{market.branch_code}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
