import type { MarketStage, VisitPurpose } from "../schema";
import type { DemoContext } from "./demo";
import { businessDate } from "../../app/domain/business-day";
import { distanceMetres } from "../../app/domain/geo";
import { addDays } from "../../app/domain/visit-status";
import { insertVisit } from "../../app/models/visits.server";

// Visits for the two demo branches with staff accounts: the visits behind each market's stage history
// (with outcomes and on-site check-ins), later enrolment and collection visits, one cancelled visit,
// an overdue one, today's round and the rest of the week, so /agenda is alive right after seeding.

interface PlannedDemoVisit {
  market: string;
  /** Days from the branch's local today; negative = overdue. */
  day: number;
  time: string;
  purpose: VisitPurpose;
  notes: string;
  /** The day it was first planned for, when it was moved (recorded as a reschedule). */
  movedFrom?: number;
}

interface BranchPlan {
  staffEmail: string;
  upcoming: PlannedDemoVisit[];
  cancelled: PlannedDemoVisit & { reason: string };
}

const PLANS: Record<string, BranchPlan> = {
  "KC-PTK": {
    staffEmail: "staf.pontianak@demo.id",
    upcoming: [
      { market: "Pasar Tengah", day: -3, time: "09:00", purpose: "socialisation", notes: "Perkenalan program ke pengelola Pasar Tengah." },
      { market: "Pasar Kenanga Anggrek", day: 0, time: "09:00", purpose: "socialisation", notes: "Bawa brosur iuran harian Rp300." },
      { market: "Pasar Dahlia", day: 0, time: "10:30", purpose: "negotiation", notes: "Bahas draf MoU dengan UPT Pasar." },
      { market: "Pasar Flamboyan", day: 0, time: "13:00", purpose: "collection_check", notes: "Cek buku setoran kolektor." },
      { market: "Pasar Kenanga", day: 2, time: "09:30", purpose: "negotiation", notes: "Lanjutan: jadwal sosialisasi bersama pengelola." },
      { market: "Pasar Kapuas Besar", day: 4, time: "10:00", purpose: "socialisation", notes: "Cek apakah renovasi sudah selesai.", movedFrom: 1 },
    ],
    cancelled: {
      market: "Pasar Tengah",
      day: -10,
      time: "10:00",
      purpose: "socialisation",
      notes: "Perkenalan program.",
      reason: "Kepala UPT sedang dinas luar kota; dijadwalkan ulang.",
    },
  },
  "KC-BPN": {
    staffEmail: "staf.balikpapan@demo.id",
    upcoming: [
      { market: "Pasar Demo Pandansari", day: -2, time: "14:00", purpose: "collection_check", notes: "Rekonsiliasi setoran pekan lalu." },
      { market: "Pasar Demo Klandasan", day: 0, time: "10:00", purpose: "negotiation", notes: "Tanda tangan draf MoU bila disetujui." },
      { market: "Pasar Demo Sepinggan", day: 0, time: "14:00", purpose: "socialisation", notes: "Sosialisasi ke paguyuban pedagang." },
      { market: "Pasar Demo Pandansari", day: 3, time: "08:30", purpose: "enrolment_drive", notes: "Pendaftaran pedagang blok C." },
    ],
    cancelled: {
      market: "Pasar Demo Sepinggan",
      day: -6,
      time: "09:00",
      purpose: "socialisation",
      notes: "Perkenalan program.",
      reason: "Pasar tutup karena banjir.",
    },
  },
};

const STEP_PURPOSE: Partial<Record<MarketStage, VisitPurpose>> = {
  visited: "socialisation",
  negotiating: "negotiation",
  declined: "negotiation",
  paused: "socialisation",
};

