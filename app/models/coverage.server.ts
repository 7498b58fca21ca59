import type { DB } from "../utils/db.server";
import type { ExpressionBuilder, Insertable } from "kysely";
import type { Database, TraderCoverage, TraderCoverageTable, TraderPayerType } from "../../db/schema";
import type { Scope } from "../domain/scope";
import { businessDate } from "../domain/business-day";
import { computeCoverage, DEFAULT_COVERAGE_CONFIG, type CoverageConfig } from "../domain/coverage";
import type { PremiumMonth } from "../domain/premium";
import { quoteTrader } from "../domain/trader-form";
import { env } from "../utils/env.server";
import { marketInScope } from "./scope.server";
import { loadRateTable, type StoredRateTable } from "./rates.server";
import { chunks } from "./query-helpers.server";

// Each trader's coverage follows from the net sum of their ledger entries. trader_coverage keeps a snapshot
// per trader, rewritten in the same transaction as the trader's ledger writes, so lists and dashboards read
// one row instead of replaying the ledger. Only registered self-paying (mandiri) traders are collected from.

export function coverageConfig(): CoverageConfig {
  return { ...DEFAULT_COVERAGE_CONFIG, inactiveAfterMonthsUnpaid: env().COVERAGE_INACTIVE_AFTER_MONTHS };
}

type PremiumProfile = { nominal: number; jht: number; payer_type: TraderPayerType };

/** The trader's premium for each month (0 when a month cannot be quoted), memoised per month. */
export function premiumScheduleFor(trader: PremiumProfile, rates: StoredRateTable): (month: PremiumMonth) => number {
  const cache = new Map<PremiumMonth, number>();
  return (month) => {
    let premium = cache.get(month);
    if (premium === undefined) {
      premium = quoteTrader({ nominal: trader.nominal, jht: trader.jht, payerType: trader.payer_type }, month, rates)?.total ?? 0;
      cache.set(month, premium);
    }
    return premium;
  };
}

/**
 * The traders a market collects from: registered and paying for themselves (APBD- and sponsor-paid premiums
 * arrive by other routes). The one definition the sheet, coverage, refresh and arrears share.
 */
export function isCollectableTrader(eb: ExpressionBuilder<Database, "traders">) {
  return eb.and([eb("traders.status", "=", "registered"), eb("traders.payer_type", "=", "mandiri")]);
}

function collectableTraders(db: DB) {
  return db
    .selectFrom("traders")
    .innerJoin("markets", "markets.id", "traders.market_id")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(isCollectableTrader)
    .select([
      "traders.id",
      "traders.market_id",
      "traders.nominal",
      "traders.jht",
      "traders.payer_type",
      "traders.coverage_start_month",
      "branches.time_zone",
    ]);
}

type Selection = { traderIds: number[] } | { marketId: number; staleBefore?: (timeZone: string) => string };


async function selectedTraders(db: DB, selection: Selection) {
  if ("traderIds" in selection) {
    const ids = [...new Set(selection.traderIds)];
    const parts = await Promise.all(chunks(ids).map((part) => collectableTraders(db).where("traders.id", "in", part).execute()));
    return parts.flat();
  }
  const traders = await collectableTraders(db).where("traders.market_id", "=", selection.marketId).execute();
  const { staleBefore } = selection;
  if (!staleBefore || traders.length === 0) return traders;
  const cutoff = staleBefore(traders[0].time_zone);
  const fresh = await db
    .selectFrom("trader_coverage")
    .select("trader_id")
    .where("market_id", "=", selection.marketId)
    .where("computed_on", ">=", cutoff)
    .execute();
  const freshIds = new Set(fresh.map((row) => row.trader_id));
  return traders.filter((trader) => !freshIds.has(trader.id));
}

async function ledgerTotals(db: DB, traderIds: number[]) {
  const totals = new Map<number, { total: number; lastPaidOn: string | null }>();
  for (const part of chunks(traderIds)) {
    const rows = await db
      .selectFrom("collection_entries")
      .where("trader_id", "in", part)
      .groupBy("trader_id")
      .select((eb) => [
        "trader_id",
        eb.fn.sum<number>("amount").as("total"),
        eb.fn.max(eb.case().when("kind", "=", "payment").then(eb.ref("business_date")).end()).as("last_paid_on"),
      ])
      .execute();
    for (const row of rows) totals.set(row.trader_id, { total: Number(row.total), lastPaidOn: row.last_paid_on ?? null });
  }
  return totals;
}

