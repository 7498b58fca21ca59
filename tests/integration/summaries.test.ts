import { describe, expect, it } from "vitest";
import { getDb } from "../../app/utils/db.server";
import { recordCollections, reverseEntry } from "../../app/models/collections.server";
import { rebuildSummaries } from "../../app/models/summaries.server";

// The summary tables are written incrementally, in the same transaction as each ledger write (6A's collections
// model); `npm run summaries:rebuild` recomputes them from the ledger. Both ways must give the same figures.

const db = () => getDb();

/** The demo region's markets: the test fixture's second region writes one ledger row without its summary. */
const demoMarkets = () =>
  db().selectFrom("markets").innerJoin("branches", "branches.id", "markets.branch_id").innerJoin("regions", "regions.id", "branches.region_id").where("regions.code", "=", "KW-KAL").select("markets.id");

async function snapshot() {
  const [days, coverage] = await Promise.all([
    db()
      .selectFrom("daily_market_collections")
      .where("market_id", "in", demoMarkets())
      .select(["market_id", "business_date", "entries_count", "total_amount"])
      .orderBy("market_id")
      .orderBy("business_date")
      .execute(),
    db()
      .selectFrom("trader_coverage")
      .where("market_id", "in", demoMarkets())
      .select([
        "trader_id",
        "market_id",
        "status",
        "paid_through",
        "months_behind",
        "amount_owed",
        "total_paid",
        "credit",
        "current_month",
        "current_premium",
        "current_paid",
        "last_paid_on",
        "computed_on",
      ])
      .orderBy("trader_id")
      .execute(),
  ]);
  return { days, coverage };
}

describe("summary tables", () => {
  it("rebuilt from the ledger equal the ones kept up to date with every write", async () => {
    const collector = await db().selectFrom("users").select("id").where("email", "=", "kolektor.flamboyan@demo.id").executeTakeFirstOrThrow();
    const traders = await db()
      .selectFrom("traders")
      .innerJoin("markets", "markets.id", "traders.market_id")
      .where("markets.name", "=", "Pasar Flamboyan")
      .where("traders.status", "=", "registered")
      .where("traders.payer_type", "=", "mandiri")
      .select("traders.id")
      .orderBy("traders.id")
      .limit(5)
      .execute();
    const scope = { level: "all" as const };
    const now = new Date();
    const results = await recordCollections(db(), scope, {
      collectorUserId: collector.id,
      now,
      entries: traders.map((trader, index) => ({
        idempotencyKey: `summary-test-${index}`,
        traderId: trader.id,
        amount: 1_000 * (index + 1),
        collectedAt: new Date(now.getTime() - 60_000).toISOString(),
      })),
    });
    expect(results.every((result) => result.ok)).toBe(true);
    const first = results[0];
    if (!first.ok) throw new Error("refused");
    const admin = await db().selectFrom("users").select("id").where("email", "=", "admin@demo.id").executeTakeFirstOrThrow();
    expect(await reverseEntry(db(), scope, { entryId: first.entryId, reason: "Salah pedagang", userId: admin.id, role: "admin", now })).toMatchObject({ ok: true });

    const incremental = await snapshot();
    expect(incremental.days.length).toBeGreaterThan(0);
    const written = await rebuildSummaries(db(), now);
    expect(written.dailyMarketCollections).toBeGreaterThanOrEqual(incremental.days.length);
    expect(written.traderCoverage).toBeGreaterThanOrEqual(incremental.coverage.length);
    expect(await snapshot()).toEqual(incremental);
  });

  it("rebuilt, repair a summary that drifted from the ledger", async () => {
    const row = await db().selectFrom("daily_market_collections").selectAll().orderBy("business_date", "desc").executeTakeFirstOrThrow();
    const before = await snapshot();
    await db().updateTable("daily_market_collections").set({ total_amount: row.total_amount + 999 }).where("market_id", "=", row.market_id).where("business_date", "=", row.business_date).execute();
    await db().deleteFrom("trader_coverage").where("market_id", "=", row.market_id).execute();
    await rebuildSummaries(db());
    expect(await snapshot()).toEqual(before);
  });
});