const STEP_OUTCOME: Partial<Record<MarketStage, { notes: string; next: string }>> = {
  visited: { notes: "Pengelola menerima tim dan tertarik; pedagang bertanya soal besaran iuran.", next: "Kirim draf MoU dan simulasi iuran harian." },
  negotiating: { notes: "Draf MoU dibahas pasal demi pasal; pengelola minta waktu konsultasi ke Dinas.", next: "Tindak lanjut jawaban Dinas." },
  declined: { notes: "Pengelola belum bersedia bekerja sama.", next: "Coba lagi tahun depan." },
  paused: { notes: "Pasar sedang direnovasi; pedagang dipindah sementara.", next: "Kunjungi lagi setelah renovasi." },
};

const ENROLMENT_OUTCOME = {
  notes: "Pendaftaran massal di kantor pengelola; data KTP pedagang dicatat.",
  next: "Kolektor mulai menarik iuran harian.",
};
const COLLECTION_CHECK_OUTCOME = { notes: "Setoran kolektor cocok dengan buku kuitansi.", next: "Pemeriksaan bulanan berikutnya." };

const DAY = 86_400_000;

const localTime = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);

export async function seedVisits(context: DemoContext) {
  for (const [branchCode, plan] of Object.entries(PLANS)) {
    const branchId = context.branchIds.get(branchCode);
    const staffId = context.userIds.get(plan.staffEmail);
    if (branchId == null || staffId == null) continue;
    const branch = await context.db.selectFrom("branches").select("time_zone").where("id", "=", branchId).executeTakeFirstOrThrow();
    const markets = await context.db
      .selectFrom("markets")
      .select(["id", "name", "lat", "lng", "stage", "operator_name"])
      .where("branch_id", "=", branchId)
      .orderBy("id")
      .execute();
    const lastVisit = new Map<number, number>();
    for (const market of markets) {
      const id = await seedPastVisits(context, market, staffId, branch.time_zone);
      if (id != null) lastVisit.set(market.id, id);
    }
    await seedComingVisits(context, plan, markets, staffId, branch.time_zone, lastVisit);
  }
}

type DemoMarket = { id: number; name: string; lat: number | null; lng: number | null; stage: MarketStage; operator_name: string | null };

/** A done visit for every stage step a visit explains, linked from the history, then post-MoU visits. */
async function seedPastVisits(context: DemoContext, market: DemoMarket, staffId: number, timeZone: string): Promise<number | null> {
  const { db, random } = context;
  const steps = await db
    .selectFrom("market_stage_changes")
    .select(["id", "to_stage", "changed_at"])
    .where("market_id", "=", market.id)
    .where("from_stage", "is not", null)
    .orderBy("changed_at")
    .execute();
  let previous: number | null = null;
  const record = async (at: Date, purpose: VisitPurpose, outcome: { notes: string; next: string }, counts: { socialised: number; enrolled: number }) => {
    const checkedIn = new Date(at.getTime() - random.int(4, 30) * 5 * 60_000);
    const here = market.lat == null || market.lng == null ? null : { lat: market.lat + (random.next() - 0.5) * 0.004, lng: market.lng + (random.next() - 0.5) * 0.004 };
    previous = await insertVisit(
      db,
      {
        market_id: market.id,
        planned_date: businessDate(checkedIn, timeZone),
        planned_time: localTime(checkedIn, timeZone),
        purpose,
        notes: null,
        status: "done",
        previous_visit_id: previous,
        created_by_user_id: staffId,
        created_at: new Date(at.getTime() - 7 * DAY).toISOString(),
        checked_in_at: checkedIn.toISOString(),
        checked_in_by_user_id: staffId,
        check_in_lat: here ? Number(here.lat.toFixed(6)) : null,
        check_in_lng: here ? Number(here.lng.toFixed(6)) : null,
        check_in_accuracy_m: here ? random.int(6, 40) : null,
        check_in_distance_m: here ? Math.round(distanceMetres(here, { lat: market.lat!, lng: market.lng! })) : null,
        outcome_recorded_at: at.toISOString(),
        outcome_by_user_id: staffId,
        people_met: market.operator_name ? `Kepala pengelola (${market.operator_name})` : "Pengelola pasar",
        traders_socialised: counts.socialised,
        traders_enrolled: counts.enrolled,
        outcome_notes: outcome.notes,
        next_step: outcome.next,
      },
      [staffId],
    );
    return previous;
  };
  for (const step of steps) {
    const purpose = STEP_PURPOSE[step.to_stage];
    const outcome = STEP_OUTCOME[step.to_stage];
    if (!purpose || !outcome) continue;
    const visitId = await record(new Date(step.changed_at), purpose, outcome, { socialised: random.int(10, 60), enrolled: 0 });
    await db.updateTable("market_stage_changes").set({ source: "visit", visit_id: visitId }).where("id", "=", step.id).execute();
  }
  // After an MoU the branch enrols traders on site; once collecting, it checks the collector's books.
  const signed = steps.find((step) => step.to_stage === "mou_signed");
  if (signed) {
    const at = Math.min(new Date(signed.changed_at).getTime() + 4 * DAY, context.now.getTime() - DAY);
    await record(new Date(at), "enrolment_drive", ENROLMENT_OUTCOME, { socialised: random.int(60, 150), enrolled: random.int(25, 80) });
  }
  const collecting = steps.find((step) => step.to_stage === "collecting");
  if (collecting) {
    const at = Math.min(new Date(collecting.changed_at).getTime() + 4 * DAY, context.now.getTime() - DAY);
    await record(new Date(at), "collection_check", COLLECTION_CHECK_OUTCOME, { socialised: 0, enrolled: random.int(0, 5) });
  }
  return previous;
}

