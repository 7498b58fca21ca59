import type { MarketStage } from "../../db/schema";
import { PIPELINE_STAGES } from "./pipeline";
import { monthRange, type TrafficLight } from "./progress";
import { addDays } from "./visit-status";
import { scopeCovers, type Scope } from "./scope";

// The figures the dashboards and the monthly report show, decided in one place: which targets a branch is behind
// on, how this month compares with the last, the pipeline funnel, and how the branch table sorts. Pure: the models
// sum the records (or the summary tables) in SQL and hand the totals here.

/** A target counts as "close" (amber) from this share of it; below is red. */
export const CLOSE_TO_TARGET = 0.8;

/** Green when met, amber from 80%, red below; null when no target is set. */
export function ratioLight(achieved: number, target: number | null): TrafficLight | null {
  if (target == null || target <= 0) return null;
  if (achieved >= target) return "green";
  return achieved >= target * CLOSE_TO_TARGET ? "amber" : "red";
}

/** `2026-11` → `2026-10`. */
export function previousMonth(month: string): string {
  const [year, number] = month.split("-").map(Number);
  return new Date(Date.UTC(year, number - 2, 1)).toISOString().slice(0, 7);
}

/** The `count` months ending with `month`, oldest first. */
export function monthsEndingWith(month: string, count: number): string[] {
  const months = [month];
  while (months.length < count) months.unshift(previousMonth(months[0]));
  return months;
}

/** The `count` days ending with `today`, oldest first. */
export function daysEndingWith(today: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addDays(today, index - count + 1));
}

/** The same day of the previous month, clamped to its length (31 March → 28/29 February). */
export function sameDayLastMonth(today: string): string {
  const { last } = monthRange(`${previousMonth(today.slice(0, 7))}-01`);
  return today.slice(8) > last.slice(8) ? last : `${last.slice(0, 8)}${today.slice(8)}`;
}

/** What part of a monthly target should be reached by `today` (linear over the month's days). */
export function expectedByToday(monthlyTarget: number | null, today: string): number | null {
  if (monthlyTarget == null) return null;
  const daysInMonth = Number(monthRange(today).last.slice(8));
  return Math.round((monthlyTarget * Number(today.slice(8))) / daysInMonth);
}

/** Percent change from `previous` to `current`, one decimal; null when there is nothing to compare with. */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return Math.round(((current - previous) / Math.abs(previous)) * 1000) / 10;
}

/** Every key of `keys` with its value from `values` (0 when missing), in the order of `keys`. */
export function fillSeries<K extends string>(keys: readonly K[], values: ReadonlyMap<string, number>): { key: K; value: number }[] {
  return keys.map((key) => ({ key, value: values.get(key) ?? 0 }));
}

export interface FunnelStep {
  stage: MarketStage;
  /** Markets at this stage now. */
  at: number;
  /** Markets at this stage or further along the pipeline. */
  reached: number;
}

/** The pipeline as a funnel: for each forward stage, how many markets got at least that far. */
export function pipelineFunnel(counts: Partial<Record<MarketStage, number>>): FunnelStep[] {
  let reached = 0;
  return [...PIPELINE_STAGES]
    .reverse()
    .map((stage) => {
      const at = counts[stage] ?? 0;
      reached += at;
      return { stage, at, reached };
    })
    .reverse();
}

export type ParticipantStatus = "aktif" | "menunggak" | "nonaktif" | "belum_bayar";
export type ParticipantCounts = Record<ParticipantStatus, number>;
export const NO_PARTICIPANTS: ParticipantCounts = { aktif: 0, menunggak: 0, nonaktif: 0, belum_bayar: 0 };

export interface MonthCollections {
  /** This month up to today (each branch's local month). */
  thisMonth: number;
  /** The whole previous month. */
  lastMonth: number;
  /** The previous month up to the same day, the fair comparison while this month is running. */
  lastMonthToDate: number;
}

/** Raw totals per branch (or per market) from the models; `figuresOf` turns them into what the table shows. */
export interface UnitTotals {
  today: string;
  mou: { achieved: number; target: number; targetIsDefault: boolean; light: TrafficLight } | null;
  registered: number;
  tradersTarget: number | null;
  participants: ParticipantCounts;
  collections: MonthCollections;
  monthlyCollectionsTarget: number | null;
  cash: CashTotals;
  overdueVisits: number;
}

