import type { DB } from "../utils/db.server";
import type { Market, MarketStage } from "../../db/schema";
import type { Scope } from "../domain/scope";
import type { FieldErrors } from "../domain/user-form";
import { regencyInProvince, type MarketInput } from "../domain/market-form";
import { findSimilarNames } from "../domain/similar-names";
import { stagesOpenToStaff } from "../domain/pipeline";
import { branchInScope, marketInScope } from "./scope.server";
import { listMous } from "./mous.server";
import { listMarketVisits } from "./visits.server";
import { summariseMarketTraders } from "./traders.server";
import { containsText, pageWindow, toPage } from "./query-helpers.server";
import { insertContacts, listMarketContacts } from "./market-contacts.server";
import { listStageHistory, loadStageFacts } from "./pipeline.server";

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

/** Branches a market can be placed in: the scope's own (the map centre comes from the branch town). */
export async function listBranchChoices(db: DB, scope: Scope) {
  return db
    .selectFrom("branches")
    .where(branchInScope(scope))
    .select(["branches.id", "branches.code", "branches.name", "branches.province_code", "branches.lat", "branches.lng"])
    .orderBy("branches.code")
    .execute();
}

/** The market list page: one page of markets, the regency filter and, above branch level, the branch filter. */
export async function loadMarketList(db: DB, scope: Scope, filters: MarketFilters) {
  const [markets, regencies, branches] = await Promise.all([
    listMarkets(db, scope, filters),
    listMarketRegencies(db, scope),
    scope.level === "all" || scope.level === "region" ? listBranchChoices(db, scope) : [],
  ]);
  return { markets, regencies, branches };
}

export interface SimilarMarket {
  id: number;
  name: string;
  stage: MarketStage;
  branch_code: string;
}

/** Markets in the scope and the same regency whose names look like `name` (possible duplicates). */
async function findSimilarMarkets(db: DB, scope: Scope, input: MarketInput, exceptId: number | null): Promise<SimilarMarket[]> {
  const sameRegency = await db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope))
    .where("markets.regency_code", "=", input.regencyCode)
    .$if(exceptId != null, (qb) => qb.where("markets.id", "!=", exceptId!))
    .select(["markets.id", "markets.name", "markets.stage", "branches.code as branch_code"])
    .orderBy("markets.name")
    .execute();
  return findSimilarNames(input.name, sameRegency);
}

export type MarketSaveResult =
  | { kind: "not_found" }
  | { kind: "invalid"; errors: FieldErrors }
  | { kind: "similar"; similar: SimilarMarket[] }
  | { kind: "saved"; marketId: number };

/**
 * What stops a save before anything is written: a branch outside the scope (not found), a regency
 * code from another province, or a similar name not yet confirmed (checked only when the name or
 * regency is new, so editing other facts does not warn again).
 */
async function checkBeforeSave(
  db: DB,
  scope: Scope,
  input: MarketInput,
  existing: Pick<Market, "id" | "name" | "regency_code"> | null,
): Promise<MarketSaveResult | null> {
  if (scope.level === "market") return { kind: "not_found" };
  const branch = await db
    .selectFrom("branches")
    .select(["branches.id", "branches.province_code"])
    .where(branchInScope(scope))
    .where("branches.id", "=", input.branchId)
    .executeTakeFirst();
  if (!branch) return { kind: "not_found" };
  if (!regencyInProvince(input.regencyCode, branch.province_code)) {
    return { kind: "invalid", errors: { regencyCode: "markets.regencyProvinceMismatch" } };
  }
  const renamed = !existing || existing.name !== input.name || existing.regency_code !== input.regencyCode;
  if (renamed && !input.confirmSimilar) {
    const similar = await findSimilarMarkets(db, scope, input, existing?.id ?? null);
    if (similar.length > 0) return { kind: "similar", similar };
  }
  return null;
}

const marketColumns = (input: MarketInput) => ({
  branch_id: input.branchId,
  name: input.name,
  regency_name: input.regencyName,
  regency_code: input.regencyCode,
  address: input.address,
  lat: input.lat,
  lng: input.lng,
  government_run: input.governmentRun ? 1 : 0,
  operator_type: input.operatorType,
  operator_name: input.operatorName,
  stall_estimate: input.stallEstimate,
  trader_estimate: input.traderEstimate,
  notes: input.notes,
});

