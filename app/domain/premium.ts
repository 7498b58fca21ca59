// The BPU premium engine: which rates apply to a premium month, and what a participant owes for it.
// Rates are effective-dated rows (the app stores them in a table seeded from DEFAULT_RATE_TABLE) so a new
// regulation is a new row, never a code change. All money is integer rupiah.

export type PremiumMonth = string; // "YYYY-MM"
export type PayerType = "mandiri" | "apbd" | "sponsor";
export type Sector = "non_transport" | "transport";

export const PAYER_TYPES: readonly PayerType[] = ["mandiri", "apbd", "sponsor"];
export const SECTORS: readonly Sector[] = ["non_transport", "transport"];

export interface RatePeriod {
  id: string | number;
  validFrom: PremiumMonth; // inclusive
  validTo: PremiumMonth | null; // inclusive; null = open-ended
  jkkBasisPoints: number; // 100 = 1% of the nominal
  jkmFlat: number; // rupiah per month
  jhtBasisPoints: number; // 200 = 2% of the nominal
  minimumNominal: number;
  label: string;
}

export interface DiscountPeriod {
  id: string | number;
  validFrom: PremiumMonth;
  validTo: PremiumMonth | null;
  label: string;
  jkkPercentOff: number;
  jkmPercentOff: number;
  jhtPercentOff: number;
  sectors: Sector[];
  payerTypes: PayerType[];
}

export interface RateTable {
  periods: RatePeriod[];
  discounts: DiscountPeriod[];
  allowedNominals?: number[];
}

export interface ParticipantProfile {
  nominal: number;
  jht: boolean;
  payerType: PayerType;
  sector: Sector;
}

export interface PremiumQuote {
  month: PremiumMonth;
  nominal: number;
  jkk: number;
  jkm: number;
  jht: number;
  total: number;
  ratePeriod: { id: string | number; label: string };
  discount: { id: string | number; label: string } | null;
}

/** Error codes double as i18n keys. */
export type PremiumErrorCode =
  | "premium.month"
  | "premium.notInteger"
  | "premium.noRatePeriod"
  | "premium.belowMinimum"
  | "premium.nominalNotAllowed";

export class PremiumError extends Error {
  constructor(readonly code: PremiumErrorCode) {
    super(code);
    this.name = "PremiumError";
  }
}

/**
 * PP 50/2025 halves JKK and JKM for BPU participants except those paid from state or regional budgets (APBN/APBD).
 * A private sponsor (CSR) is not a budget, so our reading is that sponsored and self-paying participants both get it.
 */
const PP_50_2025_PAYERS: PayerType[] = ["mandiri", "sponsor"];

export const DEFAULT_RATE_TABLE: { periods: RatePeriod[]; discounts: DiscountPeriod[] } = {
  periods: [
    {
      id: "base-2015",
      validFrom: "2015-07",
      validTo: null,
      jkkBasisPoints: 100,
      jkmFlat: 6800,
      jhtBasisPoints: 200,
      minimumNominal: 1_000_000,
      label: "Tarif BPU (PP 44/2015)",
    },
  ],
  discounts: [
    {
      id: "pp50-2025-non-transport",
      validFrom: "2026-04",
      validTo: "2026-12",
      label: "PP 50/2025",
      jkkPercentOff: 50,
      jkmPercentOff: 50,
      jhtPercentOff: 0,
      sectors: ["non_transport"],
      payerTypes: PP_50_2025_PAYERS,
    },
    {
      id: "pp50-2025-transport",
      validFrom: "2026-01",
      validTo: "2027-03",
      label: "PP 50/2025 (transportasi)",
      jkkPercentOff: 50,
      jkmPercentOff: 50,
      jhtPercentOff: 0,
      sectors: ["transport"],
      payerTypes: PP_50_2025_PAYERS,
    },
  ],
};

/**
 * The official list of allowed nominals was not found. One report puts JKK at Rp10,000–Rp207,000, i.e. nominals
 * Rp1,000,000–Rp20,700,000 at 1%; we offer that range in Rp100,000 steps. Configuration, not law.
 */
export const DEFAULT_ALLOWED_NOMINALS: readonly number[] = Array.from(
  { length: (20_700_000 - 1_000_000) / 100_000 + 1 },
  (_, index) => 1_000_000 + index * 100_000,
);

// ---- Premium months ----

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isPremiumMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

