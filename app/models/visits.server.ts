import type { Insertable } from "kysely";
import type { DB } from "../utils/db.server";
import type { VisitTable } from "../../db/schema";
import type { Scope } from "../domain/scope";
import type { FieldErrors } from "../domain/user-form";
import type { OutcomeInput, ParsedCommand, PlanVisitInput, RescheduleInput, VisitCommand } from "../domain/visit-form";
import { businessDate } from "../domain/business-day";
import { distanceMetres, type LatLng } from "../domain/geo";
import { stagesOpenToStaff, type StageChangeError } from "../domain/pipeline";
import { nearestNextRoute } from "../domain/route-order";
import { addDays, agendaSlot, isBeforeToday, isFarFromMarket, isOverdue, WEEK_DAYS } from "../domain/visit-status";
import { branchColumnInScope, marketInScope } from "./scope.server";
import { changeMarketStage, loadStageFacts } from "./pipeline.server";

// A visit belongs to its market's branch: every query joins the market and filters by the scope,
// so a visit outside it is simply not found.

function visitsInScope(db: DB, scope: Scope) {
  return db
    .selectFrom("visits")
    .innerJoin("markets", "markets.id", "visits.market_id")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope));
}

const summaryColumns = [
  "visits.id",
  "visits.market_id",
  "visits.planned_date",
  "visits.planned_time",
  "visits.purpose",
  "visits.status",
  "visits.checked_in_at",
  "visits.outcome_recorded_at",
  "markets.name as market_name",
  "markets.lat as market_lat",
  "markets.lng as market_lng",
  "branches.code as branch_code",
  "branches.time_zone",
] as const;

export interface StaffName {
  id: number;
  name: string;
}

async function staffByVisit(db: DB, visitIds: number[]): Promise<Map<number, StaffName[]>> {
  const byVisit = new Map<number, StaffName[]>();
  if (visitIds.length === 0) return byVisit;
  const rows = await db
    .selectFrom("visit_staff")
    .innerJoin("users", "users.id", "visit_staff.user_id")
    .select(["visit_staff.visit_id", "users.id", "users.name"])
    .where("visit_staff.visit_id", "in", visitIds)
    .orderBy("users.name")
    .execute();
  for (const row of rows) byVisit.set(row.visit_id, [...(byVisit.get(row.visit_id) ?? []), { id: row.id, name: row.name }]);
  return byVisit;
}

/** Date, then time (a visit without a time last in its day), then id; the same on SQLite and PostgreSQL. */
function bySchedule(a: { planned_date: string; planned_time: string | null; id: number }, b: typeof a): number {
  return (
    a.planned_date.localeCompare(b.planned_date) ||
    (a.planned_time ?? "99:99").localeCompare(b.planned_time ?? "99:99") ||
    a.id - b.id
  );
}

const pointOf = (lat: number | null, lng: number | null): LatLng | null => (lat == null || lng == null ? null : { lat, lng });

/** Writes a visit and who goes on it. Unscoped: callers have checked the market (the demo seed uses it too). */
export async function insertVisit(
  db: DB,
  values: Omit<Insertable<VisitTable>, "created_at" | "updated_at"> & { created_at?: string },
  staffIds: number[],
): Promise<number> {
  const createdAt = values.created_at ?? new Date().toISOString();
  const { id } = await db
    .insertInto("visits")
    .values({ ...values, created_at: createdAt, updated_at: createdAt })
    .returning("id")
    .executeTakeFirstOrThrow();
  const unique = [...new Set(staffIds)];
  if (unique.length > 0) await db.insertInto("visit_staff").values(unique.map((userId) => ({ visit_id: id, user_id: userId }))).execute();
  return id;
}

/** Markets the caller may plan for, the branch staff who may go, and each zone's today for the date picker. */
export async function listPlanOptions(db: DB, scope: Scope, now = new Date()) {
  const [markets, staff] = await Promise.all([
    db
      .selectFrom("markets")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .where(marketInScope(scope))
      .select(["markets.id", "markets.name", "markets.branch_id", "branches.code as branch_code", "branches.time_zone"])
      .orderBy("branches.code")
      .orderBy("markets.name")
      .execute(),
    db
      .selectFrom("users")
      .where(branchColumnInScope(scope, "users.branch_id"))
      .where("users.role", "=", "branch_staff")
      .where("users.active", "=", 1)
      .select(["users.id", "users.name", "users.branch_id"])
      .orderBy("users.name")
      .execute(),
  ]);
  const zones = [...new Set(markets.map((market) => market.time_zone))];
  return { markets, staff, todayByZone: Object.fromEntries(zones.map((zone) => [zone, businessDate(now, zone)])) };
}

