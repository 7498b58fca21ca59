import type { CollectionFrequency, OperatorType } from "../../db/schema";
import { useI18n } from "../i18n/react";
import { FieldError, TextField } from "./forms";

export interface MouTermsValues {
  counterparty_type: OperatorType;
  counterparty_name: string;
  counterparty_signatory_name: string | null;
  counterparty_signatory_title: string | null;
  branch_signatory_name: string | null;
  branch_signatory_title: string | null;
  collection_frequency: CollectionFrequency;
  deposit_schedule: string;
  collector_fee_basis_points: number;
  target_traders: number | null;
  special_terms: string | null;
}

type Errors = Record<string, string> | undefined;

function Select({ name, label, value, options, error }: { name: string; label: string; value: string; options: [string, string][]; error?: string }) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={value}>
        {options.map(([option, text]) => (
          <option key={option} value={option}>{text}</option>
        ))}
      </select>
      <FieldError id={`${name}-error`} error={error} />
    </div>
  );
}

/** The counterparty, signatories and collection terms of an MoU draft. */
export function MouTermsFields({
  values,
  errors,
  collectorOptions,
  selectedCollectorIds,
}: {
  values?: Partial<MouTermsValues>;
  errors: Errors;
  collectorOptions: { id: number; name: string }[];
  selectedCollectorIds: number[];
}) {
  const { t } = useI18n();
  const text = (name: string, label: string, value: string | number | null | undefined, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <TextField name={name} label={label} error={errors?.[name]} inputProps={{ defaultValue: value ?? "", ...props }} />
  );
  return (
    <>
      <fieldset>
        <legend>{t("mou.counterparty")}</legend>
        <Select name="counterpartyType" label={t("mou.counterpartyType")} value={values?.counterparty_type ?? "dinas_upt"} error={errors?.counterpartyType}
          options={(["dinas_upt", "perumda", "other"] as const).map((option) => [option, t(`operator.${option}`)])} />
        {text("counterpartyName", t("mou.counterpartyName"), values?.counterparty_name, { required: true })}
        {text("counterpartySignatoryName", t("mou.counterpartySignatoryName"), values?.counterparty_signatory_name)}
        {text("counterpartySignatoryTitle", t("mou.counterpartySignatoryTitle"), values?.counterparty_signatory_title)}
        {text("branchSignatoryName", t("mou.branchSignatoryName"), values?.branch_signatory_name)}
        {text("branchSignatoryTitle", t("mou.branchSignatoryTitle"), values?.branch_signatory_title)}
      </fieldset>
      <fieldset>
        <legend>{t("mou.terms")}</legend>
        <Select name="collectionFrequency" label={t("mou.collectionFrequency")} value={values?.collection_frequency ?? "daily"} error={errors?.collectionFrequency}
          options={(["daily", "weekly", "monthly"] as const).map((option) => [option, t(`mou.frequency.${option}`)])} />
        {text("depositSchedule", t("mou.depositSchedule"), values?.deposit_schedule ?? t("mou.depositScheduleDefault"), { required: true })}
        {text("collectorFeeBasisPoints", t("mou.collectorFee"), values?.collector_fee_basis_points == null ? "7,5" : String(values.collector_fee_basis_points / 100).replace(".", ","), { inputMode: "decimal" })}
        {text("targetTraders", t("mou.targetTraders"), values?.target_traders, { inputMode: "numeric" })}
        <div className="field">
          <label htmlFor="specialTerms">{t("mou.specialTerms")}</label>
          <textarea id="specialTerms" name="specialTerms" rows={3} defaultValue={values?.special_terms ?? ""} />
          <FieldError id="specialTerms-error" error={errors?.specialTerms} />
        </div>
        <fieldset>
          <legend>{t("mou.collectors")}</legend>
          {collectorOptions.length === 0 ? <p className="muted">{t("mou.noCollectorAccounts")}</p> : null}
          {collectorOptions.map((collector) => (
            <label key={collector.id} className="check">
              <input type="checkbox" name="collectorIds" value={collector.id} defaultChecked={selectedCollectorIds.includes(collector.id)} />
              {collector.name}
            </label>
          ))}
        </fieldset>
      </fieldset>
    </>
  );
}

/** Signatories and dates asked for when recording the signing. */
export function MouSigningFields({ values, errors }: { values: Partial<MouTermsValues> & { signed_on?: string | null; in_force_from?: string | null; expires_on?: string | null }; errors: Errors }) {
  const { t } = useI18n();
  const field = (name: string, label: string, value: string | null | undefined, type = "text") => (
    <TextField name={name} label={label} error={errors?.[name]} inputProps={{ type, defaultValue: value ?? "" }} />
  );
  return (
    <>
      {field("counterpartySignatoryName", t("mou.counterpartySignatoryName"), values.counterparty_signatory_name)}
      {field("counterpartySignatoryTitle", t("mou.counterpartySignatoryTitle"), values.counterparty_signatory_title)}
      {field("branchSignatoryName", t("mou.branchSignatoryName"), values.branch_signatory_name)}
      {field("branchSignatoryTitle", t("mou.branchSignatoryTitle"), values.branch_signatory_title)}
      {field("signedOn", t("mou.signedOn"), values.signed_on, "date")}
      {field("inForceFrom", t("mou.inForceFrom"), values.in_force_from, "date")}
      {field("expiresOn", t("mou.expiresOn"), values.expires_on, "date")}
    </>
  );
}

export function MouStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`badge mou-${status}`}>{t(`mou.status.${status}` as Parameters<typeof t>[0])}</span>;
}
