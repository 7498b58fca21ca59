import { z } from "zod";
import type { CollectionFrequency, OperatorType } from "../../db/schema";

// The MoU terms form and the signing form; messages are i18n keys.

const text = (max: number) => z.string().trim().max(max, "common.tooLong");
const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? null : value), text(max).nullable().optional());
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "mou.dateInvalid");
const optionalDate = z.preprocess((value) => (value === "" || value == null ? null : value), isoDate.nullable());

/** "7,5" or "7.5" (percent) → 750 basis points; at most 10%. */
export const feePercent = z.preprocess(
  (value) => (typeof value === "string" ? Number(value.replace(",", ".").trim() || "NaN") : value),
  z
    .number({ invalid_type_error: "mou.feeInvalid" })
    .min(0, "mou.feeInvalid")
    .max(10, "mou.feeInvalid")
    // At most two decimals (7.25%), so basis points stay whole.
    .refine((percent) => Math.abs(percent * 100 - Math.round(percent * 100)) < 1e-6, "mou.feeInvalid")
    .transform((percent) => Math.round(percent * 100)),
);

export const mouTermsSchema = z.object({
  counterpartyType: z.enum(["dinas_upt", "perumda", "other"] as [OperatorType, ...OperatorType[]]),
  counterpartyName: text(200).min(1, "common.required"),
  counterpartySignatoryName: optionalText(120),
  counterpartySignatoryTitle: optionalText(120),
  branchSignatoryName: optionalText(120),
  branchSignatoryTitle: optionalText(120),
  collectionFrequency: z.enum(["daily", "weekly", "monthly"] as [CollectionFrequency, ...CollectionFrequency[]]).default("daily"),
  depositSchedule: text(200).min(1, "common.required"),
  collectorFeeBasisPoints: feePercent,
  targetTraders: z.preprocess(
    (value) => (value === "" || value == null ? null : Number(value)),
    z.number({ invalid_type_error: "common.invalidNumber" }).int("common.invalidNumber").min(0, "common.invalidNumber").max(100_000, "common.tooLong").nullable(),
  ),
  specialTerms: optionalText(4000),
  collectorIds: z.array(z.coerce.number().int().positive()).default([]),
});
export type MouTermsInput = z.infer<typeof mouTermsSchema>;

export const mouSigningSchema = z.object({
  signedOn: optionalDate,
  inForceFrom: optionalDate,
  expiresOn: optionalDate,
  counterpartySignatoryName: optionalText(120),
  counterpartySignatoryTitle: optionalText(120),
  branchSignatoryName: optionalText(120),
  branchSignatoryTitle: optionalText(120),
});
export type MouSigningInput = z.infer<typeof mouSigningSchema>;

/** Reads a form where collectors arrive as repeated `collectorIds` fields. */
export function formToObject(form: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = Object.fromEntries(form);
  object.collectorIds = form.getAll("collectorIds");
  return object;
}
