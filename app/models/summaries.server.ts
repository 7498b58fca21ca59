import { sql, type SqlBool } from "kysely";
import type { DB } from "../utils/db.server";
import type { Scope } from "../domain/scope";
import { businessDate } from "../domain/business-day";
import { monthRange } from "../domain/progress";
import { NO_PARTICIPANTS, previousMonth, sameDayLastMonth, type MonthCollections, type ParticipantCounts } from "../domain/dashboard";
import { reconcileMarket, type LedgerTotals, type ReconciliationDay } from "../domain/reconciliation";
import { marketInScope } from "./scope.server";
import { branchLocalDate } from "./query-helpers.server";
import { refreshAllCoverage } from "./coverage-refresh.server";

// The dashboards' figures read from the summary tables, never the ledger: daily_market_collections (net
// collections per market and business day) and trader_coverage (each trader's status), both kept in step with
// the ledger by the collections model inside the same transaction. Every query is scoped and grouped per branch
// or per market, so the regional page costs a handful of grouped queries whatever the size of the data.

export type Grouping = "branch" | "market";

// One branch's or one market's figures are the same queries under a narrower scope (see narrowScope).
function scopedMarkets(db: DB, scope: Scope) {
  return db.selectFrom("markets").innerJoin("branches", "branches.id", "markets.branch_id").where(marketInScope(scope));
}

const unitColumn = (grouping: Grouping) => (grouping === "branch" ? "markets.branch_id" : "markets.id");

/**
 * Net collections per unit: this month to date, the whole previous month, and the previous month to the same
 * day. Months are each branch's local months (WIB or WITA).
 */
export async function collectionsByUnit(db: DB, scope: Scope, grouping: Grouping, now: Date) {
  const local = (pick: (today: string) => string) => branchLocalDate(now, (instant, zone) => pick(businessDate(instant, zone)));
  const firstOfThis = local((today) => monthRange(today).first);
  const firstOfLast = local((today) => `${previousMonth(today.slice(0, 7))}-01`);
  const sameDayLast = local(sameDayLastMonth);
  // WIB is the westernmost zone, so its first of last month bounds the index range; the CASEs judge each branch.
  const lowerBound = `${previousMonth(businessDate(now, "Asia/Pontianak").slice(0, 7))}-01`;
  const rows = await scopedMarkets(db, scope)
    .innerJoin("daily_market_collections as d", "d.market_id", "markets.id")
    .where("d.business_date", ">=", lowerBound)
    .select((eb) => [
      eb.ref(unitColumn(grouping)).as("unit_id"),
      sql<number>`sum(case when d.business_date >= ${firstOfThis} then d.total_amount else 0 end)`.as("this_month"),
      sql<number>`sum(case when d.business_date >= ${firstOfLast} and d.business_date < ${firstOfThis} then d.total_amount else 0 end)`.as(
        "last_month",
      ),
      sql<number>`sum(case when d.business_date >= ${firstOfLast} and d.business_date <= ${sameDayLast} then d.total_amount else 0 end)`.as(
        "last_month_to_date",
      ),
    ])
    .groupBy(unitColumn(grouping))
    .execute();
  return new Map<number, MonthCollections>(
    rows.map((row) => [
      row.unit_id,
      { thisMonth: Number(row.this_month ?? 0), lastMonth: Number(row.last_month ?? 0), lastMonthToDate: Number(row.last_month_to_date ?? 0) },
    ]),
  );
}

/**
 * Participants per coverage status per unit, how many are in arrears (a due month unpaid: the size of the
 * arrears list), and the oldest snapshot date, all from the trader_coverage snapshots. Statuses move on the 16th
 * even without payments; `npm run coverage:refresh` brings the snapshots up to date daily.
 */
export async function participantsByUnit(db: DB, scope: Scope, grouping: Grouping) {
  const rows = await scopedMarkets(db, scope)
    .innerJoin("trader_coverage as c", "c.market_id", "markets.id")
    .select((eb) => [
      eb.ref(unitColumn(grouping)).as("unit_id"),
      "c.status",
      eb.fn.countAll<number>().as("count"),
      sql<number>`sum(case when c.months_behind > 0 then 1 else 0 end)`.as("in_arrears"),
      eb.fn.min("c.computed_on").as("as_of"),
    ])
    .groupBy([unitColumn(grouping), "c.status"])
    .execute();
  const counts = new Map<number, ParticipantCounts>();
  const arrears = new Map<number, number>();
  let asOf: string | null = null;
  for (const row of rows) {
    const unit = counts.get(row.unit_id) ?? { ...NO_PARTICIPANTS };
    unit[row.status] += Number(row.count);
    counts.set(row.unit_id, unit);
    arrears.set(row.unit_id, (arrears.get(row.unit_id) ?? 0) + Number(row.in_arrears));
    if (asOf === null || row.as_of < asOf) asOf = row.as_of;
  }
  return { counts, arrears, asOf };
}

const LIVE_DEPOSIT = sql`('recorded', 'verified')`;
const NO_TOTALS: LedgerTotals = { collected: 0, counted: 0, closeVariance: 0, deposited: 0, verified: 0 };

/**
 * Cash still in collectors' hands per market in scope, judged by the reconciliation rule (reconcileMarket, 6B's):
 * the counted cash of closed days no recorded-or-verified deposit covers, plus what open days collected. Only the
 * day-level part of reconciliation is needed here, so it is one query over collection_days (probing deposit_days
 * per day) rather than the full ledger/close/deposit totals the reconciliation page shows, which keeps the
 * regional dashboard fast; the test suite checks both give the same cash.
 */
