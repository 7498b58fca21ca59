import { json } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { findVisit, runVisitCommand, type CommandResult, type VisitDetail } from "../models/visits.server";
import { formValues, parseVisitCommand, VISIT_ROLES } from "../domain/visit-form";
import { StageBadge } from "../components/badges";
import { CheckInForm, CheckInResult } from "../components/visit-check-in";
import { VisitChangeForms } from "../components/visit-change-forms";
import { useScheduleLabel, VisitStatusBadge } from "../components/visit-list";
import { useI18n } from "../i18n/react";
import type { MessageKey } from "../i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${(data as { visit?: { market_name: string } } | undefined)?.visit?.market_name ?? "Kunjungan"} · Pasar Terlindungi` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: VISIT_ROLES });
  const visit = await findVisit(getDb(), user.scope, requireIdParam(params.visitId));
  if (!visit) throw notFound(request);
  return json({ visit });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: VISIT_ROLES });
  const visitId = requireIdParam(params.visitId);
  const form = await request.formData();
  const intent = form.get("intent");
  const parsed = parseVisitCommand(intent, formValues(form), ["checkIn", "cancel", "reschedule"]);
  const result = await runVisitCommand(getDb(), user.scope, { userId: user.id }, visitId, parsed);
  if (!result) throw notFound(request);
  return json({ ...result, intent: String(intent) }, { status: result.ok ? 200 : 400 });
}

const DONE_NOTICE: Record<string, MessageKey> = {
  planned: "visits.created",
  outcome: "visits.outcome.saved",
  checkIn: "visits.checkIn.saved",
  cancel: "visits.cancel.done",
  reschedule: "visits.reschedule.done",
};

function Outcome({ visit }: { visit: VisitDetail }) {
  const { t, integer, dateTime } = useI18n();
  const schedule = useScheduleLabel();
  if (!visit.outcome_recorded_at) return null;
  const rows: [string, React.ReactNode][] = [
    [t("visits.outcome.peopleMet"), visit.people_met ?? t("common.none")],
    [t("visits.outcome.tradersSocialised"), integer(visit.traders_socialised ?? 0)],
    [t("visits.outcome.tradersEnrolled"), integer(visit.traders_enrolled ?? 0)],
    [t("visits.outcome.notes"), visit.outcome_notes ?? t("common.none")],
    [t("visits.outcome.nextStep"), visit.next_step ?? t("common.none")],
  ];
  return (
    <section className="card" aria-labelledby="outcome-heading">
      <h2 id="outcome-heading">{t("visits.outcome.title")}</h2>
      <p className="muted">{t("visits.outcome.by", { time: dateTime(visit.outcome_recorded_at, visit.time_zone), name: visit.outcome_by_name ?? "" })}</p>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
        ))}
      </dl>
      {visit.stageChanges.map((change) => (
        <p key={change.changed_at}>
          {t("visits.stageChanged", { from: change.from_stage ? t(`stage.${change.from_stage}`) : "—", to: t(`stage.${change.to_stage}`) })}
          {change.reason ? ` · ${change.reason}` : null}
        </p>
      ))}
      {visit.followUps.length > 0 ? (
        <p>
          {t("visits.followUps")}:{" "}
          {visit.followUps.map((next) => (
            <Link key={next.id} to={`/visits/${next.id}`}>{schedule(next.planned_date, next.planned_time, visit.time_zone)}</Link>
          ))}
        </p>
      ) : null}
    </section>
  );
}

export default function VisitPage() {
  const { t } = useI18n();
  const { visit } = useLoaderData<typeof loader>() as unknown as { visit: VisitDetail };
  const result = useActionData<CommandResult & { intent: string }>();
  const [params] = useSearchParams();
  const schedule = useScheduleLabel();
  const saved = result?.ok ? result.intent : params.get("saved");
  const errors = result && !result.ok ? result.errors : undefined;
  const facts: [string, React.ReactNode][] = [
    [t("visits.when"), schedule(visit.planned_date, visit.planned_time, visit.time_zone)],
    [t("visits.purpose"), t(`visits.purpose.${visit.purpose}`)],
    [t("visits.staff"), visit.staff.map((person) => person.name).join(", ") || t("common.none")],
    [t("markets.stage"), <StageBadge key="stage" stage={visit.market_stage} />],
    [t("visits.createdBy"), visit.created_by_name ?? t("common.none")],
  ];
  if (visit.notes) facts.push([t("visits.notes"), visit.notes]);
  if (visit.previous_visit_id && visit.previous_planned_date) {
    facts.push([
      t("visits.previous"),
      <Link key="previous" to={`/visits/${visit.previous_visit_id}`}>{schedule(visit.previous_planned_date, null, visit.time_zone)}</Link>,
    ]);
  }
  if (visit.cancel_reason) facts.push([t("visits.cancel.reason"), visit.cancel_reason]);
  const planned = visit.status === "planned";
  return (
    <>
      <p><Link to="/agenda">← {t("visits.agenda.title")}</Link></p>
      <h1>{t("visits.detail.title", { market: visit.market_name })}</h1>
      <p>
        <VisitStatusBadge status={visit.status} overdue={visit.overdue} />{" "}
        <Link to={`/markets/${visit.market_id}`}>{visit.market_name} · {visit.branch_code}</Link>
      </p>
      {saved && DONE_NOTICE[saved] ? <p className="notice" role="status">{t(DONE_NOTICE[saved])}</p> : null}
      {errors?.form ? <p className="form-error" role="alert">{t(errors.form as MessageKey)}</p> : null}
      <dl className="facts card">
        {facts.map(([label, value]) => (
          <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
        ))}
      </dl>
      {visit.checked_in_at || planned ? (
        <section className="card" aria-labelledby="check-in-heading">
          <h2 id="check-in-heading">{t("visits.checkIn.title")}</h2>
          {visit.checked_in_at ? <CheckInResult visit={{ ...visit, checked_in_at: visit.checked_in_at }} /> : <CheckInForm />}
        </section>
      ) : null}
      <Outcome visit={visit} />
      {planned ? (
        <>
          <p><Link className="button primary" to={`/visits/${visit.id}/outcome`}>{t("visits.outcome.record")}</Link></p>
          <VisitChangeForms visit={visit} intent={result && !result.ok ? result.intent : undefined} errors={errors} />
        </>
      ) : null}
      {visit.changes.length > 0 ? (
        <section aria-labelledby="changes-heading">
          <h2 id="changes-heading">{t("visits.changes.title")}</h2>
          <ul className="plain-list">
            {visit.changes.map((change) => {
              const from = schedule(change.from_date ?? "", change.from_time, visit.time_zone);
              const to = schedule(change.to_date ?? "", change.to_time, visit.time_zone);
              return (
                <li key={change.id}>
                  {change.kind === "rescheduled" ? t("visits.changes.rescheduled", { from, to }) : t("visits.changes.cancelled", { from })}
                  {` · ${change.reason} · ${change.changed_by}`}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </>
  );
}
