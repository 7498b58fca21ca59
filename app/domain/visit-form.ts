import { z } from "zod";
import type { MarketStage, Role, VisitPurpose } from "../../db/schema";
import { ALL_STAGES } from "./pipeline";
import { fieldErrorsOf, type FieldErrors } from "./user-form";

// The visit forms' schemas, read on the server and usable in the browser. Messages are i18n keys.
// Dates and times are what the user typed: the market's local day and clock (WIB or WITA).

/** Who works with visits; collectors have no access to them. */
export const VISIT_ROLES: Role[] = ["admin", "regional_head", "branch_staff"];

export const VISIT_PURPOSES: VisitPurpose[] = ["socialisation", "negotiation", "enrolment_drive", "collection_check", "other"];

const blankToNull = (value: unknown) => (value == null || (typeof value === "string" && value.trim() === "") ? null : value);

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isoDate = z
  .string({ message: "common.required" })
  .trim()
  .min(1, "common.required")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "visits.dateInvalid")
  .refine(isCalendarDate, "visits.dateInvalid");

const optionalDate = z.preprocess(blankToNull, isoDate.nullable());

const optionalTime = z.preprocess(
  blankToNull,
  z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "visits.timeInvalid").nullable(),
);

const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max, "common.tooLong").nullable());
const requiredText = (max: number) =>
  z.string({ message: "common.required" }).trim().min(1, "common.required").max(max, "common.tooLong");

const purpose = z.enum(VISIT_PURPOSES as [VisitPurpose, ...VisitPurpose[]], { message: "common.required" });

/** A count typed by hand: blank means none, otherwise a whole number from 0. */
const count = z.preprocess(
  (value) => (blankToNull(value) == null ? 0 : Number(value)),
  z.number({ message: "common.invalidNumber" }).int("common.invalidNumber").min(0, "visits.notNegative").max(100_000, "visits.tooLarge"),
);

const optionalNumber = (min: number, max: number) =>
  z.preprocess(
    (value) => (blankToNull(value) == null ? null : Number(value)),
    z.number({ message: "common.invalidNumber" }).min(min, "visits.coordsInvalid").max(max, "visits.coordsInvalid").nullable(),
  );

export const planVisitSchema = z.object({
  marketId: z.preprocess(
    (value) => (blankToNull(value) == null ? undefined : Number(value)),
    z.number({ message: "visits.marketRequired" }).int("visits.marketRequired").positive("visits.marketRequired"),
  ),
  plannedDate: isoDate,
  plannedTime: optionalTime,
  purpose,
  staffIds: z.preprocess(
    (value) => (Array.isArray(value) ? value : value == null || value === "" ? [] : [value]).map(Number),
    z.array(z.number().int().positive("visits.staffRequired"), { message: "visits.staffRequired" }).min(1, "visits.staffRequired"),
  ),
  notes: optionalText(1000),
});
export type PlanVisitInput = z.infer<typeof planVisitSchema>;

export const checkInSchema = z
  .object({
    lat: optionalNumber(-90, 90),
    lng: optionalNumber(-180, 180),
    accuracy: optionalNumber(0, 1_000_000),
  })
  .refine((value) => (value.lat == null) === (value.lng == null), { path: ["lat"], message: "visits.coordsInvalid" });
export type CheckInInput = z.infer<typeof checkInSchema>;

export const outcomeSchema = z
  .object({
    peopleMet: optionalText(500),
    tradersSocialised: count,
    tradersEnrolled: count,
    outcomeNotes: requiredText(2000),
    nextStep: optionalText(500),
    stage: z.preprocess(blankToNull, z.enum(ALL_STAGES as [MarketStage, ...MarketStage[]], { message: "visits.stageNotOpen" }).nullable()),
    stageReason: optionalText(500),
    followUpDate: optionalDate,
    followUpTime: optionalTime,
    followUpPurpose: z.preprocess((value) => blankToNull(value) ?? "negotiation", purpose),
  })
  .refine((value) => value.followUpTime == null || value.followUpDate != null, {
    path: ["followUpDate"],
    message: "visits.followUpDateRequired",
  });
export type OutcomeInput = z.infer<typeof outcomeSchema>;

export const cancelSchema = z.object({ reason: requiredText(500) });

export const rescheduleSchema = z.object({ plannedDate: isoDate, plannedTime: optionalTime, reason: requiredText(500) });
export type RescheduleInput = z.infer<typeof rescheduleSchema>;

export type VisitCommand =
  | ({ kind: "checkIn" } & CheckInInput)
  | ({ kind: "outcome" } & OutcomeInput)
  | ({ kind: "cancel" } & z.infer<typeof cancelSchema>)
  | ({ kind: "reschedule" } & RescheduleInput);

export type ParsedCommand = { ok: true; command: VisitCommand } | { ok: false; errors: FieldErrors };

const COMMAND_SCHEMAS = { checkIn: checkInSchema, outcome: outcomeSchema, cancel: cancelSchema, reschedule: rescheduleSchema } as const;

/** One of the things that can be done to a visit, from a form's fields and its intent (limited to `kinds`). */
export function parseVisitCommand(
  intent: unknown,
  values: Record<string, unknown>,
  kinds: VisitCommand["kind"][] = Object.keys(COMMAND_SCHEMAS) as VisitCommand["kind"][],
): ParsedCommand {
  if (typeof intent !== "string" || !(kinds as string[]).includes(intent)) return { ok: false, errors: { form: "visits.unknownAction" } };
  const kind = intent as VisitCommand["kind"];
  const parsed = COMMAND_SCHEMAS[kind].safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error) };
  return { ok: true, command: { kind, ...parsed.data } as VisitCommand };
}

/**
 * A form's fields as an object, keeping every value of the multi-valued ones (checkbox groups). The CSRF
 * token is left out: it was checked already, and the values go back to the page when a field is wrong.
 */
export function formValues(form: FormData, multiple: string[] = []): Record<string, unknown> {
  const values: Record<string, unknown> = Object.fromEntries(form);
  delete values.csrf;
  for (const name of multiple) values[name] = form.getAll(name);
  return values;
}
