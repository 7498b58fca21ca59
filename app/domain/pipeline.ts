import type { MarketStage } from "../../db/schema";

/** The pipeline in the order a market moves through it; declined and paused sit beside it. */
export const PIPELINE_STAGES: MarketStage[] = ["identified", "visited", "negotiating", "mou_signed", "collecting"];
export const SIDE_STAGES: MarketStage[] = ["declined", "paused"];
export const ALL_STAGES: MarketStage[] = [...PIPELINE_STAGES, ...SIDE_STAGES];

export function isMarketStage(value: unknown): value is MarketStage {
  return typeof value === "string" && (ALL_STAGES as string[]).includes(value);
}
