import type { DB } from "../utils/db.server";
import type { Scope } from "../domain/scope";
import { businessDate } from "../domain/business-day";
import { closeDayProblem, REASON_MAX } from "../domain/collections";
import { marketInScope } from "./scope.server";

// Closing a market's business day with the counted cash (variance against the ledger, a note when they
// differ) and reopening it; both are kept in collection_day_events. A closed day takes no more entries.

/** A market in scope with its time zone (whose calendar its business days follow), or undefined. */
export async function scopedMarket(db: DB, scope: Scope, marketId: number) {
  return db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope))
    .where("markets.id", "=", marketId)
    .select(["markets.id", "markets.name", "branches.time_zone"])
    .executeTakeFirst();
}

async function recordedTotal(db: DB, marketId: number, date: string): Promise<number> {
  const row = await db
    .selectFrom("daily_market_collections")
    .select("total_amount")
    .where("market_id", "=", marketId)
    .where("business_date", "=", date)
    .executeTakeFirst();
  return row?.total_amount ?? 0;
}

export interface CloseDayRequest {
  marketId: number;
  businessDate: string;
  countedCash: number | null;
  note: string;
  userId: number;
  now?: Date;
}

export type DayOutcome = { ok: true } | { ok: false; error: string };

export async function closeDay(db: DB, scope: Scope, request: CloseDayRequest): Promise<DayOutcome> {
  const now = request.now ?? new Date();
  return db.transaction().execute(async (trx): Promise<DayOutcome> => {
    const market = await scopedMarket(trx, scope, request.marketId);
    if (!market) return { ok: false, error: "collections.close.notFound" };
    const date = request.businessDate;
    const [day, recorded] = await Promise.all([
      trx.selectFrom("collection_days").select("status").where("market_id", "=", market.id).where("business_date", "=", date).executeTakeFirst(),
      recordedTotal(trx, market.id, date),
    ]);
    const note = request.note.trim();
    const problem = closeDayProblem({ date, today: businessDate(now, market.time_zone), status: day?.status ?? "open", countedCash: request.countedCash, recordedTotal: recorded, note });
    if (problem) return { ok: false, error: `collections.close.${problem}` };
    const at = now.toISOString();
    const closing = {
      status: "closed" as const,
      counted_cash: request.countedCash!,
      recorded_total: recorded,
      variance: request.countedCash! - recorded,
      note: note || null,
      closed_by_user_id: request.userId,
      closed_at: at,
      updated_at: at,
    };
    const { id } = await trx
      .insertInto("collection_days")
      .values({ market_id: market.id, business_date: date, created_at: at, ...closing })
      .onConflict((oc) => oc.columns(["market_id", "business_date"]).doUpdateSet(closing))
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("collection_day_events")
      .values({ collection_day_id: id, kind: "closed", counted_cash: closing.counted_cash, recorded_total: recorded, variance: closing.variance, note: closing.note, user_id: request.userId, created_at: at })
      .execute();
    return { ok: true };
  });
}

export interface ReopenDayRequest {
  marketId: number;
  businessDate: string;
  reason: string;
  userId: number;
  now?: Date;
}

/** Branch staff reopen a closed day so a missed entry can be added; the reason is kept. */
/**
 * Whether a recorded or verified bank deposit covers the day: its total is then fixed (no reopening, no
 * reversal landing on it), or the day would drift from the cash the bank holds.
 */
export async function dayDeposited(db: DB, marketId: number, businessDate: string): Promise<boolean> {
  const deposit = await db
    .selectFrom("deposit_days")
    .innerJoin("deposits", "deposits.id", "deposit_days.deposit_id")
    .select("deposits.id")
    .where("deposit_days.market_id", "=", marketId)
    .where("deposit_days.business_date", "=", businessDate)
    .where("deposits.status", "in", ["recorded", "verified"])
    .executeTakeFirst();
  return deposit != null;
}

