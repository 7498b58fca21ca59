import type { Insertable } from "kysely";
import type { CollectionDayEventTable, CollectionDayTable, CollectionEntryTable, DailyMarketCollectionTable } from "../schema";
import type { DemoContext } from "./demo";
import { seededRandom } from "./random";
import { businessDate } from "../../app/domain/business-day";
import { branchShortCode, localInstant, marketShortCodes, receiptNumber } from "../../app/domain/collections";
import { dailyAmountSuggestion } from "../../app/domain/coverage";
import { addMonths, daysInMonth, monthRange } from "../../app/domain/premium";
import { loadRateTable } from "../../app/models/rates.server";
import { premiumScheduleFor } from "../../app/models/coverage.server";

// Eight weeks of daily collections at every market that collects, traders joining over the first three weeks:
// most pay their usual daily amount, some weekly, some irregularly, a few stopped (so arrears exist) or never
// paid. A trader's first payment also settles the months since enrolment and the next one, as traders do when a
// market starts collecting (half of the irregular payers never did, so they carry old arrears). Every past day is
// closed with its counted cash (a few small variances, with notes); today stays open. Two typing mistakes are
// reversed by the collector on the day, and one entry without cash is reversed by branch staff after the close.
// Inserts are batched; trader coverage is computed once for every trader by the final refreshAllCoverage step.

const WEEKS = 8;
const VARIANCE_NOTES: [number, string][] = [
  [-500, "Uang kembalian kurang Rp500, akan diganti besok"],
  [-200, "Selisih pembulatan uang receh"],
  [1000, "Pedagang menitipkan lebih, dicatat besok"],
  [-1000, "Satu lembar Rp1.000 rusak, ditukar ke bank"],
  [300, "Kelebihan dari pedagang yang tidak menunggu kuitansi"],
];

type Habit = "daily" | "weekly" | "irregular" | "stopped" | "never";

function habitOf(roll: number): Habit {
  if (roll < 0.55) return "daily";
  if (roll < 0.75) return "weekly";
  if (roll < 0.87) return "irregular";
  return roll < 0.95 ? "stopped" : "never";
}

interface Planned {
  traderId: number;
  amount: number;
  minutes: number;
  kind: "payment" | "reversal";
  reason?: string;
  /** Index (in the day's list) of the entry this one reverses. */
  reverses?: number;
  createdLater?: boolean;
}

