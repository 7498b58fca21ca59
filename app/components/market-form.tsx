import { useState, type FormEvent } from "react";
import { Link } from "@remix-run/react";
import type { MarketStage } from "../../db/schema";
import { OPERATOR_TYPES, formErrorsOf, parseMarketForm } from "../domain/market-form";
import type { FieldErrors } from "../domain/user-form";
import { useI18n } from "../i18n/react";
import { StageBadge } from "./badges";
import { FieldError, PostForm, TextField } from "./forms";
import { ContactFields } from "./market-contacts";
import { LocationFields } from "./market-location-fields";

export interface BranchChoice {
  id: number;
  code: string;
  name: string;
  province_code: string;
  lat: number;
  lng: number;
}

export interface SimilarMarketRow {
  id: number;
  name: string;
  stage: MarketStage;
  branch_code: string;
}

/** What the action answers when it does not save: errors by field, or markets with similar names. */
export interface MarketActionData {
  errors?: FieldErrors;
  similar?: SimilarMarketRow[];
}

/** Form values by input name, as strings (from a stored market or from the last submit). */
export type MarketFormValues = Record<string, string | undefined>;

function SimilarWarning({ similar }: { similar: SimilarMarketRow[] }) {
  const { t } = useI18n();
  return (
    <div className="similar-warning" role="alert">
      <h2>{t("markets.similarTitle")}</h2>
      <p>{t("markets.similarBody")}</p>
      <ul>
        {similar.map((market) => (
          <li key={market.id}>
            <Link to={`/markets/${market.id}`} target="_blank" rel="noreferrer">{market.name}</Link> · {market.branch_code}{" "}
            <StageBadge stage={market.stage} />
          </li>
        ))}
      </ul>
      <label className="check">
        <input type="checkbox" name="confirmSimilar" value="1" />
        {t("markets.confirmSimilar")}
      </label>
    </div>
  );
}

function Select({ name, label, value, error, options }: { name: string; label: string; value?: string; error?: string; options: [string, string][] }) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={value ?? ""} aria-invalid={error ? true : undefined} aria-describedby={error ? `${name}-error` : undefined}>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>{optionLabel}</option>
        ))}
      </select>
      <FieldError id={`${name}-error`} error={error} />
    </div>
  );
}

/**
 * The market form for create and edit. The browser checks it with the server's schema before
 * sending, so most mistakes show at once; the server checks everything again.
 */
