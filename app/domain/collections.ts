// Rules of the daily collection ledger that need no database: which business day an entry counts toward,
// which amounts are acceptable, how receipt numbers are formed, who may reverse an entry.

import type { Role } from "../../db/schema";
import { businessDate } from "./business-day";
import type { Scope } from "./scope";

/** A device clock may run a little ahead of the server's. */
export const CLOCK_SKEW_MS = 5 * 60_000;
export const MAX_BATCH_ENTRIES = 500;
export const REASON_MAX = 200;
export const NOTE_MAX = 500;

/** Who may record and see collections (within their scope); reopening a day is for the non-collectors. */
export const COLLECTION_ROLES: Role[] = ["admin", "regional_head", "branch_staff", "market_collector"];
export const REOPEN_ROLES: Role[] = ["admin", "regional_head", "branch_staff"];

/** The market a sheet is for: a collector's own; anyone else names one (`?market=ID`), null = let them choose. */
export function collectMarketId(scope: Scope, requested: string | null | undefined): number | null {
  if (scope.level === "market") return scope.marketId;
  const id = Number(requested);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export type RefusalReason =
  | "invalid"
  | "notWhole"
  | "notPositive"
  | "overCeiling"
  | "trader"
  | "notRegistered"
  | "notSelfPaying"
  | "noMou"
  | "future"
  | "dayClosed"
  | "keyReused";

/** The message key a refusal is reported with (API and sheet alike). */
export const refusalKey = (reason: RefusalReason) => `collections.refused.${reason}` as const;

/** Why an amount cannot be recorded as a payment, or null when it can. */
export function amountProblem(amount: unknown, ceiling: number): RefusalReason | null {
  if (typeof amount !== "number" || !Number.isFinite(amount)) return "notWhole";
  if (!Number.isInteger(amount)) return "notWhole";
  if (amount <= 0) return "notPositive";
  return amount > ceiling ? "overCeiling" : null;
}

export interface DayState {
  status: "open" | "closed";
  /** ISO instant of the latest close. */
  closedAt: string | null;
}

export interface PlacementInput {
  collectedAt: Date;
  now: Date;
  timeZone: string;
  /** The stored state of a market day; undefined = no row yet (an open day). */
  dayState: (date: string) => DayState | undefined;
}

export type Placement = { businessDate: string } | { refused: "future" | "dayClosed" };

const isClosed = (state: DayState | undefined) => state?.status === "closed";

/**
 * The business day an entry counts toward. Normally the market-local date of collectedAt. When that day is
 * already closed, cash taken after the count (collectedAt after closedAt) goes to today's open day, since it
 * was not in the counted cash; cash taken before the count belonged in it, so it is refused (staff can reopen
 * the day). A device clock slightly ahead of the server is tolerated; further ahead is refused.
 */
export function placeEntry({ collectedAt, now, timeZone, dayState }: PlacementInput): Placement {
  if (collectedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) return { refused: "future" };
  const today = businessDate(now, timeZone);
  const local = businessDate(collectedAt, timeZone);
  const date = local > today ? today : local;
  const state = dayState(date);
  if (!isClosed(state)) return { businessDate: date };
  const afterCount = state?.closedAt != null && collectedAt.toISOString() > state.closedAt;
  if (afterCount && date < today && !isClosed(dayState(today))) return { businessDate: today };
  return { refused: "dayClosed" };
}

/** `KC-PTK` → `PTK`, `KCP-KPS` → `KPS`: the office letters without the office-type prefix. */
export function branchShortCode(branchCode: string): string {
  const tail = branchCode.split("-").slice(1).join("") || branchCode;
  return tail.replace(/[^A-Za-z0-9]/g, "").toUpperCase();
}

const NOISE_WORDS = new Set(["PASAR", "DEMO", "UJI"]);

/** Three letters from a market's name: `Pasar Flamboyan` → `FLM`, `Pasar Pagi Samarinda` → `PSM`. */
export function marketAbbreviation(name: string): string {
  const words = name
    .toUpperCase()
    .replace(/[^A-Z0-9 ]/g, " ")
    .split(/\s+/)
    .filter((word) => word && !NOISE_WORDS.has(word));
  if (words.length === 0) return "PSR";
  const initials = words.map((word) => word[0]).join("");
  // Short of three initials: the last word's consonants, then its other letters.
  const rest = words[words.length - 1].slice(1);
  return (initials + rest.replace(/[AEIOU]/g, "") + rest).slice(0, 3).padEnd(3, "X");
}

/**
 * Short codes for a branch's markets, unique within the branch. Markets are taken oldest first (by id), so an
 * existing market keeps its code when a newer one with a similar name arrives; a clash gets a digit.
 */
export function marketShortCodes(markets: readonly { id: number; name: string }[]): Map<number, string> {
  const codes = new Map<number, string>();
  const taken = new Set<string>();
  for (const market of [...markets].sort((a, b) => a.id - b.id)) {
    const base = marketAbbreviation(market.name);
    let code = base;
    for (let suffix = 2; taken.has(code); suffix += 1) code = `${base}${suffix}`;
    taken.add(code);
    codes.set(market.id, code);
  }
  return codes;
}

/** `PTK-FLM-20261123-0042`: branch, market, business date, per-market-per-day sequence. */
export function receiptNumber(branchShort: string, marketShort: string, date: string, sequence: number): string {
  return `${branchShort}-${marketShort}-${date.replace(/-/g, "")}-${String(sequence).padStart(4, "0")}`;
}

export const RECEIPT_PATTERN = /^[A-Z0-9]{1,10}-[A-Z0-9]{2,6}-\d{8}-\d{4,}$/;

export type ReversalRefusal = "notAllowed" | "reasonRequired" | "reversal" | "alreadyReversed";

export interface ReversalCheck {
  role: Role;
  userId: number;
  entry: { kind: "payment" | "reversal"; collectorUserId: number; businessDate: string; reversed: boolean };
  dayClosed: boolean;
  today: string;
  reason: string;
}

/**
 * A collector may undo their own entry while its day is today and still open; after that only branch staff
 * (or a regional head or admin, within scope) may. Every reversal names a reason.
 */
export function reversalProblem({ role, userId, entry, dayClosed, today, reason }: ReversalCheck): ReversalRefusal | null {
  if (entry.kind === "reversal") return "reversal";
  if (entry.reversed) return "alreadyReversed";
  if (role === "market_collector") {
    const ownOpenToday = entry.collectorUserId === userId && entry.businessDate === today && !dayClosed;
    if (!ownOpenToday) return "notAllowed";
  }
  const trimmed = reason.trim();
  return trimmed === "" || trimmed.length > REASON_MAX ? "reasonRequired" : null;
}

export type CloseDayProblem = "countedCash" | "noteRequired" | "future" | "alreadyClosed";

/** What stops a day from being closed with this counted cash and note, or null. */
export function closeDayProblem(input: {
  date: string;
  today: string;
  status: "open" | "closed";
  countedCash: number | null;
  recordedTotal: number;
  note: string;
}): CloseDayProblem | null {
  if (input.date > input.today) return "future";
  if (input.status === "closed") return "alreadyClosed";
  if (input.countedCash == null || !Number.isSafeInteger(input.countedCash) || input.countedCash < 0) return "countedCash";
  const note = input.note.trim();
  if (input.countedCash !== input.recordedTotal && note === "") return "noteRequired";
  return note.length > NOTE_MAX ? "noteRequired" : null;
}

/** The text a trader receives (WhatsApp share, printed receipt footer). */
export function receiptText(lines: { label: string; value: string }[], title: string): string {
  return [title, ...lines.map((line) => `${line.label}: ${line.value}`)].join("\n");
}

/** `https://wa.me/6281234567890?text=…`; without a number the person picks the chat. */
export function whatsappLink(phone: string | null, text: string): string {
  const number = phone ? phone.replace(/\D/g, "") : "";
  return `https://wa.me/${number}?text=${encodeURIComponent(text)}`;
}

export interface CollectionEntryInput {
  idempotencyKey: string;
  traderId: number;
  amount: number;
  collectedAt: Date;
  deviceId: string | null;
}

export type ParsedEntry = { ok: true; entry: CollectionEntryInput } | { ok: false; idempotencyKey: string | null; reason: RefusalReason };

const KEY_PATTERN = /^[A-Za-z0-9:_.-]{8,100}$/;
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** One entry of a batch as sent by a client (untrusted JSON), checked field by field. */
export function parseEntry(raw: unknown, ceiling: number): ParsedEntry {
  const record = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const { idempotencyKey, traderId, amount, collectedAt, deviceId } = record;
  const key = typeof idempotencyKey === "string" && KEY_PATTERN.test(idempotencyKey) ? idempotencyKey : null;
  const instant = typeof collectedAt === "string" && INSTANT_PATTERN.test(collectedAt) ? new Date(collectedAt) : null;
  const validDevice = deviceId == null || (typeof deviceId === "string" && deviceId.length <= 100);
  if (!key || !Number.isSafeInteger(traderId) || (traderId as number) <= 0 || !instant || Number.isNaN(instant.getTime()) || !validDevice) {
    return { ok: false, idempotencyKey: key, reason: "invalid" };
  }
  const problem = amountProblem(amount, ceiling);
  if (problem) return { ok: false, idempotencyKey: key, reason: problem };
  return {
    ok: true,
    entry: { idempotencyKey: key, traderId: traderId as number, amount: amount as number, collectedAt: instant, deviceId: (deviceId as string | null | undefined) ?? null },
  };
}

/** A trader on the collection sheet, compact for the phone: [id, name, stall, last six NIK digits, usual daily
 * amount, month premium, paid this month, paid today, owed for earlier months]. */
export type SheetTrader = [number, string, string, string, number, number, number, number, number];

/**
 * The sheet's row once `amount` more is saved, allocated as the ledger does: earlier months owed first, then
 * this month up to its premium (the rest is credit for the next month).
 */
export function withPayment(row: SheetTrader, amount: number): SheetTrader {
  const toEarlier = Math.min(row[8], amount);
  const rest = amount - toEarlier;
  const month = row[5] > 0 ? Math.min(row[5], row[6] + rest) : row[6] + rest;
  return [row[0], row[1], row[2], row[3], row[4], row[5], month, row[7] + amount, row[8] - toEarlier];
}

/** Lower-cased "name stall" per trader, built once per list. */
export const searchIndexOf = (traders: SheetTrader[]) => traders.map((trader) => `${trader[1]} ${trader[2]}`.toLowerCase());

/** Digits also match the end of the NIK; any text matches within the name or stall. */
export function filterTraders(traders: SheetTrader[], index: string[], query: string): SheetTrader[] {
  const q = query.trim().toLowerCase();
  if (q === "") return traders;
  const digits = /^\d+$/.test(q);
  return traders.filter((trader, position) => (digits && trader[3].endsWith(q)) || index[position].includes(q));
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** The instant of a local wall-clock time (`minutes` after midnight) on a market-local date. */
export function localInstant(date: string, minutes: number, timeZone: string): Date {
  let format = zoneFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    zoneFormatters.set(timeZone, format);
  }
  const [year, month, day] = date.split("-").map(Number);
  const guess = Date.UTC(year, month - 1, day) + minutes * 60_000;
  const part = (parts: Intl.DateTimeFormatPart[], type: string) => Number(parts.find((p) => p.type === type)!.value);
  const parts = format.formatToParts(new Date(guess));
  const shown = Date.UTC(part(parts, "year"), part(parts, "month") - 1, part(parts, "day"), part(parts, "hour"), part(parts, "minute"));
  // Kalimantan zones keep one offset all year, so one correction is exact.
  return new Date(guess - (shown - guess));
}
