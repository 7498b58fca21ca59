import { describe, expect, it } from "vitest";
import * as agenda from "../../app/routes/agenda";
import * as newVisit from "../../app/routes/visits.new";
import * as visitPage from "../../app/routes/visits.$visitId";
import * as outcomePage from "../../app/routes/visits.$visitId_.outcome";
import { getDb } from "../../app/utils/db.server";
import { businessDate } from "../../app/domain/business-day";
import { addDays } from "../../app/domain/visit-status";
import { listMarketVisits } from "../../app/models/visits.server";
import { bodyOf, call, getRequest, postRequest, signedInAs, type Caller } from "../support/requests";

const PONTIANAK = "Asia/Pontianak";
const todayInPontianak = () => businessDate(new Date(), PONTIANAK);

async function marketId(name: string) {
  return (await getDb().selectFrom("markets").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
}

async function userId(email: string) {
  return (await getDb().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

async function visitRow(id: number) {
  return getDb().selectFrom("visits").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

/** Plans a visit through the form as `caller` and returns its id. */
async function plan(caller: Caller, fields: Record<string, string>) {
  const response = await call(newVisit.action, postRequest("/visits/new", caller, { purpose: "socialisation", ...fields }));
  expect(response.status, await bodyOf(response.clone())).toBe(302);
  return Number(/^\/visits\/(\d+)\?saved=planned$/.exec(response.headers.get("Location") ?? "")![1]);
}

const post = (route: { action: Parameters<typeof call>[0] }, path: string, caller: Caller, visitId: number, fields: Record<string, string>) =>
  call(route.action, postRequest(path, caller, fields), { visitId: String(visitId) });

describe("visit planning", () => {
  it("takes a Pontianak staffer from planning today's visit through check-in to an outcome with a follow-up", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const staffId = await userId("staf.pontianak@demo.id");
    const kenanga = await marketId("Pasar Kenanga");
    const today = todayInPontianak();
    const visitId = await plan(staff, { marketId: String(kenanga), plannedDate: today, plannedTime: "15:00", staffIds: String(staffId) });

    // The agenda lists it among today's visits, numbered on a route from the branch office.
    const day = await (await call(agenda.loader, getRequest("/agenda", staff))).json();
    const listed = day.today.find((visit: { id: number }) => visit.id === visitId);
    expect(listed).toMatchObject({ market_name: "Pasar Kenanga", planned_date: today, planned_time: "15:00", purpose: "socialisation" });
    expect(listed.staff.map((s: { name: string }) => s.name)).toEqual(["Sari Staf Pontianak"]);
    expect(listed.routeOrder).toBeGreaterThan(0);
    const route = day.routes.find((r: { branchCode: string }) => r.branchCode === "KC-PTK");
    const stop = route.stops.find((s: { visitId: number }) => s.visitId === visitId);
    expect(stop.order).toBe(listed.routeOrder);
    expect(route.totalMetres).toBeGreaterThan(0);
    const legs = route.stops.reduce((sum: number, s: { legMetres: number }) => sum + s.legMetres, 0);
    expect(Math.abs(route.totalMetres - legs)).toBeLessThanOrEqual(route.stops.length);
    expect(route.stops.map((s: { order: number }) => s.order)).toEqual(route.stops.map((_: unknown, i: number) => i + 1));

    // Checking in about 2 km north of the market's pin is stored and warned about, not refused.
    const checkIn = await post(visitPage, `/visits/${visitId}`, staff, visitId, { intent: "checkIn", lat: "-0.0194", lng: "109.3671", accuracy: "15" });
    expect(checkIn.status).toBe(200);
    const checked = await checkIn.json();
    expect(checked).toMatchObject({ ok: true, kind: "checkIn", farFromMarket: true });
    expect(checked.distanceMetres).toBeGreaterThan(1950);
    expect(checked.distanceMetres).toBeLessThan(2050);
    const stored = await visitRow(visitId);
    expect(stored).toMatchObject({ check_in_lat: -0.0194, check_in_lng: 109.3671, check_in_accuracy_m: 15, checked_in_by_user_id: staffId });
    expect(stored.check_in_distance_m).toBe(checked.distanceMetres);
    const page = await (await call(visitPage.loader, getRequest(`/visits/${visitId}`, staff), { visitId: String(visitId) })).json();
    expect(page.visit).toMatchObject({ farFromMarket: true, check_in_distance_m: checked.distanceMetres });

    // One form records the outcome, moves the market on and plans next week's follow-up.
    const nextWeek = addDays(today, 7);
    const outcome = await post(outcomePage, `/visits/${visitId}/outcome`, staff, visitId, {
      peopleMet: "Pak Hendra (Kepala UPT Pasar)",
      tradersSocialised: "24",
      tradersEnrolled: "3",
      outcomeNotes: "Pengelola setuju membahas MoU.",
      nextStep: "Kirim draf MoU",
      stage: "negotiating",
      followUpDate: nextWeek,
      followUpTime: "10:00",
    });
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("Location")).toBe(`/visits/${visitId}?saved=outcome`);
    expect(await visitRow(visitId)).toMatchObject({ status: "done", traders_socialised: 24, traders_enrolled: 3, outcome_by_user_id: staffId });
    const market = await getDb().selectFrom("markets").select("stage").where("id", "=", kenanga).executeTakeFirstOrThrow();
    expect(market.stage).toBe("negotiating");
    const history = await getDb().selectFrom("market_stage_changes").selectAll().where("market_id", "=", kenanga).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(history).toMatchObject({ from_stage: "visited", to_stage: "negotiating", source: "visit", visit_id: visitId, changed_by_user_id: staffId });
    const followUp = await getDb().selectFrom("visits").selectAll().where("previous_visit_id", "=", visitId).executeTakeFirstOrThrow();
    expect(followUp).toMatchObject({ market_id: kenanga, planned_date: nextWeek, planned_time: "10:00", purpose: "negotiation", status: "planned" });
    const followUpStaff = await getDb().selectFrom("visit_staff").select("user_id").where("visit_id", "=", followUp.id).execute();
    expect(followUpStaff.map((row) => row.user_id)).toEqual([staffId]);

    // A visit with an outcome takes no second one.
    const again = await post(outcomePage, `/visits/${visitId}/outcome`, staff, visitId, { outcomeNotes: "Lagi", stage: "visited", stageReason: "x" });
    expect(again.status).toBe(400);
    expect((await again.json()).errors).toEqual({ form: "visits.alreadyDone" });
    expect((await getDb().selectFrom("markets").select("stage").where("id", "=", kenanga).executeTakeFirstOrThrow()).stage).toBe("negotiating");
  });

  it("writes nothing when the pipeline refuses the stage the outcome asks for", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const tengah = await marketId("Pasar Tengah");
    const visitId = await plan(staff, { marketId: String(tengah), plannedDate: todayInPontianak(), staffIds: String(await userId("staf.pontianak@demo.id")) });
    const historyBefore = await getDb().selectFrom("market_stage_changes").select("id").where("market_id", "=", tengah).execute();
    const refused = await post(outcomePage, `/visits/${visitId}/outcome`, staff, visitId, { outcomeNotes: "Menolak", stage: "declined", followUpDate: addDays(todayInPontianak(), 3) });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({ stageReason: "visits.stageReasonRequired" });
    expect(await visitRow(visitId)).toMatchObject({ status: "planned", outcome_recorded_at: null });
    expect(await getDb().selectFrom("market_stage_changes").select("id").where("market_id", "=", tengah).execute()).toEqual(historyBefore);
    expect(await getDb().selectFrom("visits").select("id").where("previous_visit_id", "=", visitId).execute()).toEqual([]);

    const negative = await post(outcomePage, `/visits/${visitId}/outcome`, staff, visitId, { outcomeNotes: "x", tradersEnrolled: "-2" });
    expect((await negative.json()).errors).toEqual({ tradersEnrolled: "visits.notNegative" });
  });

  it("checks in without coordinates when the device gives none", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const visitId = await plan(staff, { marketId: String(await marketId("Pasar Dahlia")), plannedDate: todayInPontianak(), staffIds: String(await userId("staf.pontianak@demo.id")) });
    const response = await post(visitPage, `/visits/${visitId}`, staff, visitId, { intent: "checkIn", lat: "", lng: "", accuracy: "" });
    expect(await response.json()).toMatchObject({ ok: true, distanceMetres: null, farFromMarket: false });
    expect(await visitRow(visitId)).toMatchObject({ check_in_lat: null, check_in_distance_m: null });
    expect((await visitRow(visitId)).checked_in_at).not.toBeNull();
  });

  it("reschedules and cancels a planned visit only with a reason, keeping the history", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const staffId = await userId("staf.pontianak@demo.id");
    const today = todayInPontianak();
    const visitId = await plan(staff, { marketId: String(await marketId("Pasar Kenanga Anggrek")), plannedDate: addDays(today, 1), plannedTime: "09:00", staffIds: String(staffId) });
    const path = `/visits/${visitId}`;

    const noReason = await post(visitPage, path, staff, visitId, { intent: "reschedule", plannedDate: addDays(today, 3), plannedTime: "13:00", reason: " " });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ intent: "reschedule", errors: { reason: "common.required" } });
    const past = await post(visitPage, path, staff, visitId, { intent: "reschedule", plannedDate: addDays(today, -1), reason: "Salah tanggal" });
    expect((await past.json()).errors).toEqual({ plannedDate: "visits.dateInPast" });

    const moved = await post(visitPage, path, staff, visitId, { intent: "reschedule", plannedDate: addDays(today, 3), plannedTime: "13:00", reason: "Pengelola rapat dinas" });
    expect(moved.status).toBe(200);
    expect(await visitRow(visitId)).toMatchObject({ planned_date: addDays(today, 3), planned_time: "13:00", status: "planned" });

    const cancelled = await post(visitPage, path, staff, visitId, { intent: "cancel", reason: "Pasar tutup karena banjir" });
    expect(cancelled.status).toBe(200);
    expect(await visitRow(visitId)).toMatchObject({ status: "cancelled", cancel_reason: "Pasar tutup karena banjir" });
    const changes = await getDb().selectFrom("visit_changes").selectAll().where("visit_id", "=", visitId).orderBy("id").execute();
    expect(changes).toMatchObject([
      { kind: "rescheduled", from_date: addDays(today, 1), from_time: "09:00", to_date: addDays(today, 3), to_time: "13:00", reason: "Pengelola rapat dinas", changed_by_user_id: staffId },
      { kind: "cancelled", from_date: addDays(today, 3), to_date: null, reason: "Pasar tutup karena banjir" },
    ]);
    const twice = await post(visitPage, path, staff, visitId, { intent: "cancel", reason: "lagi" });
    expect((await twice.json()).errors).toEqual({ form: "visits.alreadyCancelled" });
    const page = await (await call(visitPage.loader, getRequest(path, staff), { visitId: String(visitId) })).json();
    expect(page.visit.changes).toHaveLength(2);
  });

  it("plans only with branch staff of the market and never in the market's past", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const response = await call(
      newVisit.action,
      postRequest("/visits/new", staff, {
        marketId: String(await marketId("Pasar Flamboyan")),
        plannedDate: addDays(todayInPontianak(), -1),
        purpose: "negotiation",
        staffIds: String(await userId("staf.balikpapan@demo.id")),
      }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ plannedDate: "visits.dateInPast", staffIds: "visits.staffNotInBranch" });
  });

  it("shows overdue visits first on the agenda and a route per branch to the regional head", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const mine = await (await call(agenda.loader, getRequest("/agenda", staff))).json();
    expect(mine.overdue.map((v: { market_name: string }) => v.market_name)).toContain("Pasar Tengah");
    expect(mine.week.length).toBeGreaterThan(0);
    const head = await signedInAs("kakanwil@demo.id");
    const region = await (await call(agenda.loader, getRequest("/agenda", head))).json();
    expect(region.routes.map((r: { branchCode: string }) => r.branchCode).sort()).toEqual(["KC-BPN", "KC-PTK"]);
  });

  it("lists a market's visits for its page, and none outside the scope", async () => {
    const flamboyan = await marketId("Pasar Flamboyan");
    const ptk = await getDb().selectFrom("branches").select(["id", "region_id"]).where("code", "=", "KC-PTK").executeTakeFirstOrThrow();
    const bpn = await getDb().selectFrom("branches").select(["id", "region_id"]).where("code", "=", "KC-BPN").executeTakeFirstOrThrow();
    const visits = await listMarketVisits(getDb(), { level: "branch", regionId: ptk.region_id, branchId: ptk.id }, flamboyan);
    expect(visits.length).toBeGreaterThan(2);
    expect(visits.some((v) => v.status === "done" && v.traders_enrolled! > 0)).toBe(true);
    expect(await listMarketVisits(getDb(), { level: "branch", regionId: bpn.region_id, branchId: bpn.id }, flamboyan)).toEqual([]);
  });

  it("links the demo's stage history to the visits that caused it", async () => {
    const rows = await getDb()
      .selectFrom("market_stage_changes")
      .innerJoin("visits", "visits.id", "market_stage_changes.visit_id")
      .select(["market_stage_changes.to_stage", "visits.status", "visits.market_id", "market_stage_changes.market_id as history_market"])
      .where("market_stage_changes.source", "=", "visit")
      .execute();
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(row).toMatchObject({ status: "done", market_id: row.history_market });
  });
});

