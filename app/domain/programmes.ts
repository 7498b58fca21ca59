import { z } from "zod";
import type { ProgrammePayerType, TraderPayerType } from "../../db/schema";
import { parseRupiah } from "./money";
import { addMonths, isPremiumMonth, monthRange, type RateTable } from "./premium";
import { quoteTrader } from "./trader-form";

// Sponsor (CSR) and regional-budget (APBD) programmes: the form, and what a programme has committed to pay:
// each attached trader's premium for every month it covers, at that month's rates.

export const PROGRAMME_PAYER_TYPES: ProgrammePayerType[] = ["apbd", "sponsor"];
export const MAX_MONTHS_COVERED = 60;

export const programmeSchema = z.object({
  branchId: z.preprocess(
    (value) => (value == null || value === "" ? undefined : Number(value)),
    z.number({ message: "programmes.branchRequired" }).int("programmes.branchRequired").positive("programmes.branchRequired"),
  ),
  name: z.string({ message: "common.required" }).trim().min(1, "common.required").max(120, "common.tooLong"),
  payerType: z.enum(PROGRAMME_PAYER_TYPES as [ProgrammePayerType, ...ProgrammePayerType[]], { message: "common.required" }),
  sponsorName: z.string({ message: "common.required" }).trim().min(1, "common.required").max(160, "common.tooLong"),
  budget: z.preprocess(
    (value) => (typeof value === "string" ? (parseRupiah(value) ?? Number.NaN) : value),
    z.number({ message: "common.invalidNumber" }).int("common.invalidNumber").positive("programmes.budgetPositive"),
  ),
  monthsCovered: z.preprocess(
    (value) => (value == null || value === "" ? undefined : Number(value)),
    z
      .number({ message: "common.invalidNumber" })
      .int("common.invalidNumber")
      .min(1, "programmes.monthsRange")
      .max(MAX_MONTHS_COVERED, "programmes.monthsRange"),
  ),
  startMonth: z.string({ message: "common.required" }).refine(isPremiumMonth, "premium.month"),
});

export type ProgrammeInput = z.infer<typeof programmeSchema>;

/** The months a programme pays for, first to last. */
export function programmeMonths(programme: { startMonth: string; monthsCovered: number }): string[] {
  return monthRange(programme.startMonth, addMonths(programme.startMonth, programme.monthsCovered - 1));
}

/** One trader's premiums over the programme's months (months that cannot be quoted count as zero). */
export function committedFor(
  trader: { nominal: number; jht: boolean | number; payerType: TraderPayerType },
  months: readonly string[],
  table: RateTable,
): number {
  return months.reduce((sum, month) => sum + (quoteTrader(trader, month, table)?.total ?? 0), 0);
}

export interface Commitment {
  committed: number;
  budget: number;
  /** Negative when the commitment exceeds the budget. */
  remaining: number;
  /** Whole percent of the budget committed. */
  percent: number;
}

export function commitmentOf(committed: number, budget: number): Commitment {
  return { committed, budget, remaining: budget - committed, percent: budget > 0 ? Math.round((committed * 100) / budget) : 0 };
}
