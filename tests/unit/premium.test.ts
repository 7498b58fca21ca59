import { describe, expect, it } from "vitest";
import {
  addMonths,
  DEFAULT_ALLOWED_NOMINALS,
  DEFAULT_RATE_TABLE,
  daysInMonth,
  dueDateOf,
  monthRange,
  monthsBetween,
  nominalError,
  premiumMonthOf,
  quotePremium,
  validateDiscountPeriod,
  validateRatePeriod,
  type NewDiscountPeriod,
  type NewRatePeriod,
  type ParticipantProfile,
  type RatePeriod,
} from "../../app/domain/premium";

const trader: ParticipantProfile = { nominal: 1_000_000, jht: false, payerType: "mandiri", sector: "non_transport" };
const table = { ...DEFAULT_RATE_TABLE, allowedNominals: [...DEFAULT_ALLOWED_NOMINALS] };
const total = (profile: Partial<ParticipantProfile>, month: string) => quotePremium({ ...trader, ...profile }, month, table).total;

describe("quotePremium without a discount", () => {
  it("charges Rp16,800 on the minimum nominal: JKK 1% plus JKM Rp6,800", () => {
    const quote = quotePremium(trader, "2025-11", table);
    expect(quote).toEqual({
      month: "2025-11",
      nominal: 1_000_000,
      jkk: 10_000,
      jkm: 6_800,
      jht: 0,
      total: 16_800,
      ratePeriod: { id: "base-2015", label: "Tarif BPU (PP 44/2015)" },
      discount: null,
    });
  });

  it("adds 2% JHT when chosen, Rp36,800 in all", () => {
    const quote = quotePremium({ ...trader, jht: true }, "2025-11", table);
    expect(quote.jht).toBe(20_000);
    expect(quote.total).toBe(36_800);
  });

  it("scales JKK and JHT with a Rp2,000,000 nominal while JKM stays flat", () => {
    expect(quotePremium({ ...trader, nominal: 2_000_000, jht: true }, "2025-11", table)).toMatchObject({
      jkk: 20_000,
      jkm: 6_800,
      jht: 40_000,
      total: 66_800,
    });
  });
});

describe("quotePremium under PP 50/2025", () => {
  it("halves JKK and JKM for a self-paying trader in November 2026: Rp8,400", () => {
    const quote = quotePremium(trader, "2026-11", table);
    expect(quote).toMatchObject({ jkk: 5_000, jkm: 3_400, jht: 0, total: 8_400 });
    expect(quote.discount).toEqual({ id: "pp50-2025-non-transport", label: "PP 50/2025" });
  });

  it("leaves JHT whole: Rp28,400 with JHT in November 2026", () => {
    expect(quotePremium({ ...trader, jht: true }, "2026-11", table)).toMatchObject({ jht: 20_000, total: 28_400 });
  });

  it("discounts a Rp2,000,000 nominal to Rp13,400, or Rp53,400 with JHT", () => {
    expect(total({ nominal: 2_000_000 }, "2026-11")).toBe(13_400);
    expect(total({ nominal: 2_000_000, jht: true }, "2026-11")).toBe(53_400);
  });

  it("does not discount a trader paid from a regional budget (APBD)", () => {
    const quote = quotePremium({ ...trader, payerType: "apbd" }, "2026-11", table);
    expect(quote.total).toBe(16_800);
    expect(quote.discount).toBeNull();
  });

  it("discounts a trader paid by a private sponsor, since only state and regional budgets are excluded", () => {
    expect(total({ payerType: "sponsor" }, "2026-11")).toBe(8_400);
  });

  it("applies to traders from April to December 2026 only", () => {
    expect(total({}, "2026-03")).toBe(16_800);
    expect(total({}, "2026-04")).toBe(8_400);
    expect(total({}, "2026-12")).toBe(8_400);
    expect(total({}, "2027-01")).toBe(16_800);
  });

  it("applies to transport workers from January 2026 to March 2027", () => {
    const transport = { sector: "transport" as const };
    expect(total(transport, "2025-12")).toBe(16_800);
    expect(total(transport, "2026-01")).toBe(8_400);
    expect(total(transport, "2027-03")).toBe(8_400);
    expect(total(transport, "2027-04")).toBe(16_800);
    expect(total({ ...transport, payerType: "apbd" }, "2026-01")).toBe(16_800);
  });

  it("rounds each component half up after the discount and totals the rounded components", () => {
    const odd = { periods: [{ ...DEFAULT_RATE_TABLE.periods[0], jkmFlat: 6_801 }], discounts: DEFAULT_RATE_TABLE.discounts };
    // JKK 1% of 1,000,100 = 10,001 → 5,000.5 → 5,001; JKM 6,801 → 3,400.5 → 3,401.
    expect(quotePremium({ ...trader, nominal: 1_000_100 }, "2026-11", odd)).toMatchObject({
      jkk: 5_001,
      jkm: 3_401,
      total: 8_402,
    });
  });
});

