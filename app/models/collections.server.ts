import type { DB } from "../utils/db.server";
import type { Insertable } from "kysely";
import type { CollectionEntryTable, Role } from "../../db/schema";
import { scopeCovers, type Scope } from "../domain/scope";
import { businessDate } from "../domain/business-day";
import {
  branchShortCode,
  marketShortCodes,
  parseEntry,
  placeEntry,
  receiptNumber,
  refusalKey,
  reversalProblem,
  type CollectionEntryInput,
  type DayState,
  type RefusalReason,
} from "../domain/collections";
import { env } from "../utils/env.server";
import { marketInScope } from "./scope.server";
import { hasMouInForce } from "./mous.server";
import { applyStageFact } from "./pipeline.server";
import { refreshTradersCoverage } from "./coverage.server";
import { loadRateTable } from "./rates.server";
import { chunks } from "./query-helpers.server";
import { dayDeposited } from "./collection-days.server";

// Writes to the append-only collection ledger. Every write, in one transaction: the entry rows, the day's
// receipt counter (collection_days), the per-market-per-day summary (daily_market_collections), the traders'
// coverage snapshots, and the market's move to "collecting" on its first collection.

// Closing and reopening a day live with the day-close page's loader; the ledger's API names them here too.
export { closeDay, reopenDay } from "./collection-days.server";

export type EntryResult =
  | { idempotencyKey: string | null; ok: true; receiptNumber: string; entryId: number; businessDate: string; replayed: boolean }
  | { idempotencyKey: string | null; ok: false; reason: string };

export interface RecordRequest {
  collectorUserId: number;
  /** Untrusted entries as sent by a client: `{ idempotencyKey, traderId, amount, collectedAt, deviceId? }`. */
  entries: unknown[];
  now?: Date;
}

const refused = (idempotencyKey: string | null, reason: RefusalReason): EntryResult => ({ idempotencyKey, ok: false, reason: refusalKey(reason) });


/** SQLite and PostgreSQL both report a unique-constraint race this way; the caller retries and reads back. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
}

/** One entry of a request, with who sent it and in what scope (a transaction may carry several requests). */
interface Item {
  parsed: ReturnType<typeof parseEntry>;
  scope: Scope;
  collectorUserId: number;
  now: Date;
}

interface Waiting {
  items: Item[];
  resolve: (results: EntryResult[]) => void;
  reject: (error: unknown) => void;
}

/** Entries waiting for the next commit, per database handle, and whether a commit is under way. */
const writers = new WeakMap<DB, { queue: Waiting[]; running: boolean }>();
const MAX_ENTRIES_PER_COMMIT = 2_000;

/**
 * Records a batch; each entry succeeds or is refused on its own, and a replayed key returns its first receipt.
 * Requests arriving while a commit is under way are written together in the next transaction (group commit):
 * one commit for many phones instead of one each. Pass the Kysely instance, not a transaction.
 */
export function recordCollections(db: DB, scope: Scope, request: RecordRequest): Promise<EntryResult[]> {
  const now = request.now ?? new Date();
  const ceiling = env().COLLECTION_MAX_AMOUNT;
  const items = request.entries.map((raw) => ({ parsed: parseEntry(raw, ceiling), scope, collectorUserId: request.collectorUserId, now }));
  return new Promise((resolve, reject) => {
    let writer = writers.get(db);
    if (!writer) writers.set(db, (writer = { queue: [], running: false }));
    writer.queue.push({ items, resolve, reject });
    if (!writer.running) {
      writer.running = true;
      setImmediate(() => void drain(db, writer));
    }
  });
}

async function drain(db: DB, writer: { queue: Waiting[]; running: boolean }) {
  try {
    while (writer.queue.length > 0) {
      let size = 0;
      let take = 0;
      while (take < writer.queue.length && (take === 0 || size + writer.queue[take].items.length <= MAX_ENTRIES_PER_COMMIT)) size += writer.queue[take++].items.length;
      await commitGroup(db, writer.queue.splice(0, take));
    }
  } finally {
    writer.running = false;
  }
}

