import type { DemoContext } from "./demo";
import { businessDate } from "../../app/domain/business-day";
import { localInstant } from "../../app/domain/collections";
import { daysUntil } from "../../app/domain/mou-status";

// Weekly bank deposits of the closed days' counted cash. Pasar Flamboyan's collector deposits to BRI every week
// and Sari (KC-PTK staff) verifies; the deposit made yesterday still awaits her. Pasar Demo Pandansari's cash is
// collected and deposited by Balikpapan staff, so the admin verifies (a recorder never verifies their own).
// Pasar Kahayan has no staff account in the demo and nobody has deposited: its cash in hand is flagged.
// One deposit is Rp1,000 short of the counted cash, with a note.

const PLANS: Record<string, { recorder: string; verifier: string; channel: "BRI" | "Mandiri"; awaitLatest: boolean }> = {
  "Pasar Flamboyan": { recorder: "kolektor.flamboyan@demo.id", verifier: "staf.pontianak@demo.id", channel: "BRI", awaitLatest: true },
  "Pasar Demo Pandansari": { recorder: "staf.balikpapan@demo.id", verifier: "admin@demo.id", channel: "Mandiri", awaitLatest: false },
};
const SHORT_BY = 1_000;
const SHORT_NOTE = "Satu lembar Rp1.000 rusak ditolak teller; disetor bersama setoran berikutnya.";

export async function seedDeposits(context: DemoContext) {
  const { db, now } = context;
  const markets = await db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where("markets.name", "in", Object.keys(PLANS))
    .select(["markets.id", "markets.name", "branches.time_zone"])
    .orderBy("markets.id")
    .execute();
  for (const market of markets) {
    const plan = PLANS[market.name];
    const today = businessDate(now, market.time_zone);
    const days = await db
      .selectFrom("collection_days")
      .select(["business_date", "counted_cash"])
      .where("market_id", "=", market.id)
      .where("status", "=", "closed")
      .orderBy("business_date", "desc")
      .execute();
    // Week k holds the closed days 7k+1 … 7k+7 days ago; it is deposited on its own last day, after the close.
    const weeks = new Map<number, typeof days>();
    for (const day of days) {
      const week = Math.floor((daysUntil(today, day.business_date) - 1) / 7);
      weeks.set(week, [...(weeks.get(week) ?? []), day]);
    }
    for (const [week, covered] of [...weeks].sort(([a], [b]) => b - a)) {
      const lastDay = covered[0].business_date;
      const counted = covered.reduce((total, day) => total + (day.counted_cash ?? 0), 0);
      const short = market.name === "Pasar Flamboyan" && week === 2;
      const recordedAt = localInstant(lastDay, 15 * 60 + 30, market.time_zone);
      const awaiting = plan.awaitLatest && week === 0;
      const verifiedAt = new Date(Math.min(localInstant(lastDay, 24 * 60 + 9 * 60, market.time_zone).getTime(), now.getTime()));
      const { id } = await db
        .insertInto("deposits")
        .values({
          market_id: market.id,
          channel: plan.channel,
          reference: `${plan.channel}-${lastDay.replace(/-/g, "")}-${String(market.id).padStart(3, "0")}`,
          amount: counted - (short ? SHORT_BY : 0),
          deposit_date: lastDay,
          status: awaiting ? "recorded" : "verified",
          note: short ? SHORT_NOTE : null,
          recorded_by_user_id: context.userIds.get(plan.recorder)!,
          recorded_at: recordedAt.toISOString(),
          verified_by_user_id: awaiting ? null : context.userIds.get(plan.verifier)!,
          verified_at: awaiting ? null : verifiedAt.toISOString(),
          rejection_reason: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("deposit_days")
        .values(covered.map((day) => ({ deposit_id: id, market_id: market.id, business_date: day.business_date })))
        .execute();
    }
  }
}
