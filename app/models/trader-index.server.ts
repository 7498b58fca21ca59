import Supercluster from "supercluster";
import type { MarketStage, TraderCoverageStatus } from "../../db/schema";
import type { DB } from "../utils/db.server";
import type { Scope } from "../domain/scope";
import type { Bbox, MapFilters } from "../domain/map-query";
import { addCounts, countOf, emptyStatusCounts, roundCoordinate, spreadAround, type StatusCounts } from "../domain/cluster";
import { marketInScope } from "./scope.server";

// The map's trader clusters, computed on the server so the browser never receives every point.
// Every onboarded trader's position and status is read once into memory (through a covering index),
// shared by all scopes; each scope takes its markets' traders from that set and clusters them with
// supercluster, one index per filter combination, the least recently used dropped beyond a few. Names
// are not kept: the few single traders of a response are named with one query.
//
// The read is the larger part of a cold start (about 350 ms of 600 at 200,000 traders, more on a busy
// machine), so the server starts it when it boots (warmTraderIndex, from entry.server.tsx) and a map
// request that comes earlier awaits the same read; each scope's clustering is left to its first request.
//
// Freshness: each request compares a cheap database version (newest trader id and change, newest coverage
// snapshot, newest market change: indexed, well under a millisecond) with the one the data was read at,
// and re-reads when it moved, at most every REFRESH_INTERVAL_MS: a rebuild costs about a second of CPU at
// 200,000 traders, and during collection hours every payment moves the version, so statuses may lag by
// up to that interval. invalidateTraderIndex() drops everything at once: pin moves and the trader form
// call it, and code that changes traders in a way the version cannot see (deleting one) or must show at
// once should call it too.

interface TraderPoint {
  traderId: number;
  marketId: number;
  status: TraderCoverageStatus;
  /** The trader has their own stall pin; otherwise the point is spread around the market's. */
  pinned: boolean;
}

export type NamedTrader = TraderPoint & { name: string };

interface MarketFacts {
  branchId: number;
  stage: MarketStage;
}

type TraderIndex = Supercluster<TraderPoint, StatusCounts>;

/** The traders of some markets: every market's in the shared read, the scope's in a view of it. */
interface TraderSet {
  points: Supercluster.PointFeature<TraderPoint>[];
  /** Traders that cannot be drawn: neither they nor their market have a location. */
  unplaced: TraderPoint[];
}

interface TraderData extends TraderSet {
  version: string;
  generation: number;
  readAt: number;
  markets: Map<number, MarketFacts>;
  /** Each scope's view of this read, made on its first request. */
  views: Map<string, Promise<ScopeView>>;
}

interface ScopeView extends TraderSet {
  markets: Map<number, MarketFacts>;
  indexes: Map<string, TraderIndex>;
  countsByMarket: Map<string, Map<number, StatusCounts>>;
}

/** Supercluster's zoom is for 512-px tiles: radius 80 is 40 px on Leaflet's 256-px tiles. */
const CLUSTER_OPTIONS = {
  radius: 80,
  // Leaflet's deepest zoom: even there a crowded market stays in clusters, which list their traders.
  maxZoom: 18,
  map: (props: TraderPoint) => countOf(props.status),
  reduce: (total: StatusCounts, more: StatusCounts) => addCounts(total, more),
};
const MAX_INDEXES_PER_SCOPE = 8;
export const REFRESH_INTERVAL_MS = 30_000;

let current: Promise<TraderData> | null = null;
let generation = 0;

/** Drops every cached trader index; the next map request rebuilds from the database. */
export function invalidateTraderIndex(): void {
  generation += 1;
  current = null;
}

const scopeKey = (scope: Scope) =>
  scope.level === "all" ? "all" : scope.level === "region" ? `region:${scope.regionId}` : scope.level === "branch" ? `branch:${scope.branchId}` : `market:${scope.marketId}`;

async function dataVersion(db: DB): Promise<string> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom("traders").select((e) => e.fn.max("traders.id").as("n")).as("trader_id"),
      eb.selectFrom("traders").select((e) => e.fn.max("traders.updated_at").as("t")).as("traders_at"),
      eb.selectFrom("trader_coverage").select((e) => e.fn.max("trader_coverage.computed_at").as("t")).as("coverage_at"),
      eb.selectFrom("markets").select((e) => e.fn.max("markets.updated_at").as("t")).as("markets_at"),
    ])
    .executeTakeFirstOrThrow();
  return JSON.stringify(row);
}

