import { parseRupiah } from "./money";
import type { NewDiscountPeriod, NewRatePeriod, PayerType, Sector } from "./premium";

// Reading the admin's "new rate period" and "new discount period" forms. Anything unreadable becomes NaN so
// validateRatePeriod / validateDiscountPeriod report it as "common.invalidNumber" next to the field.

interface FormLike {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
}

const text = (form: FormLike, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

/** "1" → 100, "0,5" → 50, "2.25" → 225 basis points; NaN for anything else (at most two decimals). */
export function basisPointsOf(percent: string): number {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(percent.replace(/\s|%/g, ""));
  if (!match) return Number.NaN;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}

const wholeNumber = (value: string) => (/^\d{1,3}$/.test(value) ? Number(value) : Number.NaN);
const rupiah = (value: string) => parseRupiah(value) ?? Number.NaN;

export function ratePeriodFromForm(form: FormLike): NewRatePeriod {
  return {
    validFrom: text(form, "validFrom"),
    validTo: text(form, "validTo") || null,
    jkkBasisPoints: basisPointsOf(text(form, "jkkPercent")),
    jkmFlat: rupiah(text(form, "jkmFlat")),
    jhtBasisPoints: basisPointsOf(text(form, "jhtPercent")),
    minimumNominal: rupiah(text(form, "minimumNominal")),
    label: text(form, "label"),
  };
}

export function discountPeriodFromForm(form: FormLike): NewDiscountPeriod {
  const list = (name: string) => form.getAll(name).filter((value): value is string => typeof value === "string");
  return {
    validFrom: text(form, "validFrom"),
    validTo: text(form, "validTo") || null,
    label: text(form, "label"),
    jkkPercentOff: wholeNumber(text(form, "jkkPercentOff")),
    jkmPercentOff: wholeNumber(text(form, "jkmPercentOff")),
    jhtPercentOff: wholeNumber(text(form, "jhtPercentOff")),
    sectors: list("sectors") as Sector[],
    payerTypes: list("payerTypes") as PayerType[],
  };
}

export const LABEL_MAX = 120;
