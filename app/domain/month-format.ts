// Premium months (YYYY-MM) as people read them: "November 2026" / "November 2026", "Agustus 2026" / "August 2026".

const formatters = {
  id: new Intl.DateTimeFormat("id-ID", { month: "long", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }),
};

export function formatMonth(month: string, locale: "id" | "en" = "id"): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return formatters[locale].format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** -80.5 → "-80,5%" (id) / "-80.5%" (en); `signed` puts a "+" on a rise. */
export function formatPercent(value: number, locale: "id" | "en" = "id", options: { signed?: boolean } = {}): string {
  const text = `${options.signed && value > 0 ? "+" : ""}${value}`;
  return `${locale === "id" ? text.replace(".", ",") : text}%`;
}

/** 100 basis points → "1%", 50 → "0,5%" (id) / "0.5%" (en). */
export function formatBasisPoints(basisPoints: number, locale: "id" | "en" = "id"): string {
  return formatPercent(basisPoints / 100, locale);
}