async function readTraders(db: DB, version: string): Promise<TraderData> {
  // Taken before reading: an invalidation during the read makes this read stale.
  const readGeneration = generation;
  // Three narrow reads joined here: per-trader rows of four columns read ~3x faster than with the
  // market's columns repeated on each.
  const [markets, rows, coverage] = await Promise.all([
    db.selectFrom("markets").select(["markets.id", "markets.lat", "markets.lng", "markets.branch_id", "markets.stage"]).execute(),
    db
      .selectFrom("traders")
      // Onboarded traders only: prospects are not participants yet.
      .where("traders.status", "=", "registered")
      .select(["traders.id", "traders.market_id", "traders.lat", "traders.lng"])
      .execute(),
    db.selectFrom("trader_coverage").select(["trader_coverage.trader_id", "trader_coverage.status"]).execute(),
  ]);
  const statuses = new Map(coverage.map((row) => [row.trader_id, row.status]));
  const places = new Map(markets.map((market) => [market.id, market]));
  const data: TraderData = { version, generation: readGeneration, readAt: Date.now(), points: [], unplaced: [], markets: new Map(), views: new Map() };
  for (const market of markets) data.markets.set(market.id, { branchId: market.branch_id, stage: market.stage });
  for (const row of rows) {
    const market = places.get(row.market_id)!;
    const pinned = row.lat != null && row.lng != null;
    const position = pinned
      ? { lat: row.lat!, lng: row.lng! }
      : market.lat != null && market.lng != null
        ? spreadAround({ lat: market.lat, lng: market.lng }, row.id)
        : null;
    // A trader without a coverage snapshot has never paid (see the snapshot's rules).
    const properties = { traderId: row.id, marketId: row.market_id, status: statuses.get(row.id) ?? "belum_bayar", pinned };
    if (position) data.points.push({ type: "Feature", geometry: { type: "Point", coordinates: [position.lng, position.lat] }, properties });
    else data.unplaced.push(properties);
  }
  return data;
}

/** Every onboarded trader, re-read when the database moved on since they were read (at most every interval). */
async function traderData(db: DB): Promise<TraderData> {
  const version = await dataVersion(db);
  const cached = await current?.catch(() => null);
  const fresh = cached?.generation === generation && (cached.version === version || Date.now() - cached.readAt < REFRESH_INTERVAL_MS);
  if (cached && fresh) return cached;
  const reading = readTraders(db, version);
  current = reading;
  reading.catch(() => {
    if (current === reading) current = null;
  });
  return reading;
}

async function makeView(db: DB, data: TraderData, scope: Scope): Promise<ScopeView> {
  const view = { markets: data.markets, indexes: new Map(), countsByMarket: new Map() };
  // The admin's scope is every market: it shares the read's arrays.
  if (scope.level === "all") return { ...view, points: data.points, unplaced: data.unplaced };
  const rows = await db.selectFrom("markets").where(marketInScope(scope)).select("markets.id").execute();
  const inScope = new Set(rows.map((row) => row.id));
  return {
    ...view,
    points: data.points.filter((point) => inScope.has(point.properties.marketId)),
    unplaced: data.unplaced.filter((trader) => inScope.has(trader.marketId)),
  };
}

/** The scope's traders, taken from the current read. */
async function scopeView(db: DB, scope: Scope): Promise<ScopeView> {
  const data = await traderData(db);
  const key = scopeKey(scope);
  let view = data.views.get(key);
  if (!view) {
    const making = makeView(db, data, scope);
    making.catch(() => data.views.delete(key));
    data.views.set(key, making);
    view = making;
  }
  return view;
}

/** Reads every onboarded trader into memory ahead of the first map request; after a failure the next request reads again. */
export async function warmTraderIndex(db: DB): Promise<void> {
  await traderData(db);
}

const filterKey = (filters: MapFilters) => [filters.branchId, filters.marketId, filters.stage, filters.status].join("|");

function matches(filters: MapFilters, point: TraderPoint, market: MarketFacts | undefined): boolean {
  if (filters.marketId != null && point.marketId !== filters.marketId) return false;
  if (filters.status && point.status !== filters.status) return false;
  if (filters.branchId != null && market?.branchId !== filters.branchId) return false;
  if (filters.stage && market?.stage !== filters.stage) return false;
  return true;
}