export async function reopenDay(db: DB, scope: Scope, request: ReopenDayRequest): Promise<DayOutcome> {
  const now = request.now ?? new Date();
  const reason = request.reason.trim();
  if (reason === "" || reason.length > REASON_MAX) return { ok: false, error: "collections.reopen.reasonRequired" };
  return db.transaction().execute(async (trx): Promise<DayOutcome> => {
    const market = await scopedMarket(trx, scope, request.marketId);
    if (!market) return { ok: false, error: "collections.close.notFound" };
    if (await dayDeposited(trx, market.id, request.businessDate)) return { ok: false, error: "collections.reopen.deposited" };
    const at = now.toISOString();
    const day = await trx
      .updateTable("collection_days")
      .set({ status: "open", reopened_by_user_id: request.userId, reopened_at: at, reopen_reason: reason, updated_at: at })
      .where("market_id", "=", market.id)
      .where("business_date", "=", request.businessDate)
      .where("status", "=", "closed")
      .returning("id")
      .executeTakeFirst();
    if (!day) return { ok: false, error: "collections.reopen.notClosed" };
    await trx
      .insertInto("collection_day_events")
      .values({ collection_day_id: day.id, kind: "reopened", counted_cash: null, recorded_total: null, variance: null, note: reason, user_id: request.userId, created_at: at })
      .execute();
    return { ok: true };
  });
}

const RECENT_CLOSED_DAYS = 14;

/** The close page: today and any earlier day still open (with their recorded totals), and recent closes. */
export async function loadDayClosing(db: DB, scope: Scope, marketId: number, now = new Date()) {
  const market = await scopedMarket(db, scope, marketId);
  if (!market) return null;
  const today = businessDate(now, market.time_zone);
  const [days, totals, events] = await Promise.all([
    db
      .selectFrom("collection_days")
      .leftJoin("users as closer", "closer.id", "collection_days.closed_by_user_id")
      .leftJoin("users as reopener", "reopener.id", "collection_days.reopened_by_user_id")
      .where("collection_days.market_id", "=", market.id)
      .where("collection_days.business_date", "<=", today)
      .select([
        "collection_days.business_date",
        "collection_days.status",
        "collection_days.counted_cash",
        "collection_days.recorded_total",
        "collection_days.variance",
        "collection_days.note",
        "collection_days.closed_at",
        "collection_days.reopened_at",
        "collection_days.reopen_reason",
        "closer.name as closed_by",
        "reopener.name as reopened_by",
      ])
      .orderBy("collection_days.business_date", "desc")
      .execute(),
    db
      .selectFrom("daily_market_collections")
      .select(["business_date", "total_amount", "entries_count"])
      .where("market_id", "=", market.id)
      .where("business_date", "<=", today)
      .execute(),
    db
      .selectFrom("collection_day_events")
      .innerJoin("collection_days", "collection_days.id", "collection_day_events.collection_day_id")
      .innerJoin("users", "users.id", "collection_day_events.user_id")
      .where("collection_days.market_id", "=", market.id)
      .select([
        "collection_day_events.id",
        "collection_days.business_date",
        "collection_day_events.kind",
        "collection_day_events.variance",
        "collection_day_events.note",
        "collection_day_events.created_at",
        "users.name as user_name",
      ])
      .orderBy("collection_day_events.id", "desc")
      .limit(20)
      .execute(),
  ]);
  const totalOn = new Map(totals.map((row) => [row.business_date, row]));
  const totalsOf = (date: string) => ({ recorded: totalOn.get(date)?.total_amount ?? 0, entries: totalOn.get(date)?.entries_count ?? 0 });
  const openDays = days.filter((day) => day.status === "open");
  // Today is open even before its first entry creates a row.
  const openDates = days.some((day) => day.business_date === today) ? [] : [today];
  const open = [
    ...openDates.map((date) => ({ business_date: date, reopen_reason: null as string | null, ...totalsOf(date) })),
    ...openDays.map((day) => ({ business_date: day.business_date, reopen_reason: day.reopen_reason, ...totalsOf(day.business_date) })),
  ];
  const closed = days
    .filter((day) => day.status === "closed")
    .slice(0, RECENT_CLOSED_DAYS)
    .map((day) => ({ ...day, ...totalsOf(day.business_date) }));
  return { market, today, timeZone: market.time_zone, open, closed, events };
}

export type DayClosingData = NonNullable<Awaited<ReturnType<typeof loadDayClosing>>>;
