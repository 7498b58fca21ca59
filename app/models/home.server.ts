import type { DB } from "../utils/db.server";
import type { SignedInUser } from "./users.server";
import type { BranchSort } from "../domain/dashboard";
import { countMarketsByStage } from "./markets.server";
import { listMouAttention } from "./mous.server";
import { loadBranchDashboard, loadMarketDashboard, loadRegionalDashboard } from "./dashboard.server";

/**
 * Each role's home page, read within the user's scope: the market dashboard for a collector, the branch
 * dashboard for branch staff, the regional dashboard (with stage counts, the progress table and the MoU
 * attention list) for regional heads and admins.
 */
export async function loadHomeSummary(db: DB, user: SignedInUser, options: { now?: Date; sort?: BranchSort } = {}) {
  const now = options.now ?? new Date();
  const { scope } = user;
  if (scope.level === "market") {
    return { kind: "market" as const, dashboard: await loadMarketDashboard(db, scope, scope.marketId, now) };
  }
  if (scope.level === "branch") {
    // The user's own branch is always inside their scope.
    return { kind: "branch" as const, dashboard: (await loadBranchDashboard(db, scope, scope.branchId, { userId: user.id, now }))! };
  }
  const [stageCounts, attention, dashboard] = await Promise.all([
    countMarketsByStage(db, scope),
    listMouAttention(db, scope, now),
    loadRegionalDashboard(db, scope, { now, sort: options.sort }),
  ]);
  const common = { stageCounts, attention, dashboard };
  if (scope.level === "region") return { kind: "region" as const, ...common };
  const activeUsers = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("active", "=", 1)
    .executeTakeFirstOrThrow();
  return { kind: "all" as const, ...common, activeUsers: Number(activeUsers.count) };
}

export type HomeSummary = Awaited<ReturnType<typeof loadHomeSummary>>;