export interface CashTotals {
  /** Collected but not yet deposited (recorded or verified). */
  inHand: number;
  /** The oldest business date whose cash is still in hand, and where. */
  oldestDate: string | null;
  oldestMarket: string | null;
  ageDays: number;
  /** Markets holding cash longer than CASH_IN_HAND_MAX_DAYS. */
  flaggedMarkets: number;
}

export const NO_CASH: CashTotals = { inHand: 0, oldestDate: null, oldestMarket: null, ageDays: 0, flaggedMarkets: 0 };

/** Adds one market's cash to a running total; the oldest date (and its market) wins. */
export function addCash(total: CashTotals, market: { name: string; cashInHand: number; oldestCashDate: string | null; cashAgeDays: number; flagged: boolean }): CashTotals {
  const older = market.oldestCashDate !== null && (total.oldestDate === null || market.oldestCashDate < total.oldestDate);
  return {
    inHand: total.inHand + market.cashInHand,
    oldestDate: older ? market.oldestCashDate : total.oldestDate,
    oldestMarket: older ? market.name : total.oldestMarket,
    ageDays: Math.max(total.ageDays, market.cashAgeDays),
    flaggedMarkets: total.flaggedMarkets + (market.flagged ? 1 : 0),
  };
}

export type Behind = "mou" | "traders" | "collections" | "cash" | "visits";

export interface UnitFigures extends UnitTotals {
  tradersLight: TrafficLight | null;
  expectedCollections: number | null;
  collectionsLight: TrafficLight | null;
  collectionsChange: number | null;
  cashLight: TrafficLight;
  /** The targets missed (red) or nearly missed (amber), worst first: what the branch is behind on. */
  behind: Behind[];
  /** Sum of the reds (2) and ambers (1), for "most behind first". */
  behindScore: number;
}

const LIGHT_WEIGHT: Record<TrafficLight, number> = { red: 2, amber: 1, green: 0 };

export function figuresOf(totals: UnitTotals): UnitFigures {
  const expectedCollections = expectedByToday(totals.monthlyCollectionsTarget, totals.today);
  const lights: [Behind, TrafficLight | null][] = [
    ["mou", totals.mou?.light ?? null],
    ["traders", ratioLight(totals.registered, totals.tradersTarget)],
    ["collections", ratioLight(totals.collections.thisMonth, expectedCollections)],
    ["cash", totals.cash.flaggedMarkets > 0 ? "red" : "green"],
    ["visits", totals.overdueVisits > 0 ? "amber" : "green"],
  ];
  const behind = lights
    .filter((entry): entry is [Behind, TrafficLight] => entry[1] === "red" || entry[1] === "amber")
    .sort((a, b) => LIGHT_WEIGHT[b[1]] - LIGHT_WEIGHT[a[1]]);
  return {
    ...totals,
    tradersLight: lights[1][1],
    expectedCollections,
    collectionsLight: lights[2][1],
    collectionsChange: percentChange(totals.collections.thisMonth, totals.collections.lastMonthToDate),
    cashLight: lights[3][1] ?? "green",
    behind: behind.map(([what]) => what),
    behindScore: behind.reduce((score, [, light]) => score + LIGHT_WEIGHT[light], 0),
  };
}

export const BRANCH_SORT_KEYS = ["behind", "code", "mou", "traders", "paying", "collections", "cash"] as const;
export type BranchSortKey = (typeof BRANCH_SORT_KEYS)[number];
export interface BranchSort {
  key: BranchSortKey;
  dir: "asc" | "desc";
}
export const DEFAULT_SORT: BranchSort = { key: "behind", dir: "desc" };

/** `?sort=collections&dir=asc`; anything unknown falls back to "most behind first". */
export function parseBranchSort(params: URLSearchParams): BranchSort {
  const key = params.get("sort");
  if (!BRANCH_SORT_KEYS.includes(key as BranchSortKey)) return DEFAULT_SORT;
  return { key: key as BranchSortKey, dir: params.get("dir") === "asc" ? "asc" : "desc" };
}

const SORT_VALUE: Record<BranchSortKey, (row: UnitFigures & { code: string }) => number | string> = {
  behind: (row) => row.behindScore,
  code: (row) => row.code,
  mou: (row) => (row.mou ? row.mou.achieved / Math.max(1, row.mou.target) : 0),
  traders: (row) => row.registered,
  paying: (row) => row.participants.aktif,
  collections: (row) => row.collections.thisMonth,
  cash: (row) => row.cash.inHand,
};

