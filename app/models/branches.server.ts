import type { DB } from "../utils/db.server";
import type { Scope } from "../domain/scope";
import { branchInScope } from "./scope.server";

/** Branches in scope with how many markets each has and how many are government-run. */
export async function listBranchesWithMarketCounts(db: DB, scope: Scope) {
  const rows = await db
    .selectFrom("branches")
    .leftJoin("markets", "markets.branch_id", "branches.id")
    .where(branchInScope(scope))
    .select((eb) => [
      "branches.id",
      "branches.code",
      "branches.name",
      "branches.town",
      "branches.province_code",
      "branches.time_zone",
      eb.fn.count<number>("markets.id").as("market_count"),
      eb.fn.sum<number>(eb.fn.coalesce("markets.government_run", eb.lit(0))).as("government_run_count"),
    ])
    .groupBy(["branches.id", "branches.code", "branches.name", "branches.town", "branches.province_code", "branches.time_zone"])
    .orderBy("branches.code")
    .execute();
  return rows.map((row) => ({
    ...row,
    market_count: Number(row.market_count),
    government_run_count: Number(row.government_run_count ?? 0),
  }));
}

export async function findBranch(db: DB, scope: Scope, branchId: number) {
  return db.selectFrom("branches").selectAll().where(branchInScope(scope)).where("branches.id", "=", branchId).executeTakeFirst();
}

/** Options for assigning users: regions, branches and markets (admin only, so unscoped by design). */
export async function listPlacementOptions(db: DB) {
  const [regions, branches, markets] = await Promise.all([
    db.selectFrom("regions").select(["id", "name"]).orderBy("name").execute(),
    db.selectFrom("branches").select(["id", "code", "name"]).orderBy("code").execute(),
    db
      .selectFrom("markets")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .select(["markets.id", "markets.name", "branches.code as branch_code"])
      .orderBy("branches.code")
      .orderBy("markets.name")
      .execute(),
  ]);
  return { regions, branches, markets };
}