type LocationProvenance = Pick<
  Market,
  "lat" | "lng" | "coord_precision" | "location_verified_via" | "location_verified_by_user_id" | "location_verified_at"
>;

/**
 * A confirmed pin becomes "verified" and records who confirmed it, how and when; saving again with the
 * same pin and the same confirmation keeps the original confirmer. Without one the pin is approximate.
 */
function locationColumns(input: MarketInput, userId: number, now: string, previous: LocationProvenance | null) {
  if (!input.locationVerifiedVia || input.lat == null) {
    return { coord_precision: input.coordPrecision, location_verified_via: null, location_verified_by_user_id: null, location_verified_at: null };
  }
  const unchanged =
    previous?.location_verified_via === input.locationVerifiedVia && previous.lat === input.lat && previous.lng === input.lng;
  return {
    coord_precision: "verified" as const,
    location_verified_via: input.locationVerifiedVia,
    location_verified_by_user_id: unchanged ? previous.location_verified_by_user_id : userId,
    location_verified_at: unchanged ? previous.location_verified_at : now,
  };
}

/** Registers a market at stage "identified" with its first history row and contacts, all or nothing. */
export async function createMarket(db: DB, scope: Scope, userId: number, input: MarketInput): Promise<MarketSaveResult> {
  const problem = await checkBeforeSave(db, scope, input, null);
  if (problem) return problem;
  const now = new Date().toISOString();
  const marketId = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("markets")
      .values({ ...marketColumns(input), ...locationColumns(input, userId, now, null), stage: "identified", created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("market_stage_changes")
      .values({ market_id: id, from_stage: null, to_stage: "identified", reason: null, source: "initial", visit_id: null, changed_by_user_id: userId, changed_at: now })
      .execute();
    await insertContacts(trx, id, Object.values(input.contacts), now);
    return id;
  });
  return { kind: "saved", marketId };
}

/** Changes a market's facts (not its stage or contacts, which have their own forms). */
export async function updateMarket(db: DB, scope: Scope, userId: number, marketId: number, input: MarketInput): Promise<MarketSaveResult> {
  const existing = await db
    .selectFrom("markets")
    .select(["markets.id", "markets.name", "markets.regency_code", "markets.lat", "markets.lng", "markets.coord_precision"])
    .select(["markets.location_verified_via", "markets.location_verified_by_user_id", "markets.location_verified_at"])
    .where(marketInScope(scope))
    .where("markets.id", "=", marketId)
    .executeTakeFirst();
  if (!existing) return { kind: "not_found" };
  const problem = await checkBeforeSave(db, scope, input, existing);
  if (problem) return problem;
  const now = new Date().toISOString();
  await db
    .updateTable("markets")
    .set({ ...marketColumns(input), ...locationColumns(input, userId, now, existing), updated_at: now })
    .where("id", "=", marketId)
    .execute();
  return { kind: "saved", marketId };
}

/** The edit page: the market, its contacts and the branches it may be placed in. */
export async function loadMarketEditor(db: DB, scope: Scope, marketId: number) {
  const market = await findMarket(db, scope, marketId);
  if (!market) return null;
  const [contacts, branches] = await Promise.all([listMarketContacts(db, scope, marketId), listBranchChoices(db, scope)]);
  return { market, contacts, branches };
}

/** The market page: facts, who confirmed the pin, contacts, stage history and the stages staff may pick. */
/** Everything the market page shows; visits only for outreach roles (collectors do not plan visits). */
export async function loadMarketPage(db: DB, scope: Scope, marketId: number, options: { withVisits: boolean }) {
  const market = await findMarket(db, scope, marketId);
  if (!market) return null;
  const [contacts, history, facts, mous, visits, traders, verifier] = await Promise.all([
    listMarketContacts(db, scope, marketId),
    listStageHistory(db, scope, marketId),
    loadStageFacts(db, marketId),
    listMous(db, scope, { marketId }),
    options.withVisits ? listMarketVisits(db, scope, marketId) : [],
    summariseMarketTraders(db, scope, marketId),
    market.location_verified_by_user_id == null
      ? null
      : db.selectFrom("users").select("name").where("id", "=", market.location_verified_by_user_id).executeTakeFirst(),
  ]);
  return {
    market: { ...market, location_verified_by: verifier?.name ?? null },
    contacts,
    history,
    mous: mous.rows,
    visits,
    traders,
    stageOptions: stagesOpenToStaff(market.stage, facts),
  };
}
