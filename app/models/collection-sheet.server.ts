import type { DB } from "../utils/db.server";
import type { Scope } from "../domain/scope";
import { businessDate } from "../domain/business-day";
import { dailyAmountSuggestion } from "../domain/coverage";
import type { SheetTrader } from "../domain/collections";
import { daysInMonth } from "../domain/premium";
import { marketInScope } from "./scope.server";
import { hasMouInForce } from "./mous.server";
import { branchLocalDate } from "./query-helpers.server";
import { loadTraderCoverage, refreshStaleCoverage, isCollectableTrader } from "./coverage.server";
import { scopedMarket } from "./collection-days.server";

// What the collector's phone needs: the market's registered self-paying traders as one compact list (searched on
// the phone), today's payments per trader, this month's progress, and today's entries; plus one receipt.

/** Markets in scope with an MoU in force on their local today: the ones a sheet can be opened for. */
export async function listCollectingMarkets(db: DB, scope: Scope, now = new Date()) {
  return db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope))
    .where(hasMouInForce(branchLocalDate(now, businessDate)))
    .select(["markets.id", "markets.name", "branches.code as branch_code"])
    .orderBy("markets.name")
    .execute();
}

function sheetTraders(db: DB, marketId: number) {
  return db
    .selectFrom("traders")
    .leftJoin("trader_coverage", "trader_coverage.trader_id", "traders.id")
    .where("traders.market_id", "=", marketId)
    .where(isCollectableTrader)
    .select([
      "traders.id",
      "traders.full_name",
      "traders.stall",
      "traders.nik",
      "trader_coverage.current_month",
      "trader_coverage.current_premium",
      "trader_coverage.current_paid",
      "trader_coverage.amount_owed",
      "trader_coverage.computed_on",
    ])
    .orderBy("traders.full_name")
    .orderBy("traders.id")
    .execute();
}

/** Today's newest entries shown on the sheet unless all are asked for (a big market takes thousands a day). */
export const SHEET_ENTRIES = 50;

export async function loadCollectionSheet(db: DB, scope: Scope, marketId: number, now = new Date(), options: { allEntries?: boolean } = {}) {
  const market = await scopedMarket(db, scope, marketId);
  if (!market) return null;
  const today = businessDate(now, market.time_zone);
  let traders = await sheetTraders(db, market.id);
  // Coverage snapshots are per day (statuses and the current month move with the calendar): refresh once a day.
  if (traders.some((trader) => trader.computed_on == null || trader.computed_on < today)) {
    await db.transaction().execute((trx) => refreshStaleCoverage(trx, market.id, now));
    traders = await sheetTraders(db, market.id);
  }
  const [paidToday, entries, day, mou, summary] = await Promise.all([
    db
      .selectFrom("collection_entries")
      .where("market_id", "=", market.id)
      .where("business_date", "=", today)
      .groupBy("trader_id")
      .select((eb) => ["trader_id", eb.fn.sum<number>("amount").as("paid")])
      .execute(),
    db
      .selectFrom("collection_entries")
      .innerJoin("traders", "traders.id", "collection_entries.trader_id")
      .innerJoin("users", "users.id", "collection_entries.collector_user_id")
      .where("collection_entries.market_id", "=", market.id)
      .where("collection_entries.business_date", "=", today)
      .select([
        "collection_entries.id",
        "collection_entries.receipt_number",
        "collection_entries.kind",
        "collection_entries.amount",
        "collection_entries.collected_at",
        "collection_entries.collector_user_id",
        "collection_entries.reverses_entry_id",
        "traders.full_name",
        "users.name as collector_name",
      ])
      .orderBy("collection_entries.id", "desc")
      .$if(!options.allEntries, (qb) => qb.limit(SHEET_ENTRIES))
      .execute(),
    db.selectFrom("collection_days").select("status").where("market_id", "=", market.id).where("business_date", "=", today).executeTakeFirst(),
    db.selectFrom("markets").select("markets.id").where("markets.id", "=", market.id).where(hasMouInForce(today)).executeTakeFirst(),
    db.selectFrom("daily_market_collections").select(["entries_count", "total_amount"]).where("market_id", "=", market.id).where("business_date", "=", today).executeTakeFirst(),
  ]);
  const todayByTrader = new Map(paidToday.map((row) => [row.trader_id, Number(row.paid)]));
  const month = today.slice(0, 7);
  const days = daysInMonth(month);
  const rows: SheetTrader[] = traders.map((trader) => {
    const current = trader.current_month === month;
    const premium = current ? trader.current_premium ?? 0 : 0;
    return [
      trader.id,
      trader.full_name,
      trader.stall ?? "",
      trader.nik.slice(-6),
      dailyAmountSuggestion(premium, days),
      premium,
      current ? trader.current_paid ?? 0 : 0,
      todayByTrader.get(trader.id) ?? 0,
      // Payments go to the oldest month first: while earlier months are owed, this month's progress waits.
      current && (trader.current_paid ?? 0) > 0 ? 0 : trader.amount_owed ?? 0,
    ];
  });
  const reversed = new Set(entries.map((entry) => entry.reverses_entry_id).filter((id): id is number => id != null));
  return {
    market: { id: market.id, name: market.name, timeZone: market.time_zone },
    today,
    dayClosed: day?.status === "closed",
    mouInForce: Boolean(mou),
    traders: rows,
    total: summary?.total_amount ?? 0,
    entryCount: summary?.entries_count ?? 0,
    entries: entries.map((entry) => ({ ...entry, reversed: reversed.has(entry.id) })),
  };
}

export type CollectionSheet = NonNullable<Awaited<ReturnType<typeof loadCollectionSheet>>>;

/** One receipt with the trader's coverage as it stands now; null when missing or out of scope. */
export async function findReceipt(db: DB, scope: Scope, number: string, now = new Date()) {
  const entry = await db
    .selectFrom("collection_entries")
    .innerJoin("traders", "traders.id", "collection_entries.trader_id")
    .innerJoin("markets", "markets.id", "collection_entries.market_id")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .innerJoin("users", "users.id", "collection_entries.collector_user_id")
    .leftJoin("collection_entries as original", "original.id", "collection_entries.reverses_entry_id")
    .leftJoin("collection_entries as reversal", "reversal.reverses_entry_id", "collection_entries.id")
    .where(marketInScope(scope))
    .where("collection_entries.receipt_number", "=", number)
    .select([
      "collection_entries.id",
      "collection_entries.receipt_number",
      "collection_entries.kind",
      "collection_entries.amount",
      "collection_entries.business_date",
      "collection_entries.collected_at",
      "collection_entries.reason",
      "collection_entries.trader_id",
      "collection_entries.market_id",
      "traders.full_name",
      "traders.stall",
      "traders.phone",
      "markets.name as market_name",
      "branches.name as branch_name",
      "branches.time_zone",
      "users.name as collector_name",
      "original.receipt_number as reverses_receipt",
      "reversal.receipt_number as reversed_by_receipt",
    ])
    .executeTakeFirst();
  if (!entry) return null;
  const view = await loadTraderCoverage(db, scope, entry.trader_id, now);
  return { entry, coverage: view?.coverage ?? null };
}

export type ReceiptData = NonNullable<Awaited<ReturnType<typeof findReceipt>>>;
