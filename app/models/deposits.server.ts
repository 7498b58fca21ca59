import { sql } from "kysely";
import type { DB } from "../utils/db.server";
import type { DepositStatus } from "../../db/schema";
import type { Scope } from "../domain/scope";
import type { FieldErrors } from "../domain/user-form";
import { businessDate } from "../domain/business-day";
import { depositDifference, depositProblems, verificationProblem, type DepositInput } from "../domain/deposit-form";
import { marketInScope } from "./scope.server";
import { pageWindow, toPage } from "./query-helpers.server";

// Bank deposits of collected cash: recorded by a collector or branch staff against closed business days, then
// verified (or rejected) by someone else. The amount, reference and covered days of a deposit are never edited;
// only its review (who, when, the verdict) is written once, while it still awaits one.

/** A deposit's days are "taken" while it is recorded or verified; a rejected deposit frees them again. */
const LIVE: DepositStatus[] = ["recorded", "verified"];

function scopedMarkets(db: DB, scope: Scope) {
  return db.selectFrom("markets").innerJoin("branches", "branches.id", "markets.branch_id").where(marketInScope(scope));
}

function scopedDeposits(db: DB, scope: Scope) {
  return db
    .selectFrom("deposits")
    .innerJoin("markets", "markets.id", "deposits.market_id")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope));
}

/** Each covered day with its close (counted cash, recorded total, note). */
const depositDaysWithCloses = (db: DB) =>
  db
    .selectFrom("deposit_days")
    .leftJoin("collection_days", (join) =>
      join
        .onRef("collection_days.market_id", "=", "deposit_days.market_id")
        .onRef("collection_days.business_date", "=", "deposit_days.business_date"),
    );

/** Counted cash of each deposit's covered days, for the difference it shows. */
function countedOfDeposits(db: DB, depositIds: number[]) {
  if (depositIds.length === 0) return Promise.resolve(new Map<number, number>());
  return depositDaysWithCloses(db)
    .where("deposit_days.deposit_id", "in", depositIds)
    .groupBy("deposit_days.deposit_id")
    .select(["deposit_days.deposit_id", (eb) => eb.fn.sum<number>("collection_days.counted_cash").as("counted")])
    .execute()
    .then((rows) => new Map(rows.map((row) => [row.deposit_id, Number(row.counted ?? 0)])));
}

export interface DepositFilters {
  marketId?: number;
  status?: DepositStatus;
  page?: number;
}

export async function listDeposits(db: DB, scope: Scope, filters: DepositFilters = {}) {
  const pageSize = 25;
  const { page, limit, offset } = pageWindow(filters.page, pageSize);
  const base = scopedDeposits(db, scope)
    .$if(filters.marketId != null, (qb) => qb.where("deposits.market_id", "=", filters.marketId!))
    .$if(filters.status != null, (qb) => qb.where("deposits.status", "=", filters.status!));
  const [rows, count] = await Promise.all([
    base
      .innerJoin("users as recorder", "recorder.id", "deposits.recorded_by_user_id")
      .select([
        "deposits.id",
        "deposits.channel",
        "deposits.reference",
        "deposits.amount",
        "deposits.deposit_date",
        "deposits.status",
        "deposits.market_id",
        "markets.name as market_name",
        "recorder.name as recorded_by",
      ])
      .orderBy(sql`case when deposits.status = 'recorded' then 0 else 1 end`)
      .orderBy("deposits.deposit_date", "desc")
      .orderBy("deposits.id", "desc")
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
  ]);
  const counted = await countedOfDeposits(db, rows.map((row) => row.id));
  const withDifference = rows.map((row) => ({ ...row, difference: depositDifference(row.amount, counted.get(row.id) ?? 0) }));
  return toPage(withDifference, count.total, page, pageSize);
}

/** The list page: one page of deposits and the markets to filter by. */
export async function loadDepositList(db: DB, scope: Scope, filters: DepositFilters, now = new Date()) {
  const [deposits, markets] = await Promise.all([listDeposits(db, scope, filters), listDepositMarkets(db, scope, now)]);
  return { deposits, markets };
}

/** Markets the caller may record deposits for, each with its local today. */
export async function listDepositMarkets(db: DB, scope: Scope, now = new Date()) {
  const rows = await scopedMarkets(db, scope)
    .select(["markets.id", "markets.name", "branches.code as branch_code", "branches.time_zone"])
    .where((eb) => eb.exists(eb.selectFrom("collection_days").select("collection_days.id").whereRef("collection_days.market_id", "=", "markets.id")))
    .orderBy("branches.code")
    .orderBy("markets.name")
    .execute();
  return rows.map((row) => ({ ...row, today: businessDate(now, row.time_zone) }));
}

export type DepositMarket = Awaited<ReturnType<typeof listDepositMarkets>>[number];

/** Closed days of a market that no recorded or verified deposit covers yet, oldest first. */
export function listCoverableDays(db: DB, marketId: number) {
  return db
    .selectFrom("collection_days")
    .where("collection_days.market_id", "=", marketId)
    .where("collection_days.status", "=", "closed")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("deposit_days")
            .innerJoin("deposits", "deposits.id", "deposit_days.deposit_id")
            .select("deposit_days.deposit_id")
            .whereRef("deposit_days.market_id", "=", "collection_days.market_id")
            .whereRef("deposit_days.business_date", "=", "collection_days.business_date")
            .where("deposits.status", "in", LIVE),
        ),
      ),
    )
    .select([
      "collection_days.business_date as date",
      "collection_days.counted_cash",
      "collection_days.recorded_total",
      "collection_days.variance",
      "collection_days.note",
    ])
    .orderBy("collection_days.business_date")
    .execute()
    .then((rows) => rows.map(({ counted_cash, ...row }) => ({ ...row, counted: counted_cash ?? 0 })));
}