export function MarketForm({
  branches,
  values,
  result,
  withFirstContact,
}: {
  branches: BranchChoice[];
  values: MarketFormValues;
  result?: MarketActionData;
  withFirstContact: boolean;
}) {
  const { t } = useI18n();
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [branchId, setBranchId] = useState(values.branchId ?? (branches.length === 1 ? String(branches[0].id) : ""));
  const errors = clientErrors ?? result?.errors ?? {};
  const branch = branches.find((choice) => String(choice.id) === branchId) ?? branches[0];
  const text = (name: string, label: string, inputProps: React.InputHTMLAttributes<HTMLInputElement> = {}, hint?: string) => (
    <TextField name={name} label={label} hint={hint} error={errors[name]} inputProps={{ defaultValue: values[name] ?? "", ...inputProps }} />
  );
  const count = { type: "number", min: 0, step: 1, inputMode: "numeric" } as const;
  const checkInBrowser = (event: FormEvent<HTMLFormElement>) => {
    const parsed = parseMarketForm(Object.fromEntries(new FormData(event.currentTarget)));
    setClientErrors(parsed.success ? null : formErrorsOf(parsed.error));
    if (!parsed.success) event.preventDefault();
  };
  return (
    <PostForm noValidate onSubmit={checkInBrowser}>
      <input type="hidden" name="intent" value="update" />
      {Object.keys(errors).length > 0 ? <p className="form-error" role="alert">{t("markets.formHasErrors")}</p> : null}
      <fieldset className="card">
        <legend>{t("markets.facts")}</legend>
        {text("name", t("markets.name"), { required: true, maxLength: 120 })}
        {branches.length === 1 ? (
          <div className="field">
            <span className="label">{t("markets.branch")}</span>
            <span>{`${branches[0].code} · ${branches[0].name}`}</span>
            <input type="hidden" name="branchId" value={branches[0].id} />
          </div>
        ) : (
          <div className="field">
            <label htmlFor="branchId">{t("markets.branch")}</label>
            <select id="branchId" name="branchId" value={branchId} onChange={(event) => setBranchId(event.target.value)} aria-invalid={errors.branchId ? true : undefined}>
              <option value="">—</option>
              {branches.map((choice) => (
                <option key={choice.id} value={choice.id}>{`${choice.code} · ${choice.name}`}</option>
              ))}
            </select>
            <FieldError id="branchId-error" error={errors.branchId} />
          </div>
        )}
        {text("regencyName", t("markets.regencyName"), { required: true }, t("markets.regencyNameHint"))}
        {text("regencyCode", t("markets.regencyCode"), { required: true, pattern: "\\d{2}\\.\\d{2}", placeholder: branch ? `${branch.province_code}.71` : "61.71" }, t("markets.regencyCodeHint"))}
        {text("address", t("markets.address"))}
        <Select name="governmentRun" label={t("markets.governmentRun")} value={values.governmentRun ?? "1"} error={errors.governmentRun} options={[["1", t("common.yes")], ["0", t("common.no")]]} />
        <Select
          name="operatorType"
          label={t("markets.operatorType")}
          value={values.operatorType ?? "dinas_upt"}
          error={errors.operatorType}
          options={OPERATOR_TYPES.map((type) => [type, t(`operator.${type}`)])}
        />
        {text("operatorName", t("markets.operatorName"))}
        {text("stallEstimate", t("markets.stalls"), count)}
        {text("traderEstimate", t("markets.traders"), count)}
        <div className="field">
          <label htmlFor="notes">{t("markets.notes")}</label>
          <textarea id="notes" name="notes" rows={3} defaultValue={values.notes ?? ""} />
          <FieldError id="notes-error" error={errors.notes} />
        </div>
      </fieldset>
      <LocationFields
        defaults={{
          lat: values.lat ?? "",
          lng: values.lng ?? "",
          coordPrecision: values.coordPrecision ?? "kelurahan",
          locationVerifiedVia: values.locationVerifiedVia ?? "",
        }}
        errors={errors}
        fallbackCenter={branch ? [branch.lat, branch.lng] : [0.2, 114.5]}
      />
      {withFirstContact ? (
        <fieldset className="card">
          <legend>{t("markets.firstContact")}</legend>
          <ContactFields contactKey="0" values={{ name: values["contacts.0.name"], role: values["contacts.0.role"], phone: values["contacts.0.phone"], whatsapp: values["contacts.0.whatsapp"] }} errors={errors} />
        </fieldset>
      ) : null}
      {result?.similar?.length ? <SimilarWarning similar={result.similar} /> : null}
      <button type="submit" className="primary">{t("common.save")}</button>
    </PostForm>
  );
}

/** The edit form's starting values from a stored market. */
export function valuesFromMarket(market: {
  name: string;
  branch_id: number;
  regency_name: string;
  regency_code: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  coord_precision: string;
  location_verified_via: string | null;
  government_run: number;
  operator_type: string;
  operator_name: string | null;
  stall_estimate: number | null;
  trader_estimate: number | null;
  notes: string | null;
}): MarketFormValues {
  const text = (value: string | number | null) => (value == null ? "" : String(value));
  return {
    name: market.name,
    branchId: String(market.branch_id),
    regencyName: market.regency_name,
    regencyCode: market.regency_code,
    address: text(market.address),
    lat: text(market.lat),
    lng: text(market.lng),
    // A verified pin keeps "verified"; the approximate choice only matters if the confirmation is withdrawn.
    coordPrecision: market.coord_precision === "verified" ? "kelurahan" : market.coord_precision,
    locationVerifiedVia: text(market.location_verified_via),
    governmentRun: String(market.government_run),
    operatorType: market.operator_type,
    operatorName: text(market.operator_name),
    stallEstimate: text(market.stall_estimate),
    traderEstimate: text(market.trader_estimate),
    notes: text(market.notes),
  };
}
