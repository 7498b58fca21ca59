import { beforeAll, describe, expect, it } from "vitest";
import * as collectionsApi from "../../app/routes/api.v1.collections";
import * as coverageApi from "../../app/routes/api.v1.traders.$traderId.coverage";
import * as arrearsPage from "../../app/routes/arrears";
import * as arrearsCsv from "../../app/routes/arrears[.]csv";
import * as feePage from "../../app/routes/mous.$mouId_.fees";
import { getDb } from "../../app/utils/db.server";
import { findActiveUser } from "../../app/models/users.server";
import { loadTraderCoverage } from "../../app/models/coverage.server";
import { refreshAllCoverage } from "../../app/models/coverage-refresh.server";
import { reverseEntry } from "../../app/models/collections.server";
import { loadArrearsPage } from "../../app/models/arrears.server";
import { businessDate } from "../../app/domain/business-day";
import { addMonths } from "../../app/domain/premium";
import { BASE, bearerOf, bodyOf, call, getRequest, signedInAs, type Caller } from "../support/requests";

// Coverage from payments (allocation month by month at each month's premium), the coverage API, the arrears
// list and its CSV, the daily refresh and the collector fee statement.

const COLLECTOR = "kolektor.flamboyan@demo.id";
let flamboyan: { id: number; time_zone: string };
let collectorBearer: Caller;
let nikSerial = 9000;

async function userByEmail(email: string) {
  const row = await getDb().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return (await findActiveUser(getDb(), row.id))!;
}

