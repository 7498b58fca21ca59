import { json } from "@remix-run/node";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { lazy, Suspense } from "react";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { loadAgenda, type Agenda, type AgendaRoute } from "../models/visits.server";
import { VISIT_ROLES } from "../domain/visit-form";
import { ClientMap, MapPlaceholder, mapLinks } from "../components/map/map-frame";
import { useDistanceLabel, VisitList } from "../components/visit-list";
import { useI18n } from "../i18n/react";

const AgendaMap = lazy(() => import("../components/map/agenda-map.client"));
const MAP_HEIGHT = 320;

export const meta: MetaFunction = () => [{ title: "Agenda · Pasar Terlindungi" }];
export const links: LinksFunction = () => mapLinks();

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: VISIT_ROLES });
  // Branch staff see the visits they go on; heads and admins, who rarely go themselves, see all in scope.
  const who = new URL(request.url).searchParams.get("who");
  const mineOnly = who ? who === "mine" : user.role === "branch_staff";
  const agenda = await loadAgenda(getDb(), user.scope, { userId: user.id, mineOnly });
  return json({ ...agenda, mineOnly });
}

function RouteSummary({ route }: { route: AgendaRoute }) {
  const { t, date } = useI18n();
  const distance = useDistanceLabel();
  return (
    <div className="route-summary">
      <h3>{t("visits.route.title", { branch: route.branchCode, date: date(route.date) })}</h3>
      {route.stops.length > 0 ? (
        <>
          <ul className="route-stops">
            <li className="route-office">{t("visits.route.office")} · {route.branchName}</li>
            {route.stops.map((stop) => (
              <li key={stop.visitId}>
                <Link to={`/visits/${stop.visitId}`}>{stop.order}. {stop.marketName}</Link>{" "}
                <span className="muted">(+{distance(stop.legMetres)})</span>
              </li>
            ))}
          </ul>
          <p className="route-total">{t("visits.route.total", { distance: distance(route.totalMetres) })}</p>
        </>
      ) : null}
      {route.unlocated.length > 0 ? (
        <p className="muted">{t("visits.route.unlocated", { names: route.unlocated.map((v) => v.marketName).join(", ") })}</p>
      ) : null}
    </div>
  );
}

function Section({ id, title, hint, empty, children }: { id: string; title: string; hint?: string; empty?: string | null; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className={id === "overdue-heading" ? "agenda-section agenda-overdue" : "agenda-section"}>
      <h2 id={id}>{title}</h2>
      {hint ? <p className="muted">{hint}</p> : null}
      {empty ? <p className="empty">{empty}</p> : children}
    </section>
  );
}

export default function AgendaPage() {
  const { t } = useI18n();
  const { overdue, today, week, routes, mineOnly } = useLoaderData<typeof loader>() as unknown as Agenda & { mineOnly: boolean };
  const mappable = routes.filter((route) => route.stops.length > 0);
  return (
    <>
      <div className="visits-head">
        <h1>{t("visits.agenda.title")}</h1>
        <Link className="button primary" to="/visits/new">{t("visits.plan")}</Link>
      </div>
      <Form method="get" className="filters">
        <label>
          {t("visits.agenda.show")}
          <select name="who" defaultValue={mineOnly ? "mine" : "all"}>
            <option value="mine">{t("visits.agenda.mine")}</option>
            <option value="all">{t("visits.agenda.all")}</option>
          </select>
        </label>
        <button type="submit">{t("visits.agenda.show")}</button>
      </Form>
      {overdue.length > 0 ? (
        <Section id="overdue-heading" title={t("visits.overdue.title")} hint={t("visits.overdue.hint")}>
          <VisitList visits={overdue.map((visit) => ({ ...visit, overdue: true }))} />
        </Section>
      ) : null}
      <Section id="today-heading" title={t("visits.today.title")} empty={today.length === 0 ? t("visits.today.empty") : null}>
        <VisitList visits={today} />
        {mappable.length > 0 ? (
          <ClientMap height={MAP_HEIGHT}>
            {() => (
              <Suspense fallback={<MapPlaceholder height={MAP_HEIGHT} />}>
                <AgendaMap routes={mappable} height={MAP_HEIGHT} label={t("visits.route.mapLabel")} />
              </Suspense>
            )}
          </ClientMap>
        ) : null}
        <p className="muted">{t("visits.route.intro")}</p>
        {routes.map((route) => (
          <RouteSummary key={route.branchCode} route={route} />
        ))}
      </Section>
      <Section id="week-heading" title={t("visits.week.title")} empty={week.length === 0 ? t("visits.week.empty") : null}>
        <VisitList visits={week} />
      </Section>
    </>
  );
}
