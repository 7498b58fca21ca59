import { json, redirect } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { listPlanOptions, planVisit } from "../models/visits.server";
import { formValues, planVisitSchema, VISIT_PURPOSES, VISIT_ROLES } from "../domain/visit-form";
import { fieldErrorsOf } from "../domain/user-form";
import { zoneAbbreviation } from "../domain/business-day";
import { FieldError, PostForm, TextField } from "../components/forms";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Rencanakan kunjungan · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: VISIT_ROLES });
  const options = await listPlanOptions(getDb(), user.scope);
  const wanted = Number(new URL(request.url).searchParams.get("marketId"));
  const preselected = options.markets.some((market) => market.id === wanted) ? wanted : null;
  return json({ ...options, preselected, currentUserId: user.id });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: VISIT_ROLES });
  const values = formValues(await request.formData(), ["staffIds"]);
  const parsed = planVisitSchema.safeParse(values);
  if (!parsed.success) return json({ errors: fieldErrorsOf(parsed.error), values }, { status: 400 });
  const result = await planVisit(getDb(), user.scope, user.id, parsed.data);
  if (!result) throw notFound(request);
  if (!result.ok) return json({ errors: result.errors, values }, { status: 400 });
  return redirect(`/visits/${result.visitId}?saved=planned`);
}

type Options = Awaited<ReturnType<typeof listPlanOptions>> & { preselected: number | null; currentUserId: number };
interface ActionData {
  errors: Record<string, string>;
  values: Record<string, unknown>;
}

export default function PlanVisit() {
  const { t } = useI18n();
  const { markets, staff, todayByZone, preselected, currentUserId } = useLoaderData<typeof loader>() as Options;
  const result = useActionData<ActionData>();
  const values = result?.values;
  const errors = result?.errors ?? {};
  const [marketId, setMarketId] = useState<number | null>(values?.marketId ? Number(values.marketId) : (preselected ?? (markets.length === 1 ? markets[0].id : null)));
  const market = markets.find((m) => m.id === marketId);
  const branchStaff = market ? staff.filter((person) => person.branch_id === market.branch_id) : [];
  const chosenStaff = Array.isArray(values?.staffIds) ? (values.staffIds as string[]).map(Number) : [currentUserId];
  const today = market ? todayByZone[market.time_zone] : undefined;
  const branchCodes = [...new Set(markets.map((m) => m.branch_code))];
  const marketOption = (m: (typeof markets)[number]) => (
    <option key={m.id} value={m.id}>{m.name}</option>
  );
  return (
    <section className="narrow">
      <p><Link to="/agenda">← {t("visits.agenda.title")}</Link></p>
      <h1>{t("visits.plan")}</h1>
      <PostForm className="card" noValidate>
        <div className="field">
          <label htmlFor="marketId">{t("visits.market")}</label>
          <select
            id="marketId"
            name="marketId"
            value={marketId ?? ""}
            onChange={(event) => setMarketId(event.target.value ? Number(event.target.value) : null)}
            aria-invalid={errors.marketId ? true : undefined}
            aria-describedby={errors.marketId ? "marketId-error" : undefined}
            required
          >
            <option value="">{t("visits.chooseMarket")}</option>
            {branchCodes.length > 1
              ? branchCodes.map((code) => (
                  <optgroup key={code} label={code}>
                    {markets.filter((m) => m.branch_code === code).map(marketOption)}
                  </optgroup>
                ))
              : markets.map(marketOption)}
          </select>
          <FieldError id="marketId-error" error={errors.marketId} />
        </div>
        <div className="field-row" key={`when-${marketId}`}>
          <TextField
            name="plannedDate"
            label={t("visits.date")}
            error={errors.plannedDate}
            inputProps={{ type: "date", required: true, min: today, defaultValue: (values?.plannedDate as string) ?? today }}
          />
          <TextField
            name="plannedTime"
            label={t("visits.time", { zone: market ? zoneAbbreviation(market.time_zone) : "WIB/WITA" })}
            error={errors.plannedTime}
            hint={t("visits.timeHint")}
            inputProps={{ type: "time", defaultValue: (values?.plannedTime as string) ?? "09:00" }}
          />
        </div>
        <div className="field">
          <label htmlFor="purpose">{t("visits.purpose")}</label>
          <select id="purpose" name="purpose" defaultValue={(values?.purpose as string) ?? "socialisation"}>
            {VISIT_PURPOSES.map((purpose) => (
              <option key={purpose} value={purpose}>{t(`visits.purpose.${purpose}`)}</option>
            ))}
          </select>
          <FieldError id="purpose-error" error={errors.purpose} />
        </div>
        <fieldset className="field checkbox-group" key={`staff-${marketId}`} aria-describedby={errors.staffIds ? "staffIds-error" : "staffIds-hint"}>
          <legend>{t("visits.staff")}</legend>
          <p className="hint" id="staffIds-hint">{market && branchStaff.length === 0 ? t("visits.noStaff") : t("visits.staffHint")}</p>
          {branchStaff.map((person) => (
            <label key={person.id} className="checkbox">
              <input type="checkbox" name="staffIds" value={person.id} defaultChecked={chosenStaff.includes(person.id)} />
              {person.name}
            </label>
          ))}
          <FieldError id="staffIds-error" error={errors.staffIds} />
        </fieldset>
        <div className="field">
          <label htmlFor="notes">{t("visits.notes")}</label>
          <textarea id="notes" name="notes" rows={3} maxLength={1000} defaultValue={(values?.notes as string) ?? ""} />
          <FieldError id="notes-error" error={errors.notes} />
        </div>
        <button type="submit" className="primary">{t("visits.plan")}</button>
      </PostForm>
    </section>
  );
}