export async function seedCollections(context: DemoContext) {
  const { db, now } = context;
  const random = seededRandom(20261123);
  // Its own sequence, so when traders join changes nothing else the seed draws.
  const joining = seededRandom(20261125);
  const rates = await loadRateTable(db);
  const markets = await db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .innerJoin("mous", "mous.market_id", "markets.id")
    .where("markets.stage", "=", "collecting")
    .where("mous.status", "=", "signed")
    .select(["markets.id", "markets.name", "markets.branch_id", "branches.code as branch_code", "branches.time_zone", "mous.in_force_from"])
    .orderBy("markets.id")
    .execute();
  const staffEmail: Record<string, string> = { "KC-PTK": "staf.pontianak@demo.id", "KC-BPN": "staf.balikpapan@demo.id" };
  const admin = context.userIds.get("admin@demo.id")!;

  for (const market of markets) {
    const collector =
      (await db.selectFrom("users").select("id").where("market_id", "=", market.id).where("role", "=", "market_collector").executeTakeFirst())?.id ??
      context.userIds.get(staffEmail[market.branch_code]) ??
      admin;
    const staff = context.userIds.get(staffEmail[market.branch_code]) ?? admin;
    const siblings = await db.selectFrom("markets").select(["id", "name"]).where("branch_id", "=", market.branch_id).execute();
    const prefix = [branchShortCode(market.branch_code), marketShortCodes(siblings).get(market.id)!] as const;
    const traders = await db
      .selectFrom("traders")
      .select(["id", "nominal", "jht", "payer_type", "coverage_start_month", "enrolled_at"])
      .where("market_id", "=", market.id)
      .where("status", "=", "registered")
      .where("payer_type", "=", "mandiri")
      .orderBy("id")
      .execute();
    const today = businessDate(now, market.time_zone);
    const plans = traders.map((trader) => ({
      trader,
      habit: habitOf(random.next()),
      weekday: random.int(0, 6),
      stopAfter: random.int(25, 50),
      premiumFor: premiumScheduleFor(trader, rates),
      started: false,
      /** Traders start paying over the first three weeks of collecting, not all on its first day. */
      joinsOnDay: joining.int(0, 20),
      enrolledOn: businessDate(new Date(trader.enrolled_at), market.time_zone),
    }));

    const entries: Insertable<CollectionEntryTable>[] = [];
    const days: Insertable<CollectionDayTable>[] = [];
    const events: { date: string; event: Omit<Insertable<CollectionDayEventTable>, "collection_day_id"> }[] = [];
    const summaries: Insertable<DailyMarketCollectionTable>[] = [];
    const reversalLinks: { entry: number; original: number }[] = [];

    let collectingDay = -1;
    for (let daysAgo = WEEKS * 7 - 1; daysAgo >= 0; daysAgo -= 1) {
      const date = businessDate(new Date(now.getTime() - daysAgo * 86_400_000), market.time_zone);
      if (!market.in_force_from || date < market.in_force_from) continue;
      collectingDay += 1;
      const month = date.slice(0, 7);
      const planned: Planned[] = [];
      for (const plan of plans) {
        if (plan.enrolledOn > date || plan.habit === "never" || (!plan.started && collectingDay < plan.joinsOnDay)) continue;
        if (plan.habit === "stopped" && daysAgo < plan.stopAfter) continue;
        const daily = dailyAmountSuggestion(plan.premiumFor(month), daysInMonth(month));
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        const pays =
          plan.habit === "weekly" ? weekday === plan.weekday : plan.habit === "irregular" ? random.next() < 0.45 : random.next() < 0.95;
        if (!pays) continue;
        let amount = plan.habit === "weekly" ? daily * 7 : plan.habit === "irregular" ? daily * random.int(1, 2) : daily;
        if (!plan.started) {
          plan.started = true;
          // Settle the months since enrolment and the next month, so daily payments then run a month ahead.
          const settle = monthRange(plan.trader.coverage_start_month, addMonths(month, 1)).reduce((sum, m) => sum + plan.premiumFor(m), 0);
          if (plan.habit !== "irregular" || random.next() < 0.5) amount += settle;
        }
        planned.push({ traderId: plan.trader.id, amount, minutes: random.int(7 * 60, 12 * 60 + 30), kind: "payment" });
      }
      planned.sort((a, b) => a.minutes - b.minutes);
      addMistakes(planned, market.name, daysAgo);

      const midnight = localInstant(date, 0, market.time_zone).getTime();
      const at = (minutes: number) => new Date(midnight + minutes * 60_000);
      const dayEntries = planned.filter((entry) => at(entry.minutes) <= now);
      const firstIndex = entries.length;
      dayEntries.forEach((entry, offset) => {
        const collectedAt = at(entry.minutes);
        const createdAt = entry.createdLater ? at(24 * 60 + 9 * 60) : collectedAt;
        if (entry.reverses != null) reversalLinks.push({ entry: firstIndex + offset, original: firstIndex + entry.reverses });
        entries.push({
          trader_id: entry.traderId,
          market_id: market.id,
          collector_user_id: entry.createdLater ? staff : collector,
          business_date: date,
          amount: entry.amount,
          receipt_number: receiptNumber(prefix[0], prefix[1], date, offset + 1),
          receipt_sequence: offset + 1,
          idempotency_key: `seed-${market.id}-${date}-${offset + 1}`,
          kind: entry.kind,
          reverses_entry_id: null,
          reason: entry.reason ?? null,
          collected_at: collectedAt.toISOString(),
          created_at: createdAt.toISOString(),
          device_id: entry.createdLater ? null : "seed-phone-1",
        });
      });
      if (dayEntries.length === 0 && date !== today) continue;
      const total = dayEntries.reduce((sum, entry) => sum + entry.amount, 0);
      summaries.push({ market_id: market.id, business_date: date, entries_count: dayEntries.length, total_amount: total, updated_at: now.toISOString() });
      const created = at(7 * 60).toISOString();
      if (date === today) {
        days.push({ market_id: market.id, business_date: date, status: "open", last_receipt_sequence: dayEntries.length, created_at: created, updated_at: created });
        continue;
      }
      // Recorded at close excludes the staff reversal made the next day; the counted cash never had that money.
      const lateReversal = dayEntries.filter((entry) => entry.createdLater).reduce((sum, entry) => sum + entry.amount, 0);
      const recorded = total - lateReversal;
      const [variance, note] = lateReversal !== 0 ? [lateReversal, "Satu catatan tanpa uang (salah pedagang), minta dibatalkan staf cabang"] : random.next() < 0.15 ? random.pick(VARIANCE_NOTES) : [0, null];
      const closedAt = at(14 * 60 + random.int(0, 59)).toISOString();
      const closing = { counted_cash: recorded + variance, recorded_total: recorded, variance, note };
      days.push({ market_id: market.id, business_date: date, status: "closed", last_receipt_sequence: dayEntries.length, ...closing, closed_by_user_id: collector, closed_at: closedAt, created_at: created, updated_at: closedAt });
      events.push({ date, event: { kind: "closed", ...closing, user_id: collector, created_at: closedAt } });
    }

    for (let start = 0; start < entries.length; start += 500) {
      const ids = await db.insertInto("collection_entries").values(entries.slice(start, start + 500)).returning("id").execute();
      ids.forEach((row, offset) => (entries[start + offset].id = row.id));
    }
    for (const link of reversalLinks) {
      await db.updateTable("collection_entries").set({ reverses_entry_id: entries[link.original].id as number }).where("id", "=", entries[link.entry].id as number).execute();
    }
    for (let start = 0; start < days.length; start += 300) {
      const ids = await db.insertInto("collection_days").values(days.slice(start, start + 300)).returning(["id", "business_date"]).execute();
      const idOn = new Map(ids.map((row) => [row.business_date, row.id]));
      const closes = events.filter((item) => idOn.has(item.date)).map((item) => ({ ...item.event, collection_day_id: idOn.get(item.date)! }));
      if (closes.length > 0) await db.insertInto("collection_day_events").values(closes).execute();
    }
    if (summaries.length > 0) await db.insertInto("daily_market_collections").values(summaries).execute();
  }
}

