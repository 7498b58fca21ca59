import { Link } from "@remix-run/react";
import type { VisitPurpose, VisitStatus } from "../../db/schema";
import { formatSchedule } from "../domain/visit-status";
import { kilometres } from "../domain/route-order";
import { useI18n } from "../i18n/react";

// One visit per line: market, local date and time with its zone, purpose, who goes and where it stands.
// Shared by the agenda and the market page.

export interface VisitListItem {
  id: number;
  market_name: string;
  planned_date: string;
  planned_time: string | null;
  time_zone: string;
  purpose: VisitPurpose;
  status: VisitStatus;
  staff: { id: number; name: string }[];
  overdue?: boolean;
  routeOrder?: number | null;
  traders_socialised?: number | null;
  traders_enrolled?: number | null;
}

export function useScheduleLabel() {
  const { locale } = useI18n();
  return (date: string, time: string | null, timeZone: string) => formatSchedule(date, time, timeZone, locale);
}

/** `850 m` below a kilometre, `2,1 km` above (decimal comma in Indonesian). */
export function useDistanceLabel() {
  const { locale, integer } = useI18n();
  return (metres: number) =>
    metres < 1000
      ? `${integer(Math.round(metres))} m`
      : `${kilometres(metres).toLocaleString(locale === "id" ? "id-ID" : "en-GB", { maximumFractionDigits: 1 })} km`;
}

export function VisitStatusBadge({ status, overdue }: { status: VisitStatus; overdue?: boolean }) {
  const { t } = useI18n();
  if (overdue) return <span className="badge visit-overdue">{t("visits.overdueBadge")}</span>;
  return <span className={`badge visit-${status}`}>{t(`visits.status.${status}`)}</span>;
}

export function VisitList({ visits, showMarket = true }: { visits: VisitListItem[]; showMarket?: boolean }) {
  const { t, integer } = useI18n();
  const schedule = useScheduleLabel();
  return (
    <ul className="visit-list">
      {visits.map((visit) => {
        const when = schedule(visit.planned_date, visit.planned_time, visit.time_zone);
        return (
          <li key={visit.id} className={visit.overdue ? "visit-item overdue" : "visit-item"}>
            {visit.routeOrder != null ? (
              <span className="route-number" title={t("visits.order", { n: visit.routeOrder })}>
                <span className="visually-hidden">{t("visits.order", { n: visit.routeOrder })}</span>
                <span aria-hidden="true">{visit.routeOrder}</span>
              </span>
            ) : null}
            <div className="visit-body">
              <Link to={`/visits/${visit.id}`} className="visit-title">{showMarket ? visit.market_name : when}</Link>
              <p>
                {showMarket ? `${when} · ` : null}
                {t(`visits.purpose.${visit.purpose}`)}
              </p>
              <p className="muted">{visit.staff.map((person) => person.name).join(", ") || t("common.none")}</p>
              {visit.status === "done" && visit.traders_socialised != null ? (
                <p className="muted">
                  {t("visits.outcome.counts", {
                    socialised: integer(visit.traders_socialised),
                    enrolled: integer(visit.traders_enrolled ?? 0),
                  })}
                </p>
              ) : null}
            </div>
            <VisitStatusBadge status={visit.status} overdue={visit.overdue} />
          </li>
        );
      })}
    </ul>
  );
}
