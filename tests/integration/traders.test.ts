import { describe, expect, it } from "vitest";
import * as newTrader from "../../app/routes/traders.new";
import * as traderPage from "../../app/routes/traders.$traderId";
import * as editTrader from "../../app/routes/traders.$traderId_.edit";
import * as traderList from "../../app/routes/traders._index";
import * as tradersApi from "../../app/routes/api.v1.traders";
import { getDb } from "../../app/utils/db.server";
import { businessDate } from "../../app/domain/business-day";
import { summariseMarketTraders } from "../../app/models/traders.server";
import { findActiveUser } from "../../app/models/users.server";
import { bearerOf, bodyOf, call, getRequest, postRequest, signedInAs, type Caller } from "../support/requests";

/** Coverage may start within a year of the current month; premiums are checked for fixed months. */
const THIS_MONTH = businessDate(new Date(), "Asia/Pontianak").slice(0, 7);

const COLLECTOR = "kolektor.flamboyan@demo.id";
const PONTIANAK = "staf.pontianak@demo.id";
const BALIKPAPAN = "staf.balikpapan@demo.id";

async function marketId(name: string) {
  return (await getDb().selectFrom("markets").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
}

/** A seeded trader of a market: id, NIK, name. */
async function traderAt(market: string) {
  return getDb()
    .selectFrom("traders")
    .innerJoin("markets", "markets.id", "traders.market_id")
    .select(["traders.id", "traders.nik", "traders.full_name"])
    .where("markets.name", "=", market)
    .orderBy("traders.id")
    .executeTakeFirstOrThrow();
}

/** The form as a person fills it: NIK and name, everything else at its default. */
const fields = (market: number, nik: string, extra: Record<string, string> = {}) => ({
  marketId: String(market),
  nik,
  fullName: "Sari Pedagang Uji",
  sex: "",
  birthDate: "",
  phone: "0812 3456 7890",
  whatsapp: "1",
  stall: "Blok C-07",
  commodity: "vegetables",
  nominal: "1000000",
  jht: "0",
  payerType: "mandiri",
  programmeId: "",
  kpj: "",
  status: "registered",
  coverageStartMonth: THIS_MONTH,
  lat: "",
  lng: "",
  ...extra,
});

const register = (caller: Caller, form: Record<string, string>) => call(newTrader.action, postRequest("/traders/new", caller, form));

/** Registers and returns the new trader's id (the form redirects to the trader page). */
async function registered(caller: Caller, form: Record<string, string>) {
  const response = await register(caller, form);
  expect(response.status, await bodyOf(response.clone())).toBe(302);
  return Number(/^\/traders\/(\d+)\?created=1$/.exec(response.headers.get("Location") ?? "")![1]);
}

const premiumOn = async (caller: Caller, traderId: number, month: string) => {
  const response = await call(traderPage.loader, getRequest(`/traders/${traderId}?month=${month}`, caller), { traderId: String(traderId) });
  return (await response.json()).quote;
};

describe("registering a trader", () => {
  it("lets the Flamboyan collector register a trader who owes Rp8,400 for November 2026", async () => {
    const collector = await signedInAs(COLLECTOR);
    const flamboyan = await marketId("Pasar Flamboyan");
    const id = await registered(collector, fields(flamboyan, "6171 0512 0385 9001"));
    const stored = await getDb().selectFrom("traders").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ nik: "6171051203859001", sex: "M", birth_date: "1985-03-12", phone: "+6281234567890", whatsapp: 1, market_id: flamboyan, status: "registered" });
    const quote = await premiumOn(collector, id, "2026-11");
    expect(quote).toMatchObject({ month: "2026-11", jkk: 5_000, jkm: 3_400, jht: 0, total: 8_400, ratePeriod: { label: "Tarif BPU (PP 44/2015)" }, discount: { label: "PP 50/2025" } });
    expect((await premiumOn(collector, id, "2027-01")).total).toBe(16_800);
  });

  it("lets Pontianak staff register a woman with JHT: Rp8,400 plus Rp20,000 JHT in November 2026", async () => {
    const staff = await signedInAs(PONTIANAK);
    const id = await registered(staff, fields(await marketId("Pasar Kenanga"), "6171055203859002", { jht: "1", fullName: "Siti Aminah" }));
    const stored = await getDb().selectFrom("traders").select(["sex", "birth_date", "jht"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ sex: "F", birth_date: "1985-03-12", jht: 1 });
    const quote = await premiumOn(staff, id, "2026-11");
    expect(quote).toMatchObject({ jkk: 5_000, jkm: 3_400, jht: 20_000, total: 28_400 });
    const page = await (await call(traderPage.loader, getRequest(`/traders/${id}`, staff), { traderId: String(id) })).json();
    expect(page.trader).toMatchObject({ full_name: "Siti Aminah", enrolled_by: "Sari Staf Pontianak" });
  });

  it("refuses a bad NIK with the NIK rule's message", async () => {
    const collector = await signedInAs(COLLECTOR);
    const flamboyan = await marketId("Pasar Flamboyan");
    for (const [nik, message] of [
      ["61710512038", "nik.length"],
      ["9971051203859001", "nik.province"],
      ["6171053102859001", "nik.date"],
    ]) {
      const response = await register(collector, fields(flamboyan, nik));
      expect(response.status).toBe(400);
      expect((await response.json()).errors).toEqual({ nik: message });
    }
  });

  it("asks to confirm a NIK warning and saves once exactly that warning is confirmed", async () => {
    const staff = await signedInAs(PONTIANAK);
    const form = fields(await marketId("Pasar Flamboyan"), "6404051203859004");
    const first = await register(staff, form);
    expect(first.status).toBe(409);
    expect(await first.json()).toMatchObject({ warnings: ["nik.warnOldKaltimCode"], values: { nik: "6404051203859004" } });
    const wrongConfirmation = await register(staff, { ...form, confirmWarnings: "nik.warnAge" });
    expect(wrongConfirmation.status).toBe(409);
    await registered(staff, { ...form, confirmWarnings: "nik.warnOldKaltimCode" });
  });

  it("flags a typed birth date that disagrees with the NIK until it is confirmed", async () => {
    const staff = await signedInAs(PONTIANAK);
    const form = fields(await marketId("Pasar Flamboyan"), "6171051203859006", { birthDate: "1985-03-21", sex: "M" });
    expect(await (await register(staff, form)).json()).toMatchObject({ warnings: ["nik.mismatchBirthDate"] });
    const id = await registered(staff, { ...form, confirmWarnings: "nik.mismatchBirthDate" });
    expect((await getDb().selectFrom("traders").select("birth_date").where("id", "=", id).executeTakeFirstOrThrow()).birth_date).toBe("1985-03-21");
  });

  it("points to the existing trader when the NIK is already registered in the caller's area", async () => {
    const staff = await signedInAs(PONTIANAK);
    const existing = await traderAt("Pasar Flamboyan");
    const response = await register(staff, fields(await marketId("Pasar Kenanga"), existing.nik));
    expect(response.status).toBe(409);
    expect((await response.json()).duplicate).toEqual({ id: existing.id, name: existing.full_name, marketName: "Pasar Flamboyan" });
  });

  it("answers a neutral message, and nothing about the record, when the NIK is registered outside the area", async () => {
    const staff = await signedInAs(BALIKPAPAN);
    const existing = await traderAt("Pasar Flamboyan");
    const response = await register(staff, fields(await marketId("Pasar Demo Pandansari"), existing.nik));
    expect(response.status).toBe(400);
    const body = await bodyOf(response);
    expect(JSON.parse(body).errors).toEqual({ nik: "traders.nikElsewhere" });
    for (const leak of [existing.full_name, "Flamboyan", `"id":${existing.id}`]) expect(body).not.toContain(leak);
  });

  it("refuses a KPJ number another trader holds and one with letters", async () => {
    const staff = await signedInAs(PONTIANAK);
    const flamboyan = await marketId("Pasar Flamboyan");
    expect((await (await register(staff, fields(flamboyan, "6171051203859007", { kpj: "26110012345" }))).json()).errors).toEqual({ kpj: "traders.kpjTaken" });
    expect((await (await register(staff, fields(flamboyan, "6171051203859007", { kpj: "2611001234A" }))).json()).errors).toEqual({ kpj: "traders.kpjDigits" });
  });

  it("does not let a collector register a trader at another market", async () => {
    const collector = await signedInAs(COLLECTOR);
    const response = await register(collector, fields(await marketId("Pasar Kenanga"), "6171051203859008"));
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ marketId: "traders.marketRequired" });
  });

  it("gives the form the market's rate table and allowed nominals for the live premium", async () => {
    const collector = await signedInAs(COLLECTOR);
    const flamboyan = await marketId("Pasar Flamboyan");
    const data = await (await call(newTrader.loader, getRequest(`/traders/new?market=${flamboyan}`, collector))).json();
    expect(data.markets.map((m: { name: string }) => m.name)).toEqual(["Pasar Flamboyan"]);
    expect(data.table.allowedNominals[0]).toBe(1_000_000);
    expect(data.table.discounts.map((d: { label: string }) => d.label)).toContain("PP 50/2025");
    expect((await call(newTrader.loader, getRequest(`/traders/new?market=${await marketId("Pasar Kahayan")}`, collector))).status).toBe(404);
  });
});

