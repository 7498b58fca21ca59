import type { DB } from "../utils/db.server";
import type { Trader } from "../../db/schema";
import type { Scope } from "../domain/scope";
import type { FieldErrors } from "../domain/user-form";
import { businessDate } from "../domain/business-day";
import { reviewTrader, type StoredIdentity, type TraderInput, type TraderWarning } from "../domain/trader-form";
import { marketInScope } from "./scope.server";
import { loadRateTable } from "./rates.server";
import { invalidateTraderIndex } from "./trader-index.server";

// Registering and editing a trader. Every check that needs the database (market in scope, NIK and KPJ
// unique, programme of the market's branch) runs in the same transaction as the write.

export type TraderSaveResult =
  | { kind: "not_found" }
  | { kind: "invalid"; errors: FieldErrors }
  /** The NIK belongs to a trader the caller may see: point at it. */
  | { kind: "duplicate"; trader: { id: number; name: string; marketName: string } }
  | { kind: "warnings"; warnings: TraderWarning[] }
  | { kind: "saved"; traderId: number };

/** Columns whose changes are recorded in trader_changes. */
const TRACKED = [
  "market_id",
  "nik",
  "full_name",
  "sex",
  "birth_date",
  "phone",
  "whatsapp",
  "stall",
  "commodity",
  "nominal",
  "jht",
  "payer_type",
  "sponsor_programme_id",
  "kpj",
  "status",
  "coverage_start_month",
  "lat",
  "lng",
] as const;

export type TraderColumns = Pick<Trader, (typeof TRACKED)[number]>;

/** The stored columns of a reviewed form (or import row). */
export function traderColumns(input: TraderInput, resolved: { nik: string; birthDate: string; sex: "M" | "F" }): TraderColumns {
  return {
    market_id: input.marketId,
    nik: resolved.nik,
    full_name: input.fullName,
    sex: resolved.sex,
    birth_date: resolved.birthDate,
    phone: input.phone,
    whatsapp: input.whatsapp ? 1 : 0,
    stall: input.stall,
    commodity: input.commodity,
    nominal: input.nominal,
    jht: input.jht ? 1 : 0,
    payer_type: input.payerType,
    sponsor_programme_id: input.payerType === "mandiri" ? null : input.programmeId,
    kpj: input.kpj,
    status: input.status,
    coverage_start_month: input.coverageStartMonth,
    lat: input.lat,
    lng: input.lng,
  };
}

/** field → [old, new] for every tracked column that changed. */
export function diffTrader(before: TraderColumns, after: TraderColumns): Record<string, [unknown, unknown]> {
  return Object.fromEntries(TRACKED.filter((column) => before[column] !== after[column]).map((column) => [column, [before[column], after[column]]]));
}

export type NikOwner = { id: number; name: string; marketName: string } | "elsewhere";

/**
 * Who already holds each NIK: the trader when the scope may see it, else just "elsewhere" (a NIK is unique in
 * the whole database). `exceptId` leaves out the trader being edited. Batched for imports.
 */
export async function nikOwners(db: DB, scope: Scope, niks: readonly string[], exceptId?: number): Promise<Map<string, NikOwner>> {
  if (niks.length === 0) return new Map();
  const [all, visible] = await Promise.all([
    db
      .selectFrom("traders")
      .select(["traders.nik"])
      .where("traders.nik", "in", niks)
      .$if(exceptId != null, (qb) => qb.where("traders.id", "!=", exceptId!))
      .execute(),
    db
      .selectFrom("traders")
      .innerJoin("markets", "markets.id", "traders.market_id")
      .where(marketInScope(scope))
      .where("traders.nik", "in", niks)
      .$if(exceptId != null, (qb) => qb.where("traders.id", "!=", exceptId!))
      .select(["traders.id", "traders.nik", "traders.full_name", "markets.name as market_name"])
      .execute(),
  ]);
  const owners = new Map<string, NikOwner>(all.map((row) => [row.nik, "elsewhere"]));
  for (const row of visible) owners.set(row.nik, { id: row.id, name: row.full_name, marketName: row.market_name });
  return owners;
}