export async function cashHeldByMarket(db: DB, scope: Scope, now: Date, maxCashDays: number) {
  const covered = sql<SqlBool>`exists (
    select 1 from deposit_days dd inner join deposits dep on dep.id = dd.deposit_id
    where dd.market_id = cd.market_id and dd.business_date = cd.business_date and dep.status in ${LIVE_DEPOSIT})`;
  const days = await scopedMarkets(db, scope)
    .innerJoin("collection_days as cd", "cd.market_id", "markets.id")
    .leftJoin("daily_market_collections as d", (join) => join.onRef("d.market_id", "=", "cd.market_id").onRef("d.business_date", "=", "cd.business_date"))
    .where((eb) => eb.not(covered))
    .select(["markets.id", "markets.name", "branches.code as branch_code", "branches.time_zone", "cd.business_date", "cd.status", "cd.counted_cash", "d.total_amount"])
    .execute();
  const byMarket = new Map<number, { id: number; name: string; branch_code: string; time_zone: string; days: ReconciliationDay[] }>();
  for (const day of days) {
    const market = byMarket.get(day.id) ?? { id: day.id, name: day.name, branch_code: day.branch_code, time_zone: day.time_zone, days: [] };
    const closed = day.status === "closed";
    market.days.push({ date: day.business_date, collected: Number(day.total_amount ?? 0), closed, counted: closed ? (day.counted_cash ?? 0) : null, deposit: null });
    byMarket.set(day.id, market);
  }
  // Totals do not change cash in hand; reconcileMarket is used for its cash, age and flag rules only.
  return [...byMarket.values()].map(({ days: held, ...market }) => ({
    ...market,
    reconciliation: reconcileMarket({ totals: NO_TOTALS, days: held, today: businessDate(now, market.time_zone), maxCashDays }),
  }));
}

/** Registered traders per unit (every payer type), enrolled up to `until` (an instant) when given. */
export async function registeredByUnit(db: DB, scope: Scope, grouping: Grouping, until?: string) {
  const rows = await scopedMarkets(db, scope)
    .innerJoin("traders", "traders.market_id", "markets.id")
    .where("traders.status", "=", "registered")
    .$if(until != null, (qb) => qb.where("traders.enrolled_at", "<=", until!))
    .select((eb) => [eb.ref(unitColumn(grouping)).as("unit_id"), eb.fn.countAll<number>().as("count")])
    .groupBy(unitColumn(grouping))
    .execute();
  return new Map(rows.map((row) => [row.unit_id, Number(row.count)]));
}

/** Net collections per business date between `from` and `to` (inclusive), summed over the markets in view. */
export async function dailyCollections(db: DB, scope: Scope, from: string, to: string) {
  const rows = await scopedMarkets(db, scope)
    .innerJoin("daily_market_collections as d", "d.market_id", "markets.id")
    .where("d.business_date", ">=", from)
    .where("d.business_date", "<=", to)
    .select((eb) => ["d.business_date", eb.fn.sum<number>("d.total_amount").as("total")])
    .groupBy("d.business_date")
    .execute();
  return new Map(rows.map((row) => [row.business_date, Number(row.total)]));
}

/** Traders enrolled (registered now) per month of enrolment, from `fromMonth` up to the instant `until`. */
export async function enrolmentsByMonth(db: DB, scope: Scope, fromMonth: string, until: string) {
  const month = sql<string>`substr(traders.enrolled_at, 1, 7)`;
  const rows = await scopedMarkets(db, scope)
    .innerJoin("traders", "traders.market_id", "markets.id")
    .where("traders.status", "=", "registered")
    .where("traders.enrolled_at", ">=", `${fromMonth}-01`)
    .where("traders.enrolled_at", "<=", until)
    .select((eb) => [month.as("month"), eb.fn.countAll<number>().as("count")])
    .groupBy(month)
    .execute();
  return new Map(rows.map((row) => [row.month, Number(row.count)]));
}

/**
 * Rebuilds the summary tables from the records: daily_market_collections from the ledger (one grouped
 * insert) and every trader's coverage snapshot. For `npm run summaries:rebuild` after a repair or an import;
 * the normal path keeps them current incrementally. Returns the rows written.
 */
export async function rebuildSummaries(db: DB, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom("daily_market_collections").execute();
    await trx
      .insertInto("daily_market_collections")
      .columns(["market_id", "business_date", "entries_count", "total_amount", "updated_at"])
      .expression((eb) =>
        eb
          .selectFrom("collection_entries")
          .select((inner) => [
            "market_id",
            "business_date",
            inner.fn.countAll<number>().as("entries_count"),
            inner.fn.sum<number>("amount").as("total_amount"),
            sql.lit(now.toISOString()).as("updated_at"),
          ])
          .groupBy(["market_id", "business_date"]),
      )
      .execute();
    const days = await trx.selectFrom("daily_market_collections").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
    // Traders who are no longer collected from (e.g. moved to an APBD programme) must not keep a stale row.
    await trx.deleteFrom("trader_coverage").execute();
    const coverage = await refreshAllCoverage(trx, now);
    return { dailyMarketCollections: Number(days.count), traderCoverage: coverage };
  });
}
