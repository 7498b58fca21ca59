import type { DB } from "../utils/db.server";
import type { Role } from "../../db/schema";
import type { Scope } from "../domain/scope";
import type { Bbox, MapFilters } from "../domain/map-query";
import type { PinMove } from "../domain/pin-move";
import { canEditPins } from "../domain/pin-move";
import { businessDate } from "../domain/business-day";
import { emptyStatusCounts, addCounts, totalOf } from "../domain/cluster";
import { areaCodeOf } from "../domain/boundaries";
import { branchInScope, marketInScope } from "./scope.server";
import { branchLocalDate } from "./query-helpers.server";
import { hasMouInForce } from "./mous.server";
import { findBoundaryLayer } from "./boundaries.server";
import { clusterMembers, clustersInView, invalidateTraderIndex, traderCountsByMarket, traderIndex } from "./trader-index.server";

// The programme map: offices, markets by stage with their MoU and trader figures, the choropleth's
// counts, the clustered traders of a view, and correcting pins. Everything through the caller's scope.

/** The map page: what the layers draw and the filter choices, in the caller's scope. */
export async function loadMapPage(db: DB, scope: Scope, filters: MapFilters, role: Role, now = new Date()) {
  const [branchChoices, marketRows, counts, boundary] = await Promise.all([
    db
      .selectFrom("branches")
      .where(branchInScope(scope))
      .select(["branches.id", "branches.code", "branches.name", "branches.town", "branches.lat", "branches.lng"])
      .orderBy("branches.code")
      .execute(),
    db
      .selectFrom("markets")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .where(marketInScope(scope))
      .$if(filters.branchId != null, (qb) => qb.where("markets.branch_id", "=", filters.branchId!))
      .$if(filters.stage != null, (qb) => qb.where("markets.stage", "=", filters.stage!))
      .select([
        "markets.id",
        "markets.name",
        "markets.branch_id",
        "branches.code as branch_code",
        "markets.stage",
        "markets.lat",
        "markets.lng",
        "markets.coord_precision",
        "markets.regency_code",
        (eb) => hasMouInForce(branchLocalDate(now, businessDate))(eb).as("mou_in_force"),
      ])
      .orderBy("markets.name")
      .execute(),
    traderCountsByMarket(db, scope, filters),
    findBoundaryLayer(db),
  ]);
  const markets = marketRows.map((market) => ({ ...market, mou_in_force: Number(market.mou_in_force) === 1, traders: counts.get(market.id) ?? emptyStatusCounts() }));
  const areaCounts: Record<string, number> = {};
  if (boundary) {
    for (const market of markets) {
      const code = areaCodeOf(market.regency_code, boundary.level);
      areaCounts[code] = (areaCounts[code] ?? 0) + totalOf(market.traders);
    }
  }
  const totals = emptyStatusCounts();
  for (const market of markets) addCounts(totals, market.traders);
  return {
    filters,
    branchChoices: scope.level === "all" || scope.level === "region" ? branchChoices.map(({ id, code, name }) => ({ id, code, name })) : [],
    offices: branchChoices.filter((branch) => filters.branchId == null || branch.id === filters.branchId),
    markets: markets.filter((market) => market.lat != null && market.lng != null),
    marketsWithoutLocation: markets
      .filter((market) => market.lat == null || market.lng == null)
      .map(({ id, name, traders }) => ({ id, name, traders: totalOf(traders) })),
    totals,
    boundary: boundary && { ...boundary, areaCounts },
    canEditPins: canEditPins(role),
  };
}

export type MapPageData = Awaited<ReturnType<typeof loadMapPage>>;

/** The clusters and single traders in a view, as a GeoJSON FeatureCollection (the traders endpoint). */
export async function listMapTraders(db: DB, scope: Scope, view: { bbox: Bbox; zoom: number; filters: MapFilters }) {
  const { index, unplaced } = await traderIndex(db, scope, view.filters);
  return { type: "FeatureCollection" as const, features: await clustersInView(db, index, view.bbox, view.zoom), unplaced };
}

export const CLUSTER_LIST_LIMIT = 100;

/** The first traders (by name) of a cluster the traders endpoint returned with the same filters; null if unknown. */
export async function listClusterTraders(db: DB, scope: Scope, clusterId: number, filters: MapFilters) {
  const { index } = await traderIndex(db, scope, filters);
  return clusterMembers(db, index, clusterId, CLUSTER_LIST_LIMIT);
}

export type PinMoveResult = "moved" | "not_found";

/**
 * Moves a market's or a trader's pin (already checked to lie in Indonesia). The market's pin becomes
 * "verified" at the desk; the trader's records who placed it, with the change in the trader's history.
 */
export async function movePin(db: DB, scope: Scope, move: PinMove, userId: number, now = new Date()): Promise<PinMoveResult> {
  const at = now.toISOString();
  const moved = await db.transaction().execute(async (trx) => {
    if (move.intent === "moveMarket") {
      const market = await trx.selectFrom("markets").where(marketInScope(scope)).where("markets.id", "=", move.id).select("markets.id").executeTakeFirst();
      if (!market) return false;
      await trx
        .updateTable("markets")
        .set({ lat: move.lat, lng: move.lng, coord_precision: "verified", location_verified_via: "desk", location_verified_by_user_id: userId, location_verified_at: at, updated_at: at })
        .where("id", "=", move.id)
        .execute();
      return true;
    }
    const trader = await trx
      .selectFrom("traders")
      .innerJoin("markets", "markets.id", "traders.market_id")
      .where(marketInScope(scope))
      .where("traders.id", "=", move.id)
      .select(["traders.id", "traders.lat", "traders.lng"])
      .executeTakeFirst();
    if (!trader) return false;
    await trx
      .updateTable("traders")
      .set({ lat: move.lat, lng: move.lng, location_verified_by_user_id: userId, location_verified_at: at, updated_at: at })
      .where("id", "=", move.id)
      .execute();
    await trx
      .insertInto("trader_changes")
      .values({ trader_id: move.id, changes: JSON.stringify({ lat: [trader.lat, move.lat], lng: [trader.lng, move.lng] }), changed_by_user_id: userId, changed_at: at })
      .execute();
    return true;
  });
  if (moved) invalidateTraderIndex();
  return moved ? "moved" : "not_found";
}