async function allAreBranchStaff(db: DB, branchId: number, userIds: number[]): Promise<boolean> {
  const unique = [...new Set(userIds)];
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("users.id", "in", unique)
    .where("users.role", "=", "branch_staff")
    .where("users.active", "=", 1)
    .where("users.branch_id", "=", branchId)
    .executeTakeFirstOrThrow();
  return Number(row.n) === unique.length;
}

export type WriteResult<T> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

/** Plans a visit to a market in scope; null when the market is not (the caller answers 404). */
export async function planVisit(
  db: DB,
  scope: Scope,
  userId: number,
  input: PlanVisitInput,
  now = new Date(),
): Promise<WriteResult<{ visitId: number }> | null> {
  return db.transaction().execute(async (trx) => {
    const market = await trx
      .selectFrom("markets")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .where(marketInScope(scope))
      .where("markets.id", "=", input.marketId)
      .select(["markets.id", "markets.branch_id", "branches.time_zone"])
      .executeTakeFirst();
    if (!market) return null;
    const errors: FieldErrors = {};
    if (isBeforeToday(input.plannedDate, market.time_zone, now)) errors.plannedDate = "visits.dateInPast";
    if (!(await allAreBranchStaff(trx, market.branch_id, input.staffIds))) errors.staffIds = "visits.staffNotInBranch";
    if (Object.keys(errors).length > 0) return { ok: false as const, errors };
    const visitId = await insertVisit(
      trx,
      {
        market_id: market.id,
        planned_date: input.plannedDate,
        planned_time: input.plannedTime,
        purpose: input.purpose,
        notes: input.notes,
        status: "planned",
        created_by_user_id: userId,
        created_at: now.toISOString(),
      },
      input.staffIds,
    );
    return { ok: true as const, visitId };
  });
}

/**
 * Today's, this week's and overdue visits, each judged in its market's zone, and a suggested route per
 * branch for today starting from the branch office. `mineOnly` keeps the visits the user goes on.
 */
export async function loadAgenda(db: DB, scope: Scope, options: { userId: number; mineOnly: boolean; now?: Date }) {
  const now = options.now ?? new Date();
  // Kalimantan's zones are at most a day from UTC: fetch a day extra either side, then judge each visit locally.
  const utcToday = now.toISOString().slice(0, 10);
  const rows = await visitsInScope(db, scope)
    .select([...summaryColumns, "branches.id as branch_id", "branches.name as branch_name", "branches.lat as office_lat", "branches.lng as office_lng"])
    .where("visits.planned_date", "<=", addDays(utcToday, WEEK_DAYS))
    .where((eb) =>
      eb.or([
        eb("visits.status", "=", "planned"),
        eb.and([eb("visits.status", "=", "done"), eb("visits.planned_date", ">=", addDays(utcToday, -1))]),
      ]),
    )
    .$if(options.mineOnly, (qb) =>
      qb.where("visits.id", "in", db.selectFrom("visit_staff").select("visit_staff.visit_id").where("visit_staff.user_id", "=", options.userId)),
    )
    .execute();
  rows.sort(bySchedule);
  const staff = await staffByVisit(db, rows.map((row) => row.id));
  const visits = rows
    .map(({ office_lat, office_lng, branch_id, branch_name, ...row }) => ({
      visit: { ...row, staff: staff.get(row.id) ?? [] },
      slot: agendaSlot(row, row.time_zone, now),
      branch: { id: branch_id, code: row.branch_code, name: branch_name, timeZone: row.time_zone, office: { lat: office_lat, lng: office_lng } },
    }))
    .filter((entry) => entry.slot != null);

  const todayByBranch = new Map<number, typeof visits>();
  for (const entry of visits.filter((e) => e.slot === "today")) {
    todayByBranch.set(entry.branch.id, [...(todayByBranch.get(entry.branch.id) ?? []), entry]);
  }
  const routeOrder = new Map<number, number>();
  const routes = [...todayByBranch.values()].map((entries) => {
    const { branch } = entries[0];
    const route = nearestNextRoute(branch.office, entries, (e) => pointOf(e.visit.market_lat, e.visit.market_lng), (e) => e.visit.planned_time);
    for (const stop of route.stops) routeOrder.set(stop.item.visit.id, stop.order);
    return {
      branchCode: branch.code,
      branchName: branch.name,
      timeZone: branch.timeZone,
      date: businessDate(now, branch.timeZone),
      office: branch.office,
      stops: route.stops.map((stop) => ({
        visitId: stop.item.visit.id,
        order: stop.order,
        marketName: stop.item.visit.market_name,
        plannedTime: stop.item.visit.planned_time,
        lat: stop.point.lat,
        lng: stop.point.lng,
        legMetres: Math.round(stop.legMetres),
      })),
      unlocated: route.unlocated.map((e) => ({ visitId: e.visit.id, marketName: e.visit.market_name })),
      totalMetres: Math.round(route.totalMetres),
    };
  });
  const section = (slot: string) => visits.filter((e) => e.slot === slot).map((e) => e.visit);
  return {
    overdue: section("overdue"),
    today: section("today").map((visit) => ({ ...visit, routeOrder: routeOrder.get(visit.id) ?? null })),
    week: section("week"),
    routes,
  };
}
export type Agenda = Awaited<ReturnType<typeof loadAgenda>>;
export type AgendaVisit = Agenda["week"][number];
export type AgendaRoute = Agenda["routes"][number];

