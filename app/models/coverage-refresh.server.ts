import type { DB } from "../utils/db.server";
import { refreshMarketCoverage, isCollectableTrader } from "./coverage.server";

// Statuses change with the calendar (a month falls due after the 15th) even when nobody pays, so every trader's
// coverage snapshot is refreshed daily (`npm run coverage:refresh`, e.g. from cron shortly after midnight WIB) and
// at the end of the demo seed. One market at a time keeps each write batch small.

/** Refreshes the coverage of every registered self-paying trader; returns the rows written. */
export async function refreshAllCoverage(db: DB, now = new Date()): Promise<number> {
  const markets = await db
    .selectFrom("traders")
    .where(isCollectableTrader)
    .select("market_id")
    .distinct()
    .orderBy("market_id")
    .execute();
  let written = 0;
  for (const { market_id } of markets) written += await refreshMarketCoverage(db, market_id, now);
  return written;
}
