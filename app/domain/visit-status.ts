import type { VisitStatus } from "../../db/schema";
import { businessDate, formatDate, zoneAbbreviation } from "./business-day";

// Where a visit stands on someone's agenda. Dates are the market's local calendar days (WIB or WITA),
// so "today" and "overdue" flip at the market's midnight, not the server's.

/** A check-in farther than this from the market's pin gets a warning (pins are often area centroids). */
export const CHECK_IN_WARNING_METRES = 1000;

/** Days the agenda's "this week" covers: today and the six days after it. */
export const WEEK_DAYS = 7;

/** `2026-11-30` + 1 → `2026-12-01`. Calendar arithmetic on a plain date, no time zone involved. */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export interface AgendaWindow {
  today: string;
  /** Last day of "this week", inclusive. */
  weekEnd: string;
}

export function agendaWindow(now: Date, timeZone: string): AgendaWindow {
  const today = businessDate(now, timeZone);
  return { today, weekEnd: addDays(today, WEEK_DAYS - 1) };
}

export interface VisitTiming {
  status: VisitStatus;
  planned_date: string;
  outcome_recorded_at: string | null;
}

/** Planned, no outcome yet, and its day has passed in the market's zone. */
export function isOverdue(visit: VisitTiming, timeZone: string, now: Date): boolean {
  return visit.status === "planned" && visit.outcome_recorded_at == null && visit.planned_date < businessDate(now, timeZone);
}

export type AgendaSlot = "overdue" | "today" | "week";

/** Which agenda section a visit belongs in, or null when it is none of them (cancelled, done earlier, later). */
export function agendaSlot(visit: VisitTiming, timeZone: string, now: Date): AgendaSlot | null {
  if (visit.status === "cancelled") return null;
  if (isOverdue(visit, timeZone, now)) return "overdue";
  const { today, weekEnd } = agendaWindow(now, timeZone);
  if (visit.planned_date === today) return "today";
  if (visit.status === "planned" && visit.planned_date > today && visit.planned_date <= weekEnd) return "week";
  return null;
}

/** Whether a date a user typed lies before the market's today. */
export function isBeforeToday(isoDate: string, timeZone: string, now: Date): boolean {
  return isoDate < businessDate(now, timeZone);
}

export function isFarFromMarket(distanceMetres: number | null): boolean {
  return distanceMetres != null && distanceMetres > CHECK_IN_WARNING_METRES;
}

/** A planned date and clock time as the market keeps them: `24 Nov 2026 09.00 WIB` (time and zone when set). */
export function formatSchedule(isoDate: string, time: string | null, timeZone: string, locale: "id" | "en" = "id"): string {
  const day = formatDate(isoDate, locale);
  if (!time) return day;
  return `${day} ${locale === "id" ? time.replace(":", ".") : time} ${zoneAbbreviation(timeZone)}`;
}
