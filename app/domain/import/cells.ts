import { z } from "zod";

// Zod pieces for row schemas: every cell arrives as trimmed text, "" when empty. An empty optional
// cell parses to undefined, so an update can tell "leave as is" from a value.

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const requiredCell = (max: number) =>
  z.string().trim().min(1, "imports.cell.required").max(max, "imports.cell.tooLong");

export const optionalCell = (max: number) => z.preprocess(blankToUndefined, z.string().max(max, "imports.cell.tooLong").optional());

/** A decimal number with a point or, as Indonesian spreadsheets write it, a comma: "-0,0391". */
export function parseDecimal(text: string): number | null {
  const match = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(text.replace(/\s/g, ""));
  return match ? Number(`${match[1]}${match[2]}.${match[3] ?? "0"}`) : null;
}

/** A whole count, allowing thousands grouped by points, commas or spaces: "1.500", "1,500", "1 500". */
export function parseCount(text: string): number | null {
  const compact = text.trim();
  if (/^\d+$/.test(compact)) return Number(compact);
  return /^\d{1,3}([.,\s]\d{3})+$/.test(compact) ? Number(compact.replace(/[.,\s]/g, "")) : null;
}

const YES = new Set(["ya", "y", "yes", "1", "true", "benar", "iya"]);
const NO = new Set(["tidak", "tdk", "t", "no", "n", "0", "false", "bukan"]);

export function parseYesNo(text: string): boolean | null {
  const word = text.trim().toLowerCase();
  return YES.has(word) ? true : NO.has(word) ? false : null;
}

/** A cell parsed by `read`, optional; `message` when the text cannot be read. */
export function parsedCell<T>(read: (text: string) => T | null, message: string) {
  return z.preprocess(blankToUndefined, z.string().optional()).transform((text, ctx): T | undefined => {
    if (text === undefined) return undefined;
    const value = read(text);
    if (value === null) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return value;
  });
}

/** One of a fixed set of choices, by any of its spellings (matched without case, spaces or punctuation). */
export function choiceCell<T extends string>(spellings: Record<T, readonly string[]>, message: string) {
  const key = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "");
  const lookup = new Map<string, T>();
  for (const [choice, names] of Object.entries(spellings) as [T, readonly string[]][]) {
    for (const name of [choice, ...names]) lookup.set(key(name), choice);
  }
  return parsedCell((text) => lookup.get(key(text)) ?? null, message);
}
