import { z } from "zod";
import { businessDate } from "./business-day";

// The regional head's target form; messages are i18n keys.
const optionalCount = z.preprocess(
  (value) => (value === "" || value == null ? null : Number(String(value).replace(/\./g, ""))),
  z.number({ invalid_type_error: "branch.targetInvalid" }).int("branch.targetInvalid").min(0, "branch.targetInvalid").max(1e12, "branch.targetTooLarge").nullable(),
);

export const branchTargetSchema = z.object({
  year: z.coerce.number({ invalid_type_error: "branch.yearInvalid" }).int("branch.yearInvalid").min(2020, "branch.yearInvalid").max(2100, "branch.yearInvalid"),
  marketsWithMou: z.coerce.number({ invalid_type_error: "branch.targetInvalid" }).int("branch.targetInvalid").min(0, "branch.targetInvalid").max(1000, "branch.targetTooLarge"),
  tradersEnrolled: optionalCount,
  monthlyCollections: optionalCount,
});

/** The current year on the regional office's (WITA) calendar. */
export function currentCampaignYear(now: Date): number {
  return Number(businessDate(now, "Asia/Makassar").slice(0, 4));
}

/** The year a request asks for (`?year=`), or the current one; out-of-range values fall back too. */
export function requestedYear(raw: string | null, now: Date): number {
  const year = Number(raw);
  return Number.isInteger(year) && year >= 2020 && year <= 2100 ? year : currentCampaignYear(now);
}
