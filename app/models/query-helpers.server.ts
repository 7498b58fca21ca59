import { sql, type Expression, type SqlBool } from "kysely";

/** Case-insensitive "contains" that behaves the same on SQLite and PostgreSQL; % and _ are literal. */
export function containsText(column: string, text: string): Expression<SqlBool> {
  const escaped = text.trim().toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${escaped}%`} escape '\\'`;
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
}

export function pageWindow(page: number | undefined, pageSize: number) {
  const current = Math.max(1, Math.floor(page ?? 1));
  return { page: current, limit: pageSize, offset: (current - 1) * pageSize };
}

export function toPage<T>(rows: T[], total: number | string, page: number, pageSize: number): Page<T> {
  const count = Number(total);
  return { rows, total: count, page, pageCount: Math.max(1, Math.ceil(count / pageSize)) };
}

const KNOWN_ZONES = ["Asia/Pontianak", "Asia/Makassar", "Asia/Jakarta", "Asia/Jayapura"];

/**
 * Each branch's local date as a SQL expression (portable CASE on branches.time_zone), so one query
 * can compare dates on every branch's own day across WIB and WITA.
 */
export function branchLocalDate(now: Date, toLocalDate: (instant: Date, zone: string) => string) {
  const fallback = toLocalDate(now, "Asia/Pontianak");
  const whens = KNOWN_ZONES.map((zone) => sql`when ${zone} then ${toLocalDate(now, zone)}`);
  return sql<string>`(case ${sql.ref("branches.time_zone")} ${sql.join(whens, sql` `)} else ${fallback} end)`;
}

/** Splits a long list so `in (…)` lists and multi-row inserts stay well under every engine's parameter limit. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}