/** The checks shared by create and edit: the columns to write, or the answer to give instead. */
async function checkTrader(
  trx: DB,
  scope: Scope,
  input: TraderInput,
  now: Date,
  existing: (Trader & StoredIdentity) | null,
): Promise<{ result: TraderSaveResult } | { columns: TraderColumns }> {
  const market = await trx
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope))
    .where("markets.id", "=", input.marketId)
    .select(["markets.id", "markets.branch_id", "branches.time_zone"])
    .executeTakeFirst();
  if (!market) return { result: { kind: "invalid", errors: { marketId: "traders.marketRequired" } } };

  const review = reviewTrader(input, { today: businessDate(now, market.time_zone), table: await loadRateTable(trx), previous: existing ?? undefined });
  if (Object.keys(review.errors).length > 0 || !review.resolved) return { result: { kind: "invalid", errors: review.errors } };
  const columns = traderColumns(input, review.resolved);

  const owner = (await nikOwners(trx, scope, [columns.nik], existing?.id)).get(columns.nik);
  // Outside the scope the caller learns only that the NIK is taken, never whose it is or where.
  if (owner === "elsewhere") return { result: { kind: "invalid", errors: { nik: "traders.nikElsewhere" } } };
  if (owner) return { result: { kind: "duplicate", trader: owner } };

  if (columns.sponsor_programme_id != null) {
    const programme = await trx
      .selectFrom("sponsor_programmes")
      .select("id")
      .where("id", "=", columns.sponsor_programme_id)
      .where("branch_id", "=", market.branch_id)
      .where("payer_type", "=", input.payerType as "apbd" | "sponsor")
      .executeTakeFirst();
    if (!programme) return { result: { kind: "invalid", errors: { programmeId: "traders.programmeInvalid" } } };
  }

  if (columns.kpj != null) {
    const sameKpj = await trx
      .selectFrom("traders")
      .select("id")
      .where("kpj", "=", columns.kpj)
      .$if(existing != null, (qb) => qb.where("id", "!=", existing!.id))
      .executeTakeFirst();
    if (sameKpj) return { result: { kind: "invalid", errors: { kpj: "traders.kpjTaken" } } };
  }

  if (review.unconfirmed.length > 0) return { result: { kind: "warnings", warnings: review.warnings } };
  return { columns };
}

/** Inserts a checked trader; runs inside the caller's transaction (the form's, or an import's commit). */
export async function insertTrader(trx: DB, userId: number, columns: TraderColumns, now: Date): Promise<number> {
  const at = now.toISOString();
  const { id } = await trx
    .insertInto("traders")
    .values({ ...columns, enrolled_by_user_id: userId, enrolled_at: at, created_at: at, updated_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Applies a checked edit and records what changed (old → new); nothing changed records nothing. */
export async function applyTraderUpdate(trx: DB, userId: number, before: Trader, columns: TraderColumns, now: Date): Promise<void> {
  const changes = diffTrader(before, columns);
  if (Object.keys(changes).length === 0) return;
  const at = now.toISOString();
  await trx.updateTable("traders").set({ ...columns, updated_at: at }).where("id", "=", before.id).execute();
  await trx
    .insertInto("trader_changes")
    .values({ trader_id: before.id, changes: JSON.stringify(changes), changed_by_user_id: userId, changed_at: at })
    .execute();
}

/** A saved trader shows on the map at once; called after the commit, so the map's re-read sees it. */
function refreshMapOnSave(result: TraderSaveResult): TraderSaveResult {
  if (result.kind === "saved") invalidateTraderIndex();
  return result;
}

export async function createTrader(db: DB, scope: Scope, userId: number, input: TraderInput, now = new Date()): Promise<TraderSaveResult> {
  const result = await db.transaction().execute(async (trx): Promise<TraderSaveResult> => {
    const checked = await checkTrader(trx, scope, input, now, null);
    if ("result" in checked) return checked.result;
    return { kind: "saved", traderId: await insertTrader(trx, userId, checked.columns, now) };
  });
  return refreshMapOnSave(result);
}

/** Saves an edit of a trader in the scope, with its history entry. */
export async function updateTrader(
  db: DB,
  scope: Scope,
  userId: number,
  traderId: number,
  input: TraderInput,
  now = new Date(),
): Promise<TraderSaveResult> {
  const result = await db.transaction().execute(async (trx): Promise<TraderSaveResult> => {
    const stored = await trx
      .selectFrom("traders")
      .innerJoin("markets", "markets.id", "traders.market_id")
      .where(marketInScope(scope))
      .where("traders.id", "=", traderId)
      .selectAll("traders")
      .executeTakeFirst();
    if (!stored) return { kind: "not_found" };
    const checked = await checkTrader(trx, scope, input, now, { ...stored, birthDate: stored.birth_date });
    if ("result" in checked) return checked.result;
    await applyTraderUpdate(trx, userId, stored, checked.columns, now);
    return { kind: "saved", traderId };
  });
  return refreshMapOnSave(result);
}
