import { z } from "zod";

// Indonesian phone numbers as people type them (0812-3456-7890, 62812…, +62 812 …, (0561) 734 567),
// stored in one E.164 form (+6281234567890) so links and duplicate checks work. Pure; safe in the browser.

const SEPARATORS = /[\s\-.()/]/g;

/**
 * The number in E.164 form, or null when it is not a plausible Indonesian number. Mobile numbers
 * (8xx after the country code) have 9–12 digits there; landlines (area code + subscriber) 8–11.
 */
export function normaliseIndonesianPhone(input: string): string | null {
  const compact = input.trim().replace(SEPARATORS, "");
  // "+62 (0)812…" is common on business cards: a trunk 0 after the country code is dropped.
  const match = /^(?:(?:\+|00)?620?|0)([1-9]\d*)$/.exec(compact);
  if (!match) return null;
  const national = match[1];
  const [min, max] = national.startsWith("8") ? [9, 12] : [8, 11];
  if (national.length < min || national.length > max) return null;
  return `+62${national}`;
}

/** `+6281234567890` → `+62 812-3456-7890` for reading aloud; other numbers keep the area code apart. */
export function formatIndonesianPhone(e164: string): string {
  const national = e164.replace(/^\+62/, "");
  if (national === e164) return e164;
  if (national.startsWith("8")) {
    const groups = [national.slice(0, 3), national.slice(3, 7), national.slice(7)].filter(Boolean);
    return `+62 ${groups.join("-")}`;
  }
  // Two-digit area codes are Jakarta/Bandung/… (21, 22, 24, 31, 61); the rest have three.
  const areaLength = /^(21|22|24|31|61)/.test(national) ? 2 : 3;
  return `+62 ${national.slice(0, areaLength)} ${national.slice(areaLength)}`;
}

/** The `tel:` and WhatsApp click-to-chat targets of a stored number. */
export const telHref = (e164: string) => `tel:${e164}`;
export const whatsappHref = (e164: string) => `https://wa.me/${e164.replace(/^\+/, "")}`;

/**
 * An optional phone input for a zod form schema: blank → null, otherwise the E.164 form, or the
 * `invalidMessage` key when it cannot be read.
 */
export function optionalPhoneField(invalidMessage: string) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : value),
    z
      .string()
      .nullable()
      .default(null)
      .transform((value, ctx) => {
        if (value == null) return null;
        const normalised = normaliseIndonesianPhone(value);
        if (!normalised) ctx.addIssue({ code: "custom", message: invalidMessage });
        return normalised;
      }),
  );
}