describe("quotePremium refusals", () => {
  it("refuses a month no rate period covers", () => {
    expect(() => quotePremium(trader, "2015-06", table)).toThrow("premium.noRatePeriod");
  });

  it("refuses a nominal below the period's minimum", () => {
    expect(() => quotePremium({ ...trader, nominal: 999_900 }, "2026-11", DEFAULT_RATE_TABLE)).toThrow("premium.belowMinimum");
  });

  it("refuses a nominal outside the allowed list when one is configured", () => {
    expect(() => quotePremium({ ...trader, nominal: 1_050_000 }, "2026-11", table)).toThrow("premium.nominalNotAllowed");
    expect(quotePremium({ ...trader, nominal: 1_050_000 }, "2026-11", DEFAULT_RATE_TABLE).jkk).toBe(5_250);
  });

  it("refuses fractional, negative or missing nominals and malformed months", () => {
    expect(nominalError(1_000_000.5, "2026-11", table)).toBe("premium.notInteger");
    expect(nominalError(-1_000_000, "2026-11", table)).toBe("premium.notInteger");
    expect(nominalError(Number.NaN, "2026-11", table)).toBe("premium.notInteger");
    expect(nominalError(1_000_000, "2026-13", table)).toBe("premium.month");
    expect(nominalError(1_000_000, "2026-11", table)).toBeNull();
  });
});

describe("rate periods over time", () => {
  it("lets a later open-ended period supersede the base rates from its first month", () => {
    const raised: RatePeriod = { ...DEFAULT_RATE_TABLE.periods[0], id: "raise", validFrom: "2027-01", jkmFlat: 7_000, label: "New" };
    const periods = [...DEFAULT_RATE_TABLE.periods, raised];
    expect(quotePremium(trader, "2026-12", { periods, discounts: [] }).jkm).toBe(6_800);
    expect(quotePremium(trader, "2027-01", { periods, discounts: [] })).toMatchObject({ jkm: 7_000, ratePeriod: { id: "raise" } });
  });

  it("returns to the open-ended rates after a closed period ends", () => {
    const temporary: RatePeriod = { ...DEFAULT_RATE_TABLE.periods[0], id: "temp", validFrom: "2027-01", validTo: "2027-02", jkmFlat: 0 };
    const periods = [...DEFAULT_RATE_TABLE.periods, temporary];
    expect(quotePremium(trader, "2027-02", { periods, discounts: [] }).jkm).toBe(0);
    expect(quotePremium(trader, "2027-03", { periods, discounts: [] }).jkm).toBe(6_800);
  });
});

describe("default configuration", () => {
  it("allows nominals from Rp1,000,000 to Rp20,700,000 in Rp100,000 steps", () => {
    expect(DEFAULT_ALLOWED_NOMINALS[0]).toBe(1_000_000);
    expect(DEFAULT_ALLOWED_NOMINALS.at(-1)).toBe(20_700_000);
    expect(DEFAULT_ALLOWED_NOMINALS).toHaveLength(198);
    expect(DEFAULT_ALLOWED_NOMINALS).toContain(1_100_000);
  });
});

