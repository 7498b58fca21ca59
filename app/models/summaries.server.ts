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
// the ledger by the collections model inside the same transaction. Every query is scoped, groups by market in
// index order (covering indexes, no sorting) and is rolled up to branches here, so the regional page costs a
// handful of index scans whatever the size of the data.

export type Grouping = "branch" | "market";

// One branch's or one market's figures are the same queries under a narrower scope (see narrowScope).
function scopedMarkets(db: DB, scope: Scope) {
  return db.selectFrom("markets").innerJoin("branches", "branches.id", "markets.branch_id").where(marketInScope(scope));
}

/** The ids of the markets in scope, as a subquery. */
const marketIdsIn = (db: DB, scope: Scope) => scopedMarkets(db, scope).select("markets.id");

/** Market id → the unit it counts toward (its branch, or itself). */
async function unitsOf(db: DB, scope: Scope, grouping: Grouping) {
  const markets = await scopedMarkets(db, scope).select(["markets.id", "markets.branch_id"]).execute();
  return new Map(markets.map((market) => [market.id, grouping === "branch" ? market.branch_id : market.id]));
}

/** Adds per-market rows up per unit. */
function rollUp<Row extends { market_id: number }, Total>(rows: Row[], units: Map<number, number>, empty: () => Total, add: (total: Total, row: Row) => void) {
  const totals = new Map<number, Total>();
  for (const row of rows) {
    const unit = units.get(row.market_id);
    if (unit === undefined) continue;
    const total = totals.get(unit) ?? empty();
    add(total, row);
    totals.set(unit, total);
  }
  return totals;
}

/**
 * Net collections per unit: this month to date, the whole previous month, and the previous month to the same
 * day. Months are each branch's local months (WIB or WITA).
 */
export async function collectionsByUnit(db: DB, scope: Scope, grouping: Grouping, now: Date) {
  const local = (pick: (today: string) => string) => branchLocalDate(now, (instant, zone) => pick(businessDate(instant, zone)));
  const firstOfThis = local((today) => monthRange(today).first);
  const firstOfLast = local((today) => `${previousMonth(today.slice(0, 7))}-01`);
  const sameDayLast = local(sameDayLastMonth);
  // "This month" ends on `now`'s day: a report for a past month must not count what came in after it.
  const today = local((date) => date);
  // WIB is the westernmost zone, so its first of last month bounds the index range; the CASEs judge each branch.
  const lowerBound = `${previousMonth(businessDate(now, "Asia/Pontianak").slice(0, 7))}-01`;
  const [units, rows] = await Promise.all([
    unitsOf(db, scope, grouping),
    scopedMarkets(db, scope)
      .innerJoin("daily_market_collections as d", "d.market_id", "markets.id")
      .where("d.business_date", ">=", lowerBound)
      .select([
        "markets.id as market_id",
        sql<number>`sum(case when d.business_date >= ${firstOfThis} and d.business_date <= ${today} then d.total_amount else 0 end)`.as("this_month"),
        sql<number>`sum(case when d.business_date >= ${firstOfLast} and d.business_date < ${firstOfThis} then d.total_amount else 0 end)`.as("last_month"),
        sql<number>`sum(case when d.business_date >= ${firstOfLast} and d.business_date <= ${sameDayLast} then d.total_amount else 0 end)`.as("to_date"),
      ])
      .groupBy("markets.id")
      .execute(),
  ]);
  return rollUp(
    rows,
    units,
    (): MonthCollections => ({ thisMonth: 0, lastMonth: 0, lastMonthToDate: 0 }),
    (total, row) => {
      total.thisMonth += Number(row.this_month ?? 0);
      total.lastMonth += Number(row.last_month ?? 0);
      total.lastMonthToDate += Number(row.to_date ?? 0);
    },
  );
}

/**
 * Participants per coverage status per unit, how many are in arrears (a due month unpaid: the size of the
 * arrears list), and the oldest snapshot date, all from the trader_coverage snapshots (index only). Statuses move
 * on the 16th even without payments; `npm run coverage:refresh` brings the snapshots up to date daily.
 */