/** Everything the visit page shows, or null outside the scope. */
export async function findVisit(db: DB, scope: Scope, visitId: number, now = new Date()) {
  const visit = await visitsInScope(db, scope)
    .leftJoin("users as creator", "creator.id", "visits.created_by_user_id")
    .leftJoin("users as checker", "checker.id", "visits.checked_in_by_user_id")
    .leftJoin("users as recorder", "recorder.id", "visits.outcome_by_user_id")
    .leftJoin("visits as previous", "previous.id", "visits.previous_visit_id")
    .selectAll("visits")
    .select([
      "markets.name as market_name",
      "markets.lat as market_lat",
      "markets.lng as market_lng",
      "markets.coord_precision",
      "markets.stage as market_stage",
      "branches.code as branch_code",
      "branches.time_zone",
      "creator.name as created_by_name",
      "checker.name as checked_in_by_name",
      "recorder.name as outcome_by_name",
      "previous.planned_date as previous_planned_date",
    ])
    .where("visits.id", "=", visitId)
    .executeTakeFirst();
  if (!visit) return null;
  const [staff, changes, followUps, stageChanges, facts] = await Promise.all([
    staffByVisit(db, [visit.id]),
    db
      .selectFrom("visit_changes")
      .innerJoin("users", "users.id", "visit_changes.changed_by_user_id")
      .selectAll("visit_changes")
      .select("users.name as changed_by")
      .where("visit_changes.visit_id", "=", visit.id)
      .orderBy("visit_changes.changed_at", "desc")
      .orderBy("visit_changes.id", "desc")
      .execute(),
    db
      .selectFrom("visits")
      .select(["visits.id", "visits.planned_date", "visits.planned_time", "visits.status"])
      .where("visits.previous_visit_id", "=", visit.id)
      .orderBy("visits.id")
      .execute(),
    db
      .selectFrom("market_stage_changes")
      .select(["from_stage", "to_stage", "reason", "changed_at"])
      .where("visit_id", "=", visit.id)
      .orderBy("id")
      .execute(),
    loadStageFacts(db, visit.market_id),
  ]);
  return {
    ...visit,
    staff: staff.get(visit.id) ?? [],
    changes,
    followUps,
    stageChanges,
    stageOptions: stagesOpenToStaff(visit.market_stage, facts).filter((stage) => stage !== visit.market_stage),
    today: businessDate(now, visit.time_zone),
    overdue: isOverdue(visit, visit.time_zone, now),
    farFromMarket: isFarFromMarket(visit.check_in_distance_m),
  };
}
export type VisitDetail = NonNullable<Awaited<ReturnType<typeof findVisit>>>;

