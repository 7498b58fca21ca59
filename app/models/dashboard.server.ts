import type { DB } from "../utils/db.server";
import type { MarketStage } from "../../db/schema";
import type { Scope } from "../domain/scope";
import { businessDate } from "../domain/business-day";
import { currentCampaignYear } from "../domain/target-form";
import { monthRange } from "../domain/progress";
import {
  addCash,
  daysEndingWith,
  DEFAULT_SORT,
  fillSeries,
  figuresOf,
  headlineOf,
  monthsEndingWith,
  narrowScope,
  NO_CASH,
  NO_PARTICIPANTS,
  pipelineFunnel,
  sortBranchRows,
  type BranchSort,
  type CashTotals,
  type UnitFigures,
} from "../domain/dashboard";
import { branchInScope, marketInScope } from "./scope.server";
import { branchLocalDate } from "./query-helpers.server";
import { listBranchProgress } from "./progress.server";
import { hasMouInForce, listMouAttention } from "./mous.server";
import { cashInHandMaxDays, loadReconciliation, type CashHoldingAlertList } from "./reconciliation.server";
import { cashHoldingAlerts, type MarketReconciliation } from "../domain/reconciliation";
import { loadAgenda } from "./visits.server";
import { computeMarketArrears } from "./arrears.server";
import { cashHeldByMarket, collectionsByUnit, dailyCollections, enrolmentsByMonth, participantsByUnit, registeredByUnit } from "./summaries.server";

// The three dashboards (region, branch, market) and the monthly report's figures. Each is a few grouped queries
// over the summary tables plus the progress, MoU, agenda and reconciliation models, under the caller's scope
// narrowed to the unit shown. Figures are judged at `asOf` (now, or the end of a reported month); cash in hand is
// always today's (deposits have no history to replay).

const CHART_DAYS = 90;
const CHART_MONTHS = 12;
/** The region's "today" is its latest local day: WITA, where the regional office sits. */
const REGION_ZONE = "Asia/Makassar";

interface Moment {
  /** The instant the figures are judged at. */
  asOf: Date;
  /** The real now, for cash in hand and the agenda. */
  now: Date;
}

const pick = ({ cashInHand, cashAgeDays, oldestCashDate }: MarketReconciliation) => ({ cashInHand, cashAgeDays, oldestCashDate });

/** Cash in hand per branch id or market id, from the reconciliation of every market in scope. */
async function cashByUnit(db: DB, scope: Scope, now: Date) {
  const maxCashDays = cashInHandMaxDays();
  const rows = await cashHeldByMarket(db, scope, now, maxCashDays);
  const byBranchCode = new Map<string, CashTotals>();
  const byMarket = new Map<number, CashTotals>();
  for (const row of rows) {
    const market = { name: row.name, ...row.reconciliation };
    byBranchCode.set(row.branch_code, addCash(byBranchCode.get(row.branch_code) ?? NO_CASH, market));
    byMarket.set(row.id, addCash(NO_CASH, market));
  }
  // The same list listCashHoldingAlerts gives, without reconciling every market a second time.
  const alerts: CashHoldingAlertList = {
    maxCashDays,
    markets: cashHoldingAlerts(rows).map((row) => ({ id: row.id, name: row.name, branchCode: row.branch_code, ...pick(row.reconciliation) })),
  };
  return { byBranchCode, byMarket, alerts, holding: rows.filter((row) => row.reconciliation.cashInHand > 0) };
}