/** A registered self-paying trader on the minimum nominal (Rp16,800; Rp8,400 from April to December 2026). */
async function addTrader(name: string, startMonth: string, marketId = flamboyan.id, phone: string | null = "+6281234500001") {
  nikSerial += 1;
  const now = new Date().toISOString();
  const enroller = await userByEmail(COLLECTOR);
  const { id } = await getDb()
    .insertInto("traders")
    .values({
      market_id: marketId,
      nik: `617101150880${nikSerial}`,
      full_name: name,
      sex: "M",
      birth_date: "1980-08-15",
      phone,
      whatsapp: 1,
      stall: "Los Z-1",
      commodity: "vegetables",
      nominal: 1_000_000,
      jht: 0,
      payer_type: "mandiri",
      sponsor_programme_id: null,
      kpj: null,
      status: "registered",
      lat: null,
      lng: null,
      enrolled_by_user_id: enroller.id,
      enrolled_at: now,
      coverage_start_month: startMonth,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

let paymentKey = 0;
async function pay(traderId: number, ...amounts: number[]) {
  const request = new Request(`${BASE}/api/v1/collections`, {
    method: "POST",
    headers: { Authorization: `Bearer ${collectorBearer.bearer}`, "Content-Type": "application/json" },
    body: JSON.stringify(amounts.map((amount) => ({ idempotencyKey: `coverage-${(paymentKey += 1)}`, traderId, amount, collectedAt: new Date(Date.now() - 60_000).toISOString() }))),
  });
  const { results } = (await (await call(collectionsApi.action, request)).json()) as { results: { ok: boolean; entryId: number }[] };
  expect(results.every((result) => result.ok)).toBe(true);
  return results;
}

const getCoverage = (caller: Caller, traderId: number) =>
  call(coverageApi.loader, getRequest(`/api/v1/traders/${traderId}/coverage`, caller), { traderId: String(traderId) });

beforeAll(async () => {
  flamboyan = await getDb()
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .select(["markets.id", "branches.time_zone"])
    .where("markets.name", "=", "Pasar Flamboyan")
    .executeTakeFirstOrThrow();
  collectorBearer = await bearerOf(COLLECTOR);
});

describe("allocating payments to premium months", () => {
  it("shows November paid for a trader enrolled in November 2026 who paid Rp8,400", async () => {
    const traderId = await addTrader("Pedagang November", "2026-11");
    await pay(traderId, 8_400);
    const view = await loadTraderCoverage(getDb(), (await userByEmail(COLLECTOR)).scope, traderId, new Date("2026-11-24T05:00:00Z"));
    expect(view?.coverage).toMatchObject({
      status: "aktif",
      paidThrough: "2026-11",
      monthsBehind: 0,
      currentMonth: { month: "2026-11", premium: 8_400, paid: 8_400, remaining: 0 },
    });
  });

  it("allocates across the March/April 2026 boundary at each month's own premium", async () => {
    const traderId = await addTrader("Pedagang Maret", "2026-03");
    await pay(traderId, 16_800, 8_400);
    const view = await loadTraderCoverage(getDb(), (await userByEmail(COLLECTOR)).scope, traderId, new Date("2026-05-10T05:00:00Z"));
    expect(view?.coverage.months.map((m) => [m.month, m.premium, m.paid])).toEqual([
      ["2026-03", 16_800, 16_800],
      ["2026-04", 8_400, 8_400],
      ["2026-05", 8_400, 0],
    ]);
    expect(view?.coverage).toMatchObject({ paidThrough: "2026-04", status: "aktif", currentMonth: { remaining: 8_400 } });
  });

  it("moves a trader from menunggak to nonaktif as months fall due, once the refresh runs", async () => {
    const traderId = await addTrader("Pedagang Berhenti", "2026-09");
    await pay(traderId, 8_400);
    const stored = () => getDb().selectFrom("trader_coverage").selectAll().where("trader_id", "=", traderId).executeTakeFirstOrThrow();
    await refreshAllCoverage(getDb(), new Date("2026-11-24T05:00:00Z"));
    expect(await stored()).toMatchObject({ status: "menunggak", months_behind: 2, amount_owed: 16_800, paid_through: "2026-09" });
    const written = await refreshAllCoverage(getDb(), new Date("2026-12-16T05:00:00Z"));
    expect(written).toBeGreaterThan(300);
    expect(await stored()).toMatchObject({ status: "nonaktif", months_behind: 3, amount_owed: 25_200, computed_on: "2026-12-16" });
  });
});

describe("GET /api/v1/traders/:id/coverage", () => {
  it("answers paid-through, status, arrears and the current month", async () => {
    const month = businessDate(new Date(), flamboyan.time_zone).slice(0, 7);
    const traderId = await addTrader("Pedagang API", month);
    const premium = (await loadTraderCoverage(getDb(), { level: "all" }, traderId))!.coverage.currentMonth.premium;
    await pay(traderId, premium + 100);
    const response = await getCoverage(collectorBearer, traderId);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      traderId,
      paidThrough: month,
      status: "aktif",
      monthsBehind: 0,
      amountOwed: 0,
      currentMonth: { month, premium, paid: premium, remaining: 0 },
    });
  });

  it("answers 404 for a trader outside the caller's scope", async () => {
    const pandansari = await getDb().selectFrom("markets").select("id").where("name", "=", "Pasar Demo Pandansari").executeTakeFirstOrThrow();
    const outside = await getDb().selectFrom("traders").select("id").where("market_id", "=", pandansari.id).executeTakeFirstOrThrow();
    const response = await getCoverage(collectorBearer, outside.id);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "Not found" } });
    const inFlamboyan = await getDb().selectFrom("traders").select("id").where("market_id", "=", flamboyan.id).executeTakeFirstOrThrow();
    expect((await getCoverage(await bearerOf("staf.balikpapan@demo.id"), inFlamboyan.id)).status).toBe(404);
    expect((await getCoverage(await bearerOf("staf.pontianak@demo.id"), inFlamboyan.id)).status).toBe(200);
  });
});

