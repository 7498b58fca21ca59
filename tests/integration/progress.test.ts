import { describe, expect, it } from "vitest";
import * as progressPage from "../../app/routes/progress";
import * as branchPage from "../../app/routes/branches.$branchId";
import * as progressApi from "../../app/routes/api.v1.branches.progress";
import { getDb } from "../../app/utils/db.server";
import { bearerOf, call, getRequest, postRequest, signedInAs } from "../support/requests";

type Row = { code: string; target: number; governmentMarketsWithMou: number; light: string; overdueVisits: number };

async function branchId(code: string) {
  return (await getDb().selectFrom("branches").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
}

async function signMou(marketName: string, from: string, to: string) {
  const db = getDb();
  const market = await db.selectFrom("markets").select("id").where("name", "=", marketName).executeTakeFirstOrThrow();
  const user = await db.selectFrom("users").select("id").where("email", "=", "admin@demo.id").executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  await db
    .insertInto("mous")
    .values({
      market_id: market.id,
      number: `MOU/TEST/${marketName}`,
      number_year: 2026,
      number_sequence: 900 + market.id,
      status: "signed",
      counterparty_type: "dinas_upt",
      counterparty_name: "UPT Pasar",
      counterparty_signatory_name: "Kepala UPT",
      branch_signatory_name: "Kepala Cabang",
      drafted_on: from,
      signed_on: from,
      in_force_from: from,
      expires_on: to,
      collection_frequency: "daily",
      deposit_schedule: "mingguan",
      collector_fee_basis_points: 750,
      created_by_user_id: user.id,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

async function rowsFor(email: string, year?: number): Promise<Row[]> {
  const caller = await signedInAs(email);
  const response = await call(progressPage.loader, getRequest(`/progress${year ? `?year=${year}` : ""}`, caller));
  return (await response.json()).rows;
}

describe("branch progress", () => {
  it("counts only government-run markets with an MoU in force against the default target of two", async () => {
    await getDb().deleteFrom("mous").execute();
    await signMou("Pasar Flamboyan", "2026-01-01", "2099-12-31");
    await signMou("Pasar Dahlia", "2099-01-01", "2099-12-31"); // signed but not yet in force
    await signMou("Pasar Kapuas Besar", "2020-01-01", "2020-12-31"); // expired
    await getDb().updateTable("markets").set({ government_run: 0 }).where("name", "=", "Pasar Kenanga").execute();
    await signMou("Pasar Kenanga", "2026-01-01", "2099-12-31"); // private: shown elsewhere, never counted
    const ptk = (await rowsFor("kakanwil@demo.id")).find((row) => row.code === "KC-PTK")!;
    expect(ptk).toMatchObject({ target: 2, governmentMarketsWithMou: 1, light: "amber" });
  });

  it("turns green when the target is met and red when nothing is in force", async () => {
    await getDb().deleteFrom("mous").execute();
    await signMou("Pasar Demo Pandansari", "2026-01-01", "2099-12-31");
    await signMou("Pasar Demo Klandasan", "2026-01-01", "2099-12-31");
    const rows = await rowsFor("kakanwil@demo.id");
    expect(rows.find((row) => row.code === "KC-BPN")).toMatchObject({ governmentMarketsWithMou: 2, light: "green" });
    expect(rows.find((row) => row.code === "KC-PTK")).toMatchObject({ governmentMarketsWithMou: 0, light: "red" });
  });

  it("shows the regional head every Kalimantan branch and branch staff only their own", async () => {
    const regional = await rowsFor("kakanwil@demo.id");
    expect(regional.length).toBe(19);
    expect(regional.map((row) => row.code)).not.toContain("KC-MKS-TEST");
    expect((await rowsFor("staf.pontianak@demo.id")).map((row) => row.code)).toEqual(["KC-PTK"]);
  });

  it("counts overdue visits: planned before the market's today with no outcome", async () => {
    const db = getDb();
    const market = await db.selectFrom("markets").select("id").where("name", "=", "Pasar Tengah").executeTakeFirstOrThrow();
    const staff = await db.selectFrom("users").select("id").where("email", "=", "staf.pontianak@demo.id").executeTakeFirstOrThrow();
    const before = (await rowsFor("staf.pontianak@demo.id"))[0].overdueVisits;
    const now = new Date().toISOString();
    await db
      .insertInto("visits")
      .values({ market_id: market.id, planned_date: "2026-01-05", planned_time: "09:00", purpose: "socialisation", notes: null, status: "planned", previous_visit_id: null, created_by_user_id: staff.id, created_at: now, updated_at: now })
      .execute();
    expect((await rowsFor("staf.pontianak@demo.id"))[0].overdueVisits).toBe(before + 1);
  });
});

describe("branch targets", () => {
  it("lets the regional head set a branch's targets, which the progress then uses", async () => {
    const head = await signedInAs("kakanwil@demo.id");
    const id = String(await branchId("KC-PTK"));
    const year = new Date().getUTCFullYear();
    const response = await call(
      branchPage.action,
      postRequest(`/branches/${id}`, head, { year: String(year), marketsWithMou: "3", tradersEnrolled: "1.500", monthlyCollections: "" }),
      { branchId: id },
    );
    expect(await response.json()).toMatchObject({ saved: true });
    const stored = await getDb().selectFrom("branch_targets").selectAll().where("branch_id", "=", Number(id)).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ markets_with_mou: 3, traders_enrolled: 1500, monthly_collections: null });
    const page = await (await call(branchPage.loader, getRequest(`/branches/${id}?year=${year}`, head), { branchId: id })).json();
    expect(page.progress).toMatchObject({ target: 3, targetIsDefault: false, tradersTarget: 1500 });
  });

  it("explains a bad target instead of saving it", async () => {
    const head = await signedInAs("kakanwil@demo.id");
    const id = String(await branchId("KC-SMD"));
    const response = await call(branchPage.action, postRequest(`/branches/${id}`, head, { year: "2026", marketsWithMou: "-1" }), { branchId: id });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ marketsWithMou: "branch.targetInvalid" });
  });

  it("keeps target setting to regional heads and admins", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const id = String(await branchId("KC-PTK"));
    const response = await call(branchPage.action, postRequest(`/branches/${id}`, staff, { year: "2026", marketsWithMou: "9" }), { branchId: id });
    expect(response.status).toBe(403);
  });
});

describe("GET /api/v1/branches/progress", () => {
  it("returns per branch the code, target, markets with an MoU in force and markets per stage", async () => {
    const token = await bearerOf("kakanwil@demo.id");
    const body = await (await call(progressApi.loader, getRequest("/api/v1/branches/progress?year=2026", token))).json();
    expect(body.year).toBe(2026);
    const ptk = body.branches.find((b: { code: string }) => b.code === "KC-PTK");
    expect(ptk).toEqual({
      code: "KC-PTK",
      name: "BPJS Ketenagakerjaan Cabang Pontianak",
      target: expect.any(Number),
      marketsWithMouInForce: expect.any(Number),
      status: expect.stringMatching(/green|amber|red/),
      marketsPerStage: expect.objectContaining({ collecting: 1 }),
    });
  });

  it("refuses collectors", async () => {
    const token = await bearerOf("kolektor.flamboyan@demo.id");
    expect((await call(progressApi.loader, getRequest("/api/v1/branches/progress", token))).status).toBe(403);
  });
});
