import type { ExpressionBuilder, Expression } from "kysely";
import type { Database, MouStoredStatus } from "../../db/schema";
import type { DB } from "../utils/db.server";
import type { Scope } from "../domain/scope";
import { businessDate } from "../domain/business-day";
import {
  checkMouTransition,
  daysUntil,
  effectiveMouStatus,
  formatMouNumber,
  periodsOverlap,
  storedStatusAfter,
  type MouAction,
  type MouStatus,
} from "../domain/mou-status";
import type { MouSigningInput, MouTermsInput } from "../domain/mou-form";
import { marketInScope } from "./scope.server";
import { applyStageFact } from "./pipeline.server";
import { pageWindow, toPage } from "./query-helpers.server";

/**
 * "An MoU in force for this market on `localDate`": signed, not terminated, and the date lies in its
 * in-force period. The one definition used by progress, the pipeline and dashboards.
 */
export function hasMouInForce(localDate: Expression<string> | string) {
  return (eb: ExpressionBuilder<Database, "markets">) =>
    eb.exists(
      eb
        .selectFrom("mous")
        .select("mous.id")
        .whereRef("mous.market_id", "=", "markets.id")
        .where("mous.status", "=", "signed")
        .where("mous.in_force_from", "<=", localDate)
        .where("mous.expires_on", ">=", localDate),
    );
}

function scopedMous(db: DB, scope: Scope) {
  return db
    .selectFrom("mous")
    .innerJoin("markets", "markets.id", "mous.market_id")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope));
}

const withEffectiveStatus = <T extends { status: MouStoredStatus; in_force_from: string | null; expires_on: string | null; time_zone: string }>(
  row: T,
  now: Date,
) => ({ ...row, effective_status: effectiveMouStatus(row, businessDate(now, row.time_zone)) as MouStatus });

export async function listMous(db: DB, scope: Scope, options: { marketId?: number; page?: number; now?: Date } = {}) {
  const pageSize = 25;
  const { page, limit, offset } = pageWindow(options.page, pageSize);
  const base = scopedMous(db, scope).$if(options.marketId != null, (qb) => qb.where("mous.market_id", "=", options.marketId!));
  const [rows, count] = await Promise.all([
    base
      .select([
        "mous.id",
        "mous.number",
        "mous.status",
        "mous.in_force_from",
        "mous.expires_on",
        "mous.signed_on",
        "mous.drafted_on",
        "mous.counterparty_name",
        "mous.scan_sha256",
        "markets.id as market_id",
        "markets.name as market_name",
        "markets.government_run",
        "branches.code as branch_code",
        "branches.time_zone",
      ])
      .orderBy("mous.updated_at", "desc")
      .orderBy("mous.id", "desc")
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
  ]);
  const now = options.now ?? new Date();
  return toPage(rows.map((row) => withEffectiveStatus(row, now)), count.total, page, pageSize);
}

export async function findMou(db: DB, scope: Scope, mouId: number, now = new Date()) {
  const row = await scopedMous(db, scope)
    .selectAll("mous")
    .select([
      "markets.name as market_name",
      "markets.government_run",
      "markets.regency_name",
      "markets.address as market_address",
      "branches.id as branch_id",
      "branches.code as branch_code",
      "branches.name as branch_name",
      "branches.town as branch_town",
      "branches.time_zone",
    ])
    .where("mous.id", "=", mouId)
    .executeTakeFirst();
  return row ? withEffectiveStatus(row, now) : null;
}
export type MouDetail = NonNullable<Awaited<ReturnType<typeof findMou>>>;

export async function listMouHistory(db: DB, mouId: number) {
  return db
    .selectFrom("mou_transitions")
    .innerJoin("users", "users.id", "mou_transitions.changed_by_user_id")
    .select(["mou_transitions.id", "from_status", "to_status", "note", "changed_at", "users.name as changed_by"])
    .where("mou_id", "=", mouId)
    .orderBy("changed_at", "desc")
    .orderBy("mou_transitions.id", "desc")
    .execute();
}

export async function listMouCollectors(db: DB, mouId: number) {
  return db
    .selectFrom("mou_collectors")
    .innerJoin("users", "users.id", "mou_collectors.user_id")
    .select(["users.id", "users.name", "users.email"])
    .where("mou_id", "=", mouId)
    .orderBy("users.name")
    .execute();
}

/** Collectors who may be named on a market's MoU: active collector accounts of that market. */
export async function listCollectorOptions(db: DB, marketId: number) {
  return db
    .selectFrom("users")
    .select(["id", "name", "email"])
    .where("role", "=", "market_collector")
    .where("market_id", "=", marketId)
    .where("active", "=", 1)
    .orderBy("name")
    .execute();
}