function monthIndex(month: PremiumMonth): number {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`Not a premium month (YYYY-MM): ${month}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function monthOfIndex(index: number): PremiumMonth {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function addMonths(month: PremiumMonth, count: number): PremiumMonth {
  return monthOfIndex(monthIndex(month) + count);
}

/** How many months `to` lies after `from`: `("2026-11", "2027-01")` → 2; negative when `to` is earlier. */
export function monthsBetween(from: PremiumMonth, to: PremiumMonth): number {
  return monthIndex(to) - monthIndex(from);
}

/** Every month from `from` to `to`, both included; empty when `to` is earlier. */
export function monthRange(from: PremiumMonth, to: PremiumMonth): PremiumMonth[] {
  return Array.from({ length: Math.max(0, monthsBetween(from, to) + 1) }, (_, offset) => addMonths(from, offset));
}

/** `2026-11-24` → `2026-11`. */
export function premiumMonthOf(date: string): PremiumMonth {
  const month = date.slice(0, 7);
  if (!DATE_PATTERN.test(date) || !isPremiumMonth(month)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  return month;
}

export function daysInMonth(month: PremiumMonth): number {
  const index = monthIndex(month);
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
}

export interface DueDateOptions {
  dueDay?: number;
  /** Public holidays as `YYYY-MM-DD`; a due date on one moves to the next working day. */
  holidays?: Iterable<string>;
}

/**
 * A BPU pays each month's premium by the 15th of that same month, moved to the next working day when that is a
 * Saturday, Sunday or listed holiday. The holiday list is configuration (it changes every year).
 */
export function dueDateOf(month: PremiumMonth, options: DueDateOptions = {}): string {
  const holidays = new Set(options.holidays ?? []);
  const index = monthIndex(month);
  const day = new Date(Date.UTC(Math.floor(index / 12), index % 12, Math.min(options.dueDay ?? 15, daysInMonth(month))));
  const iso = () => day.toISOString().slice(0, 10);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6 || holidays.has(iso())) day.setUTCDate(day.getUTCDate() + 1);
  return iso();
}

// ---- Quoting ----

const covers = (period: { validFrom: PremiumMonth; validTo: PremiumMonth | null }, month: PremiumMonth) =>
  period.validFrom <= month && (period.validTo === null || month <= period.validTo);

/** Of the periods covering a month, the latest-starting wins: a new open-ended period supersedes an older one. */
function latestCovering<T extends { validFrom: PremiumMonth; validTo: PremiumMonth | null }>(
  periods: readonly T[],
  month: PremiumMonth,
): T | null {
  let found: T | null = null;
  for (const period of periods) if (covers(period, month) && (!found || period.validFrom > found.validFrom)) found = period;
  return found;
}

export function ratePeriodFor(month: PremiumMonth, periods: readonly RatePeriod[]): RatePeriod | null {
  return latestCovering(periods, month);
}

export function discountFor(
  month: PremiumMonth,
  profile: Pick<ParticipantProfile, "payerType" | "sector">,
  discounts: readonly DiscountPeriod[],
): DiscountPeriod | null {
  const eligible = discounts.filter((d) => d.sectors.includes(profile.sector) && d.payerTypes.includes(profile.payerType));
  return latestCovering(eligible, month);
}

/** The first reason a nominal cannot be quoted for a month, or null when it can. */
export function nominalError(nominal: number, month: PremiumMonth, table: RateTable): PremiumErrorCode | null {
  if (!isPremiumMonth(month)) return "premium.month";
  if (!Number.isSafeInteger(nominal) || nominal <= 0) return "premium.notInteger";
  const period = ratePeriodFor(month, table.periods);
  if (!period) return "premium.noRatePeriod";
  if (nominal < period.minimumNominal) return "premium.belowMinimum";
  if (table.allowedNominals && !table.allowedNominals.includes(nominal)) return "premium.nominalNotAllowed";
  return null;
}

/**
 * `amount × basisPoints / 10,000 × (100 − percentOff) / 100`, rounded half up to whole rupiah. Done in BigInt so
 * the discount applies to the exact amount, the one rounding happens last and large nominals cannot overflow.
 */
function share(amount: number, basisPoints: number, percentOff: number): number {
  const numerator = BigInt(amount) * BigInt(basisPoints) * BigInt(100 - percentOff);
  const denominator = 1_000_000n;
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

/**
 * What a participant owes for one premium month. Each component (JKK = nominal × bp / 10,000, JKM flat,
 * JHT = nominal × bp / 10,000 when chosen) is discounted, then rounded to the nearest rupiah (half up); the total
 * is the sum of the rounded components, so a receipt's lines always add up. Throws PremiumError.
 */
export function quotePremium(profile: ParticipantProfile, month: PremiumMonth, table: RateTable): PremiumQuote {
  const error = nominalError(profile.nominal, month, table);
  if (error) throw new PremiumError(error);
  const period = ratePeriodFor(month, table.periods) as RatePeriod;
  const discount = discountFor(month, profile, table.discounts);
  const jkk = share(profile.nominal, period.jkkBasisPoints, discount?.jkkPercentOff ?? 0);
  const jkm = share(period.jkmFlat, 10_000, discount?.jkmPercentOff ?? 0);
  const jht = profile.jht ? share(profile.nominal, period.jhtBasisPoints, discount?.jhtPercentOff ?? 0) : 0;
  return {
    month,
    nominal: profile.nominal,
    jkk,
    jkm,
    jht,
    total: jkk + jkm + jht,
    ratePeriod: { id: period.id, label: period.label },
    discount: discount ? { id: discount.id, label: discount.label } : null,
  };
}

// ---- Validating a new period (admin page) ----

export type NewRatePeriod = Omit<RatePeriod, "id">;
export type NewDiscountPeriod = Omit<DiscountPeriod, "id">;
/** Field name → i18n key of the first problem with it. Empty when the period may be added. */
export type PeriodErrors = Partial<Record<string, string>>;

const overlaps = (
  a: { validFrom: PremiumMonth; validTo: PremiumMonth | null },
  b: { validFrom: PremiumMonth; validTo: PremiumMonth | null },
) => (a.validTo === null || b.validFrom <= a.validTo) && (b.validTo === null || a.validFrom <= b.validTo);

/** Months, order and (when given) `notBefore`: periods never start in a month that may already be billed. */
function validityErrors(candidate: { validFrom: string; validTo: string | null }, notBefore?: PremiumMonth): PeriodErrors {
  if (!isPremiumMonth(candidate.validFrom)) return { validFrom: "premium.month" };
  if (candidate.validTo !== null && !isPremiumMonth(candidate.validTo)) return { validTo: "premium.month" };
  if (candidate.validTo !== null && candidate.validTo < candidate.validFrom) return { validTo: "premium.periodOrder" };
  if (notBefore && candidate.validFrom < notBefore) return { validFrom: "premium.periodPast" };
  return {};
}

function numberErrors(values: Record<string, number>, max: number, rangeKey: string): PeriodErrors {
  const errors: PeriodErrors = {};
  for (const [field, value] of Object.entries(values)) {
    if (!Number.isSafeInteger(value)) errors[field] = "common.invalidNumber";
    else if (value < 0 || value > max) errors[field] = rangeKey;
  }
  return errors;
}

/** Both validators: field checks, then the months, then overlap with existing rows once the months are sound. */
function periodErrors(
  candidate: { label: string; validFrom: string; validTo: string | null },
  fieldErrors: PeriodErrors,
  notBefore: PremiumMonth | undefined,
  clashes: () => boolean,
  clashKey: string,
): PeriodErrors {
  const errors = { ...fieldErrors };
  if (!candidate.label.trim()) errors.label = "common.required";
  const validity = validityErrors(candidate, notBefore);
  if (Object.keys(validity).length > 0) return { ...errors, ...validity };
  if (clashes()) errors.validFrom = clashKey;
  return errors;
}

/**
 * A new base rate period may not overlap another one, except the tail of an open-ended period that started
 * earlier: the new period supersedes it from its own start (see latestCovering), so old rows are never edited.
 */
export function validateRatePeriod(
  candidate: NewRatePeriod,
  existing: readonly RatePeriod[],
  options: { notBefore?: PremiumMonth } = {},
): PeriodErrors {
  const fieldErrors = {
    ...numberErrors(
      { jkkBasisPoints: candidate.jkkBasisPoints, jhtBasisPoints: candidate.jhtBasisPoints },
      10_000,
      "premium.basisPointRange",
    ),
    ...numberErrors(
      { jkmFlat: candidate.jkmFlat, minimumNominal: candidate.minimumNominal },
      Number.MAX_SAFE_INTEGER,
      "common.invalidNumber",
    ),
  };
  const clashes = () =>
    existing.some(
      (period) => overlaps(period, candidate) && !(period.validTo === null && period.validFrom < candidate.validFrom),
    );
  return periodErrors(candidate, fieldErrors, options.notBefore, clashes, "premium.periodOverlap");
}

/** A new discount may not overlap another discount for any of the same sector and payer-type combinations. */
export function validateDiscountPeriod(
  candidate: NewDiscountPeriod,
  existing: readonly DiscountPeriod[],
  options: { notBefore?: PremiumMonth } = {},
): PeriodErrors {
  const fieldErrors = numberErrors(
    { jkkPercentOff: candidate.jkkPercentOff, jkmPercentOff: candidate.jkmPercentOff, jhtPercentOff: candidate.jhtPercentOff },
    100,
    "premium.percentRange",
  );
  if (candidate.sectors.length === 0 || candidate.sectors.some((s) => !SECTORS.includes(s))) {
    fieldErrors.sectors = "premium.sectorsRequired";
  }
  if (candidate.payerTypes.length === 0 || candidate.payerTypes.some((p) => !PAYER_TYPES.includes(p))) {
    fieldErrors.payerTypes = "premium.payerTypesRequired";
  }
  const clashes = () =>
    existing.some(
      (discount) =>
        overlaps(discount, candidate) &&
        discount.sectors.some((s) => candidate.sectors.includes(s)) &&
        discount.payerTypes.some((p) => candidate.payerTypes.includes(p)),
    );
  return periodErrors(candidate, fieldErrors, options.notBefore, clashes, "premium.discountOverlap");
}
