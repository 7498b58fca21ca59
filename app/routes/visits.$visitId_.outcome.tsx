import { json, redirect } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { findVisit, runVisitCommand, type VisitDetail } from "../models/visits.server";
import { formValues, parseVisitCommand, VISIT_PURPOSES, VISIT_ROLES } from "../domain/visit-form";
import { zoneAbbreviation } from "../domain/business-day";
import { FieldError, PostForm, TextField } from "../components/forms";
import { useScheduleLabel } from "../components/visit-list";
import { useI18n } from "../i18n/react";
import type { MessageKey } from "../i18n";

export const meta: MetaFunction = () => [{ title: "Hasil kunjungan · Pasar Terlindungi" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: VISIT_ROLES });
  const visit = await findVisit(getDb(), user.scope, requireIdParam(params.visitId));
  if (!visit) throw notFound(request);
  return json({ visit });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: VISIT_ROLES });
  const visitId = requireIdParam(params.visitId);
  const values = formValues(await request.formData());
  const result = await runVisitCommand(getDb(), user.scope, { userId: user.id }, visitId, parseVisitCommand("outcome", values));
  if (!result) throw notFound(request);
  if (!result.ok) return json({ errors: result.errors, values }, { status: 400 });
  return redirect(`/visits/${visitId}?saved=outcome`);
}

function TextArea({ name, label, error, hint, defaultValue, required }: { name: string; label: string; error?: string; hint?: string; defaultValue?: string; required?: boolean }) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <textarea id={name} name={name} rows={3} defaultValue={defaultValue} required={required} aria-invalid={error ? true : undefined} aria-describedby={`${name}-error`} />
      {hint ? <p className="hint">{hint}</p> : null}
      <FieldError id={`${name}-error`} error={error} />
    </div>
  );
}

export default function RecordOutcome() {
  const { t } = useI18n();
  const { visit } = useLoaderData<typeof loader>() as unknown as { visit: VisitDetail };
  const result = useActionData<{ errors: Record<string, string>; values: Record<string, string> }>();
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  const schedule = useScheduleLabel();
  // A first visit to an identified market usually makes it "visited": offer that unless told otherwise.
  const suggestedStage = visit.market_stage === "identified" && visit.stageOptions.includes("visited") ? "visited" : "";
  const zone = zoneAbbreviation(visit.time_zone);
  const number = (name: string, label: string) => (
    <TextField name={name} label={label} error={errors[name]} inputProps={{ type: "number", min: 0, step: 1, inputMode: "numeric", defaultValue: values[name] ?? "0" }} />
  );
  return (
    <section className="narrow">
      <p><Link to={`/visits/${visit.id}`}>← {t("visits.detail.title", { market: visit.market_name })}</Link></p>
      <h1>{t("visits.outcome.record")}</h1>
      <p>{visit.market_name} · {schedule(visit.planned_date, visit.planned_time, visit.time_zone)}</p>
      {visit.status !== "planned" ? (
        <p className="notice" role="status">{t(visit.status === "done" ? "visits.alreadyDone" : "visits.alreadyCancelled")}</p>
      ) : (
        <PostForm className="card" noValidate>
          {errors.form ? <p className="form-error" role="alert">{t(errors.form as MessageKey)}</p> : null}
          <TextField name="peopleMet" label={t("visits.outcome.peopleMet")} error={errors.peopleMet} hint={t("visits.outcome.peopleMetHint")} inputProps={{ defaultValue: values.peopleMet }} />
          <div className="field-row">
            {number("tradersSocialised", t("visits.outcome.tradersSocialised"))}
            {number("tradersEnrolled", t("visits.outcome.tradersEnrolled"))}
          </div>
          <TextArea name="outcomeNotes" label={t("visits.outcome.notes")} error={errors.outcomeNotes} defaultValue={values.outcomeNotes} required />
          <TextField name="nextStep" label={t("visits.outcome.nextStep")} error={errors.nextStep} inputProps={{ defaultValue: values.nextStep }} />
          <div className="field">
            <label htmlFor="stage">{t("visits.outcome.stage")}</label>
            <select id="stage" name="stage" defaultValue={values.stage ?? suggestedStage} aria-invalid={errors.stage ? true : undefined} aria-describedby="stage-error">
              <option value="">{t("visits.outcome.stageUnchanged", { stage: t(`stage.${visit.market_stage}`) })}</option>
              {visit.stageOptions.map((stage) => (
                <option key={stage} value={stage}>{t(`stage.${stage}`)}</option>
              ))}
            </select>
            <FieldError id="stage-error" error={errors.stage} />
          </div>
          <TextArea name="stageReason" label={t("visits.outcome.stageReason")} error={errors.stageReason} hint={t("visits.outcome.stageReasonHint")} defaultValue={values.stageReason} />
          <fieldset className="field">
            <legend>{t("visits.outcome.followUp")}</legend>
            <p className="hint">{t("visits.outcome.followUpHint")}</p>
            <div className="field-row">
              <TextField name="followUpDate" label={t("visits.outcome.followUpDate")} error={errors.followUpDate} inputProps={{ type: "date", min: visit.today, defaultValue: values.followUpDate }} />
              <TextField name="followUpTime" label={t("visits.time", { zone })} error={errors.followUpTime} inputProps={{ type: "time", defaultValue: values.followUpTime }} />
            </div>
            <div className="field">
              <label htmlFor="followUpPurpose">{t("visits.outcome.followUpPurpose")}</label>
              <select id="followUpPurpose" name="followUpPurpose" defaultValue={values.followUpPurpose ?? "negotiation"}>
                {VISIT_PURPOSES.map((purpose) => (
                  <option key={purpose} value={purpose}>{t(`visits.purpose.${purpose}`)}</option>
                ))}
              </select>
            </div>
          </fieldset>
          <button type="submit" className="primary">{t("visits.outcome.submit")}</button>
        </PostForm>
      )}
    </section>
  );
}
