// Where a market's money is, from the trader's receipt to the bank. Pure: the model sums the ledger, the closes
// and the deposits in SQL and lists the days that may still hold cash; this module decides, the one way every page
// and alert uses, how much is in hand, since when, and whether that is too long.
//
// Definitions (all integer rupiah):
// - collected: the ledger, net of reversals, over every day;
// - counted: the cash the collector counted when closing each day (closed days only);
// - deposited: every deposit not rejected (recorded or verified); verified: the verified ones;
// - cash in hand: the counted cash of closed days no recorded-or-verified deposit covers, plus what was collected
//   on days still open (not counted yet, so the ledger is the best figure); a day a deposit covers holds nothing;
// - its age: whole days from the oldest business date whose cash is still in hand to the market's local today.

import type { DepositStatus } from "../../db/schema";
import { daysUntil } from "./mou-status";

export interface ReconciliationDay {
  /** The market's business date, YYYY-MM-DD. */
  date: string;
  /** Ledger total of the day, net of reversals. */
  collected: number;
  closed: boolean;
  /** Counted at close; null while the day is open. */
  counted: number | null;
  /** The status of the deposit covering the day, or null when none (or only rejected ones) does. */
  deposit: Exclude<DepositStatus, "rejected"> | null;
}

/** Sums the model reads with SQL over all of a market's days and deposits. */
export interface LedgerTotals {
  collected: number;
  /** Counted cash of the closed days. */
  counted: number;
  /** Counted minus recorded at close, over the closed days: what the collectors' close notes explain. */
  closeVariance: number;
  /** Deposits recorded or verified (rejected ones excluded). */
  deposited: number;
  verified: number;
}

export interface MarketReconciliation extends LedgerTotals {
  awaitingVerification: number;
  cashInHand: number;
  /** Oldest business date whose cash is still in hand; null when there is none. */
  oldestCashDate: string | null;
  /** Days from oldestCashDate to today; 0 when nothing is held. */
  cashAgeDays: number;
  flagged: boolean;
  openDays: number;
  /** Closed days waiting for a deposit. */
  undepositedDays: number;
}

/** The cash a day still leaves in the collector's hands (0 once a deposit covers it). */
export function cashHeldFor(day: ReconciliationDay): number {
  if (day.deposit) return 0;
  return day.closed ? (day.counted ?? 0) : day.collected;
}

/**
 * `days` must include every open day and every closed day without a deposit (days a deposit covers may be
 * left out: they hold nothing). `today` is the market's local date.
 */
export function reconcileMarket(input: {
  totals: LedgerTotals;
  days: readonly ReconciliationDay[];
  today: string;
  maxCashDays: number;
}): MarketReconciliation {
  const { totals, days, today, maxCashDays } = input;
  const holding = days.filter((day) => cashHeldFor(day) > 0);
  const oldestCashDate = holding.reduce<string | null>((oldest, day) => (oldest === null || day.date < oldest ? day.date : oldest), null);
  const cashAgeDays = oldestCashDate ? Math.max(0, daysUntil(today, oldestCashDate)) : 0;
  return {
    ...totals,
    awaitingVerification: totals.deposited - totals.verified,
    cashInHand: days.reduce((total, day) => total + cashHeldFor(day), 0),
    oldestCashDate,
    cashAgeDays,
    flagged: oldestCashDate !== null && cashAgeDays > maxCashDays,
    openDays: days.filter((day) => !day.closed).length,
    undepositedDays: days.filter((day) => day.closed && !day.deposit).length,
  };
}

/** Markets to chase first: flagged ones only, the longest-held cash first, then the largest amount. */
export function cashHoldingAlerts<T extends { reconciliation: MarketReconciliation }>(rows: readonly T[]): T[] {
  return rows
    .filter((row) => row.reconciliation.flagged)
    .sort(
      (a, b) =>
        b.reconciliation.cashAgeDays - a.reconciliation.cashAgeDays || b.reconciliation.cashInHand - a.reconciliation.cashInHand,
    );
}