async function seedComingVisits(
  context: DemoContext,
  plan: BranchPlan,
  markets: DemoMarket[],
  staffId: number,
  timeZone: string,
  lastVisit: Map<number, number>,
) {
  const { db, now } = context;
  const today = businessDate(now, timeZone);
  const createdAt = new Date(now.getTime() - 8 * DAY).toISOString();
  const planDemoVisit = async (visit: PlannedDemoVisit, status: "planned" | "cancelled", cancelReason: string | null = null) => {
    const market = markets.find((m) => m.name === visit.market);
    if (!market) return null;
    const visitId = await insertVisit(
      db,
      {
        market_id: market.id,
        planned_date: addDays(today, visit.day),
        planned_time: visit.time,
        purpose: visit.purpose,
        notes: visit.notes,
        status,
        previous_visit_id: lastVisit.get(market.id) ?? null,
        created_by_user_id: staffId,
        created_at: createdAt,
        cancel_reason: cancelReason,
      },
      [staffId],
    );
    return { visitId, market };
  };
  for (const visit of plan.upcoming) {
    const made = await planDemoVisit(visit, "planned");
    if (made && visit.movedFrom != null) {
      await db
        .insertInto("visit_changes")
        .values({
          visit_id: made.visitId,
          kind: "rescheduled",
          from_date: addDays(today, visit.movedFrom),
          from_time: visit.time,
          to_date: addDays(today, visit.day),
          to_time: visit.time,
          reason: "Pengelola minta diundur; renovasi belum selesai.",
          changed_by_user_id: staffId,
          changed_at: new Date(now.getTime() - 2 * DAY).toISOString(),
        })
        .execute();
    }
  }
  const cancelled = await planDemoVisit(plan.cancelled, "cancelled", plan.cancelled.reason);
  if (cancelled) {
    await db
      .insertInto("visit_changes")
      .values({
        visit_id: cancelled.visitId,
        kind: "cancelled",
        from_date: addDays(today, plan.cancelled.day),
        from_time: plan.cancelled.time,
        reason: plan.cancelled.reason,
        changed_by_user_id: staffId,
        changed_at: new Date(now.getTime() + (plan.cancelled.day - 1) * DAY).toISOString(),
      })
      .execute();
  }
}
