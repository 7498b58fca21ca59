import type { ZodError } from "zod";
import type { MessageKey } from "../../i18n";

// What an import decides about each row, before anything is written: create, update, or skip
// (error), and why. Warnings do not stop a row; errors do. Reasons are message keys + parameters so
// the page shows them in the reader's language and the API in English.

export type RowAction = "create" | "update";
export type RowStatus = "error" | "warning" | RowAction;
/** Errors first: they are what the person has to fix. */
export const ROW_STATUSES: RowStatus[] = ["error", "warning", "update", "create"];

export interface Reason {
  code: MessageKey;
  params?: Record<string, string | number>;
  /** The column the reason is about, as the file named it, when the message does not name it itself. */
  column?: string;
}

export interface ClassifiedRow<V> {
  row: number;
  status: RowStatus;
  /** What committing would do with the row; null when it has errors. */
  action: RowAction | null;
  reasons: Reason[];
  /** The row's cells by field, as typed. */
  values: Record<string, string>;
  /** The parsed row, ready to write; null when it has errors. */
  data: V | null;
}

export type StatusCounts = Record<RowStatus, number> & { total: number; valid: number };

export interface ImportPreview<V> {
  counts: StatusCounts;
  rows: ClassifiedRow<V>[];
  /** Headers matching no column, whose cells were not read. */
  ignoredColumns: string[];
}

export interface RowVerdict<V> {
  errors: Reason[];
  warnings: Reason[];
  /** Facts worth showing that change nothing (which record an update touches). */
  notes?: Reason[];
  action: RowAction;
  data: V;
}

export function classifyRow<V>(row: number, values: Record<string, string>, verdict: RowVerdict<V>): ClassifiedRow<V> {
  const failed = verdict.errors.length > 0;
  return {
    row,
    status: failed ? "error" : verdict.warnings.length > 0 ? "warning" : verdict.action,
    action: failed ? null : verdict.action,
    reasons: [...verdict.errors, ...verdict.warnings, ...(verdict.notes ?? [])],
    values,
    data: failed ? null : verdict.data,
  };
}

/** A row that cannot be imported, decided before there is anything to write. */
export function rejectedRow(row: number, values: Record<string, string>, errors: Reason[], warnings: Reason[] = []): ClassifiedRow<never> {
  return { row, status: "error", action: null, reasons: [...errors, ...warnings], values, data: null };
}

export function countByStatus(rows: { status: RowStatus }[]): StatusCounts {
  const counts: StatusCounts = { error: 0, warning: 0, update: 0, create: 0, total: rows.length, valid: 0 };
  for (const { status } of rows) counts[status] += 1;
  counts.valid = counts.total - counts.error;
  return counts;
}

/** Errors, then warnings, then updates, then new rows; file order within each. */
export function sortForReview<T extends { row: number; status: RowStatus }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => ROW_STATUSES.indexOf(a.status) - ROW_STATUSES.indexOf(b.status) || a.row - b.row);
}

export function previewOf<V>(rows: ClassifiedRow<V>[], ignoredColumns: string[]): ImportPreview<V> {
  return { counts: countByStatus(rows), rows: sortForReview(rows), ignoredColumns };
}

/** One reason per field a row schema rejected, naming the column as the file wrote it and the value. */
export function reasonsFromZod(error: ZodError, values: Record<string, string>, labelOf: Partial<Record<string, string>>): Reason[] {
  const seen = new Set<string>();
  const reasons: Reason[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    if (seen.has(field)) continue;
    seen.add(field);
    reasons.push({ code: issue.message as MessageKey, params: { column: labelOf[field] ?? field, value: values[field] ?? "" } });
  }
  return reasons;
}

/** A preview without the parsed data, for pages and API answers. */
export function publicRows<V>(rows: ClassifiedRow<V>[]) {
  return rows.map(({ row, status, action, reasons, values }) => ({ row, status, action, reasons, values }));
}

export type PublicRow = ReturnType<typeof publicRows>[number];