/** The index for one filter combination, most recently used last so the oldest can be dropped. */
function indexFor(data: ScopeView, filters: MapFilters): TraderIndex {
  const key = filterKey(filters);
  const index =
    data.indexes.get(key) ??
    new Supercluster<TraderPoint, StatusCounts>(CLUSTER_OPTIONS).load(
      data.points.filter((point) => matches(filters, point.properties, data.markets.get(point.properties.marketId))),
    );
  data.indexes.delete(key);
  data.indexes.set(key, index);
  if (data.indexes.size > MAX_INDEXES_PER_SCOPE) data.indexes.delete(data.indexes.keys().next().value!);
  return index;
}

/** The clustering index for the scope and filters, and how many matching traders cannot be placed. */
export async function traderIndex(db: DB, scope: Scope, filters: MapFilters) {
  const data = await scopeView(db, scope);
  const unplaced = data.unplaced.filter((trader) => matches(filters, trader, data.markets.get(trader.marketId))).length;
  return { index: indexFor(data, filters), unplaced };
}

/** Onboarded traders per market in the scope, by coverage status, after the filters. */
export async function traderCountsByMarket(db: DB, scope: Scope, filters: MapFilters): Promise<Map<number, StatusCounts>> {
  const data = await scopeView(db, scope);
  const key = filterKey(filters);
  const known = data.countsByMarket.get(key);
  if (known) return known;
  const counts = new Map<number, StatusCounts>();
  const add = (trader: TraderPoint) => {
    if (!matches(filters, trader, data.markets.get(trader.marketId))) return;
    const market = counts.get(trader.marketId) ?? emptyStatusCounts();
    market[trader.status] += 1;
    counts.set(trader.marketId, market);
  };
  for (const point of data.points) add(point.properties);
  data.unplaced.forEach(add);
  data.countsByMarket.set(key, counts);
  return counts;
}

/** Adds each trader's name (one query per 500). */
export async function withNames(db: DB, traders: TraderPoint[]): Promise<NamedTrader[]> {
  const names = new Map<number, string>();
  for (let offset = 0; offset < traders.length; offset += 500) {
    const ids = traders.slice(offset, offset + 500).map((trader) => trader.traderId);
    const rows = await db.selectFrom("traders").select(["id", "full_name"]).where("id", "in", ids).execute();
    for (const row of rows) names.set(row.id, row.full_name);
  }
  return traders.map((trader) => ({ ...trader, name: names.get(trader.traderId) ?? "" }));
}

export type TraderClusterFeature = {
  type: "Feature";
  id: string | number;
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: { cluster: true; clusterId: number; count: number; expansionZoom: number; counts: StatusCounts } | ({ cluster: false } & NamedTrader);
};

/** The clusters and single traders inside the view, as GeoJSON features. */
export async function clustersInView(db: DB, index: TraderIndex, bbox: Bbox, zoom: number): Promise<TraderClusterFeature[]> {
  const found = index.getClusters(bbox, zoom);
  const singles = await withNames(db, found.flatMap((feature) => ("cluster" in feature.properties ? [] : [feature.properties as TraderPoint])));
  const named = new Map(singles.map((trader) => [trader.traderId, trader]));
  return found.map((feature) => {
    const [lng, lat] = feature.geometry.coordinates;
    const geometry = { type: "Point" as const, coordinates: [roundCoordinate(lng), roundCoordinate(lat)] as [number, number] };
    const props = feature.properties;
    if ("cluster" in props && props.cluster) {
      const { aktif, menunggak, nonaktif, belum_bayar } = props;
      return {
        type: "Feature",
        id: `c${props.cluster_id}`,
        geometry,
        properties: {
          cluster: true,
          clusterId: props.cluster_id,
          count: props.point_count,
          expansionZoom: index.getClusterExpansionZoom(props.cluster_id),
          counts: { aktif, menunggak, nonaktif, belum_bayar },
        },
      };
    }
    const trader = named.get((props as TraderPoint).traderId)!;
    return { type: "Feature", id: trader.traderId, geometry, properties: { cluster: false, ...trader } };
  });
}

/**
 * Up to `limit` traders of a cluster, by name (for a cluster that cannot split further: a crowded market at
 * the deepest zoom). Null when the id is not a cluster of this index (rebuilt since, or made up).
 */
export async function clusterMembers(db: DB, index: TraderIndex, clusterId: number, limit: number): Promise<NamedTrader[] | null> {
  let leaves: Supercluster.PointFeature<TraderPoint>[];
  try {
    leaves = index.getLeaves(clusterId, limit);
  } catch {
    return null;
  }
  const traders = await withNames(db, leaves.map((leaf) => leaf.properties));
  return traders.sort((a, b) => a.name.localeCompare(b.name, "id"));
}
