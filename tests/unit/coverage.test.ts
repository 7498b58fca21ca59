import { describe, expect, it } from "vitest";
import { computeCoverage, dailyAmountSuggestion, DEFAULT_COVERAGE_CONFIG, type CoverageInput } from "../../app/domain/coverage";
import { DEFAULT_RATE_TABLE, quotePremium } from "../../app/domain/premium";

// A self-paying market trader on the minimum nominal: Rp16,800 a month, Rp8,400 from April to December 2026.
const premiumFor = (month: string) =>
  quotePremium({ nominal: 1_000_000, jht: false, payerType: "mandiri", sector: "non_transport" }, month, DEFAULT_RATE_TABLE).total;
const coverage = (input: Omit<CoverageInput, "premiumFor">) => computeCoverage({ premiumFor, ...input });

describe("computeCoverage allocation", () => {
  it("shows November paid for a trader enrolled in November 2026 who paid Rp8,400", () => {
    expect(coverage({ startMonth: "2026-11", totalPaid: 8_400, today: "2026-11-23" })).toMatchObject({
      status: "aktif",
      paidThrough: "2026-11",
      monthsBehind: 0,
      arrears: 0,
      credit: 0,
      currentMonth: { month: "2026-11", premium: 8_400, paid: 8_400, remaining: 0 },
      months: [{ month: "2026-11", premium: 8_400, paid: 8_400, due: true }],
    });
  });

  it("allocates across the March/April 2026 boundary at each month's own premium", () => {
    const result = coverage({ startMonth: "2026-03", totalPaid: 16_800 + 8_400 + 4_000, today: "2026-05-10" });
    expect(result.months).toEqual([
      { month: "2026-03", premium: 16_800, paid: 16_800, due: true },
      { month: "2026-04", premium: 8_400, paid: 8_400, due: true },
      { month: "2026-05", premium: 8_400, paid: 4_000, due: false },
    ]);
    expect(result).toMatchObject({ status: "aktif", paidThrough: "2026-04", currentMonth: { paid: 4_000, remaining: 4_400 } });
  });

  it("does not stretch a March payment over two discounted months", () => {
    expect(coverage({ startMonth: "2026-03", totalPaid: 16_800, today: "2026-04-10" }).paidThrough).toBe("2026-03");
  });

  it("carries an overpayment forward to future months as credit", () => {
    const result = coverage({ startMonth: "2026-11", totalPaid: 8_400 + 8_400 + 16_800 + 1_000, today: "2026-11-20" });
    expect(result).toMatchObject({ status: "aktif", paidThrough: "2027-01", credit: 26_200, arrears: 0 });
    expect(result.months.map((m) => [m.month, m.paid])).toEqual([
      ["2026-11", 8_400],
      ["2026-12", 8_400],
      ["2027-01", 16_800],
      ["2027-02", 1_000],
    ]);
  });

  it("treats everything paid before the enrolment month starts as credit", () => {
    expect(coverage({ startMonth: "2026-12", totalPaid: 8_400, today: "2026-11-20" })).toMatchObject({
      status: "aktif",
      paidThrough: "2026-12",
      credit: 8_400,
      currentMonth: { month: "2026-11", premium: 0, paid: 0, remaining: 0 },
    });
  });

  it("refuses a fractional or negative total", () => {
    expect(() => coverage({ startMonth: "2026-11", totalPaid: -1, today: "2026-11-20" })).toThrow(RangeError);
    expect(() => coverage({ startMonth: "2026-11", totalPaid: 0.5, today: "2026-11-20" })).toThrow(RangeError);
  });
});

describe("computeCoverage status", () => {
  it("is belum bayar for a trader who never paid, with what is due still counted as arrears", () => {
    expect(coverage({ startMonth: "2026-11", totalPaid: 0, today: "2026-11-10" })).toMatchObject({
      status: "belum_bayar",
      paidThrough: null,
      monthsBehind: 0,
      currentMonth: { premium: 8_400, paid: 0, remaining: 8_400 },
    });
    expect(coverage({ startMonth: "2026-09", totalPaid: 0, today: "2026-11-20" })).toMatchObject({
      status: "belum_bayar",
      monthsBehind: 3,
      arrears: 25_200,
    });
  });

  it("stays aktif while the current month is unpaid until its due date, the 15th", () => {
    const paidOctober = { startMonth: "2026-10", totalPaid: 8_400 };
    expect(coverage({ ...paidOctober, today: "2026-12-15" })).toMatchObject({ status: "menunggak", monthsBehind: 1 });
    expect(coverage({ ...paidOctober, today: "2026-11-10" }).status).toBe("aktif");
  });

  it("counts a due date moved off a Sunday: 15 Nov 2026 is a Sunday, so the 16th is still on time", () => {
    const paidOctober = { startMonth: "2026-10", totalPaid: 8_400 };
    expect(coverage({ ...paidOctober, today: "2026-11-16" }).status).toBe("aktif");
    expect(coverage({ ...paidOctober, today: "2026-11-17" })).toMatchObject({ status: "menunggak", monthsBehind: 1, arrears: 8_400 });
  });

  it("respects configured holidays", () => {
    const config = { ...DEFAULT_COVERAGE_CONFIG, holidays: ["2026-12-15"] };
    const paidNovember = { startMonth: "2026-11", totalPaid: 8_400 };
    expect(coverage({ ...paidNovember, today: "2026-12-16", config }).status).toBe("aktif");
    expect(coverage({ ...paidNovember, today: "2026-12-16" }).status).toBe("menunggak");
  });

  it("is menunggak one or two months behind and nonaktif from three", () => {
    const paidApril = { startMonth: "2026-04", totalPaid: 8_400 };
    expect(coverage({ ...paidApril, today: "2026-06-20" })).toMatchObject({ status: "menunggak", monthsBehind: 2, arrears: 16_800 });
    expect(coverage({ ...paidApril, today: "2026-07-20" })).toMatchObject({ status: "nonaktif", monthsBehind: 3, arrears: 25_200 });
  });

  it("takes the number of months before nonaktif from configuration", () => {
    const config = { ...DEFAULT_COVERAGE_CONFIG, inactiveAfterMonthsUnpaid: 4 };
    expect(coverage({ startMonth: "2026-04", totalPaid: 8_400, today: "2026-07-20", config }).status).toBe("menunggak");
  });

  it("counts a partly paid overdue month as behind, owing only the rest", () => {
    expect(coverage({ startMonth: "2026-04", totalPaid: 8_400 + 3_000, today: "2026-05-20" })).toMatchObject({
      status: "menunggak",
      paidThrough: "2026-04",
      monthsBehind: 1,
      arrears: 5_400,
      credit: 0,
    });
  });
});

describe("dailyAmountSuggestion", () => {
  it("spreads the premium over the month in whole hundreds of rupiah, rounding up", () => {
    expect(dailyAmountSuggestion(8_400, 28)).toBe(300);
    expect(dailyAmountSuggestion(16_800, 28)).toBe(600);
    expect(dailyAmountSuggestion(16_800, 30)).toBe(600);
    expect(dailyAmountSuggestion(8_400, 31)).toBe(300);
    expect(dailyAmountSuggestion(36_800, 30)).toBe(1_300);
  });

  it("suggests nothing when nothing is owed", () => {
    expect(dailyAmountSuggestion(0, 30)).toBe(0);
  });
});