/** Recomputes and stores coverage for the selected traders; returns the rows written. Pass a transaction. */
async function refreshCoverages(db: DB, selection: Selection, now: Date, rates?: StoredRateTable): Promise<Insertable<TraderCoverageTable>[]> {
  const traders = await selectedTraders(db, selection);
  if (traders.length === 0) return [];
  const [table, totals] = await Promise.all([rates ?? loadRateTable(db), ledgerTotals(db, traders.map((trader) => trader.id))]);
  const config = coverageConfig();
  const schedules = new Map<string, (month: PremiumMonth) => number>();
  const computedAt = now.toISOString();
  const rows = traders.map((trader): Insertable<TraderCoverageTable> => {
    const profileKey = `${trader.nominal}|${trader.jht}|${trader.payer_type}`;
    let premiumFor = schedules.get(profileKey);
    if (!premiumFor) schedules.set(profileKey, (premiumFor = premiumScheduleFor(trader, table)));
    const today = businessDate(now, trader.time_zone);
    const paid = totals.get(trader.id);
    // A net negative total cannot happen through the ledger rules; clamp so a bad row cannot break the page.
    const coverage = computeCoverage({ startMonth: trader.coverage_start_month, premiumFor, totalPaid: Math.max(0, paid?.total ?? 0), today, config });
    return {
      trader_id: trader.id,
      market_id: trader.market_id,
      status: coverage.status,
      paid_through: coverage.paidThrough,
      months_behind: coverage.monthsBehind,
      amount_owed: coverage.arrears,
      total_paid: paid?.total ?? 0,
      credit: coverage.credit,
      current_month: coverage.currentMonth.month,
      current_premium: coverage.currentMonth.premium,
      current_paid: coverage.currentMonth.paid,
      last_paid_on: paid?.lastPaidOn ?? null,
      computed_on: today,
      computed_at: computedAt,
    };
  });
  for (const part of chunks(rows, 400)) {
    await db
      .insertInto("trader_coverage")
      .values(part)
      .onConflict((oc) =>
        oc.column("trader_id").doUpdateSet((eb) => ({
          market_id: eb.ref("excluded.market_id"),
          status: eb.ref("excluded.status"),
          paid_through: eb.ref("excluded.paid_through"),
          months_behind: eb.ref("excluded.months_behind"),
          amount_owed: eb.ref("excluded.amount_owed"),
          total_paid: eb.ref("excluded.total_paid"),
          credit: eb.ref("excluded.credit"),
          current_month: eb.ref("excluded.current_month"),
          current_premium: eb.ref("excluded.current_premium"),
          current_paid: eb.ref("excluded.current_paid"),
          last_paid_on: eb.ref("excluded.last_paid_on"),
          computed_on: eb.ref("excluded.computed_on"),
          computed_at: eb.ref("excluded.computed_at"),
        })),
      )
      .execute();
  }
  return rows;
}

/** Refreshes the coverage of several traders at once (a batch of collections). */
export async function refreshTradersCoverage(db: DB, traderIds: number[], now: Date, rates?: StoredRateTable): Promise<number> {
  return (await refreshCoverages(db, { traderIds }, now, rates)).length;
}

/** Refreshes one trader's coverage; null when the trader is not a registered self-paying trader. */
export async function refreshTraderCoverage(db: DB, traderId: number, now: Date, rates?: StoredRateTable): Promise<TraderCoverage | null> {
  const [row] = await refreshCoverages(db, { traderIds: [traderId] }, now, rates);
  return (row as TraderCoverage | undefined) ?? null;
}

/** Every registered self-paying trader of a market; returns the rows written. */
export async function refreshMarketCoverage(db: DB, marketId: number, now: Date): Promise<number> {
  return (await refreshCoverages(db, { marketId }, now)).length;
}

/** Only the market's rows not yet computed for its local today (statuses move as due dates pass). */
export async function refreshStaleCoverage(db: DB, marketId: number, now: Date): Promise<number> {
  return (await refreshCoverages(db, { marketId, staleBefore: (zone) => businessDate(now, zone) }, now)).length;
}

/** A trader's month-by-month coverage, computed from the ledger now; null when missing or out of scope. */
export async function loadTraderCoverage(db: DB, scope: Scope, traderId: number, now = new Date()) {
  const trader = await db
    .selectFrom("traders")
    .innerJoin("markets", "markets.id", "traders.market_id")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope))
    .where("traders.id", "=", traderId)
    .select([
      "traders.id",
      "traders.full_name",
      "traders.market_id",
      "traders.phone",
      "traders.whatsapp",
      "traders.nominal",
      "traders.jht",
      "traders.payer_type",
      "traders.coverage_start_month",
      "branches.time_zone",
    ])
    .executeTakeFirst();
  if (!trader) return null;
  const [rates, totals] = await Promise.all([loadRateTable(db), ledgerTotals(db, [trader.id])]);
  const today = businessDate(now, trader.time_zone);
  const coverage = computeCoverage({
    startMonth: trader.coverage_start_month,
    premiumFor: premiumScheduleFor(trader, rates),
    totalPaid: Math.max(0, totals.get(trader.id)?.total ?? 0),
    today,
    config: coverageConfig(),
  });
  return { trader, timeZone: trader.time_zone, today, coverage };
}

export type TraderCoverageView = NonNullable<Awaited<ReturnType<typeof loadTraderCoverage>>>;
