import { z } from "zod";
import type { CoordPrecision, LocationVerification, OperatorType } from "../../db/schema";
import { isInsideIndonesia, parseDegrees } from "./geo";
import { optionalPhoneField } from "./phone";
import type { FieldErrors } from "./user-form";

// One schema for the market form and its manager contacts, read on the server and in the browser.
// Field names are the form's input names; messages are i18n keys.

export const OPERATOR_TYPES: OperatorType[] = ["dinas_upt", "perumda", "other"];
/** Precisions a person picks for an unconfirmed pin; "verified" comes only with a confirmation. */
export const APPROXIMATE_PRECISIONS: Exclude<CoordPrecision, "verified">[] = ["kelurahan", "kecamatan", "town"];
export const LOCATION_CHECKS: LocationVerification[] = ["site", "desk"];

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

const requiredText = (max: number) => z.string({ message: "common.required" }).trim().min(1, "common.required").max(max, "common.tooLong");
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max, "common.tooLong").nullable().default(null));

const checkbox = z.preprocess((value) => value === "1" || value === "on" || value === true, z.boolean());

const optionalCount = z.preprocess(
  (value) => (blankToNull(value) == null ? null : Number(value)),
  z
    .number({ message: "common.invalidNumber" })
    .int("common.invalidNumber")
    .min(0, "markets.countNegative")
    .max(1_000_000, "markets.countTooLarge")
    .nullable(),
);

/** Decimal degrees; a decimal comma ("-0,0391") is read as a point. */
const optionalDegrees = z.preprocess(
  (value) => (blankToNull(value) == null ? null : parseDegrees(String(value))),
  z.number({ message: "markets.coordInvalid" }).finite("markets.coordInvalid").nullable(),
);

export const contactSchema = z
  .object({ name: requiredText(120), role: optionalText(120), phone: optionalPhoneField("markets.phoneInvalid"), whatsapp: checkbox })
  .superRefine((contact, ctx) => {
    if (contact.whatsapp && contact.phone == null) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "markets.whatsappNeedsPhone" });
    }
  });

export type ContactInput = z.infer<typeof contactSchema>;

/** Kemendagri regency/city code, e.g. 61.71 (province 61, Kota Pontianak). */
export const REGENCY_CODE = /^\d{2}\.\d{2}$/;

export const marketSchema = z
  .object({
    name: requiredText(120),
    branchId: z.preprocess(
      (value) => (blankToNull(value) == null ? undefined : Number(value)),
      z.number({ message: "markets.branchRequired" }).int("markets.branchRequired").positive("markets.branchRequired"),
    ),
    regencyName: requiredText(120),
    regencyCode: z.string({ message: "common.required" }).trim().min(1, "common.required").regex(REGENCY_CODE, "markets.regencyCodeFormat"),
    address: optionalText(300),
    lat: optionalDegrees,
    lng: optionalDegrees,
    coordPrecision: z.enum(APPROXIMATE_PRECISIONS as [CoordPrecision, ...CoordPrecision[]], { message: "common.required" }),
    locationVerifiedVia: z.preprocess(blankToNull, z.enum(LOCATION_CHECKS as [LocationVerification]).nullable().default(null)),
    governmentRun: z.enum(["1", "0"], { message: "common.required" }).transform((value) => value === "1"),
    operatorType: z.enum(OPERATOR_TYPES as [OperatorType, ...OperatorType[]], { message: "common.required" }),
    operatorName: optionalText(200),
    stallEstimate: optionalCount,
    traderEstimate: optionalCount,
    notes: optionalText(2000),
    confirmSimilar: checkbox,
    contacts: z.record(z.string(), contactSchema).default({}),
  })
  .superRefine((market, ctx) => {
    const location = (message: string) => ctx.addIssue({ code: "custom", path: ["location"], message });
    if ((market.lat == null) !== (market.lng == null)) location("markets.coordsIncomplete");
    else if (market.lat != null && market.lng != null && !isInsideIndonesia(market.lat, market.lng)) location("markets.outsideIndonesia");
    else if (market.lat == null && market.locationVerifiedVia) location("markets.verifyNeedsPin");
  });

export type MarketInput = z.infer<typeof marketSchema>;

/**
 * Groups `contacts.<key>.<field>` inputs by key, leaving out rows where nothing was typed (an empty
 * contact block on the form is not a contact).
 */
export function contactEntries(form: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const rows: Record<string, Record<string, unknown>> = {};
  for (const [name, value] of Object.entries(form)) {
    const match = /^contacts\.(\w+)\.(\w+)$/.exec(name);
    if (match) (rows[match[1]] ??= {})[match[2]] = value;
  }
  const typed = (row: Record<string, unknown>) => ["name", "role", "phone"].some((field) => String(row[field] ?? "").trim() !== "");
  return Object.fromEntries(Object.entries(rows).filter(([, row]) => typed(row)));
}

export function parseMarketForm(form: Record<string, unknown>) {
  return marketSchema.safeParse({ ...form, contacts: contactEntries(form) });
}

/** One contact block (`contacts.<key>.*`); a blank block fails with "name required". */
export function parseContactForm(form: Record<string, unknown>, key: string) {
  return contactSchema.safeParse(contactEntries(form)[key] ?? {});
}

/** Issues by full field path (`contacts.0.phone`), first message per field; `prefix` names a sub-form. */
export function formErrorsOf(error: z.ZodError, prefix = ""): FieldErrors {
  return Object.fromEntries([...error.issues].reverse().map((issue) => [prefix + (issue.path.join(".") || "form"), issue.message]));
}

/** The regency code must lie in the branch's province (its first two digits). */
export function regencyInProvince(regencyCode: string, provinceCode: string): boolean {
  return regencyCode.slice(0, 2) === provinceCode;
}
