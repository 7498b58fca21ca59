import { Link } from "@remix-run/react";
import { useI18n } from "../i18n/react";
import { MouStatusBadge } from "./mou-forms";

export interface MarketMouRow {
  id: number;
  number: string;
  effective_status: string;
  in_force_from: string | null;
  expires_on: string | null;
}

/** The market page's MoU section: every MoU of the market, newest first, and a way to draft one. */
export function MarketMous({ marketId, mous, canDraft }: { marketId: number; mous: MarketMouRow[]; canDraft: boolean }) {
  const { t, date } = useI18n();
  return (
    <section className="card" aria-labelledby="market-mous-heading">
      <div className="visits-head">
        <h2 id="market-mous-heading">{t("mou.marketMou")}</h2>
        {canDraft ? <Link className="button" to={`/mous/new?marketId=${marketId}`}>{t("mou.new")}</Link> : null}
      </div>
      {mous.length === 0 ? <p className="empty">{t("mou.empty")}</p> : null}
      <ul className="plain-list">
        {mous.map((mou) => (
          <li key={mou.id}>
            <Link to={`/mous/${mou.id}`}>{mou.number}</Link> <MouStatusBadge status={mou.effective_status} />
            {mou.in_force_from && mou.expires_on ? <span className="muted"> · {date(mou.in_force_from)} – {date(mou.expires_on)}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