describe("editing a trader", () => {
  it("records every changed field, old and new, in the trader's history", async () => {
    const collector = await signedInAs(COLLECTOR);
    const flamboyan = await marketId("Pasar Flamboyan");
    const id = await registered(collector, fields(flamboyan, "6171051203859010"));
    const path = `/traders/${id}/edit`;
    const edit = await call(editTrader.action, postRequest(path, collector, fields(flamboyan, "6171051203859010", { nominal: "2000000", stall: "Blok D-01" })), { traderId: String(id) });
    expect(edit.headers.get("Location")).toBe(`/traders/${id}?saved=1`);
    const page = await (await call(traderPage.loader, getRequest(`/traders/${id}`, collector), { traderId: String(id) })).json();
    expect(page.history).toHaveLength(1);
    expect(page.history[0]).toMatchObject({ changedBy: "Rahmat Kolektor Flamboyan", changes: { nominal: [1_000_000, 2_000_000], stall: ["Blok C-07", "Blok D-01"] } });
    // Saving again without changes adds nothing.
    await call(editTrader.action, postRequest(path, collector, fields(flamboyan, "6171051203859010", { nominal: "2000000", stall: "Blok D-01" })), { traderId: String(id) });
    const again = await (await call(traderPage.loader, getRequest(`/traders/${id}`, collector), { traderId: String(id) })).json();
    expect(again.history).toHaveLength(1);
  });
});