/** Sorted copy; ties keep code order so the table never jumps between loads. */
export function sortBranchRows<T extends UnitFigures & { code: string }>(rows: readonly T[], sort: BranchSort): T[] {
  const value = SORT_VALUE[sort.key];
  const sign = sort.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    const order = typeof x === "string" ? x.localeCompare(String(y)) : x - Number(y);
    return order * sign || a.code.localeCompare(b.code);
  });
}

/** The link that sorts by `key`: the same key again flips the direction; numbers start with the largest. */
export function sortLink(current: BranchSort, key: BranchSortKey): BranchSort {
  if (current.key === key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  return { key, dir: key === "code" ? "asc" : "desc" };
}

/** `2026-11` when valid, else null (report month parameter). */
export function parseMonth(value: string | null): string | null {
  if (!value || !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return null;
  return value;
}

/** `YYYY-MM-DD` when it is a real calendar date, else null. */
export function parseIsoDate(value: string | null): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return addDays(value, 0) === value ? value : null;
}

export interface Headline {
  units: number;
  unitsBehind: number;
  /** Branches with at least their target of government-run markets under an MoU in force. */
  unitsMeetingMouTarget: number;
  mouMarkets: number;
  mouTarget: number;
  registered: number;
  /** Sum of the traders targets that are set; null when no branch has one. */
  tradersTarget: number | null;
  participants: ParticipantCounts;
  collections: MonthCollections;
  collectionsChange: number | null;
  monthlyCollectionsTarget: number | null;
  cash: CashTotals;
}

const sumOf = <T>(rows: readonly T[], value: (row: T) => number) => rows.reduce((total, row) => total + value(row), 0);
const sumOfSet = <T>(rows: readonly T[], value: (row: T) => number | null) =>
  rows.some((row) => value(row) != null) ? sumOf(rows, (row) => value(row) ?? 0) : null;

/** The headline figures of a region (or one branch): the branch rows added up. */
export function headlineOf(rows: readonly UnitFigures[]): Headline {
  const collections = {
    thisMonth: sumOf(rows, (row) => row.collections.thisMonth),
    lastMonth: sumOf(rows, (row) => row.collections.lastMonth),
    lastMonthToDate: sumOf(rows, (row) => row.collections.lastMonthToDate),
  };
  const participants = { ...NO_PARTICIPANTS };
  for (const row of rows) for (const status of Object.keys(participants) as ParticipantStatus[]) participants[status] += row.participants[status];
  const cash = rows.reduce<CashTotals>(
    (total, row) => ({
      ...addCash(total, { name: row.cash.oldestMarket ?? "", cashInHand: row.cash.inHand, oldestCashDate: row.cash.oldestDate, cashAgeDays: row.cash.ageDays, flagged: false }),
      flaggedMarkets: total.flaggedMarkets + row.cash.flaggedMarkets,
    }),
    NO_CASH,
  );
  return {
    units: rows.length,
    unitsBehind: rows.filter((row) => row.behind.length > 0).length,
    unitsMeetingMouTarget: rows.filter((row) => row.mou != null && row.mou.achieved >= row.mou.target).length,
    mouMarkets: sumOf(rows, (row) => row.mou?.achieved ?? 0),
    mouTarget: sumOf(rows, (row) => row.mou?.target ?? 0),
    registered: sumOf(rows, (row) => row.registered),
    tradersTarget: sumOfSet(rows, (row) => row.tradersTarget),
    participants,
    collections,
    collectionsChange: percentChange(collections.thisMonth, collections.lastMonthToDate),
    monthlyCollectionsTarget: sumOfSet(rows, (row) => row.monthlyCollectionsTarget),
    cash,
  };
}

/**
 * The caller's scope narrowed to one branch or market inside it, so the same scoped queries give that unit's
 * figures. Refuses a place outside the scope; a collector's scope is already as narrow as it gets.
 */
export function narrowScope(scope: Scope, place: { regionId: number; branchId: number; marketId?: number }): Scope {
  if (!scopeCovers(scope, place)) throw new RangeError("The place lies outside the scope");
  if (scope.level === "market") return scope;
  if (place.marketId != null) return { level: "market", regionId: place.regionId, branchId: place.branchId, marketId: place.marketId };
  return { level: "branch", regionId: place.regionId, branchId: place.branchId };
}