/** One row of figures per branch in scope. */
async function branchRows(db: DB, scope: Scope, moment: Moment) {
  const { asOf, now } = moment;
  const [progress, collections, participants, registered, cash] = await Promise.all([
    listBranchProgress(db, scope, { year: currentCampaignYear(asOf), now: asOf }),
    collectionsByUnit(db, scope, "branch", asOf),
    participantsByUnit(db, scope, "branch"),
    registeredByUnit(db, scope, "branch", asOf.toISOString()),
    cashByUnit(db, scope, now),
  ]);
  const rows = progress.map((branch) => ({
    branchId: branch.branchId,
    code: branch.code,
    name: branch.name,
    town: branch.town,
    timeZone: branch.timeZone,
    marketsByStage: branch.marketsByStage,
    ...figuresOf({
      today: businessDate(asOf, branch.timeZone),
      mou: { achieved: branch.governmentMarketsWithMou, target: branch.target, targetIsDefault: branch.targetIsDefault, light: branch.light },
      registered: registered.get(branch.branchId) ?? 0,
      tradersTarget: branch.tradersTarget,
      participants: participants.counts.get(branch.branchId) ?? NO_PARTICIPANTS,
      collections: collections.get(branch.branchId) ?? { thisMonth: 0, lastMonth: 0, lastMonthToDate: 0 },
      monthlyCollectionsTarget: branch.monthlyCollectionsTarget,
      cash: cash.byBranchCode.get(branch.code) ?? NO_CASH,
      overdueVisits: branch.overdueVisits,
    }),
  }));
  return { rows, progress, participantsAsOf: participants.asOf, holding: cash.holding, cashByMarket: cash.byMarket, cashAlerts: cash.alerts };
}

export type BranchRow = Awaited<ReturnType<typeof branchRows>>["rows"][number];

/** The four charts' series; each chart also shows them as a table. */
async function chartSeries(db: DB, scope: Scope, asOf: Date, zone: string, rows: BranchRow[]) {
  const today = businessDate(asOf, zone);
  const days = daysEndingWith(today, CHART_DAYS);
  const months = monthsEndingWith(today.slice(0, 7), CHART_MONTHS);
  const [daily, enrolments] = await Promise.all([
    dailyCollections(db, scope, days[0], today),
    enrolmentsByMonth(db, scope, months, asOf.toISOString()),
  ]);
  const stages: Partial<Record<MarketStage, number>> = {};
  for (const row of rows) for (const [stage, count] of Object.entries(row.marketsByStage) as [MarketStage, number][]) stages[stage] = (stages[stage] ?? 0) + count;
  return {
    daily: fillSeries(days, daily),
    funnel: pipelineFunnel(stages),
    sideStages: { declined: stages.declined ?? 0, paused: stages.paused ?? 0 },
    mouByBranch: rows.map((row) => ({ key: row.code, achieved: row.mou?.achieved ?? 0, target: row.mou?.target ?? 0 })),
    enrolments: fillSeries(months, enrolments),
  };
}

export type ChartSeries = Awaited<ReturnType<typeof chartSeries>>;

async function regionFigures(db: DB, scope: Scope, moment: Moment) {
  const { rows, progress, participantsAsOf, cashAlerts } = await branchRows(db, scope, moment);
  const charts = await chartSeries(db, scope, moment.asOf, REGION_ZONE, rows);
  return { today: businessDate(moment.asOf, REGION_ZONE), headline: headlineOf(rows), rows, progress, participantsAsOf, cashAlerts, charts };
}

/** The regional head's (and admin's) home: every branch in scope. */
export async function loadRegionalDashboard(db: DB, scope: Scope, options: { now?: Date; sort?: BranchSort } = {}) {
  const now = options.now ?? new Date();
  const sort = options.sort ?? DEFAULT_SORT;
  const figures = await regionFigures(db, scope, { asOf: now, now });
  return { ...figures, sort, rows: sortBranchRows(figures.rows, sort) };
}

export type RegionalDashboard = Awaited<ReturnType<typeof loadRegionalDashboard>>;

async function findBranchInScope(db: DB, scope: Scope, branchId: number) {
  return db
    .selectFrom("branches")
    .where(branchInScope(scope))
    .where("branches.id", "=", branchId)
    .select(["branches.id", "branches.region_id", "branches.code", "branches.name", "branches.town", "branches.time_zone"])
    .executeTakeFirst();
}

