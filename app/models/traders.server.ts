import type { DB } from "../utils/db.server";
import type { TraderPayerType } from "../../db/schema";
import type { Scope } from "../domain/scope";
import { businessDate } from "../domain/business-day";
import { quoteTrader, type MarketTradersSummaryData, type TraderFilters } from "../domain/trader-form";
import type { PremiumMonth, RateTable } from "../domain/premium";
import { marketInScope } from "./scope.server";
import { containsText, pageWindow, toPage } from "./query-helpers.server";
import { loadRateTable } from "./rates.server";

// Reading traders: the scoped list and search, one trader's page, the form's choices and a market's summary.
// A trader's scope is its market's: every query joins markets and filters with marketInScope.

const monthIn = (now: Date, timeZone: string): PremiumMonth => businessDate(now, timeZone).slice(0, 7);

function filteredTraders(db: DB, scope: Scope, filters: TraderFilters) {
  const q = filters.q?.trim() ?? "";
  return db
    .selectFrom("traders")
    .innerJoin("markets", "markets.id", "traders.market_id")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope))
    .$if(filters.marketId != null, (qb) => qb.where("traders.market_id", "=", filters.marketId!))
    .$if(q !== "", (qb) =>
      qb.where((eb) =>
        eb.or(["traders.full_name", "traders.nik", "traders.stall", "traders.kpj"].map((column) => containsText(column, q))),
      ),
    )
    .$if(filters.status != null, (qb) => qb.where("traders.status", "=", filters.status!))
    .$if(filters.payer != null, (qb) => qb.where("traders.payer_type", "=", filters.payer!));
}

const premiumOf = (row: { nominal: number; jht: number; payer_type: TraderPayerType }, month: PremiumMonth, table: RateTable) =>
  quoteTrader({ nominal: row.nominal, jht: row.jht, payerType: row.payer_type }, month, table)?.total ?? null;

/** One page of traders in scope, each with this month's premium (the market's local month). */
export async function listTraders(db: DB, scope: Scope, filters: TraderFilters, now = new Date()) {
  const pageSize = filters.pageSize ?? 25;
  const { page, limit, offset } = pageWindow(filters.page, pageSize);
  const [rows, count, table] = await Promise.all([
    filteredTraders(db, scope, filters)
      .select([
        "traders.id",
        "traders.full_name",
        "traders.nik",
        "traders.stall",
        "traders.status",
        "traders.payer_type",
        "traders.nominal",
        "traders.jht",
        "traders.kpj",
        "traders.market_id",
        "markets.name as market_name",
        "branches.time_zone",
      ])
      .orderBy("markets.name")
      .orderBy("traders.full_name")
      .orderBy("traders.id")
      .limit(limit)
      .offset(offset)
      .execute(),
    filteredTraders(db, scope, filters)
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .executeTakeFirstOrThrow(),
    loadRateTable(db),
  ]);
  const withPremium = rows.map((row) => {
    const month = monthIn(now, row.time_zone);
    return { ...row, month, monthPremium: premiumOf(row, month, table) };
  });
  return toPage(withPremium, count.total, page, pageSize);
}

export type TraderListRow = Awaited<ReturnType<typeof listTraders>>["rows"][number];

/** Markets a trader may be registered in or filtered by: the scope's own, with what the form needs. */
export async function listMarketChoices(db: DB, scope: Scope, now = new Date()) {
  const rows = await db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope))
    .select(["markets.id", "markets.name", "markets.branch_id", "markets.lat", "markets.lng", "branches.code as branch_code", "branches.time_zone"])
    .orderBy("branches.code")
    .orderBy("markets.name")
    .execute();
  return rows.map(({ time_zone, ...market }) => ({ ...market, today: businessDate(now, time_zone) }));
}

export type MarketChoice = Awaited<ReturnType<typeof listMarketChoices>>[number];

/** The list page; null when the market asked for is outside the scope. */
export async function loadTraderList(db: DB, scope: Scope, filters: TraderFilters, now = new Date()) {
  const markets = await listMarketChoices(db, scope, now);
  const market = filters.marketId == null ? null : (markets.find((m) => m.id === filters.marketId) ?? null);
  if (filters.marketId != null && !market) return null;
  return { traders: await listTraders(db, scope, filters, now), markets, market };
}

/** One trader in scope with its market, branch, programme and who enrolled it; null otherwise. */
export async function findTrader(db: DB, scope: Scope, traderId: number) {
  return db
    .selectFrom("traders")
    .innerJoin("markets", "markets.id", "traders.market_id")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .innerJoin("users as enroller", "enroller.id", "traders.enrolled_by_user_id")
    .leftJoin("sponsor_programmes", "sponsor_programmes.id", "traders.sponsor_programme_id")
    .where(marketInScope(scope))
    .where("traders.id", "=", traderId)
    .selectAll("traders")
    .select([
      "markets.name as market_name",
      "markets.branch_id",
      "branches.code as branch_code",
      "branches.time_zone",
      "enroller.name as enrolled_by",
      "sponsor_programmes.name as programme_name",
      "sponsor_programmes.sponsor_name",
    ])
    .executeTakeFirst();
}

export type TraderRecord = NonNullable<Awaited<ReturnType<typeof findTrader>>>;