describe("premium month helpers", () => {
  it("adds months across year ends in both directions", () => {
    expect(addMonths("2026-11", 2)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-11", 0)).toBe("2026-11");
    expect(addMonths("2026-11", -23)).toBe("2024-12");
  });

  it("counts the months between two premium months and lists them", () => {
    expect(monthsBetween("2026-11", "2027-01")).toBe(2);
    expect(monthsBetween("2027-01", "2026-11")).toBe(-2);
    expect(monthRange("2026-11", "2027-01")).toEqual(["2026-11", "2026-12", "2027-01"]);
    expect(monthRange("2027-01", "2026-11")).toEqual([]);
  });

  it("takes the premium month of a date and refuses anything else", () => {
    expect(premiumMonthOf("2026-11-24")).toBe("2026-11");
    expect(() => premiumMonthOf("2026-11")).toThrow(RangeError);
    expect(() => addMonths("2026-13", 1)).toThrow(RangeError);
  });

  it("knows the length of each month, leap years included", () => {
    expect(daysInMonth("2024-02")).toBe(29);
    expect(daysInMonth("2026-02")).toBe(28);
    expect(daysInMonth("2026-11")).toBe(30);
  });
});

describe("dueDateOf", () => {
  it("is the 15th of the same month on a working day", () => {
    expect(dueDateOf("2026-12")).toBe("2026-12-15");
  });

  it("moves from a Sunday to the Monday", () => {
    expect(dueDateOf("2026-11")).toBe("2026-11-16");
  });

  it("skips the weekend and configured holidays", () => {
    // 15 Aug 2026 is a Saturday and 17 Aug is Independence Day.
    expect(dueDateOf("2026-08")).toBe("2026-08-17");
    expect(dueDateOf("2026-08", { holidays: ["2026-08-17"] })).toBe("2026-08-18");
    expect(dueDateOf("2026-12", { holidays: new Set(["2026-12-15"]) })).toBe("2026-12-16");
  });

  it("takes another due day from configuration", () => {
    expect(dueDateOf("2026-12", { dueDay: 10 })).toBe("2026-12-10");
  });
});

const newPeriod: NewRatePeriod = {
  validFrom: "2027-01",
  validTo: null,
  jkkBasisPoints: 100,
  jkmFlat: 7_000,
  jhtBasisPoints: 200,
  minimumNominal: 1_000_000,
  label: "Tarif baru",
};

describe("validateRatePeriod", () => {
  const existing = DEFAULT_RATE_TABLE.periods;

  it("accepts a new period that starts after the open-ended base period", () => {
    expect(validateRatePeriod(newPeriod, existing, { notBefore: "2026-12" })).toEqual({});
    expect(validateRatePeriod({ ...newPeriod, validTo: "2027-06" }, existing)).toEqual({});
  });

  it("refuses an end before the start and malformed months", () => {
    expect(validateRatePeriod({ ...newPeriod, validTo: "2026-12" }, existing)).toEqual({ validTo: "premium.periodOrder" });
    expect(validateRatePeriod({ ...newPeriod, validFrom: "2027-13" }, existing)).toEqual({ validFrom: "premium.month" });
  });

  it("refuses to start in a month that may already be billed", () => {
    expect(validateRatePeriod(newPeriod, existing, { notBefore: "2027-02" })).toEqual({ validFrom: "premium.periodPast" });
  });

  it("refuses overlap with a closed period or with a period starting the same month or later", () => {
    const closed: RatePeriod = { ...existing[0], id: 2, validFrom: "2027-01", validTo: "2027-06" };
    expect(validateRatePeriod({ ...newPeriod, validFrom: "2027-03" }, [...existing, closed])).toEqual({
      validFrom: "premium.periodOverlap",
    });
    expect(validateRatePeriod({ ...newPeriod, validFrom: "2015-07" }, existing)).toEqual({ validFrom: "premium.periodOverlap" });
    const later: RatePeriod = { ...existing[0], id: 3, validFrom: "2028-01", validTo: null };
    expect(validateRatePeriod(newPeriod, [...existing, later])).toEqual({ validFrom: "premium.periodOverlap" });
  });

  it("requires whole, non-negative numbers and basis points up to 100%", () => {
    expect(
      validateRatePeriod({ ...newPeriod, jkkBasisPoints: 10_001, jhtBasisPoints: 1.5, jkmFlat: -1, minimumNominal: Number.NaN, label: " " }, existing),
    ).toEqual({
      jkkBasisPoints: "premium.basisPointRange",
      jhtBasisPoints: "common.invalidNumber",
      jkmFlat: "common.invalidNumber",
      minimumNominal: "common.invalidNumber",
      label: "common.required",
    });
  });
});

const newDiscount: NewDiscountPeriod = {
  validFrom: "2027-04",
  validTo: "2027-12",
  label: "Relaksasi",
  jkkPercentOff: 50,
  jkmPercentOff: 50,
  jhtPercentOff: 0,
  sectors: ["non_transport"],
  payerTypes: ["mandiri"],
};

describe("validateDiscountPeriod", () => {
  const existing = DEFAULT_RATE_TABLE.discounts;

  it("accepts a discount that overlaps no other for the same sector and payer", () => {
    expect(validateDiscountPeriod(newDiscount, existing)).toEqual({});
    expect(validateDiscountPeriod({ ...newDiscount, validFrom: "2026-06", payerTypes: ["apbd"] }, existing)).toEqual({});
  });

  it("refuses a discount overlapping PP 50/2025 for the same participants", () => {
    expect(validateDiscountPeriod({ ...newDiscount, validFrom: "2026-12" }, existing)).toEqual({
      validFrom: "premium.discountOverlap",
    });
    expect(validateDiscountPeriod({ ...newDiscount, validFrom: "2027-01", sectors: ["transport"] }, existing)).toEqual({
      validFrom: "premium.discountOverlap",
    });
  });

  it("requires percentages from 0 to 100, a sector, a payer type and a label", () => {
    expect(
      validateDiscountPeriod({ ...newDiscount, jkkPercentOff: 101, jkmPercentOff: -1, jhtPercentOff: 0.5, sectors: [], payerTypes: [], label: "" }, existing),
    ).toEqual({
      jkkPercentOff: "premium.percentRange",
      jkmPercentOff: "premium.percentRange",
      jhtPercentOff: "common.invalidNumber",
      sectors: "premium.sectorsRequired",
      payerTypes: "premium.payerTypesRequired",
      label: "common.required",
    });
  });
});