describe("trader scope", () => {
  it("keeps other markets' traders from the Flamboyan collector", async () => {
    const collector = await signedInAs(COLLECTOR);
    const kahayan = await traderAt("Pasar Kahayan");
    expect((await call(traderPage.loader, getRequest(`/traders/${kahayan.id}`, collector), { traderId: String(kahayan.id) })).status).toBe(404);
    expect((await call(traderList.loader, getRequest(`/traders?market=${await marketId("Pasar Kahayan")}`, collector))).status).toBe(404);
    const list = await (await call(traderList.loader, getRequest("/traders", collector))).json();
    expect(new Set(list.traders.rows.map((row: { market_name: string }) => row.market_name))).toEqual(new Set(["Pasar Flamboyan"]));
  });

  it("keeps KC-PTK traders from Balikpapan staff, by page, edit form and search", async () => {
    const staff = await signedInAs(BALIKPAPAN);
    const flamboyan = await traderAt("Pasar Flamboyan");
    expect((await call(traderPage.loader, getRequest(`/traders/${flamboyan.id}`, staff), { traderId: String(flamboyan.id) })).status).toBe(404);
    expect((await call(editTrader.loader, getRequest(`/traders/${flamboyan.id}/edit`, staff), { traderId: String(flamboyan.id) })).status).toBe(404);
    const search = await (await call(traderList.loader, getRequest(`/traders?q=${flamboyan.nik}`, staff))).json();
    expect(search.traders.total).toBe(0);
  });

  it("searches by name, NIK, stall and KPJ, and filters by status and payer", async () => {
    const staff = await signedInAs(PONTIANAK);
    const flamboyan = await marketId("Pasar Flamboyan");
    const list = async (query: string) => (await (await call(traderList.loader, getRequest(`/traders?market=${flamboyan}&${query}`, staff))).json()).traders;
    expect((await list("q=26110012345")).rows).toHaveLength(1);
    const apbd = await list("payer=apbd");
    expect(apbd.total).toBe(40);
    expect(apbd.rows[0].monthPremium).toBeGreaterThanOrEqual(16_800);
    const prospects = await list("status=prospect");
    expect(prospects.rows.every((row: { status: string }) => row.status === "prospect")).toBe(true);
    const all = await list("page=2");
    expect(all).toMatchObject({ page: 2, pageCount: Math.ceil(all.total / 25) });
  });
});