export async function participantsByUnit(db: DB, scope: Scope, grouping: Grouping) {
  const [units, rows] = await Promise.all([
    unitsOf(db, scope, grouping),
    db
      .selectFrom("trader_coverage as c")
      .where("c.market_id", "in", marketIdsIn(db, scope))
      .select((eb) => [
        "c.market_id",
        "c.status",
        eb.fn.countAll<number>().as("count"),
        sql<number>`sum(case when c.months_behind > 0 then 1 else 0 end)`.as("in_arrears"),
        eb.fn.min("c.computed_on").as("as_of"),
      ])
      .groupBy(["c.market_id", "c.status"])
      .execute(),
  ]);
  const counts = rollUp(rows, units, (): ParticipantCounts => ({ ...NO_PARTICIPANTS }), (total, row) => {
    total[row.status] += Number(row.count);
  });
  const arrears = rollUp(rows, units, () => ({ count: 0 }), (total, row) => {
    total.count += Number(row.in_arrears);
  });
  const asOf = rows.reduce<string | null>((oldest, row) => (oldest === null || row.as_of < oldest ? row.as_of : oldest), null);
  return { counts, arrears: new Map([...arrears].map(([unit, total]) => [unit, total.count])), asOf };
}

/** Registered traders per unit (every payer type), enrolled up to `until` (an instant). */
export async function registeredByUnit(db: DB, scope: Scope, grouping: Grouping, until: string) {
  const [units, rows] = await Promise.all([
    unitsOf(db, scope, grouping),
    db
      .selectFrom("traders")
      .where("traders.market_id", "in", marketIdsIn(db, scope))
      .where("traders.status", "=", "registered")
      .where("traders.enrolled_at", "<=", until)
      .select((eb) => ["traders.market_id", eb.fn.countAll<number>().as("count")])
      .groupBy("traders.market_id")
      .execute(),
  ]);
  const totals = rollUp(rows, units, () => ({ count: 0 }), (total, row) => {
    total.count += Number(row.count);
  });
  return new Map([...totals].map(([unit, total]) => [unit, total.count]));
}

/** Net collections per business date between `from` and `to` (inclusive), summed over the markets in view. */
export async function dailyCollections(db: DB, scope: Scope, from: string, to: string) {
  const rows = await db
    .selectFrom("daily_market_collections as d")
    .where("d.market_id", "in", marketIdsIn(db, scope))
    .where("d.business_date", ">=", from)
    .where("d.business_date", "<=", to)
    .select((eb) => ["d.business_date", eb.fn.sum<number>("d.total_amount").as("total")])
    .groupBy("d.business_date")
    .execute();
  return new Map(rows.map((row) => [row.business_date, Number(row.total)]));
}

/**
 * Traders enrolled (and registered now) in each of `months` (YYYY-MM), up to the instant `until`: one index range
 * count per month, cheaper than grouping every trader by a computed month.
 */
export async function enrolmentsByMonth(db: DB, scope: Scope, months: string[], until: string) {
  const counts = await Promise.all(
    months.map((month, index) =>
      db
        .selectFrom("traders")
        .where("traders.market_id", "in", marketIdsIn(db, scope))
        .where("traders.status", "=", "registered")
        .where("traders.enrolled_at", ">=", `${month}-01`)
        .$if(index + 1 < months.length, (qb) => qb.where("traders.enrolled_at", "<", `${months[index + 1]}-01`))
        .where("traders.enrolled_at", "<=", until)
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .executeTakeFirstOrThrow(),
    ),
  );
  return new Map(months.map((month, index) => [month, Number(counts[index].count)]));
}

const LIVE_DEPOSIT = sql`('recorded', 'verified')`;
const NO_TOTALS: LedgerTotals = { collected: 0, counted: 0, closeVariance: 0, deposited: 0, verified: 0 };

