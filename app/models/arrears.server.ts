import type { DB } from "../utils/db.server";
import type { Scope } from "../domain/scope";
import { businessDate } from "../domain/business-day";
import { computeCoverage, type Coverage } from "../domain/coverage";
import type { PremiumMonth } from "../domain/premium";
import { marketInScope } from "./scope.server";
import { loadRateTable } from "./rates.server";
import { coverageConfig, premiumScheduleFor, isCollectableTrader } from "./coverage.server";
import { pageWindow, toPage } from "./query-helpers.server";
import { toCsv } from "../domain/csv-safety";

// The arrears list of a market: registered self-paying traders with premium months already due and unpaid, the
// largest amount owed first. Statuses move with the calendar (the 16th) even without payments, so the list is
// computed on read from each trader's net paid (trader_coverage.total_paid, kept in step with the ledger) at the
// market's local today, never from a snapshot that may be a day old; reading never writes.

export const ARREARS_PAGE_SIZE = 50;

/** Markets in scope that have registered self-paying traders, for the picker. */
export async function listArrearsMarkets(db: DB, scope: Scope) {
  return db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("traders")
          .select("traders.id")
          .whereRef("traders.market_id", "=", "markets.id")
          .where(isCollectableTrader),
      ),
    )
    .select(["markets.id", "markets.name", "branches.code as branch_code"])
    .orderBy("branches.code")
    .orderBy("markets.name")
    .execute();
}

export interface ArrearsRow {
  traderId: number;
  name: string;
  stall: string | null;
  phone: string | null;
  whatsapp: boolean;
  status: Coverage["status"];
  paidThrough: PremiumMonth | null;
  monthsBehind: number;
  amountOwed: number;
}

/** Every trader of the market in arrears, sorted; null when the market is outside the scope. */
export async function computeMarketArrears(db: DB, scope: Scope, marketId: number, now = new Date()) {
  const market = await db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope))
    .where("markets.id", "=", marketId)
    .select(["markets.id", "markets.name", "branches.code as branch_code", "branches.time_zone"])
    .executeTakeFirst();
  if (!market) return null;
  const [traders, rates] = await Promise.all([
    db
      .selectFrom("traders")
      .leftJoin("trader_coverage", "trader_coverage.trader_id", "traders.id")
      .where("traders.market_id", "=", marketId)
      .where(isCollectableTrader)
      .select([
        "traders.id",
        "traders.full_name",
        "traders.stall",
        "traders.phone",
        "traders.whatsapp",
        "traders.nominal",
        "traders.jht",
        "traders.payer_type",
        "traders.coverage_start_month",
        "trader_coverage.total_paid",
      ])
      .execute(),
    loadRateTable(db),
  ]);
  const today = businessDate(now, market.time_zone);
  const config = coverageConfig();
  // Traders share a handful of premium profiles: one memoised schedule per profile.
  const schedules = new Map<string, (month: PremiumMonth) => number>();
  const rows: ArrearsRow[] = [];
  for (const trader of traders) {
    const key = `${trader.nominal}|${trader.jht}|${trader.payer_type}`;
    const premiumFor = schedules.get(key) ?? schedules.set(key, premiumScheduleFor(trader, rates)).get(key)!;
    const totalPaid = Math.max(0, trader.total_paid ?? 0);
    const coverage = computeCoverage({ startMonth: trader.coverage_start_month, premiumFor, totalPaid, today, config });
    if (coverage.monthsBehind === 0) continue;
    rows.push({
      traderId: trader.id,
      name: trader.full_name,
      stall: trader.stall,
      phone: trader.phone,
      whatsapp: trader.whatsapp === 1,
      status: coverage.status,
      paidThrough: coverage.paidThrough,
      monthsBehind: coverage.monthsBehind,
      amountOwed: coverage.arrears,
    });
  }
  rows.sort((a, b) => b.amountOwed - a.amountOwed || a.name.localeCompare(b.name, "id") || a.traderId - b.traderId);
  return { market: { id: market.id, name: market.name, branch_code: market.branch_code, today }, rows, totalOwed: rows.reduce((total, row) => total + row.amountOwed, 0) };
}

/**
 * The arrears page: the markets to pick from and, for the chosen one (a collector's own by default), one page of
 * traders in arrears. Null when the market asked for is outside the scope.
 */
export async function loadArrearsPage(db: DB, scope: Scope, options: { marketId: number | null; page?: number }, now = new Date()) {
  const markets = await listArrearsMarkets(db, scope);
  const marketId = options.marketId ?? (scope.level === "market" ? scope.marketId : null);
  if (marketId == null) return { markets, arrears: null };
  const arrears = await computeMarketArrears(db, scope, marketId, now);
  if (!arrears) return null;
  const { page, limit, offset } = pageWindow(options.page, ARREARS_PAGE_SIZE);
  return {
    markets,
    arrears: {
      market: arrears.market,
      totalOwed: arrears.totalOwed,
      traders: toPage(arrears.rows.slice(offset, offset + limit), arrears.rows.length, page, ARREARS_PAGE_SIZE),
    },
  };
}

/** The whole list as a CSV file (Indonesian headers, formula-safe cells); null when out of scope. */
export async function exportArrearsCsv(db: DB, scope: Scope, marketId: number, now = new Date()) {
  const arrears = await computeMarketArrears(db, scope, marketId, now);
  if (!arrears) return null;
  const header = ["Pasar", "Pedagang", "Kios", "Telepon", "Status", "Lunas s.d.", "Bulan tertunggak", "Tunggakan (Rp)"];
  const lines = arrears.rows.map((row) => [
    arrears.market.name,
    row.name,
    row.stall,
    row.phone,
    row.status,
    row.paidThrough,
    row.monthsBehind,
    row.amountOwed,
  ]);
  const slug = arrears.market.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return {
    fileName: `tunggakan-${slug}-${arrears.market.today}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: new TextEncoder().encode(toCsv([header, ...lines])),
  };
}
