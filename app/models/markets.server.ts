import type { DB } from "../utils/db.server";
import type { MarketStage } from "../../db/schema";
import type { Scope } from "../domain/scope";
import { marketInScope } from "./scope.server";
import { containsText, pageWindow, toPage } from "./query-helpers.server";

export interface MarketFilters {
  q?: string;
  stage?: MarketStage;
  governmentRun?: boolean;
  regencyCode?: string;
  branchId?: number;
  page?: number;
  pageSize?: number;
}

const listColumns = [
  "markets.id",
  "markets.name",
  "markets.code",
  "markets.stage",
  "markets.government_run",
  "markets.regency_name",
  "markets.regency_code",
  "markets.trader_estimate",
  "markets.lat",
  "markets.lng",
  "markets.coord_precision",
  "branches.code as branch_code",
  "branches.name as branch_name",
] as const;

function filteredMarkets(db: DB, scope: Scope, filters: MarketFilters) {
  return db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope))
    .$if(Boolean(filters.q?.trim()), (qb) => qb.where(containsText("markets.name", filters.q!)))
    .$if(filters.stage != null, (qb) => qb.where("markets.stage", "=", filters.stage!))
    .$if(filters.governmentRun != null, (qb) => qb.where("markets.government_run", "=", filters.governmentRun ? 1 : 0))
    .$if(Boolean(filters.regencyCode), (qb) => qb.where("markets.regency_code", "=", filters.regencyCode!))
    .$if(filters.branchId != null, (qb) => qb.where("markets.branch_id", "=", filters.branchId!));
}

/** One page of the markets the scope may see, plus the total for pagination. */
export async function listMarkets(db: DB, scope: Scope, filters: MarketFilters = {}) {
  const pageSize = filters.pageSize ?? 25;
  const { page, limit, offset } = pageWindow(filters.page, pageSize);
  const [rows, count] = await Promise.all([
    filteredMarkets(db, scope, filters)
      .select(listColumns)
      .orderBy("branches.code")
      .orderBy("markets.name")
      .limit(limit)
      .offset(offset)
      .execute(),
    filteredMarkets(db, scope, filters)
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .executeTakeFirstOrThrow(),
  ]);
  return toPage(rows, count.total, page, pageSize);
}

/** Every market in scope for map and API use (no paging; the region has hundreds, not millions). */
export async function listAllMarkets(db: DB, scope: Scope) {
  return filteredMarkets(db, scope, {}).select(listColumns).orderBy("markets.id").execute();
}

/** A market the scope may see, or null: callers answer 404 either way. */
export async function findMarket(db: DB, scope: Scope, marketId: number) {
  return db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .selectAll("markets")
    .select(["branches.code as branch_code", "branches.name as branch_name", "branches.time_zone"])
    .where(marketInScope(scope))
    .where("markets.id", "=", marketId)
    .executeTakeFirst();
}

export async function countMarketsByStage(db: DB, scope: Scope) {
  const rows = await db
    .selectFrom("markets")
    .where(marketInScope(scope))
    .select(["markets.stage", (eb) => eb.fn.countAll<number>().as("count")])
    .groupBy("markets.stage")
    .execute();
  return Object.fromEntries(rows.map((row) => [row.stage, Number(row.count)])) as Partial<Record<MarketStage, number>>;
}

/** Regency/city choices for the filter, from the markets the scope can see. */
export async function listMarketRegencies(db: DB, scope: Scope) {
  return db
    .selectFrom("markets")
    .where(marketInScope(scope))
    .select(["markets.regency_code", "markets.regency_name"])
    .distinct()
    .orderBy("markets.regency_name")
    .execute();
}
