import { z } from "zod";
import type { DepositChannel, Role } from "../../db/schema";
import { parseRupiah } from "./money";
import type { FieldErrors } from "./user-form";

// Recording and verifying a bank deposit: the form (read on the server, usable in the browser) and the rules
// that need the covered days. Messages are i18n keys. Dates are the market's local days.

export const DEPOSIT_CHANNELS: readonly DepositChannel[] = ["BRI", "BNI", "Mandiri", "Pos", "other"];

/** Who may record a deposit; who may verify one (never the person who recorded it). */
export const DEPOSIT_RECORDER_ROLES: Role[] = ["admin", "branch_staff", "market_collector"];
export const DEPOSIT_VERIFIER_ROLES: Role[] = ["admin", "branch_staff"];

export const REFERENCE_MAX = 60;
export const NOTE_MAX = 500;
/** A deposit above this is a typing mistake (Rp10 billion; a busy market collects a few million a week). */
export const DEPOSIT_AMOUNT_MAX = 10_000_000_000;

const blankToNull = (value: unknown) => (value == null || (typeof value === "string" && value.trim() === "") ? null : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isCalendarDate = (value: string) =>
  DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

export const depositSchema = z.object({
  marketId: z.preprocess(
    (value) => (blankToNull(value) == null ? undefined : Number(value)),
    z.number({ message: "deposits.marketRequired" }).int("deposits.marketRequired").positive("deposits.marketRequired"),
  ),
  channel: z.enum(DEPOSIT_CHANNELS as [DepositChannel, ...DepositChannel[]], { message: "common.required" }),
  reference: z.string({ message: "common.required" }).trim().min(1, "common.required").max(REFERENCE_MAX, "common.tooLong"),
  amount: z.preprocess(
    (value) => (typeof value === "string" ? (parseRupiah(value) ?? Number.NaN) : value),
    z
      .number({ message: "common.invalidNumber" })
      .int("common.invalidNumber")
      .positive("deposits.amountPositive")
      .max(DEPOSIT_AMOUNT_MAX, "deposits.amountTooLarge"),
  ),
  depositDate: z.string({ message: "common.required" }).trim().refine(isCalendarDate, "deposits.dateInvalid"),
  days: z.preprocess(
    (value) => (value == null ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.string().refine(isCalendarDate, "deposits.dateInvalid")).min(1, "deposits.daysRequired"),
  ),
  note: z.preprocess(blankToNull, z.string().trim().max(NOTE_MAX, "common.tooLong").nullable().default(null)),
});

export type DepositInput = z.infer<typeof depositSchema>;

/** A form's fields as the schema reads them: `days` may repeat (one checkbox per closed day). */
export function depositFormValues(form: FormData): Record<string, unknown> {
  return { ...Object.fromEntries(form), days: form.getAll("days").map(String) };
}

/** Deposited minus counted: positive when more went to the bank than was counted at close. */
export function depositDifference(amount: number, countedTotal: number): number {
  return amount - countedTotal;
}

/**
 * What is wrong with a deposit once its days are known. `coverable` are the market's closed days no other
 * recorded-or-verified deposit covers, with their counted cash; `today` is the market's local date.
 */
export function depositProblems(
  input: Pick<DepositInput, "amount" | "depositDate" | "days" | "note">,
  coverable: readonly { date: string; counted: number }[],
  today: string,
): FieldErrors {
  const errors: FieldErrors = {};
  const byDate = new Map(coverable.map((day) => [day.date, day.counted]));
  if (new Set(input.days).size !== input.days.length || input.days.some((date) => !byDate.has(date))) {
    errors.days = "deposits.dayNotCoverable";
  }
  if (input.depositDate > today) errors.depositDate = "deposits.dateFuture";
  else if (input.days.some((date) => date > input.depositDate)) errors.depositDate = "deposits.dateBeforeDays";
  const counted = input.days.reduce((total, date) => total + (byDate.get(date) ?? 0), 0);
  if (!errors.days && depositDifference(input.amount, counted) !== 0 && !input.note) errors.note = "deposits.differenceNeedsNote";
  return errors;
}

export type VerifyProblem = "deposits.notAwaiting" | "deposits.ownDeposit" | "deposits.reasonRequired";

/** Whether a person may verify (or reject) a deposit; reasons are i18n keys. */
export function verificationProblem(
  deposit: { status: string; recordedByUserId: number },
  verifierId: number,
  decision: { verdict: "verify" | "reject"; reason: string | null },
): VerifyProblem | null {
  if (deposit.status !== "recorded") return "deposits.notAwaiting";
  if (deposit.recordedByUserId === verifierId) return "deposits.ownDeposit";
  if (decision.verdict === "reject" && !decision.reason?.trim()) return "deposits.reasonRequired";
  return null;
}

/** Whether a person may review this deposit at all (the page offers the form only then). */
export function mayReview(deposit: { status: string; recordedByUserId: number }, user: { id: number; role: Role }): boolean {
  return DEPOSIT_VERIFIER_ROLES.includes(user.role) && verificationProblem(deposit, user.id, { verdict: "verify", reason: null }) === null;
}

export const verifySchema = z.object({
  verdict: z.enum(["verify", "reject"], { message: "common.required" }),
  reason: z.preprocess(blankToNull, z.string().trim().max(NOTE_MAX, "common.tooLong").nullable().default(null)),
});