describe("visit scope", () => {
  async function pontianakVisit() {
    const row = await getDb()
      .selectFrom("visits")
      .innerJoin("markets", "markets.id", "visits.market_id")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .select("visits.id")
      .where("branches.code", "=", "KC-PTK")
      .where("visits.status", "=", "planned")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it("hides Pontianak visits from Balikpapan staff: they cannot see, plan, check in to or change them", async () => {
    const bpn = await signedInAs("staf.balikpapan@demo.id");
    const visitId = await pontianakVisit();
    const before = await visitRow(visitId);
    const params = { visitId: String(visitId) };
    expect((await call(visitPage.loader, getRequest(`/visits/${visitId}`, bpn), params)).status).toBe(404);
    expect((await call(outcomePage.loader, getRequest(`/visits/${visitId}/outcome`, bpn), params)).status).toBe(404);
    const attempts: Record<string, string>[] = [
      { intent: "checkIn", lat: "-0.03", lng: "109.3" },
      { intent: "cancel", reason: "bukan urusan saya" },
      { intent: "reschedule", plannedDate: addDays(todayInPontianak(), 5), reason: "x" },
      { intent: "cancel" },
    ];
    for (const fields of attempts) {
      expect((await post(visitPage, `/visits/${visitId}`, bpn, visitId, fields)).status).toBe(404);
    }
    expect((await post(outcomePage, `/visits/${visitId}/outcome`, bpn, visitId, { outcomeNotes: "x", stage: "declined", stageReason: "x" })).status).toBe(404);
    expect(await visitRow(visitId)).toEqual(before);

    const planned = await call(
      newVisit.action,
      postRequest("/visits/new", bpn, {
        marketId: String(await marketId("Pasar Flamboyan")),
        plannedDate: addDays(todayInPontianak(), 2),
        purpose: "socialisation",
        staffIds: String(await userId("staf.balikpapan@demo.id")),
      }),
    );
    expect(planned.status).toBe(404);
    const form = await (await call(newVisit.loader, getRequest(`/visits/new?marketId=${await marketId("Pasar Flamboyan")}`, bpn))).json();
    expect(form.preselected).toBeNull();
    expect(form.markets.map((m: { branch_code: string }) => m.branch_code)).toEqual(form.markets.map(() => "KC-BPN"));

    const all = await bodyOf(await call(agenda.loader, getRequest("/agenda?who=all", bpn)));
    expect(all).not.toContain("Pasar Flamboyan");
    expect(all).not.toContain("KC-PTK");
  });

  it("gives collectors no access to visits at all", async () => {
    const collector = await signedInAs("kolektor.flamboyan@demo.id");
    const visitId = await pontianakVisit();
    const params = { visitId: String(visitId) };
    expect((await call(agenda.loader, getRequest("/agenda", collector))).status).toBe(403);
    expect((await call(newVisit.loader, getRequest("/visits/new", collector))).status).toBe(403);
    expect((await call(visitPage.loader, getRequest(`/visits/${visitId}`, collector), params)).status).toBe(403);
    expect((await call(outcomePage.loader, getRequest(`/visits/${visitId}/outcome`, collector), params)).status).toBe(403);
    expect((await post(visitPage, `/visits/${visitId}`, collector, visitId, { intent: "cancel", reason: "x" })).status).toBe(403);
  });
});
