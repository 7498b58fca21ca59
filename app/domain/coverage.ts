// From what a trader has paid to what they are covered for. Payments are allocated to premium months oldest
// first, from the enrolment month, each month at its own premium (so a discount period is respected); what is
// left after the current month is credit toward future months. Arrears stay due; BPU has no fines.

import { addMonths, dueDateOf, premiumMonthOf, type PremiumMonth } from "./premium";

export type CoverageStatus = "aktif" | "menunggak" | "nonaktif" | "belum_bayar";

export interface CoverageConfig {
  /** Unpaid overdue months after which cover stops (reports conflict on 3: configuration). */
  inactiveAfterMonthsUnpaid: number;
  dueDay: number;
  holidays?: readonly string[];
}

export const DEFAULT_COVERAGE_CONFIG: CoverageConfig = { inactiveAfterMonthsUnpaid: 3, dueDay: 15 };

export interface MonthAllocation {
  month: PremiumMonth;
  premium: number;
  paid: number;
  /** Its due date has passed (a month paid on its due date is on time). */
  due: boolean;
}

export interface Coverage {
  status: CoverageStatus;
  /** The last fully paid month, possibly in the future; null while the first month is not fully paid. */
  paidThrough: PremiumMonth | null;
  monthsBehind: number;
  /** Rupiah still owed for months already due. */
  arrears: number;
  /** Rupiah paid beyond the current month, carried to future months. */
  credit: number;
  currentMonth: { month: PremiumMonth; premium: number; paid: number; remaining: number };
  /** Enrolment month through the current month, then any future month the credit reaches. */
  months: MonthAllocation[];
}

export interface CoverageInput {
  startMonth: PremiumMonth;
  /** The trader's premium for a month (rates and discounts change over time). */
  premiumFor: (month: PremiumMonth) => number;
  totalPaid: number;
  /** The market's local date, YYYY-MM-DD. */
  today: string;
  config?: CoverageConfig;
}

/** Stops a run of zero-premium future months (a 100% discount) from allocating forever. */
const MAX_MONTHS_AHEAD = 120;

export function computeCoverage(input: CoverageInput): Coverage {
  const { startMonth, premiumFor, totalPaid, today, config = DEFAULT_COVERAGE_CONFIG } = input;
  if (!Number.isSafeInteger(totalPaid) || totalPaid < 0) {
    throw new RangeError(`Total paid must be whole rupiah, got ${totalPaid}`);
  }
  const current = premiumMonthOf(today);
  const dueOptions = { dueDay: config.dueDay, holidays: config.holidays };

  const months: MonthAllocation[] = [];
  let left = totalPaid;
  const horizon = addMonths(current, MAX_MONTHS_AHEAD);
  // Every month up to the current one is listed; later months only while there is money for them.
  for (let month = startMonth; month <= current || (left > 0 && month <= horizon); month = addMonths(month, 1)) {
    const premium = premiumFor(month);
    const paid = Math.min(left, premium);
    left -= paid;
    months.push({ month, premium, paid, due: today > dueDateOf(month, dueOptions) });
  }

  const unpaidDue = months.filter((m) => m.due && m.paid < m.premium);
  const firstShort = months.find((m) => m.paid < m.premium);
  const lastFull = firstShort ? months[months.indexOf(firstShort) - 1] : months[months.length - 1];
  const currentAllocation = months.find((m) => m.month === current);
  const monthsBehind = unpaidDue.length;

  return {
    status: statusOf(totalPaid, monthsBehind, config),
    paidThrough: lastFull?.month ?? null,
    monthsBehind,
    arrears: unpaidDue.reduce((sum, m) => sum + m.premium - m.paid, 0),
    credit: months.filter((m) => m.month > current).reduce((sum, m) => sum + m.paid, left),
    currentMonth: {
      month: current,
      premium: currentAllocation?.premium ?? 0,
      paid: currentAllocation?.paid ?? 0,
      remaining: currentAllocation ? currentAllocation.premium - currentAllocation.paid : 0,
    },
    months,
  };
}

/** BPU cover starts with the first payment, so a trader who never paid is "belum bayar", however long ago they enrolled. */
function statusOf(totalPaid: number, monthsBehind: number, config: CoverageConfig): CoverageStatus {
  if (totalPaid === 0) return "belum_bayar";
  if (monthsBehind === 0) return "aktif";
  return monthsBehind < config.inactiveAfterMonthsUnpaid ? "menunggak" : "nonaktif";
}

/**
 * A daily amount that covers the premium over the month, rounded up to Rp100 so it is easy to hand over:
 * 8,400 over 28 days → 300; 16,800 over 30 days → 600.
 */
export function dailyAmountSuggestion(premium: number, daysInMonth: number): number {
  if (premium <= 0) return 0;
  // One division keeps exact cases exact (8,400 / 2,800 = 3, not 3.0000000001).
  return Math.ceil(premium / (daysInMonth * 100)) * 100;
}
