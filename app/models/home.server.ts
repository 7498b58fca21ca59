import type { DB } from "../utils/db.server";
import type { SignedInUser } from "./users.server";
import { countMarketsByStage, findMarket, listMarkets } from "./markets.server";
import { listBranchesWithMarketCounts } from "./branches.server";

/** What each role's home page shows, read within the user's scope. */
export async function loadHomeSummary(db: DB, user: SignedInUser) {
  const { scope } = user;
  if (scope.level === "market") {
    const market = await findMarket(db, scope, scope.marketId);
    return { kind: "market" as const, market: market ?? null };
  }
  const stageCounts = await countMarketsByStage(db, scope);
  if (scope.level === "branch") {
    const markets = await listMarkets(db, scope, { pageSize: 10 });
    return { kind: "branch" as const, stageCounts, markets };
  }
  const branches = await listBranchesWithMarketCounts(db, scope);
  if (scope.level === "region") return { kind: "region" as const, stageCounts, branches };
  const activeUsers = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("active", "=", 1)
    .executeTakeFirstOrThrow();
  return { kind: "all" as const, stageCounts, branches, activeUsers: Number(activeUsers.count) };
}

export type HomeSummary = Awaited<ReturnType<typeof loadHomeSummary>>;