/** The form: the caller's markets with business days and, for the chosen one, its coverable days. Null when the
 * market asked for is not among them (out of scope, or nothing ever collected there). */
export async function loadDepositForm(db: DB, scope: Scope, marketId: number | null, now = new Date()) {
  const markets = await listDepositMarkets(db, scope, now);
  const chosenId = marketId ?? (markets.length === 1 ? markets[0].id : null);
  const market = chosenId == null ? null : (markets.find((m) => m.id === chosenId) ?? null);
  if (chosenId != null && !market) return null;
  return { markets, market, days: market ? await listCoverableDays(db, market.id) : [] };
}

export type RecordDepositResult = { ok: true; depositId: number } | { ok: false; errors: FieldErrors } | { ok: false; notFound: true };

/**
 * Records a deposit in one transaction: the market must be in scope and every day closed and not covered by
 * another recorded or verified deposit at the moment of writing. (SQLite runs one write transaction at a time;
 * on PostgreSQL this check wants the collection_days rows locked first.)
 */
export async function recordDeposit(db: DB, scope: Scope, userId: number, input: DepositInput, now = new Date()): Promise<RecordDepositResult> {
  return db.transaction().execute(async (trx) => {
    const market = await scopedMarkets(trx, scope).select(["markets.id", "branches.time_zone"]).where("markets.id", "=", input.marketId).executeTakeFirst();
    if (!market) return { ok: false as const, notFound: true as const };
    const coverable = await listCoverableDays(trx, market.id);
    const errors = depositProblems(input, coverable, businessDate(now, market.time_zone));
    if (Object.keys(errors).length > 0) return { ok: false as const, errors };
    const { id } = await trx
      .insertInto("deposits")
      .values({
        market_id: market.id,
        channel: input.channel,
        reference: input.reference,
        amount: input.amount,
        deposit_date: input.depositDate,
        status: "recorded",
        note: input.note,
        recorded_by_user_id: userId,
        recorded_at: now.toISOString(),
        verified_by_user_id: null,
        verified_at: null,
        rejection_reason: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("deposit_days")
      .values(input.days.map((date) => ({ deposit_id: id, market_id: market.id, business_date: date })))
      .execute();
    return { ok: true as const, depositId: id };
  });
}

/** One deposit in scope with its days (counted cash and recorded total) and who recorded and reviewed it. */
export async function findDeposit(db: DB, scope: Scope, depositId: number) {
  const deposit = await scopedDeposits(db, scope)
    .innerJoin("users as recorder", "recorder.id", "deposits.recorded_by_user_id")
    .leftJoin("users as reviewer", "reviewer.id", "deposits.verified_by_user_id")
    .selectAll("deposits")
    .select(["markets.name as market_name", "branches.code as branch_code", "branches.time_zone", "recorder.name as recorded_by", "reviewer.name as reviewed_by"])
    .where("deposits.id", "=", depositId)
    .executeTakeFirst();
  if (!deposit) return null;
  const days = await depositDaysWithCloses(db)
    .where("deposit_days.deposit_id", "=", depositId)
    .select(["deposit_days.business_date as date", "collection_days.counted_cash", "collection_days.recorded_total", "collection_days.note"])
    .orderBy("deposit_days.business_date")
    .execute();
  const counted = days.reduce((total, day) => total + (day.counted_cash ?? 0), 0);
  return { ...deposit, days, counted, difference: depositDifference(deposit.amount, counted) };
}

export type DepositDetail = NonNullable<Awaited<ReturnType<typeof findDeposit>>>;

export type ReviewOutcome = "not_found" | { error: string } | null;

/**
 * Verifies or rejects a deposit still awaiting review. The update is conditional on the status, so two reviewers
 * racing cannot both decide. Returns null on success.
 */
export async function reviewDeposit(
  db: DB,
  scope: Scope,
  review: { depositId: number; reviewerId: number; verdict: "verify" | "reject"; reason: string | null },
  now = new Date(),
): Promise<ReviewOutcome> {
  return db.transaction().execute(async (trx) => {
    const deposit = await scopedDeposits(trx, scope)
      .select(["deposits.id", "deposits.status", "deposits.recorded_by_user_id"])
      .where("deposits.id", "=", review.depositId)
      .executeTakeFirst();
    if (!deposit) return "not_found";
    const problem = verificationProblem({ status: deposit.status, recordedByUserId: deposit.recorded_by_user_id }, review.reviewerId, review);
    if (problem) return { error: problem };
    const result = await trx
      .updateTable("deposits")
      .set({
        status: review.verdict === "verify" ? "verified" : "rejected",
        verified_by_user_id: review.reviewerId,
        verified_at: now.toISOString(),
        rejection_reason: review.verdict === "reject" ? review.reason : null,
      })
      .where("id", "=", deposit.id)
      .where("status", "=", "recorded")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? null : { error: "deposits.notAwaiting" };
  });
}