function termColumns(terms: MouTermsInput) {
  return {
    counterparty_type: terms.counterpartyType,
    counterparty_name: terms.counterpartyName,
    counterparty_signatory_name: terms.counterpartySignatoryName ?? null,
    counterparty_signatory_title: terms.counterpartySignatoryTitle ?? null,
    branch_signatory_name: terms.branchSignatoryName ?? null,
    branch_signatory_title: terms.branchSignatoryTitle ?? null,
    collection_frequency: terms.collectionFrequency,
    deposit_schedule: terms.depositSchedule,
    collector_fee_basis_points: terms.collectorFeeBasisPoints,
    target_traders: terms.targetTraders,
    special_terms: terms.specialTerms ?? null,
  };
}

/** Named collectors must be collector accounts of this market; anything else is ignored. */
async function replaceCollectors(db: DB, mouId: number, marketId: number, collectorIds: number[]) {
  await db.deleteFrom("mou_collectors").where("mou_id", "=", mouId).execute();
  const allowed = new Set((await listCollectorOptions(db, marketId)).map((user) => user.id));
  const rows = [...new Set(collectorIds)].filter((id) => allowed.has(id)).map((user_id) => ({ mou_id: mouId, user_id }));
  if (rows.length) await db.insertInto("mou_collectors").values(rows).execute();
}

async function recordTransition(db: DB, mouId: number, from: string | null, to: string, userId: number, note: string | null, at: string) {
  await db.insertInto("mou_transitions").values({ mou_id: mouId, from_status: from, to_status: to, note, changed_by_user_id: userId, changed_at: at }).execute();
}

/** A new draft with the next number of the market's branch for the year; optionally a renewal. */
export async function createMouDraft(
  db: DB,
  scope: Scope,
  input: { marketId: number; terms: MouTermsInput; userId: number; previousMouId?: number | null; now?: Date },
): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const market = await trx
      .selectFrom("markets")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .select(["markets.id", "branches.id as branch_id", "branches.code", "branches.time_zone"])
      .where(marketInScope(scope))
      .where("markets.id", "=", input.marketId)
      .executeTakeFirst();
    if (!market) return null;
    const now = input.now ?? new Date();
    const today = businessDate(now, market.time_zone);
    const year = Number(today.slice(0, 4));
    const last = await trx
      .selectFrom("mous")
      .innerJoin("markets", "markets.id", "mous.market_id")
      .select((eb) => eb.fn.max("mous.number_sequence").as("max"))
      .where("markets.branch_id", "=", market.branch_id)
      .where("mous.number_year", "=", year)
      .executeTakeFirst();
    const sequence = Number(last?.max ?? 0) + 1;
    const at = now.toISOString();
    const { id } = await trx
      .insertInto("mous")
      .values({
        market_id: market.id,
        number: formatMouNumber(market.code, year, sequence),
        number_year: year,
        number_sequence: sequence,
        status: "draft",
        previous_mou_id: input.previousMouId ?? null,
        ...termColumns(input.terms),
        drafted_on: today,
        created_by_user_id: input.userId,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await replaceCollectors(trx, id, market.id, input.terms.collectorIds);
    await recordTransition(trx, id, null, "draft", input.userId, null, at);
    return id;
  });
}

/** Terms can change only while the MoU is a draft; returns false otherwise. */
export async function updateMouTerms(db: DB, scope: Scope, mouId: number, terms: MouTermsInput): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const mou = await findMou(trx, scope, mouId);
    if (!mou || mou.status !== "draft") return false;
    await trx.updateTable("mous").set({ ...termColumns(terms), updated_at: new Date().toISOString() }).where("id", "=", mouId).execute();
    await replaceCollectors(trx, mouId, mou.market_id, terms.collectorIds);
    return true;
  });
}

export type TransitionOutcome = { errors: string[] } | null;

/**
 * Moves an MoU through its lifecycle after the rules agree. Signing also refuses a second MoU in force
 * for the same market over overlapping dates, and moves the market to `mou_signed` in the same transaction.
 */
