import { daysInMonth } from "./premium";

// The collector fee an MoU promises: a share (in basis points, 750 = 7.5%) of the net collections of the month.
//
// Rounding: each collector's fee is rounded DOWN to the whole rupiah (the share is never overpaid by a fraction),
// and the statement's total fee is the sum of the rounded lines, so the printed lines always add up. A collector
// whose net is zero or negative (more reversed than collected that month) earns no fee, never a negative one.

export interface FeeLineInput {
  collectorId: number;
  collectorName: string;
  /** Net of reversals, integer rupiah. */
  net: number;
  entries: number;
  /** Named as a collector on the MoU. */
  namedOnMou: boolean;
}

export interface FeeLine extends FeeLineInput {
  fee: number;
}

export interface FeeStatement {
  basisPoints: number;
  lines: FeeLine[];
  totalNet: number;
  totalFee: number;
}

/** floor(net × basisPoints / 10,000) in BigInt so a large month cannot lose precision; 0 when net ≤ 0. */
export function collectorFee(net: number, basisPoints: number): number {
  if (!Number.isSafeInteger(net) || !Number.isSafeInteger(basisPoints) || basisPoints < 0) {
    throw new RangeError(`Fee needs whole rupiah and basis points, got ${net} × ${basisPoints}`);
  }
  if (net <= 0) return 0;
  return Number((BigInt(net) * BigInt(basisPoints)) / 10_000n);
}

export function feeStatement(lines: readonly FeeLineInput[], basisPoints: number): FeeStatement {
  const withFees = lines.map((line) => ({ ...line, fee: collectorFee(line.net, basisPoints) }));
  return {
    basisPoints,
    lines: withFees,
    totalNet: withFees.reduce((total, line) => total + line.net, 0),
    totalFee: withFees.reduce((total, line) => total + line.fee, 0),
  };
}

/** The first and last day of a month, `2026-11` → `["2026-11-01", "2026-11-30"]`, clipped to a period. */
export function monthWindow(month: string, period: { from: string | null; to: string | null }): { from: string; to: string } | null {
  const start = `${month}-01`;
  const end = `${month}-${String(daysInMonth(month)).padStart(2, "0")}`;
  const from = period.from && period.from > start ? period.from : start;
  const to = period.to && period.to < end ? period.to : end;
  return from <= to ? { from, to } : null;
}
