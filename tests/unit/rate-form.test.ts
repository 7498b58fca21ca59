import { describe, expect, it } from "vitest";
import { basisPointsOf, discountPeriodFromForm, ratePeriodFromForm } from "../../app/domain/rate-form";
import { DEFAULT_RATE_TABLE, validateDiscountPeriod, validateRatePeriod } from "../../app/domain/premium";

const formOf = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
};

describe("basisPointsOf", () => {
  it("reads percentages with a decimal point or comma", () => {
    expect(basisPointsOf("1")).toBe(100);
    expect(basisPointsOf("0,5")).toBe(50);
    expect(basisPointsOf("2.25")).toBe(225);
    expect(basisPointsOf("1,5 %")).toBe(150);
  });

  it("gives NaN for anything else, so the validator reports an invalid number", () => {
    for (const text of ["", "abc", "1.234", "-1"]) expect(basisPointsOf(text)).toBeNaN();
  });
});

describe("ratePeriodFromForm", () => {
  it("reads a new base rate period the validator accepts", () => {
    const candidate = ratePeriodFromForm(
      formOf([["label", " Tarif 2030 "], ["validFrom", "2030-01"], ["validTo", ""], ["jkkPercent", "1,5"], ["jkmFlat", "7.000"], ["jhtPercent", "2"], ["minimumNominal", "Rp 1.000.000"]]),
    );
    expect(candidate).toEqual({ label: "Tarif 2030", validFrom: "2030-01", validTo: null, jkkBasisPoints: 150, jkmFlat: 7000, jhtBasisPoints: 200, minimumNominal: 1_000_000 });
    expect(validateRatePeriod(candidate, DEFAULT_RATE_TABLE.periods, { notBefore: "2026-12" })).toEqual({});
  });

  it("turns unreadable amounts into invalid-number errors", () => {
    const candidate = ratePeriodFromForm(formOf([["label", "x"], ["validFrom", "2030-01"], ["jkkPercent", "satu"], ["jkmFlat", "tujuh ribu"]]));
    const errors = validateRatePeriod(candidate, [], { notBefore: "2026-12" });
    expect(errors).toMatchObject({ jkkBasisPoints: "common.invalidNumber", jkmFlat: "common.invalidNumber" });
  });
});

describe("discountPeriodFromForm", () => {
  it("reads the checked sectors and payer types as lists", () => {
    const candidate = discountPeriodFromForm(
      formOf([
        ["label", "Potongan uji"],
        ["validFrom", "2031-01"],
        ["validTo", "2031-06"],
        ["jkkPercentOff", "50"],
        ["jkmPercentOff", "50"],
        ["jhtPercentOff", "0"],
        ["sectors", "non_transport"],
        ["payerTypes", "mandiri"],
        ["payerTypes", "sponsor"],
      ]),
    );
    expect(candidate).toMatchObject({ validTo: "2031-06", jkkPercentOff: 50, sectors: ["non_transport"], payerTypes: ["mandiri", "sponsor"] });
    expect(validateDiscountPeriod(candidate, DEFAULT_RATE_TABLE.discounts, { notBefore: "2026-12" })).toEqual({});
  });

  it("asks for a sector and a payer type when none is checked", () => {
    const candidate = discountPeriodFromForm(formOf([["label", "x"], ["validFrom", "2031-01"], ["jkkPercentOff", "10"], ["jkmPercentOff", "0"], ["jhtPercentOff", "0"]]));
    expect(validateDiscountPeriod(candidate, [])).toMatchObject({ sectors: "premium.sectorsRequired", payerTypes: "premium.payerTypesRequired" });
  });
});