/** Per market of a branch: stage, MoU, traders, arrears, collections and cash. */
async function marketRows(db: DB, scope: Scope, moment: Moment, cashByMarket: Map<number, CashTotals>) {
  const { asOf } = moment;
  const [markets, collections, participants, registered] = await Promise.all([
    db
      .selectFrom("markets")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .where(marketInScope(scope))
      .select((eb) => [
        "markets.id",
        "markets.name",
        "markets.stage",
        "markets.government_run",
        hasMouInForce(branchLocalDate(asOf, businessDate))(eb).as("mou_in_force"),
      ])
      .orderBy("markets.name")
      .execute(),
    collectionsByUnit(db, scope, "market", asOf),
    participantsByUnit(db, scope, "market"),
    registeredByUnit(db, scope, "market", asOf.toISOString()),
  ]);
  return markets.map((market) => {
    const counts = participants.counts.get(market.id) ?? NO_PARTICIPANTS;
    return {
      marketId: market.id,
      name: market.name,
      stage: market.stage,
      governmentRun: market.government_run === 1,
      mouInForce: Number(market.mou_in_force) === 1,
      registered: registered.get(market.id) ?? 0,
      participants: counts,
      arrears: participants.arrears.get(market.id) ?? 0,
      collections: collections.get(market.id) ?? { thisMonth: 0, lastMonth: 0, lastMonthToDate: 0 },
      cash: cashByMarket.get(market.id) ?? NO_CASH,
    };
  });
}

export type MarketRow = Awaited<ReturnType<typeof marketRows>>[number];

/**
 * One branch: its figures, its markets, charts, the agenda of visits, MoUs needing attention and the markets
 * holding cash. Null when the branch is outside the scope.
 */
export async function loadBranchDashboard(db: DB, scope: Scope, branchId: number, options: { userId: number; now?: Date }) {
  const now = options.now ?? new Date();
  const branch = await findBranchInScope(db, scope, branchId);
  if (!branch) return null;
  const branchScope = narrowScope(scope, { regionId: branch.region_id, branchId: branch.id });
  const moment = { asOf: now, now };
  const { rows, progress, participantsAsOf, holding, cashByMarket } = await branchRows(db, branchScope, moment);
  const [charts, markets, agenda, attention] = await Promise.all([
    chartSeries(db, branchScope, now, branch.time_zone, rows),
    marketRows(db, branchScope, moment, cashByMarket),
    loadAgenda(db, branchScope, { userId: options.userId, mineOnly: false, now }),
    listMouAttention(db, branchScope, now),
  ]);
  return {
    branch: { id: branch.id, code: branch.code, name: branch.name, town: branch.town, timeZone: branch.time_zone },
    today: businessDate(now, branch.time_zone),
    figures: rows[0] as UnitFigures,
    headline: headlineOf(rows),
    progress,
    participantsAsOf,
    markets,
    charts,
    agenda,
    attention,
    cashHolding: holding
      .map((row) => ({ marketId: row.id, name: row.name, ...row.reconciliation }))
      .sort((a, b) => b.cashAgeDays - a.cashAgeDays || b.cashInHand - a.cashInHand),
  };
}

export type BranchDashboard = NonNullable<Awaited<ReturnType<typeof loadBranchDashboard>>>;

const ARREARS_SHOWN = 10;