describe("the arrears list", () => {
  it("lists traders behind, the largest amount first, with pages", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const response = await call(arrearsPage.loader, getRequest(`/arrears?market=${flamboyan.id}`, staff));
    expect(response.status).toBe(200);
    const { arrears } = (await response.json()) as { arrears: NonNullable<Awaited<ReturnType<typeof loadArrearsPage>>>["arrears"] };
    const rows = arrears!.traders.rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.monthsBehind > 0 && row.amountOwed > 0)).toBe(true);
    expect(rows.map((row) => row.amountOwed)).toEqual([...rows.map((row) => row.amountOwed)].sort((a, b) => b - a));
    expect(arrears!.totalOwed).toBeGreaterThanOrEqual(rows.reduce((sum, row) => sum + row.amountOwed, 0));
    const html = await bodyOf(await call(arrearsPage.loader, getRequest(`/arrears?market=${flamboyan.id}&page=99`, staff)));
    expect(html).toContain('"rows":[]');
  });

  it("defaults a collector to their own market and hides other markets", async () => {
    const collector = await signedInAs(COLLECTOR);
    const data = (await (await call(arrearsPage.loader, getRequest("/arrears", collector))).json()) as { markets: { name: string }[]; arrears: { market: { id: number } } };
    expect(data.markets.map((m) => m.name)).toEqual(["Pasar Flamboyan"]);
    expect(data.arrears.market.id).toBe(flamboyan.id);
    const bpn = await signedInAs("staf.balikpapan@demo.id");
    expect((await call(arrearsPage.loader, getRequest(`/arrears?market=${flamboyan.id}`, bpn))).status).toBe(404);
    expect((await call(arrearsCsv.loader, getRequest(`/arrears.csv?market=${flamboyan.id}`, bpn))).status).toBe(404);
  });

  it("exports the whole list as CSV with formulas neutralised", async () => {
    const start = addMonths(businessDate(new Date(), flamboyan.time_zone).slice(0, 7), -4);
    await addTrader("=HYPERLINK(\"http://x\")", start, flamboyan.id, "+6281299990000");
    const response = await call(arrearsCsv.loader, getRequest(`/arrears.csv?market=${flamboyan.id}`, await signedInAs(COLLECTOR)));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/attachment; filename="tunggakan-pasar-flamboyan-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split("\r\n")[0]).toBe("Pasar,Pedagang,Kios,Telepon,Status,Lunas s.d.,Bulan tertunggak,Tunggakan (Rp)");
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain("'+6281299990000");
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe("the collector fee statement", () => {
  it("is the MoU's basis points of the month's net collections, rounded down per collector", async () => {
    const mou = await getDb().selectFrom("mous").select(["id", "collector_fee_basis_points"]).where("market_id", "=", flamboyan.id).where("status", "=", "signed").executeTakeFirstOrThrow();
    const month = businessDate(new Date(), flamboyan.time_zone).slice(0, 7);
    const statementOf = async () => {
      const response = await call(feePage.loader, getRequest(`/mous/${mou.id}/fees?month=${month}`, await signedInAs("staf.pontianak@demo.id")), { mouId: String(mou.id) });
      expect(response.status).toBe(200);
      return ((await response.json()) as { statement: { totalNet: number; totalFee: number; lines: { collectorName: string; net: number; fee: number }[] } }).statement;
    };
    const expected = await getDb()
      .selectFrom("collection_entries")
      .select((eb) => eb.fn.sum<number>("amount").as("net"))
      .where("market_id", "=", flamboyan.id)
      .where("business_date", ">=", `${month}-01`)
      .where("business_date", "<=", `${month}-31`)
      .executeTakeFirstOrThrow();
    const before = await statementOf();
    expect(before.totalNet).toBe(Number(expected.net));
    for (const line of before.lines) expect(line.fee).toBe(Math.floor((line.net * mou.collector_fee_basis_points) / 10_000));
    expect(before.totalFee).toBe(before.lines.reduce((sum, line) => sum + line.fee, 0));

    // Staff reverse one of the collector's entries: the collector's net drops, however who recorded the reversal.
    const traderId = await addTrader("Pedagang Salah Catat", month);
    const [entry] = await pay(traderId, 10_000);
    const staff = await userByEmail("staf.pontianak@demo.id");
    expect(await reverseEntry(getDb(), staff.scope, { entryId: entry.entryId, reason: "Pedagang salah", userId: staff.id, role: staff.role, now: new Date() })).toMatchObject({ ok: true });
    const after = await statementOf();
    expect(after.lines.map(({ collectorName, net, fee }) => ({ collectorName, net, fee }))).toEqual(before.lines.map(({ collectorName, net, fee }) => ({ collectorName, net, fee })));
    expect(after.totalFee).toBe(before.totalFee);
  });

  it("answers 404 for another branch's MoU", async () => {
    const mou = await getDb().selectFrom("mous").select("id").where("market_id", "=", flamboyan.id).executeTakeFirstOrThrow();
    const response = await call(feePage.loader, getRequest(`/mous/${mou.id}/fees`, await signedInAs("staf.balikpapan@demo.id")), { mouId: String(mou.id) });
    expect(response.status).toBe(404);
  });
});
