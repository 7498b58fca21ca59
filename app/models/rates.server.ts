import type { Selectable } from "kysely";
import type { DB } from "../utils/db.server";
import type { DiscountPeriodTable, RatePeriodTable } from "../../db/schema";
import type { Scope } from "../domain/scope";
import type { FieldErrors } from "../domain/user-form";
import { businessDate } from "../domain/business-day";
import {
  addMonths,
  isPremiumMonth,
  nominalError,
  PAYER_TYPES,
  quotePremium,
  type DiscountPeriod,
  type NewDiscountPeriod,
  type NewRatePeriod,
  type PayerType,
  type PremiumMonth,
  type PremiumQuote,
  type RatePeriod,
  type RateTable,
  type Sector,
  validateDiscountPeriod,
  validateRatePeriod,
} from "../domain/premium";
import { LABEL_MAX } from "../domain/rate-form";
import type { MessageKey } from "../i18n";
import { TRADER_SECTOR } from "../domain/trader-form";

// The effective-dated rate table as stored (rate_periods, discount_periods, allowed_nominals) and the two
// things done with it: quoting premiums and adding new periods. Rates are region-wide configuration, not
// scoped data; only an admin may add to them.

export type StoredRateTable = RateTable & { allowedNominals: number[] };

const listOf = <T extends string>(text: string) => text.split(",").filter(Boolean) as T[];

const toRatePeriod = (row: Selectable<RatePeriodTable>): RatePeriod => ({
  id: row.id,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  jkkBasisPoints: row.jkk_basis_points,
  jkmFlat: row.jkm_flat,
  jhtBasisPoints: row.jht_basis_points,
  minimumNominal: row.minimum_nominal,
  label: row.label,
});

const toDiscountPeriod = (row: Selectable<DiscountPeriodTable>): DiscountPeriod => ({
  id: row.id,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  label: row.label,
  jkkPercentOff: row.jkk_percent_off,
  jkmPercentOff: row.jkm_percent_off,
  jhtPercentOff: row.jht_percent_off,
  sectors: listOf<Sector>(row.sectors),
  payerTypes: listOf<PayerType>(row.payer_types),
});

const ratePeriodRows = (db: DB) => db.selectFrom("rate_periods").selectAll().orderBy("valid_from").orderBy("id").execute();
const discountPeriodRows = (db: DB) => db.selectFrom("discount_periods").selectAll().orderBy("valid_from").orderBy("id").execute();

export async function loadRateTable(db: DB): Promise<StoredRateTable> {
  const [periods, discounts, nominals] = await Promise.all([
    ratePeriodRows(db),
    discountPeriodRows(db),
    db.selectFrom("allowed_nominals").select("nominal").orderBy("nominal").execute(),
  ]);
  return {
    periods: periods.map(toRatePeriod),
    discounts: discounts.map(toDiscountPeriod),
    allowedNominals: nominals.map((row) => row.nominal),
  };
}

/**
 * The premium month that may already be billed somewhere in Kalimantan: WITA (Asia/Makassar) is the zone
 * furthest ahead, so its month is the latest any market has reached.
 */
export function rateMonthNow(now = new Date()): PremiumMonth {
  return businessDate(now, "Asia/Makassar").slice(0, 7);
}

export interface QuoteRequest {
  nominal: number;
  jht: boolean;
  month: string;
  payer: string;
}

/** A quote for a declaration (the allowed-nominal list applies), or the i18n key of what is wrong. */
export async function quoteDeclaration(db: DB, request: QuoteRequest): Promise<{ quote: PremiumQuote } | { error: MessageKey }> {
  if (!PAYER_TYPES.includes(request.payer as PayerType)) return { error: "premium.payer" };
  if (!isPremiumMonth(request.month)) return { error: "premium.month" };
  const table = await loadRateTable(db);
  const problem = nominalError(request.nominal, request.month, table);
  if (problem) return { error: problem };
  const profile = { nominal: request.nominal, jht: request.jht, payerType: request.payer as PayerType, sector: TRADER_SECTOR };
  return { quote: quotePremium(profile, request.month, table) };
}