/** A collector's market: today's and this month's money, who paid, whom to chase, days to close, deposits to verify. */
export async function loadMarketDashboard(db: DB, scope: Scope, marketId: number, now = new Date()) {
  const market = await db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope))
    .where("markets.id", "=", marketId)
    .select(["markets.id", "markets.name", "markets.stage", "branches.id as branch_id", "branches.region_id", "branches.code as branch_code", "branches.name as branch_name", "branches.time_zone"])
    .executeTakeFirst();
  if (!market) return null;
  const marketScope = narrowScope(scope, { regionId: market.region_id, branchId: market.branch_id, marketId: market.id });
  const today = businessDate(now, market.time_zone);
  const days = daysEndingWith(today, 30);
  const [todayRow, collections, paidToday, arrears, openDays, pending, reconciliation, daily] = await Promise.all([
    db.selectFrom("daily_market_collections").where("market_id", "=", market.id).where("business_date", "=", today).select(["entries_count", "total_amount"]).executeTakeFirst(),
    collectionsByUnit(db, marketScope, "market", now),
    db
      .selectFrom("collection_entries")
      .where("market_id", "=", market.id)
      .where("business_date", "=", today)
      .groupBy("trader_id")
      .having((eb) => eb.fn.sum("amount"), ">", 0)
      .select("trader_id")
      .execute(),
    computeMarketArrears(db, marketScope, market.id, now),
    db
      .selectFrom("collection_days")
      .leftJoin("daily_market_collections as d", (join) => join.onRef("d.market_id", "=", "collection_days.market_id").onRef("d.business_date", "=", "collection_days.business_date"))
      .where("collection_days.market_id", "=", market.id)
      .where("collection_days.status", "=", "open")
      .where("collection_days.business_date", "<", today)
      .select(["collection_days.business_date", "d.total_amount"])
      .orderBy("collection_days.business_date")
      .execute(),
    db
      .selectFrom("deposits")
      .where("market_id", "=", market.id)
      .where("status", "=", "recorded")
      .select((eb) => [eb.fn.countAll<number>().as("count"), eb.fn.sum<number>("amount").as("total"), eb.fn.min("deposit_date").as("oldest")])
      .executeTakeFirstOrThrow(),
    loadReconciliation(db, marketScope, { now }),
    dailyCollections(db, marketScope, days[0], today),
  ]);
  const arrearsRows = arrears?.rows ?? [];
  return {
    market: { id: market.id, name: market.name, stage: market.stage, branchId: market.branch_id, branchCode: market.branch_code, branchName: market.branch_name, timeZone: market.time_zone },
    today,
    todayTotal: Number(todayRow?.total_amount ?? 0),
    todayEntries: Number(todayRow?.entries_count ?? 0),
    tradersPaidToday: paidToday.length,
    collections: collections.get(market.id) ?? { thisMonth: 0, lastMonth: 0, lastMonthToDate: 0 },
    arrears: {
      count: arrearsRows.length,
      owed: arrearsRows.reduce((total, row) => total + row.amountOwed, 0),
      first: arrearsRows.slice(0, ARREARS_SHOWN),
    },
    openDays: openDays.map((day) => ({ date: day.business_date, total: Number(day.total_amount ?? 0) })),
    pendingDeposits: { count: Number(pending.count), total: Number(pending.total ?? 0), oldest: pending.oldest ?? null },
    cash: reconciliation.rows[0]?.reconciliation ?? null,
    daily: fillSeries(days, daily),
  };
}

export type MarketDashboard = NonNullable<Awaited<ReturnType<typeof loadMarketDashboard>>>;

/**
 * The monthly report of the region (or of one branch with `branchId`): the figures at the end of the month (now,
 * for the current month), the branch table (or the branch's market table) and the charts' numbers. Null when the
 * branch is outside the scope or the month has not begun.
 */
export async function loadMonthlyReport(db: DB, scope: Scope, options: { month: string; branchId: number | null; now?: Date }) {
  const now = options.now ?? new Date();
  const { last } = monthRange(`${options.month}-01`);
  if (`${options.month}-01` > businessDate(now, REGION_ZONE)) return null;
  // The month's last second in WITA is still inside the month in WIB too.
  const monthEnd = new Date(`${last}T23:59:59+08:00`);
  const moment = { asOf: monthEnd < now ? monthEnd : now, now };
  const branch = options.branchId == null ? null : await findBranchInScope(db, scope, options.branchId);
  if (options.branchId != null && !branch) return null;
  const reportScope = branch ? narrowScope(scope, { regionId: branch.region_id, branchId: branch.id }) : scope;
  const { rows, participantsAsOf, cashByMarket } = await branchRows(db, reportScope, moment);
  const [charts, markets] = await Promise.all([
    chartSeries(db, reportScope, moment.asOf, branch?.time_zone ?? REGION_ZONE, rows),
    branch ? marketRows(db, reportScope, moment, cashByMarket) : Promise.resolve(null),
  ]);
  const monthDays = charts.daily.filter((day) => day.key.startsWith(options.month));
  return {
    month: options.month,
    asOf: businessDate(moment.asOf, branch?.time_zone ?? REGION_ZONE),
    generatedAt: now.toISOString(),
    place: branch ? `${branch.code} ${branch.name}` : null,
    headline: headlineOf(rows),
    participantsAsOf,
    rows,
    markets,
    charts: { ...charts, daily: monthDays },
  };
}

export type MonthlyReport = NonNullable<Awaited<ReturnType<typeof loadMonthlyReport>>>;