export async function transitionMou(
  db: DB,
  scope: Scope,
  input: { mouId: number; action: MouAction; signing?: MouSigningInput; reason?: string | null; userId: number; now?: Date },
): Promise<TransitionOutcome | "not_found"> {
  return db.transaction().execute(async (trx) => {
    const now = input.now ?? new Date();
    const mou = await findMou(trx, scope, input.mouId, now);
    if (!mou) return "not_found";
    const today = businessDate(now, mou.time_zone);
    const signing = {
      counterparty_signatory_name: input.signing?.counterpartySignatoryName ?? mou.counterparty_signatory_name,
      counterparty_signatory_title: input.signing?.counterpartySignatoryTitle ?? mou.counterparty_signatory_title,
      branch_signatory_name: input.signing?.branchSignatoryName ?? mou.branch_signatory_name,
      branch_signatory_title: input.signing?.branchSignatoryTitle ?? mou.branch_signatory_title,
      signed_on: input.signing?.signedOn ?? mou.signed_on,
      in_force_from: input.signing?.inForceFrom ?? mou.in_force_from,
      expires_on: input.signing?.expiresOn ?? mou.expires_on,
    };
    const errors: string[] = checkMouTransition(mou.effective_status, input.action, { ...signing, reason: input.reason }, today);
    if (input.action === "sign" && errors.length === 0) {
      const others = await trx
        .selectFrom("mous")
        .select(["in_force_from", "expires_on"])
        .where("market_id", "=", mou.market_id)
        .where("status", "=", "signed")
        .where("id", "!=", mou.id)
        .execute();
      const period = { from: signing.in_force_from!, to: signing.expires_on! };
      if (others.some((other) => other.in_force_from && other.expires_on && periodsOverlap(period, { from: other.in_force_from, to: other.expires_on }))) {
        errors.push("mou.overlapsInForce");
      }
    }
    if (errors.length) return { errors };
    const to = storedStatusAfter(input.action);
    const at = now.toISOString();
    await trx
      .updateTable("mous")
      .set({
        status: to,
        updated_at: at,
        ...(input.action === "sign" ? signing : {}),
        ...(input.action === "terminate" ? { terminated_on: today, termination_reason: input.reason!.trim() } : {}),
      })
      .where("id", "=", mou.id)
      .execute();
    await recordTransition(trx, mou.id, mou.effective_status, to, input.userId, input.reason?.trim() || null, at);
    if (input.action === "sign") await applyStageFact(trx, mou.market_id, "mou_signed", input.userId);
    return null;
  });
}

/** A renewal: a new draft for the same market carrying the previous MoU's terms and collectors. */
export async function renewMou(db: DB, scope: Scope, mouId: number, userId: number): Promise<number | null> {
  const mou = await findMou(db, scope, mouId);
  if (!mou || !["signed", "in_force", "expired"].includes(mou.effective_status)) return null;
  const collectors = await listMouCollectors(db, mouId);
  return createMouDraft(db, scope, {
    marketId: mou.market_id,
    userId,
    previousMouId: mou.id,
    terms: {
      counterpartyType: mou.counterparty_type,
      counterpartyName: mou.counterparty_name,
      counterpartySignatoryName: mou.counterparty_signatory_name,
      counterpartySignatoryTitle: mou.counterparty_signatory_title,
      branchSignatoryName: mou.branch_signatory_name,
      branchSignatoryTitle: mou.branch_signatory_title,
      collectionFrequency: mou.collection_frequency,
      depositSchedule: mou.deposit_schedule,
      collectorFeeBasisPoints: mou.collector_fee_basis_points,
      targetTraders: mou.target_traders,
      specialTerms: mou.special_terms,
      collectorIds: collectors.map((c) => c.id),
    },
  });
}

export async function recordScan(
  db: DB,
  mouId: number,
  scan: { path: string; sha256: string; mime: string; size: number; userId: number },
) {
  await db
    .updateTable("mous")
    .set({
      scan_path: scan.path,
      scan_sha256: scan.sha256,
      scan_mime: scan.mime,
      scan_size: scan.size,
      scan_uploaded_at: new Date().toISOString(),
      scan_uploaded_by_user_id: scan.userId,
      updated_at: new Date().toISOString(),
    })
    .where("id", "=", mouId)
    .execute();
}

export const EXPIRY_WARNING_DAYS = 60;
export const STALE_DRAFT_DAYS = 30;

/** What needs attention in scope: expiring soon, stale drafts, signed without a scan, negotiating without a draft. */
export async function listMouAttention(db: DB, scope: Scope, now = new Date()) {
  const open = await scopedMous(db, scope)
    .select([
      "mous.id",
      "mous.number",
      "mous.status",
      "mous.in_force_from",
      "mous.expires_on",
      "mous.updated_at",
      "mous.scan_sha256",
      "markets.id as market_id",
      "markets.name as market_name",
      "branches.time_zone",
    ])
    .where("mous.status", "in", ["draft", "awaiting_signature", "signed"])
    .orderBy("mous.expires_on")
    .execute();
  const rows = open.map((row) => ({ ...withEffectiveStatus(row, now), today: businessDate(now, row.time_zone) }));
  const negotiatingWithoutDraft = await db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope))
    .where("markets.stage", "=", "negotiating")
    .where((eb) => eb.not(eb.exists(eb.selectFrom("mous").select("mous.id").whereRef("mous.market_id", "=", "markets.id").where("mous.status", "!=", "terminated"))))
    .select(["markets.id", "markets.name", "branches.code as branch_code"])
    .orderBy("markets.name")
    .execute();
  return {
    expiringSoon: rows.filter(
      (row) => row.effective_status === "in_force" && row.expires_on && daysUntil(row.expires_on, row.today) <= EXPIRY_WARNING_DAYS,
    ),
    staleDrafts: rows.filter(
      (row) => row.status === "draft" && daysUntil(row.today, businessDate(new Date(row.updated_at), row.time_zone)) >= STALE_DRAFT_DAYS,
    ),
    signedWithoutScan: rows.filter((row) => row.status === "signed" && !row.scan_sha256),
    negotiatingWithoutDraft,
  };
}
export type MouAttention = Awaited<ReturnType<typeof listMouAttention>>;
