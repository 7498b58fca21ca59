import type { DB } from "../utils/db.server";
import type { MarketStage } from "../../db/schema";
import type { Scope } from "../domain/scope";
import { businessDate } from "../domain/business-day";
import { DEFAULT_MARKETS_WITH_MOU_TARGET, monthRange, trafficLight, type TrafficLight } from "../domain/progress";
import { branchInScope } from "./scope.server";
import { branchLocalDate } from "./query-helpers.server";
import { hasMouInForce } from "./mous.server";

export interface BranchProgressRow {
  branchId: number;
  code: string;
  name: string;
  town: string;
  timeZone: string;
  year: number;
  target: number;
  targetIsDefault: boolean;
  tradersTarget: number | null;
  monthlyCollectionsTarget: number | null;
  governmentMarketsWithMou: number;
  light: TrafficLight;
  marketsByStage: Partial<Record<MarketStage, number>>;
  visitsDoneThisMonth: number;
  overdueVisits: number;
}

/**
 * One row per branch in scope: government-run markets with an MoU in force (on each branch's local
 * day, or on 31 December for a past year) against the year's target, markets per stage and visits.
 */
export async function listBranchProgress(db: DB, scope: Scope, options: { year: number; now?: Date; branchId?: number }) {
  const now = options.now ?? new Date();
  const today = branchLocalDate(now, businessDate);
  const firstOfThisMonth = branchLocalDate(now, (instant, zone) => monthRange(businessDate(instant, zone)).first);
  // A past year is judged on its last day; the current year on each branch's today.
  const currentYear = Number(businessDate(now, "Asia/Makassar").slice(0, 4));
  const mouDate = options.year < currentYear ? `${options.year}-12-31` : today;

  const branches = await db
    .selectFrom("branches")
    .leftJoin("branch_targets", (join) =>
      join.onRef("branch_targets.branch_id", "=", "branches.id").on("branch_targets.year", "=", options.year),
    )
    .where(branchInScope(scope))
    .$if(options.branchId != null, (qb) => qb.where("branches.id", "=", options.branchId!))
    .select([
      "branches.id",
      "branches.code",
      "branches.name",
      "branches.town",
      "branches.time_zone",
      "branch_targets.markets_with_mou",
      "branch_targets.traders_enrolled",
      "branch_targets.monthly_collections",
    ])
    .orderBy("branches.code")
    .execute();
  const branchIds = branches.map((b) => b.id);
  if (branchIds.length === 0) return [];

  const [withMou, stages, visits] = await Promise.all([
    db
      .selectFrom("markets")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .where("markets.branch_id", "in", branchIds)
      .where("markets.government_run", "=", 1)
      .where(hasMouInForce(mouDate))
      .select(["markets.branch_id", (eb) => eb.fn.countAll<number>().as("count")])
      .groupBy("markets.branch_id")
      .execute(),
    db
      .selectFrom("markets")
      .where("markets.branch_id", "in", branchIds)
      .select(["markets.branch_id", "markets.stage", (eb) => eb.fn.countAll<number>().as("count")])
      .groupBy(["markets.branch_id", "markets.stage"])
      .execute(),
    db
      .selectFrom("visits")
      .innerJoin("markets", "markets.id", "visits.market_id")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .where("markets.branch_id", "in", branchIds)
      .select((eb) => [
        "markets.branch_id",
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.and([eb("visits.status", "=", "done"), eb("visits.planned_date", ">=", firstOfThisMonth)]))
              .then(1)
              .else(0)
              .end(),
          )
          .as("done_this_month"),
        eb.fn
          .sum<number>(eb.case().when(eb.and([eb("visits.status", "=", "planned"), eb("visits.planned_date", "<", today)])).then(1).else(0).end())
          .as("overdue"),
      ])
      .groupBy("markets.branch_id")
      .execute(),
  ]);

  const countBy = (rows: { branch_id: number; count: number | string }[]) => new Map(rows.map((r) => [r.branch_id, Number(r.count)]));
  const mouCounts = countBy(withMou);
  const visitCounts = new Map(visits.map((v) => [v.branch_id, v]));
  return branches.map((branch): BranchProgressRow => {
    const target = branch.markets_with_mou ?? DEFAULT_MARKETS_WITH_MOU_TARGET;
    const achieved = mouCounts.get(branch.id) ?? 0;
    const marketsByStage: Partial<Record<MarketStage, number>> = {};
    for (const row of stages) if (row.branch_id === branch.id) marketsByStage[row.stage] = Number(row.count);
    const visit = visitCounts.get(branch.id);
    return {
      branchId: branch.id,
      code: branch.code,
      name: branch.name,
      town: branch.town,
      timeZone: branch.time_zone,
      year: options.year,
      target,
      targetIsDefault: branch.markets_with_mou == null,
      tradersTarget: branch.traders_enrolled,
      monthlyCollectionsTarget: branch.monthly_collections,
      governmentMarketsWithMou: achieved,
      light: trafficLight(achieved, target),
      marketsByStage,
      visitsDoneThisMonth: Number(visit?.done_this_month ?? 0),
      overdueVisits: Number(visit?.overdue ?? 0),
    };
  });
}

export interface BranchTargetInput {
  branchId: number;
  year: number;
  marketsWithMou: number;
  tradersEnrolled: number | null;
  monthlyCollections: number | null;
  userId: number;
}

/** Sets a branch's targets for a year (insert or update). Returns false when the branch is out of scope. */
export async function setBranchTarget(db: DB, scope: Scope, input: BranchTargetInput): Promise<boolean> {
  const branch = await db.selectFrom("branches").select("id").where(branchInScope(scope)).where("branches.id", "=", input.branchId).executeTakeFirst();
  if (!branch) return false;
  const values = {
    markets_with_mou: input.marketsWithMou,
    traders_enrolled: input.tradersEnrolled,
    monthly_collections: input.monthlyCollections,
    set_by_user_id: input.userId,
    updated_at: new Date().toISOString(),
  };
  await db
    .insertInto("branch_targets")
    .values({ branch_id: input.branchId, year: input.year, ...values })
    .onConflict((oc) => oc.columns(["branch_id", "year"]).doUpdateSet(values))
    .execute();
  return true;
}