/**
 * At Pasar Flamboyan: twice a typed Rp3.000 instead of Rp300, reversed by the collector at once and re-entered;
 * once an entry for the wrong trader (no cash), reversed by branch staff the next morning.
 */
function addMistakes(planned: Planned[], marketName: string, daysAgo: number) {
  if (marketName !== "Pasar Flamboyan" || planned.length < 3) return;
  if (daysAgo === 20 || daysAgo === 6) {
    const [first] = planned;
    planned.splice(
      1,
      0,
      { traderId: first.traderId, amount: first.amount * 10, minutes: first.minutes, kind: "payment" },
      { traderId: first.traderId, amount: -first.amount * 10, minutes: first.minutes + 2, kind: "reversal", reason: "Salah ketik jumlah (kelebihan satu nol)", reverses: 1 },
    );
  }
  if (daysAgo === 9) {
    const wrong = planned[2];
    planned.push(
      { traderId: wrong.traderId, amount: wrong.amount, minutes: wrong.minutes + 5, kind: "payment" },
      { traderId: wrong.traderId, amount: -wrong.amount, minutes: wrong.minutes + 5, kind: "reversal", reason: "Dicatat untuk pedagang yang salah; uang tidak diterima", reverses: planned.length, createdLater: true },
    );
  }
}
