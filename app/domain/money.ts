// Money is integer rupiah everywhere; these helpers format and parse it, nothing else.

const groupDigits = (digits: string, separator: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** `16800` → `Rp16.800` (id) or `Rp16,800` (en); negatives as `-Rp16.800`. */
export function formatRupiah(amount: number, locale: "id" | "en" = "id"): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Rupiah amounts are whole numbers, got ${amount}`);
  const separator = locale === "id" ? "." : ",";
  const sign = amount < 0 ? "-" : "";
  return `${sign}Rp${groupDigits(String(Math.abs(amount)), separator)}`;
}

/** Reads what a person types: `16.800`, `Rp 16.800`, `16800`. Returns null for anything else. */
export function parseRupiah(input: string): number | null {
  const cleaned = input.replace(/^\s*rp\.?\s*/i, "").replace(/[\s.]/g, "");
  if (!/^\d{1,13}$/.test(cleaned)) return null;
  return Number(cleaned);
}

export function formatInteger(value: number, locale: "id" | "en" = "id"): string {
  const sign = value < 0 ? "-" : "";
  return sign + groupDigits(String(Math.abs(Math.trunc(value))), locale === "id" ? "." : ",");
}
