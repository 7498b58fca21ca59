import type { MarketStage } from "../../db/schema";

/** The pipeline in the order a market moves through it; declined and paused sit beside it. */
export const PIPELINE_STAGES: MarketStage[] = ["identified", "visited", "negotiating", "mou_signed", "collecting"];
export const SIDE_STAGES: MarketStage[] = ["declined", "paused"];
export const ALL_STAGES: MarketStage[] = [...PIPELINE_STAGES, ...SIDE_STAGES];

export function isMarketStage(value: unknown): value is MarketStage {
  return typeof value === "string" && (ALL_STAGES as string[]).includes(value);
}

/** What the records say about a market, independent of the stage someone last set. */
export interface StageFacts {
  hasSignedMou: boolean;
  hasMouInForce: boolean;
}

export type StageChangeError =
  | "pipeline.sameStage"
  | "pipeline.reasonRequired"
  | "pipeline.needsSignedMou"
  | "pipeline.needsMouInForce";

const rank = (stage: MarketStage) => PIPELINE_STAGES.indexOf(stage);

/**
 * Whether staff may move a market from one stage to another by hand. Declining, pausing and moving
 * backwards need a reason; `mou_signed` and `collecting` need the facts behind them, so a stage never
 * runs ahead of the records (no `collecting` without an MoU in force).
 */
export function checkStageChange(
  from: MarketStage,
  to: MarketStage,
  facts: StageFacts,
  reason: string | null | undefined,
): StageChangeError | null {
  if (from === to) return "pipeline.sameStage";
  if (to === "mou_signed" && !facts.hasSignedMou) return "pipeline.needsSignedMou";
  if (to === "collecting" && !facts.hasMouInForce) return "pipeline.needsMouInForce";
  const goesBack = rank(to) >= 0 && rank(from) > rank(to);
  if ((SIDE_STAGES.includes(to) || goesBack) && !reason?.trim()) return "pipeline.reasonRequired";
  return null;
}

/** Stages staff can pick by hand given the facts (the form offers only these). */
export function stagesOpenToStaff(from: MarketStage, facts: StageFacts): MarketStage[] {
  return ALL_STAGES.filter((to) => {
    const error = checkStageChange(from, to, facts, "reason given");
    return error === null;
  });
}

export type StageFact = "mou_signed" | "first_collection";

/**
 * The stage a fact moves a market to, or null when it is already there or beyond.
 * A signed MoU lifts any earlier, declined or paused market to `mou_signed`; the first collection
 * lifts anything short of `collecting`.
 */
export function stageAfterFact(current: MarketStage, fact: StageFact): MarketStage | null {
  if (fact === "first_collection") return current === "collecting" ? null : "collecting";
  return current === "mou_signed" || current === "collecting" ? null : "mou_signed";
}
