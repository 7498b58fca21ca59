import { Link } from "@remix-run/react";
import type { MouAttention } from "../models/mous.server";
import { daysUntil } from "../domain/mou-status";
import { useI18n } from "../i18n/react";

/** The four lists of MoU work that needs follow-up; shown on home pages and the MoU list. */
export function MouAttentionPanel({ attention }: { attention: MouAttention }) {
  const { t, date } = useI18n();
  const empty =
    attention.expiringSoon.length + attention.staleDrafts.length + attention.signedWithoutScan.length + attention.negotiatingWithoutDraft.length === 0;
  const group = (title: string, items: { key: number; to: string; label: string; detail?: string }[]) =>
    items.length ? (
      <div>
        <h3>{title} ({items.length})</h3>
        <ul className="plain-list">
          {items.map((item) => (
            <li key={item.key}><Link to={item.to}>{item.label}</Link>{item.detail ? <span className="muted"> · {item.detail}</span> : null}</li>
          ))}
        </ul>
      </div>
    ) : null;
  return (
    <section className="card" aria-labelledby="mou-attention">
      <h2 id="mou-attention">{t("mou.attention")}</h2>
      {empty ? <p className="muted">{t("mou.attention.none")}</p> : null}
      {group(t("mou.attention.expiring"), attention.expiringSoon.map((m) => ({
        key: m.id, to: `/mous/${m.id}`, label: `${m.market_name} (${m.number})`,
        detail: `${date(m.expires_on!)} · ${t("mou.daysLeft", { days: daysUntil(m.expires_on!, m.today) })}`,
      })))}
      {group(t("mou.attention.staleDrafts"), attention.staleDrafts.map((m) => ({ key: m.id, to: `/mous/${m.id}`, label: `${m.market_name} (${m.number})` })))}
      {group(t("mou.attention.noScan"), attention.signedWithoutScan.map((m) => ({ key: m.id, to: `/mous/${m.id}`, label: `${m.market_name} (${m.number})` })))}
      {group(t("mou.attention.negotiatingNoDraft"), attention.negotiatingWithoutDraft.map((m) => ({
        key: m.id, to: `/mous/new?marketId=${m.id}`, label: `${m.name} (${m.branch_code})`,
      })))}
    </section>
  );
}