const coveredDay = sql<SqlBool>`exists (
  select 1 from deposit_days dd inner join deposits dep on dep.id = dd.deposit_id
  where dd.market_id = cd.market_id and dd.business_date = cd.business_date and dep.status in ${LIVE_DEPOSIT})`;

type HeldDay = { market_id: number; business_date: string; counted_cash: number | null };

/**
 * Closed days no live deposit covers, for every market. Finding them probes every closed day of the region's
 * history (~140,000 a year for 600 markets), so the answer is kept in memory until it can have changed: a day is
 * closed or reopened (each writes a collection_day_events row), a deposit is recorded (a new id) or rejected
 * (freeing its days; verifying changes nothing). The version is read from the database on every call, so several
 * server processes stay correct.
 */
let closedHolding: { version: string; days: HeldDay[] } | null = null;

async function closedDaysHoldingCash(db: DB): Promise<HeldDay[]> {
  const version = await db
    .selectNoFrom((eb) => [
      eb.selectFrom("collection_day_events").select((inner) => inner.fn.max("id").as("v")).as("events"),
      eb.selectFrom("deposits").select((inner) => inner.fn.max("id").as("v")).as("deposits"),
      eb.selectFrom("deposits").where("status", "=", "rejected").select((inner) => inner.fn.countAll().as("v")).as("rejected"),
    ])
    .executeTakeFirstOrThrow();
  const key = JSON.stringify(version);
  if (closedHolding?.version !== key) {
    const days = await db
      .selectFrom("collection_days as cd")
      .where("cd.status", "=", "closed")
      .where((eb) => eb.not(coveredDay))
      .select(["cd.market_id", "cd.business_date", "cd.counted_cash"])
      .execute();
    closedHolding = { version: key, days };
  }
  return closedHolding.days;
}

/**
 * Cash still in collectors' hands per market in scope, judged by the reconciliation rule (reconcileMarket, 6B's):
 * the counted cash of closed days no recorded-or-verified deposit covers, plus what open days collected. Only the
 * day-level part of reconciliation is needed here (not the ledger/close/deposit totals the reconciliation page
 * shows), which keeps the regional dashboard fast; the test suite checks both give the same cash.
 */
export async function cashHeldByMarket(db: DB, scope: Scope, now: Date, maxCashDays: number) {
  const [markets, closed, open] = await Promise.all([
    scopedMarkets(db, scope).select(["markets.id", "markets.name", "branches.code as branch_code", "branches.time_zone"]).execute(),
    closedDaysHoldingCash(db),
    // Open days are few (today's, and any not closed yet) and their totals move with every payment: read them fresh.
    db
      .selectFrom("collection_days as cd")
      .leftJoin("daily_market_collections as d", (join) => join.onRef("d.market_id", "=", "cd.market_id").onRef("d.business_date", "=", "cd.business_date"))
      .where("cd.status", "=", "open")
      .where("cd.market_id", "in", marketIdsIn(db, scope))
      .where((eb) => eb.not(coveredDay))
      .select(["cd.market_id", "cd.business_date", "d.total_amount"])
      .execute(),
  ]);
  const days = new Map<number, ReconciliationDay[]>(markets.map((market) => [market.id, []]));
  for (const day of closed) days.get(day.market_id)?.push({ date: day.business_date, collected: 0, closed: true, counted: day.counted_cash ?? 0, deposit: null });
  for (const day of open) days.get(day.market_id)?.push({ date: day.business_date, collected: Number(day.total_amount ?? 0), closed: false, counted: null, deposit: null });
  // Totals do not change cash in hand; reconcileMarket is used for its cash, age and flag rules only.
  return markets
    .filter((market) => days.get(market.id)!.length > 0)
    .map((market) => ({
      ...market,
      reconciliation: reconcileMarket({ totals: NO_TOTALS, days: days.get(market.id)!, today: businessDate(now, market.time_zone), maxCashDays }),
    }));
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