describe("GET /api/v1/traders", () => {
  it("returns a page of the caller's traders with this month's premium", async () => {
    const token = await bearerOf(COLLECTOR);
    const flamboyan = await marketId("Pasar Flamboyan");
    const response = await call(tradersApi.loader, getRequest(`/api/v1/traders?market=${flamboyan}&page=1`, token));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ page: 1, pageCount: Math.ceil(body.total / 25) });
    expect(body.total).toBeGreaterThanOrEqual(300);
    expect(body.traders).toHaveLength(25);
    expect(Object.keys(body.traders[0]).sort()).toEqual(["id", "marketId", "month", "monthPremium", "name", "stall", "status"]);
    expect(body.traders.every((t: { marketId: number; monthPremium: number }) => t.marketId === flamboyan && t.monthPremium > 0)).toBe(true);
  });

  it("finds a trader by name and answers 404 for a market outside the scope", async () => {
    const token = await bearerOf(BALIKPAPAN);
    const existing = await traderAt("Pasar Demo Pandansari");
    const found = await (await call(tradersApi.loader, getRequest(`/api/v1/traders?q=${encodeURIComponent(existing.nik)}`, token))).json();
    expect(found.traders.map((t: { id: number }) => t.id)).toEqual([existing.id]);
    const outside = await call(tradersApi.loader, getRequest(`/api/v1/traders?market=${await marketId("Pasar Flamboyan")}`, token));
    expect(outside.status).toBe(404);
  });
});

describe("summariseMarketTraders", () => {
  const scopeOf = async (email: string) => {
    const { id } = await getDb().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    return (await findActiveUser(getDb(), id))!.scope;
  };

  it("counts a market's traders and the self-paid premiums due this month, for the market page", async () => {
    const flamboyan = await marketId("Pasar Flamboyan");
    const summary = await summariseMarketTraders(getDb(), await scopeOf(COLLECTOR), flamboyan, new Date("2026-11-24T03:00:00Z"));
    const counts = await getDb()
      .selectFrom("traders")
      .where("market_id", "=", flamboyan)
      .select((eb) => [eb.fn.countAll<number>().as("total"), eb.fn.count<number>("kpj").as("kpj")])
      .executeTakeFirstOrThrow();
    expect(summary).toMatchObject({ marketId: flamboyan, month: "2026-11", total: Number(counts.total), withKpj: Number(counts.kpj), sponsored: 40 });
    expect(summary!.registered + summary!.prospects).toBe(summary!.total);
    // Every self-paying registered trader owes at least the discounted Rp8,400 in November 2026.
    expect(summary!.monthlyDueMandiri).toBeGreaterThanOrEqual(8_400 * (summary!.registered - 40));
  });

  it("answers null for a market outside the scope", async () => {
    expect(await summariseMarketTraders(getDb(), await scopeOf(BALIKPAPAN), await marketId("Pasar Flamboyan"))).toBeNull();
  });
});
