import type { DB } from "../utils/db.server";
import type { Scope } from "../domain/scope";
import { businessDate } from "../domain/business-day";
import { feeStatement, monthWindow } from "../domain/collector-fee";
import { addMonths, isPremiumMonth } from "../domain/premium";
import { findMou, listMouCollectors } from "./mous.server";

// The collector fee statement of an MoU for one month: the market's net collections on the business days of that
// month while the MoU was in force, split by collector, times the MoU's fee in basis points.

/** The statement; null when the MoU is outside the scope. `month` defaults to the market's current month. */
export async function loadFeeStatement(db: DB, scope: Scope, mouId: number, month: string | null, now = new Date()) {
  const mou = await findMou(db, scope, mouId, now);
  if (!mou) return null;
  const currentMonth = businessDate(now, mou.time_zone).slice(0, 7);
  const shownMonth = month && isPremiumMonth(month) ? month : currentMonth;
  const signed = mou.status === "signed" || mou.status === "terminated";
  const period = signed && mou.in_force_from ? monthWindow(shownMonth, { from: mou.in_force_from, to: mou.terminated_on ?? mou.expires_on }) : null;
  const named = await listMouCollectors(db, mou.id);
  // A reversal counts against the collector of the entry it reverses, whoever recorded it.
  const collected = period
    ? await db
        .selectFrom("collection_entries as e")
        .leftJoin("collection_entries as original", "original.id", "e.reverses_entry_id")
        .innerJoin("users", (join) => join.on((eb) => eb("users.id", "=", eb.fn.coalesce("original.collector_user_id", "e.collector_user_id"))))
        .where("e.market_id", "=", mou.market_id)
        .where("e.business_date", ">=", period.from)
        .where("e.business_date", "<=", period.to)
        .groupBy(["users.id", "users.name"])
        .select(["users.id", "users.name", (eb) => eb.fn.sum<number>("e.amount").as("net"), (eb) => eb.fn.countAll<number>().as("entries")])
        .orderBy("users.name")
        .execute()
    : [];
  const namedIds = new Set(named.map((collector) => collector.id));
  const lines = [
    ...collected.map((row) => ({ collectorId: row.id, collectorName: row.name, net: Number(row.net), entries: Number(row.entries), namedOnMou: namedIds.has(row.id) })),
    ...named
      .filter((collector) => !collected.some((row) => row.id === collector.id))
      .map((collector) => ({ collectorId: collector.id, collectorName: collector.name, net: 0, entries: 0, namedOnMou: true })),
  ];
  return {
    mou,
    month: shownMonth,
    previousMonth: addMonths(shownMonth, -1),
    nextMonth: shownMonth < currentMonth ? addMonths(shownMonth, 1) : null,
    period,
    statement: feeStatement(lines, mou.collector_fee_basis_points),
  };
}
