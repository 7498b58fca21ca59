import { sql } from "kysely";
import type { DB } from "../utils/db.server";
import type { Scope } from "../domain/scope";
import { businessDate } from "../domain/business-day";
import { cashHoldingAlerts, reconcileMarket, type LedgerTotals, type ReconciliationDay } from "../domain/reconciliation";
import { env } from "../utils/env.server";
import { marketInScope } from "./scope.server";

// Reconciliation per market, for every market in scope that has collected or deposited anything. A few grouped
// queries whatever the number of days: totals are summed in SQL; only the days that may still hold cash (open days
// and closed days no live deposit covers) come back one by one.

const LIVE_DEPOSIT = sql<string>`('recorded', 'verified')`;

/** CASH_IN_HAND_MAX_DAYS: how long a market may hold cash before it is flagged. */
export function cashInHandMaxDays(): number {
  return env().CASH_IN_HAND_MAX_DAYS;
}

function marketsWithMoney(db: DB, scope: Scope) {
  return db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope))
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom("daily_market_collections as d").select("d.market_id").whereRef("d.market_id", "=", "markets.id")),
        eb.exists(eb.selectFrom("deposits").select("deposits.id").whereRef("deposits.market_id", "=", "markets.id")),
      ]),
    )
    .select(["markets.id", "markets.name", "branches.code as branch_code", "branches.time_zone"])
    .orderBy("branches.code")
    .orderBy("markets.name")
    .execute();
}

const byMarket = <T extends { market_id: number }>(rows: T[]) => new Map(rows.map((row) => [row.market_id, row]));

async function ledgerTotals(db: DB, marketIds: number[]): Promise<Map<number, LedgerTotals>> {
  const [collected, closes, deposits] = await Promise.all([
    db
      .selectFrom("daily_market_collections")
      .where("market_id", "in", marketIds)
      .groupBy("market_id")
      .select(["market_id", (eb) => eb.fn.sum<number>("total_amount").as("collected")])
      .execute(),
    db
      .selectFrom("collection_days")
      .where("market_id", "in", marketIds)
      .where("status", "=", "closed")
      .groupBy("market_id")
      .select(["market_id", (eb) => eb.fn.sum<number>("counted_cash").as("counted"), (eb) => eb.fn.sum<number>("variance").as("variance")])
      .execute(),
    db
      .selectFrom("deposits")
      .where("market_id", "in", marketIds)
      .where(sql<boolean>`status in ${LIVE_DEPOSIT}`)
      .groupBy("market_id")
      .select([
        "market_id",
        (eb) => eb.fn.sum<number>("amount").as("deposited"),
        sql<number>`sum(case when status = 'verified' then amount else 0 end)`.as("verified"),
      ])
      .execute(),
  ]);
  const [c, k, d] = [byMarket(collected), byMarket(closes), byMarket(deposits)];
  return new Map(
    marketIds.map((id) => [
      id,
      {
        collected: Number(c.get(id)?.collected ?? 0),
        counted: Number(k.get(id)?.counted ?? 0),
        closeVariance: Number(k.get(id)?.variance ?? 0),
        deposited: Number(d.get(id)?.deposited ?? 0),
        verified: Number(d.get(id)?.verified ?? 0),
      },
    ]),
  );
}

/** Days that may hold cash: open days with ledger rows, and closed days no recorded or verified deposit covers. */
async function daysHoldingCash(db: DB, marketIds: number[]): Promise<Map<number, ReconciliationDay[]>> {
  const covered = sql<boolean>`exists (
    select 1 from deposit_days dd inner join deposits dep on dep.id = dd.deposit_id
    where dd.market_id = ${sql.ref("days.market_id")} and dd.business_date = ${sql.ref("days.business_date")}
      and dep.status in ${LIVE_DEPOSIT})`;
  const [openDays, closedDays] = await Promise.all([
    db
      .selectFrom("daily_market_collections as days")
      .leftJoin("collection_days as cd", (join) => join.onRef("cd.market_id", "=", "days.market_id").onRef("cd.business_date", "=", "days.business_date"))
      .where("days.market_id", "in", marketIds)
      .where((eb) => eb.or([eb("cd.status", "is", null), eb("cd.status", "=", "open")]))
      .where(sql<boolean>`not ${covered}`)
      .select(["days.market_id", "days.business_date", "days.total_amount"])
      .execute(),
    db
      .selectFrom("collection_days as days")
      .leftJoin("daily_market_collections as d", (join) => join.onRef("d.market_id", "=", "days.market_id").onRef("d.business_date", "=", "days.business_date"))
      .where("days.market_id", "in", marketIds)
      .where("days.status", "=", "closed")
      .where(sql<boolean>`not ${covered}`)
      .select(["days.market_id", "days.business_date", "days.counted_cash", "d.total_amount"])
      .execute(),
  ]);
  const result = new Map<number, ReconciliationDay[]>(marketIds.map((id) => [id, []]));
  for (const day of openDays) {
    result.get(day.market_id)!.push({ date: day.business_date, collected: day.total_amount, closed: false, counted: null, deposit: null });
  }
  for (const day of closedDays) {
    result.get(day.market_id)!.push({ date: day.business_date, collected: day.total_amount ?? 0, closed: true, counted: day.counted_cash ?? 0, deposit: null });
  }
  return result;
}

/** One row per market in scope with collections or deposits, each reconciled on the market's local today. */
export async function loadReconciliation(db: DB, scope: Scope, options: { now?: Date; maxCashDays?: number } = {}) {
  const now = options.now ?? new Date();
  const maxCashDays = options.maxCashDays ?? cashInHandMaxDays();
  const markets = await marketsWithMoney(db, scope);
  if (markets.length === 0) return { maxCashDays, rows: [] };
  const ids = markets.map((market) => market.id);
  const [totals, days] = await Promise.all([ledgerTotals(db, ids), daysHoldingCash(db, ids)]);
  const rows = markets.map(({ time_zone, ...market }) => {
    const today = businessDate(now, time_zone);
    return { ...market, today, reconciliation: reconcileMarket({ totals: totals.get(market.id)!, days: days.get(market.id)!, today, maxCashDays }) };
  });
  return { maxCashDays, rows };
}

export type ReconciliationRow = Awaited<ReturnType<typeof loadReconciliation>>["rows"][number];

/**
 * The markets in scope holding cash longer than CASH_IN_HAND_MAX_DAYS, longest first, for the branch and regional
 * home pages (component CashHoldingAlerts).
 */
export async function listCashHoldingAlerts(db: DB, scope: Scope, now = new Date()) {
  const { maxCashDays, rows } = await loadReconciliation(db, scope, { now });
  return {
    maxCashDays,
    markets: cashHoldingAlerts(rows).map((row) => ({
      id: row.id,
      name: row.name,
      branchCode: row.branch_code,
      cashInHand: row.reconciliation.cashInHand,
      cashAgeDays: row.reconciliation.cashAgeDays,
      oldestCashDate: row.reconciliation.oldestCashDate,
    })),
  };
}

export type CashHoldingAlertList = Awaited<ReturnType<typeof listCashHoldingAlerts>>;