export interface TraderChangeEntry {
  id: number;
  changedAt: string;
  changedBy: string;
  changes: Record<string, [unknown, unknown]>;
}

/** The edits of a trader, newest first; programme ids are shown by name. */
async function listTraderChanges(db: DB, traderId: number): Promise<{ history: TraderChangeEntry[]; programmeNames: Record<number, string> }> {
  const rows = await db
    .selectFrom("trader_changes")
    .innerJoin("users", "users.id", "trader_changes.changed_by_user_id")
    .select(["trader_changes.id", "trader_changes.changes", "trader_changes.changed_at", "users.name"])
    .where("trader_changes.trader_id", "=", traderId)
    .orderBy("trader_changes.changed_at", "desc")
    .orderBy("trader_changes.id", "desc")
    .execute();
  const history = rows.map((row) => ({
    id: row.id,
    changedAt: row.changed_at,
    changedBy: row.name,
    changes: JSON.parse(row.changes) as Record<string, [unknown, unknown]>,
  }));
  const ids = [
    ...new Set(history.flatMap((entry) => (entry.changes.sponsor_programme_id ?? []).filter((id): id is number => typeof id === "number"))),
  ];
  const names = ids.length
    ? await db.selectFrom("sponsor_programmes").select(["id", "name"]).where("id", "in", ids).execute()
    : [];
  return { history, programmeNames: Object.fromEntries(names.map((row) => [row.id, row.name])) };
}

/** The trader page: profile, the premium for `month` (default: the market's current month) and history. */
export async function loadTraderPage(db: DB, scope: Scope, traderId: number, month: PremiumMonth | null, now = new Date()) {
  const trader = await findTrader(db, scope, traderId);
  if (!trader) return null;
  const currentMonth = monthIn(now, trader.time_zone);
  const shownMonth = month ?? currentMonth;
  const [table, changes] = await Promise.all([loadRateTable(db), listTraderChanges(db, traderId)]);
  const quote = quoteTrader({ nominal: trader.nominal, jht: trader.jht, payerType: trader.payer_type }, shownMonth, table);
  return { trader, month: shownMonth, currentMonth, quote, ...changes };
}

/** Programmes a trader in the scope may be attached to, with their branch (the form filters by market). */
export async function listProgrammeChoices(db: DB, scope: Scope) {
  return db
    .selectFrom("sponsor_programmes")
    .innerJoin("markets", "markets.branch_id", "sponsor_programmes.branch_id")
    .where(marketInScope(scope))
    .select(["sponsor_programmes.id", "sponsor_programmes.name", "sponsor_programmes.payer_type", "sponsor_programmes.branch_id"])
    .distinct()
    .orderBy("sponsor_programmes.name")
    .execute();
}

export type ProgrammeChoice = Awaited<ReturnType<typeof listProgrammeChoices>>[number];

/** What the registration and edit forms need: markets, programmes and the rate table for the live premium. */
export async function loadTraderFormChoices(db: DB, scope: Scope, now = new Date()) {
  const [markets, programmes, table] = await Promise.all([listMarketChoices(db, scope, now), listProgrammeChoices(db, scope), loadRateTable(db)]);
  return { markets, programmes, table };
}

/**
 * A market's traders at a glance for the market page: counts by status and payer, KPJ numbers issued, and the
 * premiums due this month from self-paying registered traders (what the collector should collect). Null when
 * the market is outside the scope.
 */
export async function summariseMarketTraders(db: DB, scope: Scope, marketId: number, now = new Date()): Promise<MarketTradersSummaryData | null> {
  const market = await db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope))
    .where("markets.id", "=", marketId)
    .select(["markets.id", "branches.time_zone"])
    .executeTakeFirst();
  if (!market) return null;
  const [groups, table] = await Promise.all([
    db
      .selectFrom("traders")
      .where("traders.market_id", "=", marketId)
      .select(["traders.status", "traders.payer_type", "traders.nominal", "traders.jht"])
      .select((eb) => [eb.fn.countAll<number>().as("count"), eb.fn.count<number>("traders.kpj").as("with_kpj")])
      .groupBy(["traders.status", "traders.payer_type", "traders.nominal", "traders.jht"])
      .execute(),
    loadRateTable(db),
  ]);
  const month = monthIn(now, market.time_zone);
  const summary = { marketId, month, total: 0, registered: 0, prospects: 0, withKpj: 0, sponsored: 0, monthlyDueMandiri: 0 };
  for (const group of groups) {
    const count = Number(group.count);
    summary.total += count;
    summary.withKpj += Number(group.with_kpj);
    if (group.status === "prospect") summary.prospects += count;
    else summary.registered += count;
    if (group.payer_type !== "mandiri") summary.sponsored += count;
    else if (group.status === "registered") summary.monthlyDueMandiri += (premiumOf(group, month, table) ?? 0) * count;
  }
  return summary;
}


/** The edit page: the trader and the form's choices; null when the trader is outside the scope. */
export async function loadTraderEditor(db: DB, scope: Scope, traderId: number, now = new Date()) {
  const [trader, choices] = await Promise.all([findTrader(db, scope, traderId), loadTraderFormChoices(db, scope, now)]);
  return trader ? { trader, ...choices } : null;
}