/** The visits of one market, newest planned date first, for the market page. */
export async function listMarketVisits(db: DB, scope: Scope, marketId: number, now = new Date()) {
  const rows = await visitsInScope(db, scope)
    .select([...summaryColumns, "visits.traders_socialised", "visits.traders_enrolled", "visits.next_step"])
    .where("visits.market_id", "=", marketId)
    .orderBy("visits.planned_date", "desc")
    .orderBy("visits.id", "desc")
    .limit(30)
    .execute();
  const staff = await staffByVisit(db, rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, staff: staff.get(row.id) ?? [], overdue: isOverdue(row, row.time_zone, now) }));
}
export type MarketVisit = Awaited<ReturnType<typeof listMarketVisits>>[number];

type LoadedVisit = NonNullable<Awaited<ReturnType<typeof loadVisitForChange>>>;

function loadVisitForChange(db: DB, scope: Scope, visitId: number) {
  return visitsInScope(db, scope)
    .select([
      "visits.id",
      "visits.market_id",
      "visits.status",
      "visits.planned_date",
      "visits.planned_time",
      "visits.checked_in_at",
      "markets.lat as market_lat",
      "markets.lng as market_lng",
      "markets.stage as market_stage",
      "branches.time_zone",
    ])
    .where("visits.id", "=", visitId)
    .executeTakeFirst();
}

export type CommandResult =
  | WriteResult<{ kind: "checkIn"; distanceMetres: number | null; farFromMarket: boolean }>
  | WriteResult<{ kind: "outcome"; followUpVisitId: number | null }>
  | WriteResult<{ kind: "cancel" | "reschedule" }>;

interface Actor {
  userId: number;
  now: Date;
}

/**
 * Checks in, records the outcome, cancels or reschedules a planned visit, in one transaction. Null when
 * the visit is outside the scope, checked before the input so a bad form does not confirm an id exists.
 */
export async function runVisitCommand(
  db: DB,
  scope: Scope,
  actor: { userId: number; now?: Date },
  visitId: number,
  parsed: ParsedCommand,
): Promise<CommandResult | null> {
  return db.transaction().execute(async (trx) => {
    const visit = await loadVisitForChange(trx, scope, visitId);
    if (!visit) return null;
    if (!parsed.ok) return parsed;
    if (visit.status !== "planned") {
      return { ok: false as const, errors: { form: visit.status === "done" ? "visits.alreadyDone" : "visits.alreadyCancelled" } };
    }
    const context = { userId: actor.userId, now: actor.now ?? new Date() };
    return applyCommand(trx, scope, context, visit, parsed.command);
  });
}

function applyCommand(db: DB, scope: Scope, actor: Actor, visit: LoadedVisit, command: VisitCommand): Promise<CommandResult | null> {
  switch (command.kind) {
    case "checkIn":
      return checkIn(db, actor, visit, command);
    case "outcome":
      return recordOutcome(db, scope, actor, visit, command);
    case "cancel":
      return cancel(db, actor, visit, command.reason);
    case "reschedule":
      return reschedule(db, actor, visit, command);
  }
}

async function checkIn(db: DB, actor: Actor, visit: LoadedVisit, coords: { lat: number | null; lng: number | null; accuracy: number | null }): Promise<CommandResult> {
  if (visit.checked_in_at) return { ok: false, errors: { form: "visits.alreadyCheckedIn" } };
  const here = pointOf(coords.lat, coords.lng);
  const market = pointOf(visit.market_lat, visit.market_lng);
  const distance = here && market ? Math.round(distanceMetres(here, market)) : null;
  const at = actor.now.toISOString();
  await db
    .updateTable("visits")
    .set({
      checked_in_at: at,
      checked_in_by_user_id: actor.userId,
      check_in_lat: here?.lat ?? null,
      check_in_lng: here?.lng ?? null,
      check_in_accuracy_m: here ? coords.accuracy : null,
      check_in_distance_m: distance,
      updated_at: at,
    })
    .where("id", "=", visit.id)
    .execute();
  return { ok: true, kind: "checkIn", distanceMetres: distance, farFromMarket: isFarFromMarket(distance) };
}

