import type { MouStoredStatus } from "../../db/schema";

// The MoU state machine. People move draft → awaiting_signature → signed, or terminate;
// "in_force" and "expired" follow from the dates on the market's local day and are never set by hand.

export type MouStatus = MouStoredStatus | "in_force" | "expired";
export const MOU_STATUSES: MouStatus[] = ["draft", "awaiting_signature", "signed", "in_force", "expired", "terminated"];

export interface MouDates {
  status: MouStoredStatus;
  in_force_from: string | null;
  expires_on: string | null;
}

/** The status a person sees today (local date `YYYY-MM-DD`). */
export function effectiveMouStatus(mou: MouDates, today: string): MouStatus {
  if (mou.status !== "signed") return mou.status;
  if (!mou.in_force_from || today < mou.in_force_from) return "signed";
  if (mou.expires_on && today > mou.expires_on) return "expired";
  return "in_force";
}

export type MouAction = "submit" | "sign" | "terminate" | "reopen";

export interface SigningDetails {
  counterparty_signatory_name: string | null;
  branch_signatory_name: string | null;
  signed_on: string | null;
  in_force_from: string | null;
  expires_on: string | null;
}

export type MouTransitionError =
  | "mou.notAllowedFromStatus"
  | "mou.needsCounterpartySignatory"
  | "mou.needsBranchSignatory"
  | "mou.needsSignedDate"
  | "mou.needsInForceDates"
  | "mou.inForceAfterExpiry"
  | "mou.signedInFuture"
  | "mou.reasonRequired";

const FROM: Record<MouAction, MouStatus[]> = {
  submit: ["draft"],
  sign: ["draft", "awaiting_signature"],
  reopen: ["awaiting_signature"],
  terminate: ["draft", "awaiting_signature", "signed", "in_force"],
};

const TO: Record<MouAction, MouStoredStatus> = {
  submit: "awaiting_signature",
  sign: "signed",
  reopen: "draft",
  terminate: "terminated",
};

export function storedStatusAfter(action: MouAction): MouStoredStatus {
  return TO[action];
}

export function actionsAvailable(status: MouStatus): MouAction[] {
  return (Object.keys(FROM) as MouAction[]).filter((action) => FROM[action].includes(status));
}

/**
 * Every rule a transition must meet, as message keys saying what is missing. `today` is the market's
 * local date. Signing needs both signatories, the signed date and the in-force period (from ≤ expiry).
 */
export function checkMouTransition(
  current: MouStatus,
  action: MouAction,
  details: SigningDetails & { reason?: string | null },
  today: string,
): MouTransitionError[] {
  if (!FROM[action].includes(current)) return ["mou.notAllowedFromStatus"];
  const errors: MouTransitionError[] = [];
  if (action === "terminate" && !details.reason?.trim()) errors.push("mou.reasonRequired");
  if (action !== "sign") return errors;
  if (!details.counterparty_signatory_name?.trim()) errors.push("mou.needsCounterpartySignatory");
  if (!details.branch_signatory_name?.trim()) errors.push("mou.needsBranchSignatory");
  if (!details.signed_on) errors.push("mou.needsSignedDate");
  else if (details.signed_on > today) errors.push("mou.signedInFuture");
  if (!details.in_force_from || !details.expires_on) errors.push("mou.needsInForceDates");
  else if (details.in_force_from > details.expires_on) errors.push("mou.inForceAfterExpiry");
  return errors;
}

/** Whether two in-force periods share a day (both ends inclusive). */
export function periodsOverlap(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** `MOU/KC-PTK/2026/003`: a sequence per branch and year, zero-padded to three digits. */
export function formatMouNumber(branchCode: string, year: number, sequence: number): string {
  return `MOU/${branchCode}/${year}/${String(sequence).padStart(3, "0")}`;
}

/** Days from `today` to `date` (both YYYY-MM-DD); negative when the date has passed. */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
