import { useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { DiscountPeriod, RatePeriod } from "../domain/premium";
import { PAYER_TYPES, SECTORS } from "../domain/premium";
import { formatBasisPoints, formatMonth } from "../domain/month-format";
import type { FieldErrors } from "../domain/user-form";
import { useI18n } from "../i18n/react";
import type { MessageKey } from "../i18n";
import { FieldError, PostForm, TextField } from "./forms";

// The admin's rate table: what is stored (never editable) and the two forms that add a period.

interface Stored {
  createdBy: string | null;
  inUse: boolean;
}

function Validity({ from, to }: { from: string; to: string | null }) {
  const { t, locale } = useI18n();
  return <>{`${formatMonth(from, locale)} – ${to ? formatMonth(to, locale) : t("rates.openEnded")}`}</>;
}

function State({ period }: { period: Stored }) {
  const { t } = useI18n();
  return <span className={`badge ${period.inUse ? "rate-in-use" : "rate-upcoming"}`}>{t(period.inUse ? "rates.inUse" : "rates.upcoming")}</span>;
}

export function RatePeriodTable({ periods }: { periods: (RatePeriod & Stored)[] }) {
  const { t, rupiah, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("rates.label")}</th>
            <th scope="col">{t("rates.validFrom")}</th>
            <th scope="col" className="num">{t("rates.jkk")}</th>
            <th scope="col" className="num">{t("rates.jkm")}</th>
            <th scope="col" className="num">{t("rates.jht")}</th>
            <th scope="col" className="num">{t("rates.minimum")}</th>
            <th scope="col">{t("traders.status")}</th>
            <th scope="col">{t("rates.addedBy")}</th>
          </tr>
        </thead>
        <tbody>
          {periods.map((period) => (
            <tr key={period.id}>
              <th scope="row">{period.label}</th>
              <td><Validity from={period.validFrom} to={period.validTo} /></td>
              <td className="num">{formatBasisPoints(period.jkkBasisPoints, locale)}</td>
              <td className="num">{rupiah(period.jkmFlat)}</td>
              <td className="num">{formatBasisPoints(period.jhtBasisPoints, locale)}</td>
              <td className="num">{rupiah(period.minimumNominal)}</td>
              <td><State period={period} /></td>
              <td>{period.createdBy ?? t("rates.system")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DiscountTable({ discounts }: { discounts: (DiscountPeriod & Stored)[] }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("rates.label")}</th>
            <th scope="col">{t("rates.validFrom")}</th>
            <th scope="col">{t("rates.off")}</th>
            <th scope="col">{t("rates.sectors")}</th>
            <th scope="col">{t("rates.payerTypes")}</th>
            <th scope="col">{t("traders.status")}</th>
            <th scope="col">{t("rates.addedBy")}</th>
          </tr>
        </thead>
        <tbody>
          {discounts.map((discount) => (
            <tr key={discount.id}>
              <th scope="row">{discount.label}</th>
              <td><Validity from={discount.validFrom} to={discount.validTo} /></td>
              <td>{`JKK ${discount.jkkPercentOff}% · JKM ${discount.jkmPercentOff}% · JHT ${discount.jhtPercentOff}%`}</td>
              <td>{discount.sectors.map((sector) => t(`sector.${sector}`)).join(", ")}</td>
              <td>{discount.payerTypes.map((payer) => t(`payer.${payer}`)).join(", ")}</td>
              <td><State period={discount} /></td>
              <td>{discount.createdBy ?? t("rates.system")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface RateFormResult {
  intent?: "rate" | "discount";
  errors?: FieldErrors;
  values?: Record<string, string | string[]>;
}

const text = (values: RateFormResult["values"], name: string, fallback = "") => {
  const value = values?.[name];
  return typeof value === "string" ? value : fallback;
};

/** What both "add a period" forms share: heading, intent, label, months and the submit button. */
function PeriodForm(props: {
  intent: "rate" | "discount";
  title: string;
  result?: RateFormResult;
  notBefore: string;
  children: (errors: FieldErrors | undefined, values: RateFormResult["values"]) => ReactNode;
}) {
  const { t } = useI18n();
  const busy = useNavigation().state === "submitting";
  const { intent, title, notBefore } = props;
  const mine = props.result?.intent === intent ? props.result : undefined;
  const errors = mine?.errors;
  const values = mine?.values;
  return (
    <PostForm className="card" aria-labelledby={`add-${intent}-heading`} noValidate>
      <h2 id={`add-${intent}-heading`}>{title}</h2>
      <input type="hidden" name="intent" value={intent} />
      <TextField name="label" label={t("rates.label")} error={errors?.label} hint={t("rates.labelHint")} inputProps={{ defaultValue: text(values, "label"), required: true }} />
      <div className="field-row">
        <TextField name="validFrom" label={t("rates.validFrom")} error={errors?.validFrom} inputProps={{ type: "month", min: notBefore, defaultValue: text(values, "validFrom", notBefore), required: true }} />
        <TextField name="validTo" label={t("rates.validTo")} error={errors?.validTo} inputProps={{ type: "month", min: notBefore, defaultValue: text(values, "validTo") }} />
      </div>
      {props.children(errors, values)}
      <button type="submit" className="primary" disabled={busy}>{title}</button>
    </PostForm>
  );
}

/** Number inputs side by side: [input name, label, error field (the validator's name), default]. */
function NumberFields({ fields, errors, values }: { fields: [string, MessageKey, string, string][]; errors?: FieldErrors; values: RateFormResult["values"] }) {
  const { t } = useI18n();
  return (
    <div className="field-row">
      {fields.map(([name, label, errorField, fallback]) => (
        <TextField key={name} name={name} label={t(label)} error={errors?.[errorField]} inputProps={{ defaultValue: text(values, name, fallback), inputMode: "decimal" }} />
      ))}
    </div>
  );
}

export function RatePeriodForm({ result, notBefore }: { result?: RateFormResult; notBefore: string }) {
  const { t } = useI18n();
  return (
    <PeriodForm intent="rate" title={t("rates.addPeriod")} result={result} notBefore={notBefore}>
      {(errors, values) => (
        <NumberFields
          errors={errors}
          values={values}
          fields={[
            ["jkkPercent", "rates.jkkPercent", "jkkBasisPoints", "1"],
            ["jhtPercent", "rates.jhtPercent", "jhtBasisPoints", "2"],
            ["jkmFlat", "rates.jkmFlat", "jkmFlat", "6800"],
            ["minimumNominal", "rates.minimumNominal", "minimumNominal", "1000000"],
          ]}
        />
      )}
    </PeriodForm>
  );
}

/** Checkboxes for a list field; before any submission the defaults are ticked, after one what was sent. */
function CheckboxList<T extends string>(props: { name: string; legend: string; options: readonly T[]; labelOf: (option: T) => string; isDefault: (option: T) => boolean; values: RateFormResult["values"]; error?: string }) {
  const { name, legend, options, labelOf, isDefault, values, error } = props;
  const chosen = values?.[name];
  const checked = (option: T) => (values ? ([] as string[]).concat(chosen ?? []).includes(option) : isDefault(option));
  return (
    <fieldset className="field radio-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input type="checkbox" name={name} value={option} defaultChecked={checked(option)} />
          {labelOf(option)}
        </label>
      ))}
      <FieldError id={`${name}-error`} error={error} />
    </fieldset>
  );
}

export function DiscountPeriodForm({ result, notBefore }: { result?: RateFormResult; notBefore: string }) {
  const { t } = useI18n();
  return (
    <PeriodForm intent="discount" title={t("rates.addDiscount")} result={result} notBefore={notBefore}>
      {(errors, values) => (
        <>
          <NumberFields
            errors={errors}
            values={values}
            fields={[
              ["jkkPercentOff", "rates.jkkOff", "jkkPercentOff", "0"],
              ["jkmPercentOff", "rates.jkmOff", "jkmPercentOff", "0"],
              ["jhtPercentOff", "rates.jhtOff", "jhtPercentOff", "0"],
            ]}
          />
          <CheckboxList name="sectors" legend={t("rates.sectors")} options={SECTORS} labelOf={(sector) => t(`sector.${sector}`)} isDefault={(sector) => sector === "non_transport"} values={values} error={errors?.sectors} />
          <CheckboxList name="payerTypes" legend={t("rates.payerTypes")} options={PAYER_TYPES} labelOf={(payer) => t(`payer.${payer}`)} isDefault={(payer) => payer !== "apbd"} values={values} error={errors?.payerTypes} />
        </>
      )}
    </PeriodForm>
  );
}