const STAGE_ERROR_FIELDS: Record<StageChangeError, FieldErrors> = {
  "pipeline.reasonRequired": { stageReason: "visits.stageReasonRequired" },
  "pipeline.needsSignedMou": { stage: "visits.stageNotOpen" },
  "pipeline.needsMouInForce": { stage: "visits.stageNotOpen" },
  "pipeline.sameStage": { stage: "visits.stageNotOpen" },
};

async function recordOutcome(db: DB, scope: Scope, actor: Actor, visit: LoadedVisit, input: OutcomeInput): Promise<CommandResult | null> {
  if (input.followUpDate && isBeforeToday(input.followUpDate, visit.time_zone, actor.now)) {
    return { ok: false, errors: { followUpDate: "visits.dateInPast" } };
  }
  // The stage goes first: if the pipeline rules refuse it, nothing has been written yet.
  if (input.stage && input.stage !== visit.market_stage) {
    const refused = await changeMarketStage(db, scope, {
      marketId: visit.market_id,
      to: input.stage,
      reason: input.stageReason,
      source: "visit",
      visitId: visit.id,
      userId: actor.userId,
    });
    if (refused?.error === "not_found") return null;
    if (refused) return { ok: false, errors: STAGE_ERROR_FIELDS[refused.error] };
  }
  const at = actor.now.toISOString();
  await db
    .updateTable("visits")
    .set({
      status: "done",
      outcome_recorded_at: at,
      outcome_by_user_id: actor.userId,
      people_met: input.peopleMet,
      traders_socialised: input.tradersSocialised,
      traders_enrolled: input.tradersEnrolled,
      outcome_notes: input.outcomeNotes,
      next_step: input.nextStep,
      updated_at: at,
    })
    .where("id", "=", visit.id)
    .execute();
  if (!input.followUpDate) return { ok: true, kind: "outcome", followUpVisitId: null };
  const staff = await db.selectFrom("visit_staff").select("user_id").where("visit_id", "=", visit.id).execute();
  const followUpVisitId = await insertVisit(
    db,
    {
      market_id: visit.market_id,
      planned_date: input.followUpDate,
      planned_time: input.followUpTime,
      purpose: input.followUpPurpose,
      notes: input.nextStep,
      status: "planned",
      previous_visit_id: visit.id,
      created_by_user_id: actor.userId,
      created_at: at,
    },
    staff.map((row) => row.user_id),
  );
  return { ok: true, kind: "outcome", followUpVisitId };
}

async function cancel(db: DB, actor: Actor, visit: LoadedVisit, reason: string): Promise<CommandResult> {
  const at = actor.now.toISOString();
  await db.updateTable("visits").set({ status: "cancelled", cancel_reason: reason, updated_at: at }).where("id", "=", visit.id).execute();
  await db
    .insertInto("visit_changes")
    .values({
      visit_id: visit.id,
      kind: "cancelled",
      from_date: visit.planned_date,
      from_time: visit.planned_time,
      reason,
      changed_by_user_id: actor.userId,
      changed_at: at,
    })
    .execute();
  return { ok: true, kind: "cancel" };
}

async function reschedule(db: DB, actor: Actor, visit: LoadedVisit, input: RescheduleInput): Promise<CommandResult> {
  if (visit.checked_in_at) return { ok: false, errors: { form: "visits.alreadyCheckedIn" } };
  if (isBeforeToday(input.plannedDate, visit.time_zone, actor.now)) return { ok: false, errors: { plannedDate: "visits.dateInPast" } };
  if (input.plannedDate === visit.planned_date && input.plannedTime === visit.planned_time) {
    return { ok: false, errors: { plannedDate: "visits.sameSchedule" } };
  }
  const at = actor.now.toISOString();
  await db
    .updateTable("visits")
    .set({ planned_date: input.plannedDate, planned_time: input.plannedTime, updated_at: at })
    .where("id", "=", visit.id)
    .execute();
  await db
    .insertInto("visit_changes")
    .values({
      visit_id: visit.id,
      kind: "rescheduled",
      from_date: visit.planned_date,
      from_time: visit.planned_time,
      to_date: input.plannedDate,
      to_time: input.plannedTime,
      reason: input.reason,
      changed_by_user_id: actor.userId,
      changed_at: at,
    })
    .execute();
  return { ok: true, kind: "reschedule" };
}