async function commitGroup(db: DB, group: Waiting[]) {
  try {
    const results = await writeInTransaction(db, group.flatMap((waiting) => waiting.items));
    let offset = 0;
    for (const waiting of group) {
      waiting.resolve(results.slice(offset, offset + waiting.items.length));
      offset += waiting.items.length;
    }
  } catch (error) {
    if (group.length === 1) return group[0].reject(error);
    // One request's failure must not fail the others: each in a transaction of its own.
    for (const waiting of group) await writeInTransaction(db, waiting.items).then(waiting.resolve, waiting.reject);
  }
}

async function writeInTransaction(db: DB, items: Item[]): Promise<EntryResult[]> {
  // A concurrent replay of the same key can win the race to insert (on PostgreSQL); the retry then reads it back.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute((trx) => writeItems(trx, items));
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

async function storedByKey(trx: DB, keys: string[]) {
  const found = new Map<string, { id: number; receipt_number: string; business_date: string; trader_id: number; amount: number; market_id: number; branch_id: number; region_id: number }>();
  for (const part of chunks(keys, 400)) {
    const rows = await trx
      .selectFrom("collection_entries")
      .innerJoin("markets", "markets.id", "collection_entries.market_id")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .where("collection_entries.idempotency_key", "in", part)
      .select([
        "collection_entries.id",
        "collection_entries.idempotency_key",
        "collection_entries.receipt_number",
        "collection_entries.business_date",
        "collection_entries.trader_id",
        "collection_entries.amount",
        "collection_entries.market_id",
        "markets.branch_id",
        "branches.region_id",
      ])
      .execute();
    for (const row of rows) found.set(row.idempotency_key, row);
  }
  return found;
}

/** Traders by id with where they sit; each entry's own scope is checked against that place. */
async function tradersById(trx: DB, ids: number[]) {
  const found = new Map<number, { id: number; market_id: number; branch_id: number; region_id: number; status: string; payer_type: string; stage: string; time_zone: string }>();
  for (const part of chunks([...new Set(ids)], 400)) {
    const rows = await trx
      .selectFrom("traders")
      .innerJoin("markets", "markets.id", "traders.market_id")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .where("traders.id", "in", part)
      .select(["traders.id", "traders.market_id", "markets.branch_id", "branches.region_id", "traders.status", "traders.payer_type", "markets.stage", "branches.time_zone"])
      .execute();
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}

async function dayStates(trx: DB, marketIds: number[], fromDate: string) {
  const rows = await trx
    .selectFrom("collection_days")
    .select(["market_id", "business_date", "status", "closed_at"])
    .where("market_id", "in", marketIds)
    .where("business_date", ">=", fromDate)
    .execute();
  const states = new Map<string, DayState>();
  for (const row of rows) states.set(`${row.market_id}|${row.business_date}`, { status: row.status, closedAt: row.closed_at });
  return states;
}

async function marketsWithMouInForce(trx: DB, marketIds: number[], date: string): Promise<Set<number>> {
  const rows = await trx.selectFrom("markets").select("markets.id").where("markets.id", "in", marketIds).where(hasMouInForce(date)).execute();
  return new Set(rows.map((row) => row.id));
}

/** Receipt prefix (branch and market short codes) for each market; codes are unique within a branch. */
async function receiptPrefixes(trx: DB, marketIds: number[]): Promise<Map<number, string>> {
  const rows = await trx
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where("markets.branch_id", "in", (eb) => eb.selectFrom("markets").select("markets.branch_id").where("markets.id", "in", marketIds))
    .select(["markets.id", "markets.name", "markets.branch_id", "branches.code as branch_code"])
    .execute();
  const prefixes = new Map<number, string>();
  for (const branchId of new Set(rows.map((row) => row.branch_id))) {
    const siblings = rows.filter((row) => row.branch_id === branchId);
    const codes = marketShortCodes(siblings);
    for (const market of siblings) prefixes.set(market.id, `${branchShortCode(market.branch_code)}|${codes.get(market.id)}`);
  }
  return prefixes;
}

/**
 * Takes `count` receipt numbers from a market day's counter; returns the first, or null when the day is closed
 * and `openOnly` is set. The single UPDATE … RETURNING is atomic, so concurrent writers never share a number.
 */
async function takeSequences(trx: DB, marketId: number, date: string, count: number, now: Date, openOnly: boolean): Promise<number | null> {
  const at = now.toISOString();
  await trx
    .insertInto("collection_days")
    .values({ market_id: marketId, business_date: date, status: "open", created_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(["market_id", "business_date"]).doNothing())
    .execute();
  const row = await trx
    .updateTable("collection_days")
    .set((eb) => ({ last_receipt_sequence: eb("last_receipt_sequence", "+", count), updated_at: at }))
    .where("market_id", "=", marketId)
    .where("business_date", "=", date)
    .$if(openOnly, (qb) => qb.where("status", "=", "open"))
    .returning("last_receipt_sequence")
    .executeTakeFirst();
  return row ? row.last_receipt_sequence - count + 1 : null;
}

async function addToSummary(trx: DB, marketId: number, date: string, count: number, total: number, now: Date) {
  await trx
    .insertInto("daily_market_collections")
    .values({ market_id: marketId, business_date: date, entries_count: count, total_amount: total, updated_at: now.toISOString() })
    .onConflict((oc) =>
      oc.columns(["market_id", "business_date"]).doUpdateSet((eb) => ({
        entries_count: eb("daily_market_collections.entries_count", "+", eb.ref("excluded.entries_count")),
        total_amount: eb("daily_market_collections.total_amount", "+", eb.ref("excluded.total_amount")),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    )
    .execute();
}

interface Accepted {
  index: number;
  entry: CollectionEntryInput;
  item: Item;
  marketId: number;
  businessDate: string;
}

async function writeItems(trx: DB, items: Item[]): Promise<EntryResult[]> {
  const results: (EntryResult | null)[] = items.map(({ parsed }) => (parsed.ok ? null : refused(parsed.idempotencyKey, parsed.reason)));
  const valid = items.flatMap((item, index) => (item.parsed.ok ? [{ index, entry: item.parsed.entry, item }] : []));
  const stored = await storedByKey(trx, valid.map(({ entry }) => entry.idempotencyKey));

  // The first occurrence of a key is processed; a later one (same batch, or a concurrent replay written in the
  // same commit) repeats its result.
  const firstIndex = new Map<string, number>();
  const pending: typeof valid = [];
  for (const { index, entry, item } of valid) {
    const { idempotencyKey: key, traderId, amount } = entry;
    const previous = stored.get(key);
    if (previous) {
      const place = { regionId: previous.region_id, branchId: previous.branch_id, marketId: previous.market_id };
      const same = previous.trader_id === traderId && previous.amount === amount && scopeCovers(item.scope, place);
      results[index] = same
        ? { idempotencyKey: key, ok: true, receiptNumber: previous.receipt_number, entryId: previous.id, businessDate: previous.business_date, replayed: true }
        : refused(key, "keyReused");
    } else if (!firstIndex.has(key)) {
      firstIndex.set(key, index);
      pending.push({ index, entry, item });
    }
  }

  const traders = await tradersById(trx, pending.map(({ entry }) => entry.traderId));
  const candidates: (Accepted & { timeZone: string })[] = [];
  for (const { index, entry, item } of pending) {
    const trader = traders.get(entry.traderId);
    const visible = trader && scopeCovers(item.scope, { regionId: trader.region_id, branchId: trader.branch_id, marketId: trader.market_id });
    const problem: RefusalReason | null = !trader || !visible ? "trader" : trader.status !== "registered" ? "notRegistered" : trader.payer_type !== "mandiri" ? "notSelfPaying" : null;
    if (problem || !trader) results[index] = refused(entry.idempotencyKey, problem ?? "trader");
    else candidates.push({ index, entry, item, marketId: trader.market_id, businessDate: "", timeZone: trader.time_zone });
  }

  const accepted: Accepted[] = [];
  if (candidates.length > 0) {
    const marketIds = [...new Set(candidates.map((candidate) => candidate.marketId))];
    const earliest = Math.min(...candidates.map((candidate) => Math.min(candidate.entry.collectedAt.getTime(), candidate.item.now.getTime())));
    // A day or so before the earliest instant covers every zone's local date of it.
    const states = await dayStates(trx, marketIds, new Date(earliest - 86_400_000).toISOString().slice(0, 10));
    const placed: Accepted[] = [];
    for (const candidate of candidates) {
      const placement = placeEntry({
        collectedAt: candidate.entry.collectedAt,
        now: candidate.item.now,
        timeZone: candidate.timeZone,
        dayState: (date) => states.get(`${candidate.marketId}|${date}`),
      });
      if ("refused" in placement) results[candidate.index] = refused(candidate.entry.idempotencyKey, placement.refused);
      else placed.push({ ...candidate, businessDate: placement.businessDate });
    }
    for (const date of new Set(placed.map((candidate) => candidate.businessDate))) {
      const onDate = placed.filter((candidate) => candidate.businessDate === date);
      const inForce = await marketsWithMouInForce(trx, [...new Set(onDate.map((candidate) => candidate.marketId))], date);
      for (const candidate of onDate) {
        if (inForce.has(candidate.marketId)) accepted.push(candidate);
        else results[candidate.index] = refused(candidate.entry.idempotencyKey, "noMou");
      }
    }
  }

  if (accepted.length > 0) await insertAccepted(trx, accepted, results);
  const recorded = accepted.filter((candidate) => results[candidate.index]?.ok);
  const stagedMarkets = new Map(recorded.map((candidate) => [candidate.marketId, candidate.item.collectorUserId]));
  for (const [marketId, userId] of stagedMarkets) {
    const trader = [...traders.values()].find((row) => row.market_id === marketId);
    if (trader?.stage !== "collecting") await applyStageFact(trx, marketId, "first_collection", userId);
  }
  if (recorded.length > 0) {
    const latest = new Date(Math.max(...recorded.map((candidate) => candidate.item.now.getTime())));
    await refreshTradersCoverage(trx, recorded.map((candidate) => candidate.entry.traderId), latest, await loadRateTable(trx));
  }

  for (const { index, entry, item } of valid) {
    if (results[index]) continue;
    const first = firstIndex.get(entry.idempotencyKey)!;
    const original = items[first];
    const same =
      original.parsed.ok && original.collectorUserId === item.collectorUserId && original.parsed.entry.traderId === entry.traderId && original.parsed.entry.amount === entry.amount;
    const firstResult = results[first]!;
    results[index] = !same ? refused(entry.idempotencyKey, "keyReused") : firstResult.ok ? { ...firstResult, replayed: true } : firstResult;
  }
  return results as EntryResult[];
}

async function insertAccepted(trx: DB, accepted: Accepted[], results: (EntryResult | null)[]) {
  const prefixes = await receiptPrefixes(trx, [...new Set(accepted.map((item) => item.marketId))]);
  const groups = new Map<string, Accepted[]>();
  for (const item of accepted) {
    const key = `${item.marketId}|${item.businessDate}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const rows: Insertable<CollectionEntryTable>[] = [];
  const indexByKey = new Map<string, number>();
  for (const group of groups.values()) {
    const { marketId, businessDate: date } = group[0];
    const now = group[0].item.now;
    const first = await takeSequences(trx, marketId, date, group.length, now, true);
    if (first == null) {
      for (const item of group) results[item.index] = refused(item.entry.idempotencyKey, "dayClosed");
      continue;
    }
    const [branchShort, marketShort] = prefixes.get(marketId)!.split("|");
    group.forEach((item, offset) => {
      indexByKey.set(item.entry.idempotencyKey, item.index);
      rows.push({
        trader_id: item.entry.traderId,
        market_id: marketId,
        collector_user_id: item.item.collectorUserId,
        business_date: date,
        amount: item.entry.amount,
        receipt_number: receiptNumber(branchShort, marketShort, date, first + offset),
        receipt_sequence: first + offset,
        idempotency_key: item.entry.idempotencyKey,
        kind: "payment" as const,
        reverses_entry_id: null,
        reason: null,
        collected_at: item.entry.collectedAt.toISOString(),
        created_at: item.item.now.toISOString(),
        device_id: item.entry.deviceId,
      });
    });
    await addToSummary(trx, marketId, date, group.length, group.reduce((sum, item) => sum + item.entry.amount, 0), now);
  }
  // RETURNING order is not guaranteed: match rows back by their unique key.
  for (const part of chunks(rows, 200)) {
    const inserted = await trx.insertInto("collection_entries").values(part).returning(["id", "receipt_number", "business_date", "idempotency_key"]).execute();
    for (const row of inserted) {
      results[indexByKey.get(row.idempotency_key)!] = { idempotencyKey: row.idempotency_key, ok: true, receiptNumber: row.receipt_number, entryId: row.id, businessDate: row.business_date, replayed: false };
    }
  }
}

export interface ReverseRequest {
  entryId: number;
  reason: string;
  userId: number;
  role: Role;
  now?: Date;
}

export type ReverseResult = { ok: true; entryId: number; receiptNumber: string } | { ok: false; reason: string };

/** A reversal is a new negative entry on the original's business day, pointing at it; at most one per entry. */
export async function reverseEntry(db: DB, scope: Scope, request: ReverseRequest): Promise<ReverseResult> {
  const now = request.now ?? new Date();
  try {
    return await db.transaction().execute(async (trx): Promise<ReverseResult> => {
      const entry = await trx
        .selectFrom("collection_entries")
        .innerJoin("markets", "markets.id", "collection_entries.market_id")
        .innerJoin("branches", "branches.id", "markets.branch_id")
        .leftJoin("collection_days", (join) =>
          join.onRef("collection_days.market_id", "=", "collection_entries.market_id").onRef("collection_days.business_date", "=", "collection_entries.business_date"),
        )
        .where(marketInScope(scope))
        .where("collection_entries.id", "=", request.entryId)
        .select((eb) => [
          "collection_entries.id",
          "collection_entries.kind",
          "collection_entries.trader_id",
          "collection_entries.market_id",
          "collection_entries.collector_user_id",
          "collection_entries.business_date",
          "collection_entries.amount",
          "collection_days.status as day_status",
          "branches.time_zone",
          eb.exists(eb.selectFrom("collection_entries as later").select("later.id").whereRef("later.reverses_entry_id", "=", "collection_entries.id")).as("reversed"),
        ])
        .executeTakeFirst();
      if (!entry) return { ok: false, reason: "collections.reverse.notFound" };
      const problem = reversalProblem({
        role: request.role,
        userId: request.userId,
        entry: { kind: entry.kind, collectorUserId: entry.collector_user_id, businessDate: entry.business_date, reversed: Boolean(entry.reversed) },
        dayClosed: entry.day_status === "closed",
        today: businessDate(now, entry.time_zone),
        reason: request.reason,
      });
      if (problem) return { ok: false, reason: `collections.reverse.${problem}` };
      if (await dayDeposited(trx, entry.market_id, entry.business_date)) return { ok: false, reason: "collections.reverse.deposited" };
      const sequence = (await takeSequences(trx, entry.market_id, entry.business_date, 1, now, false))!;
      const [branchShort, marketShort] = (await receiptPrefixes(trx, [entry.market_id])).get(entry.market_id)!.split("|");
      const number = receiptNumber(branchShort, marketShort, entry.business_date, sequence);
      const inserted = await trx
        .insertInto("collection_entries")
        .values({
          trader_id: entry.trader_id,
          market_id: entry.market_id,
          collector_user_id: request.userId,
          business_date: entry.business_date,
          amount: -entry.amount,
          receipt_number: number,
          receipt_sequence: sequence,
          idempotency_key: `reversal:${entry.id}`,
          kind: "reversal",
          reverses_entry_id: entry.id,
          reason: request.reason.trim(),
          collected_at: now.toISOString(),
          created_at: now.toISOString(),
          device_id: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await addToSummary(trx, entry.market_id, entry.business_date, 1, -entry.amount, now);
      await refreshTradersCoverage(trx, [entry.trader_id], now);
      return { ok: true, entryId: inserted.id, receiptNumber: number };
    });
  } catch (error) {
    // Two reversals of the same entry raced: the unique reverses_entry_id kept only one.
    if (isUniqueViolation(error)) return { ok: false, reason: "collections.reverse.alreadyReversed" };
    throw error;
  }
}
