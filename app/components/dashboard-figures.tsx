import type { ReactNode } from "react";
import type { TrafficLight } from "../domain/progress";
import type { Behind, Headline, ParticipantCounts } from "../domain/dashboard";
import { useI18n } from "../i18n/react";
import { formatPercent } from "../domain/month-format";

// The headline tiles shared by the regional and branch dashboards: one big number each, a line of context under
// it, and a traffic light where there is a target.

export function LightBadge({ light }: { light: TrafficLight | null }) {
  const { t } = useI18n();
  if (!light) return null;
  return <span className={`badge light-${light}`}>{t(`dashboard.light.${light}`)}</span>;
}

export function BehindList({ behind }: { behind: Behind[] }) {
  const { t } = useI18n();
  if (behind.length === 0) return <span className="badge light-green">{t("dashboard.table.onTrack")}</span>;
  return (
    <ul className="inline-stages">
      {behind.map((what) => (
        <li key={what} className="badge behind-item">
          {t(`dashboard.behind.${what}`)}
        </li>
      ))}
    </ul>
  );
}

export function Figure({ label, value, light, children }: { label: string; value: ReactNode; light?: TrafficLight | null; children?: ReactNode }) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd className="figure-value">
        {value} <LightBadge light={light ?? null} />
      </dd>
      {children ? <dd className="figure-detail">{children}</dd> : null}
    </div>
  );
}

const STATUSES = ["aktif", "menunggak", "nonaktif", "belum_bayar"] as const;

export function ParticipantBreakdown({ counts }: { counts: ParticipantCounts }) {
  const { t, integer } = useI18n();
  return (
    <ul className="participant-counts">
      {STATUSES.map((status) => (
        <li key={status} className={`badge coverage-${status}`}>
          {t(`dashboard.participants.${status}`)}: <strong>{integer(counts[status])}</strong>
        </li>
      ))}
    </ul>
  );
}

/** The headline of a region (its units are branches), or of one branch (`branch`: its MoU light and what it is behind on). */
export function HeadlineFigures(props: { headline: Headline; participantsAsOf: string | null; branch?: { mouLight: TrafficLight | null; behind: Behind[] } }) {
  const { headline, participantsAsOf, branch } = props;
  const { t, integer, rupiah, date, locale } = useI18n();
  const { collections, cash } = headline;
  const change = headline.collectionsChange;
  return (
    <section className="card" aria-labelledby="headline">
      <h2 id="headline">{t("dashboard.headline")}</h2>
      <dl className="figures">
        {branch ? (
          <Figure
            label={t("dashboard.figure.mouBranch")}
            value={t("dashboard.figure.mouBranchValue", { achieved: integer(headline.mouMarkets), target: integer(headline.mouTarget) })}
            light={branch.mouLight}
          />
        ) : (
          <Figure
            label={t("dashboard.figure.mouTarget")}
            value={t("dashboard.figure.mouTargetValue", { met: integer(headline.unitsMeetingMouTarget), total: integer(headline.units) })}
          >
            {t("dashboard.figure.mouMarkets", { achieved: integer(headline.mouMarkets), target: integer(headline.mouTarget) })}
          </Figure>
        )}
        <Figure label={t("dashboard.figure.traders")} value={integer(headline.registered)}>
          {headline.tradersTarget != null ? t("dashboard.figure.tradersTarget", { target: integer(headline.tradersTarget) }) : t("dashboard.figure.noTarget")} ·{" "}
          {t("dashboard.figure.paying", { count: integer(headline.participants.aktif) })}
        </Figure>
        <Figure label={t("dashboard.figure.collections")} value={rupiah(collections.thisMonth)}>
          {t("dashboard.figure.lastMonthToDate", { amount: rupiah(collections.lastMonthToDate) })}
          {change != null ? <strong className={change < 0 ? "warn-text" : "ok-text"}> ({t("dashboard.figure.change", { change: formatPercent(change, locale, { signed: true }) })})</strong> : null}
          <br />
          {t("dashboard.figure.lastMonth", { amount: rupiah(collections.lastMonth) })}
        </Figure>
        <Figure label={t("dashboard.figure.cash")} value={rupiah(cash.inHand)} light={cash.flaggedMarkets > 0 ? "red" : null}>
          {cash.oldestDate
            ? t("dashboard.figure.oldestCash", { date: date(cash.oldestDate), market: cash.oldestMarket ?? "", days: cash.ageDays })
            : t("dashboard.figure.noCash")}
          {cash.flaggedMarkets > 0 ? (
            <>
              <br />
              <strong className="warn-text">{t("dashboard.figure.flagged", { count: integer(cash.flaggedMarkets) })}</strong>
            </>
          ) : null}
        </Figure>
        <Figure label={t("dashboard.figure.participants")} value={integer(headline.participants.aktif + headline.participants.menunggak + headline.participants.nonaktif + headline.participants.belum_bayar)}>
          <ParticipantBreakdown counts={headline.participants} />
          {participantsAsOf ? <span className="muted small-text">{t("dashboard.participantsAsOf", { date: date(participantsAsOf) })}</span> : null}
        </Figure>
        {branch ? (
          <Figure label={t("dashboard.table.behind")} value={<BehindList behind={branch.behind} />} />
        ) : (
          <Figure label={t("dashboard.figure.behind")} value={t("dashboard.figure.behindValue", { count: integer(headline.unitsBehind), total: integer(headline.units) })} />
        )}
      </dl>
    </section>
  );
}
