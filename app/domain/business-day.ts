// Kalimantan Barat (61) and Tengah (62) keep WIB; Selatan (63), Timur (64) and Utara (65) keep WITA.
// A market's business day is its local calendar day, never the server's.

export type KalimantanTimeZone = "Asia/Pontianak" | "Asia/Makassar";

const ZONE_BY_PROVINCE: Record<string, KalimantanTimeZone> = {
  "61": "Asia/Pontianak",
  "62": "Asia/Pontianak",
  "63": "Asia/Makassar",
  "64": "Asia/Makassar",
  "65": "Asia/Makassar",
};

export const KALIMANTAN_PROVINCES: Record<string, string> = {
  "61": "Kalimantan Barat",
  "62": "Kalimantan Tengah",
  "63": "Kalimantan Selatan",
  "64": "Kalimantan Timur",
  "65": "Kalimantan Utara",
};

export function timeZoneForProvince(provinceCode: string): KalimantanTimeZone {
  const zone = ZONE_BY_PROVINCE[provinceCode.slice(0, 2)];
  if (!zone) throw new RangeError(`Province ${provinceCode} is not in Kalimantan`);
  return zone;
}

export function zoneAbbreviation(timeZone: string): string {
  if (timeZone === "Asia/Makassar") return "WITA";
  if (timeZone === "Asia/Jayapura") return "WIT";
  return "WIB";
}

// Building an Intl formatter costs ~50 µs; the ledger asks for dates thousands of times a second.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function businessDate(instant: Date, timeZone: string): string {
  let format = dateFormatters.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormatters.set(timeZone, format);
  }
  return format.format(instant);
}

const MONTHS = {
  id: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

/** `2026-11-24` → `24 Nov 2026`; `2026-08-17` → `17 Agu 2026` in Indonesian. */
export function formatDate(isoDate: string, locale: "id" | "en" = "id"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return `${Number(day)} ${MONTHS[locale][Number(month) - 1]} ${year}`;
}

/** An instant shown in a place's local time: `24 Nov 2026 09.05 WITA`. */
export function formatDateTime(instantIso: string, timeZone: string, locale: "id" | "en" = "id"): string {
  const instant = new Date(instantIso);
  if (Number.isNaN(instant.getTime())) return instantIso;
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
  const separator = locale === "id" ? "." : ":";
  return `${formatDate(businessDate(instant, timeZone), locale)} ${time.replace(":", separator)} ${zoneAbbreviation(timeZone)}`;
}

const LONG_MONTHS = {
  id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** `2026-11-24` → `24 November 2026`, as letters and agreements write it. */
export function formatLongDate(isoDate: string, locale: "id" | "en" = "id"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  return `${Number(match[3])} ${LONG_MONTHS[locale][Number(match[2]) - 1]} ${match[1]}`;
}
