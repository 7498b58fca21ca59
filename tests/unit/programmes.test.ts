import { describe, expect, it } from "vitest";
import { commitmentOf, committedFor, programmeMonths, programmeSchema } from "../../app/domain/programmes";
import { DEFAULT_RATE_TABLE } from "../../app/domain/premium";

const apbdTrader = { nominal: 1_000_000, jht: false, payerType: "apbd" as const };

describe("programmeMonths", () => {
  it("lists every month the programme covers, across a year end", () => {
    expect(programmeMonths({ startMonth: "2026-11", monthsCovered: 3 })).toEqual(["2026-11", "2026-12", "2027-01"]);
  });
});

describe("committedFor", () => {
  it("commits Rp201,600 a year for a minimum-nominal trader paid from a regional budget", () => {
    expect(committedFor(apbdTrader, programmeMonths({ startMonth: "2026-01", monthsCovered: 12 }), DEFAULT_RATE_TABLE)).toBe(201_600);
  });

  it("puts 100 budget-paid traders for 12 months at about Rp20 million", () => {
    const perTrader = committedFor(apbdTrader, programmeMonths({ startMonth: "2027-01", monthsCovered: 12 }), DEFAULT_RATE_TABLE);
    expect(100 * perTrader).toBe(20_160_000);
  });

  it("prices each month at its own rate: a sponsor pays the PP 50/2025 rate until December 2026", () => {
    const months = programmeMonths({ startMonth: "2026-11", monthsCovered: 3 });
    expect(committedFor({ ...apbdTrader, payerType: "sponsor" }, months, DEFAULT_RATE_TABLE)).toBe(8_400 + 8_400 + 16_800);
  });
});

describe("commitmentOf", () => {
  it("shows what is left of the budget and the share committed", () => {
    expect(commitmentOf(8_064_000, 10_000_000)).toEqual({ committed: 8_064_000, budget: 10_000_000, remaining: 1_936_000, percent: 81 });
    expect(commitmentOf(12_000_000, 10_000_000).remaining).toBe(-2_000_000);
  });
});

describe("programmeSchema", () => {
  it("reads a budget in Rupiah notation and refuses more than 60 months", () => {
    const ok = programmeSchema.safeParse({ branchId: "1", name: "Bantuan", payerType: "apbd", sponsorName: "Pemkot", budget: "Rp 20.160.000", monthsCovered: "12", startMonth: "2027-01" });
    expect(ok.data?.budget).toBe(20_160_000);
    const tooLong = programmeSchema.safeParse({ branchId: "1", name: "Bantuan", payerType: "apbd", sponsorName: "Pemkot", budget: "1", monthsCovered: "61", startMonth: "2027-01" });
    expect(tooLong.error?.issues[0]?.message).toBe("programmes.monthsRange");
  });
});