/** The admin page: every period with who added it and whether it is already in use. */
export async function loadRatesPage(db: DB, now = new Date()) {
  const currentMonth = rateMonthNow(now);
  const [periods, discounts, nominals] = await Promise.all([
    ratePeriodRows(db),
    discountPeriodRows(db),
    db
      .selectFrom("allowed_nominals")
      .select((eb) => [eb.fn.countAll<number>().as("count"), eb.fn.min("nominal").as("min"), eb.fn.max("nominal").as("max")])
      .executeTakeFirstOrThrow(),
  ]);
  const creatorIds = [...periods, ...discounts].map((row) => row.created_by_user_id).filter((id): id is number => id != null);
  const creators = creatorIds.length ? await db.selectFrom("users").select(["id", "name"]).where("id", "in", creatorIds).execute() : [];
  const meta = (row: { created_by_user_id: number | null; created_at: string; valid_from: string }) => ({
    createdBy: creators.find((user) => user.id === row.created_by_user_id)?.name ?? null,
    createdAt: row.created_at,
    inUse: row.valid_from <= currentMonth,
  });
  return {
    currentMonth,
    notBefore: addMonths(currentMonth, 1),
    periods: periods.map((row) => ({ ...toRatePeriod(row), ...meta(row) })),
    discounts: discounts.map((row) => ({ ...toDiscountPeriod(row), ...meta(row) })),
    nominals: { count: Number(nominals.count), min: nominals.min, max: nominals.max },
  };
}

export type AddPeriodResult = { ok: true } | { ok: false; errors: FieldErrors };

const labelErrors = (label: string): FieldErrors => (label.length > LABEL_MAX ? { label: "common.tooLong" } : {});

/**
 * The shared steps of adding a period: admins only, validated against the stored table inside the same
 * transaction as the insert (two admins cannot add overlapping periods at once). Nothing stored is edited.
 */
async function addPeriod(
  db: DB,
  scope: Scope,
  label: string,
  validate: (table: StoredRateTable, notBefore: PremiumMonth) => FieldErrors,
  insert: (trx: DB) => Promise<unknown>,
  now: Date,
): Promise<AddPeriodResult> {
  if (scope.level !== "all") return { ok: false, errors: { form: "error.403.title" } };
  return db.transaction().execute(async (trx) => {
    const errors = { ...labelErrors(label), ...validate(await loadRateTable(trx), addMonths(rateMonthNow(now), 1)) };
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    await insert(trx);
    return { ok: true };
  });
}

export async function addRatePeriod(db: DB, scope: Scope, userId: number, candidate: NewRatePeriod, now = new Date()): Promise<AddPeriodResult> {
  const row = {
    valid_from: candidate.validFrom,
    valid_to: candidate.validTo,
    jkk_basis_points: candidate.jkkBasisPoints,
    jkm_flat: candidate.jkmFlat,
    jht_basis_points: candidate.jhtBasisPoints,
    minimum_nominal: candidate.minimumNominal,
    label: candidate.label,
    created_by_user_id: userId,
    created_at: now.toISOString(),
  };
  return addPeriod(
    db,
    scope,
    candidate.label,
    (table, notBefore) => validateRatePeriod(candidate, table.periods, { notBefore }) as FieldErrors,
    (trx) => trx.insertInto("rate_periods").values(row).execute(),
    now,
  );
}

export async function addDiscountPeriod(db: DB, scope: Scope, userId: number, candidate: NewDiscountPeriod, now = new Date()): Promise<AddPeriodResult> {
  const row = {
    valid_from: candidate.validFrom,
    valid_to: candidate.validTo,
    label: candidate.label,
    jkk_percent_off: candidate.jkkPercentOff,
    jkm_percent_off: candidate.jkmPercentOff,
    jht_percent_off: candidate.jhtPercentOff,
    sectors: candidate.sectors.join(","),
    payer_types: candidate.payerTypes.join(","),
    created_by_user_id: userId,
    created_at: now.toISOString(),
  };
  return addPeriod(
    db,
    scope,
    candidate.label,
    (table, notBefore) => validateDiscountPeriod(candidate, table.discounts, { notBefore }) as FieldErrors,
    (trx) => trx.insertInto("discount_periods").values(row).execute(),
    now,
  );
}
