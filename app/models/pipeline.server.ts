import type { DB } from "../utils/db.server";
import type { MarketStage, StageChangeSource } from "../../db/schema";
import type { Scope } from "../domain/scope";
import { checkStageChange, stageAfterFact, type StageChangeError, type StageFact, type StageFacts } from "../domain/pipeline";
import { marketInScope } from "./scope.server";
import { hasMouInForce } from "./mous.server";
import { branchLocalDate } from "./query-helpers.server";
import { businessDate } from "../domain/business-day";

/** What the records say about a market: is an MoU signed, and is one in force on its local today? */
export async function loadStageFacts(db: DB, marketId: number, now = new Date()): Promise<StageFacts> {
  const row = await db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where("markets.id", "=", marketId)
    .select((eb) => [
      eb
        .exists(eb.selectFrom("mous").select("mous.id").whereRef("mous.market_id", "=", "markets.id").where("mous.status", "=", "signed"))
        .as("has_signed"),
      hasMouInForce(branchLocalDate(now, businessDate))(eb).as("in_force"),
    ])
    .executeTakeFirst();
  return { hasSignedMou: Boolean(row?.has_signed), hasMouInForce: Boolean(row?.in_force) };
}

export interface StageChangeInput {
  marketId: number;
  to: MarketStage;
  reason?: string | null;
  source: Exclude<StageChangeSource, "initial">;
  visitId?: number | null;
  userId: number | null;
}

async function writeStageChange(db: DB, from: MarketStage, input: StageChangeInput) {
  const now = new Date().toISOString();
  await db.updateTable("markets").set({ stage: input.to, updated_at: now }).where("id", "=", input.marketId).execute();
  await db
    .insertInto("market_stage_changes")
    .values({
      market_id: input.marketId,
      from_stage: from,
      to_stage: input.to,
      reason: input.reason?.trim() || null,
      source: input.source,
      visit_id: input.visitId ?? null,
      changed_by_user_id: input.userId,
      changed_at: now,
    })
    .execute();
}

/**
 * Moves a market to a stage a person chose, after the pipeline rules agree. Pass a transaction when
 * the change is part of a larger write (a visit outcome). Returns null on success or the rule broken.
 */
export async function changeMarketStage(
  db: DB,
  scope: Scope,
  input: StageChangeInput,
): Promise<{ error: StageChangeError | "not_found" } | null> {
  const market = await db
    .selectFrom("markets")
    .select(["markets.id", "markets.stage"])
    .where(marketInScope(scope))
    .where("markets.id", "=", input.marketId)
    .executeTakeFirst();
  if (!market) return { error: "not_found" };
  const error = checkStageChange(market.stage, input.to, await loadStageFacts(db, market.id), input.reason);
  if (error) return { error };
  await writeStageChange(db, market.stage, input);
  return null;
}

/** Moves a market because a fact happened (MoU signed, first collection); no-op when already there. */
export async function applyStageFact(db: DB, marketId: number, fact: StageFact, userId: number | null) {
  const market = await db.selectFrom("markets").select("stage").where("id", "=", marketId).executeTakeFirstOrThrow();
  const to = stageAfterFact(market.stage, fact);
  if (to) await writeStageChange(db, market.stage, { marketId, to, source: fact === "mou_signed" ? "mou" : "collection", userId });
}

/** The market's stage history, newest first, with who made each change. */
export async function listStageHistory(db: DB, scope: Scope, marketId: number) {
  return db
    .selectFrom("market_stage_changes")
    .innerJoin("markets", "markets.id", "market_stage_changes.market_id")
    .leftJoin("users", "users.id", "market_stage_changes.changed_by_user_id")
    .where(marketInScope(scope))
    .where("market_stage_changes.market_id", "=", marketId)
    .select([
      "market_stage_changes.id",
      "market_stage_changes.from_stage",
      "market_stage_changes.to_stage",
      "market_stage_changes.reason",
      "market_stage_changes.source",
      "market_stage_changes.visit_id",
      "market_stage_changes.changed_at",
      "users.name as changed_by",
    ])
    .orderBy("market_stage_changes.changed_at", "desc")
    .orderBy("market_stage_changes.id", "desc")
    .execute();
}
