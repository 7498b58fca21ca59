import { parseIsoDate, parseMonth } from "./dashboard";
import type { Scope } from "./scope";
import { zoneAbbreviation } from "./business-day";

// What the data exports (markets, MoUs, visits, traders, collections, deposits) read from the URL and how their
// files are named. Pure; the model streams the rows, csv-safety neutralises the cells.

export const DATASETS = ["markets", "mous", "visits", "traders", "collections", "deposits"] as const;
export type Dataset = (typeof DATASETS)[number];
export type ExportFormat = "csv" | "xlsx";

export interface ExportFilter {
  branchId?: number;
  marketId?: number;
  /** Inclusive local dates (business date, planned date or deposit date, by dataset). */
  from?: string;
  to?: string;
}

const positiveId = (value: string | null) => {
  const id = Number(value);
  return value && Number.isSafeInteger(id) && id > 0 ? id : undefined;
};

/** `?branch=ID&market=ID&from=YYYY-MM-DD&to=YYYY-MM-DD`; anything malformed is ignored. */
export function exportFilterOf(params: URLSearchParams): ExportFilter {
  const filter: ExportFilter = {
    branchId: positiveId(params.get("branch")),
    marketId: positiveId(params.get("market")),
    from: parseIsoDate(params.get("from")) ?? undefined,
    to: parseIsoDate(params.get("to")) ?? undefined,
  };
  if (filter.from && filter.to && filter.from > filter.to) [filter.from, filter.to] = [filter.to, filter.from];
  return filter;
}

/**
 * `?month=YYYY-MM&branch=ID` of the monthly report: the month defaults to the current one (`today`, the region's
 * local date); branch staff always get their own branch's report (their table is its markets).
 */
export function monthlyReportRequest(params: URLSearchParams, scope: Scope, today: string): { month: string; branchId: number | null } {
  const month = parseMonth(params.get("month")) ?? today.slice(0, 7);
  const branchId = positiveId(params.get("branch")) ?? (scope.level === "branch" ? scope.branchId : null);
  return { month, branchId };
}

/** `iuran-kc-ptk-2026-11-01-2026-11-30.csv`: ASCII only, safe in a Content-Disposition header. */
export function downloadFileName(prefix: string, parts: readonly (string | undefined)[], extension: string): string {
  const slug = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, "-");
  const words = parts.filter((part): part is string => Boolean(part)).map(slug).filter(Boolean);
  return `${[slug(prefix), ...words].join("-")}.${extension}`;
}

/** Fixed UTC offsets: Indonesia keeps no daylight saving time, so one offset per zone holds all year. */
const OFFSET_MINUTES: Record<string, number> = { "Asia/Pontianak": 420, "Asia/Jakarta": 420, "Asia/Makassar": 480, "Asia/Jayapura": 540 };

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})[^+-]*Z$/;

/**
 * An instant as the market's wall clock, `2026-11-24 09:05 WITA`, by string arithmetic on the ISO text (an export
 * formats a million of them; a Date per row only when the offset crosses midnight).
 */
export function localClock(instantIso: string, timeZone: string): string {
  const offset = OFFSET_MINUTES[timeZone] ?? OFFSET_MINUTES["Asia/Pontianak"];
  const zone = zoneAbbreviation(timeZone);
  const utc = UTC_INSTANT.exec(instantIso);
  const minutes = utc ? Number(utc[1]) * 60 + Number(utc[2]) + offset : Infinity;
  if (minutes < 24 * 60) return `${instantIso.slice(0, 10)} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")} ${zone}`;
  const millis = Date.parse(instantIso);
  if (Number.isNaN(millis)) return instantIso;
  const local = new Date(millis + offset * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} ${zone}`;
}
