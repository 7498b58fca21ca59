import { describe, expect, it } from "vitest";
import { cashHeldFor, cashHoldingAlerts, reconcileMarket, type LedgerTotals, type ReconciliationDay } from "../../app/domain/reconciliation";

const closed = (date: string, collected: number, counted: number, deposit: ReconciliationDay["deposit"] = null): ReconciliationDay => ({
  date,
  collected,
  closed: true,
  counted,
  deposit,
});
const open = (date: string, collected: number): ReconciliationDay => ({ date, collected, closed: false, counted: null, deposit: null });
const totals = (overrides: Partial<LedgerTotals> = {}): LedgerTotals => ({
  collected: 0,
  counted: 0,
  closeVariance: 0,
  deposited: 0,
  verified: 0,
  ...overrides,
});

describe("reconcileMarket", () => {
  it("shows no cash in hand once every closed day is covered by a verified deposit", () => {
    const result = reconcileMarket({
      totals: totals({ collected: 42_000, counted: 41_500, closeVariance: -500, deposited: 41_500, verified: 41_500 }),
      days: [closed("2026-11-20", 30_000, 29_500, "verified"), closed("2026-11-21", 12_000, 12_000, "verified")],
      today: "2026-11-23",
      maxCashDays: 3,
    });
    expect(result).toMatchObject({
      collected: 42_000,
      counted: 41_500,
      closeVariance: -500,
      awaitingVerification: 0,
      cashInHand: 0,
      oldestCashDate: null,
      cashAgeDays: 0,
      flagged: false,
      undepositedDays: 0,
    });
  });

  it("counts a recorded deposit as out of hand but awaiting verification", () => {
    const result = reconcileMarket({
      totals: totals({ deposited: 10_000 }),
      days: [closed("2026-11-20", 10_000, 10_000, "recorded")],
      today: "2026-11-28",
      maxCashDays: 3,
    });
    expect(result).toMatchObject({ awaitingVerification: 10_000, cashInHand: 0, flagged: false });
  });

  it("adds counted cash of undeposited closed days and the ledger of open days", () => {
    const result = reconcileMarket({
      totals: totals(),
      days: [closed("2026-11-19", 9_000, 9_000, "verified"), closed("2026-11-20", 10_000, 9_800), open("2026-11-21", 4_000)],
      today: "2026-11-21",
      maxCashDays: 3,
    });
    expect(result).toMatchObject({ cashInHand: 13_800, oldestCashDate: "2026-11-20", cashAgeDays: 1, openDays: 1, undepositedDays: 1 });
  });

  it("flags cash held longer than the limit, not on the limit itself", () => {
    const input = { totals: totals(), days: [closed("2026-11-20", 5_000, 5_000)], maxCashDays: 3 };
    expect(reconcileMarket({ ...input, today: "2026-11-23" })).toMatchObject({ cashAgeDays: 3, flagged: false });
    expect(reconcileMarket({ ...input, today: "2026-11-24" })).toMatchObject({ cashAgeDays: 4, flagged: true });
  });

  it("does not age a day that left nothing in hand", () => {
    const result = reconcileMarket({ totals: totals(), days: [closed("2026-11-01", 0, 0), open("2026-11-21", 0)], today: "2026-11-30", maxCashDays: 3 });
    expect(result).toMatchObject({ cashInHand: 0, oldestCashDate: null, flagged: false });
  });

  it("honours a configured limit", () => {
    const result = reconcileMarket({ totals: totals(), days: [open("2026-11-20", 1_000)], today: "2026-11-22", maxCashDays: 1 });
    expect(result.flagged).toBe(true);
  });
});

describe("cashHeldFor", () => {
  it("uses the ledger for an open day and the counted cash for a closed one", () => {
    expect(cashHeldFor(open("2026-11-20", 7_000))).toBe(7_000);
    expect(cashHeldFor(closed("2026-11-20", 7_000, 6_900))).toBe(6_900);
  });

  it("holds nothing for a day a recorded or verified deposit covers", () => {
    expect(cashHeldFor(closed("2026-11-20", 7_000, 6_900, "recorded"))).toBe(0);
    expect(cashHeldFor({ ...open("2026-11-20", 7_000), deposit: "verified" })).toBe(0);
  });
});

describe("cashHoldingAlerts", () => {
  it("lists only flagged markets, the longest-held cash first", () => {
    const row = (name: string, cashAgeDays: number, cashInHand: number, flagged: boolean) => ({
      name,
      reconciliation: { ...reconcileMarket({ totals: totals(), days: [], today: "2026-11-20", maxCashDays: 3 }), cashAgeDays, cashInHand, flagged },
    });
    const alerts = cashHoldingAlerts([row("A", 4, 100, true), row("B", 1, 900, false), row("C", 6, 50, true), row("D", 4, 500, true)]);
    expect(alerts.map((a) => a.name)).toEqual(["C", "D", "A"]);
  });
});
