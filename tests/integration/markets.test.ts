import { describe, expect, it } from "vitest";
import * as list from "../../app/routes/markets._index";
import * as newMarket from "../../app/routes/markets.new";
import * as marketPage from "../../app/routes/markets.$marketId";
import * as editMarket from "../../app/routes/markets.$marketId_.edit";
import { getDb } from "../../app/utils/db.server";
import { createMarket } from "../../app/models/markets.server";
import { parseMarketForm } from "../../app/domain/market-form";
import { call, getRequest, postRequest, signedInAs } from "../support/requests";

const db = () => getDb();

async function branchId(code: string) {
  const row = await db().selectFrom("branches").select("id").where("code", "=", code).executeTakeFirstOrThrow();
  return String(row.id);
}

async function marketId(name: string) {
  const row = await db().selectFrom("markets").select("id").where("name", "=", name).executeTakeFirstOrThrow();
  return String(row.id);
}

async function userId(email: string) {
  const row = await db().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return row.id;
}

async function marketsNamed(name: string) {
  return db().selectFrom("markets").selectAll().where("name", "=", name).execute();
}

async function marketForm(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    intent: "update",
    name: "Pasar Sungai Jawi",
    branchId: await branchId("KC-PTK"),
    regencyName: "Kota Pontianak",
    regencyCode: "61.71",
    address: "Jl. Sungai Jawi",
    lat: "-0.0301",
    lng: "109.3187",
    coordPrecision: "kelurahan",
    locationVerifiedVia: "",
    governmentRun: "1",
    operatorType: "dinas_upt",
    operatorName: "UPT Pasar Kota Pontianak",
    stallEstimate: "240",
    traderEstimate: "200",
    notes: "",
    ...overrides,
  };
}

const create = async (email: string, fields: Record<string, string>) =>
  call(newMarket.action, postRequest("/markets/new", await signedInAs(email), fields));

describe("creating a market", () => {
  it("registers a market at stage identified with its first history row and contact", async () => {
    const response = await create(
      "staf.pontianak@demo.id",
      await marketForm({ "contacts.0.name": "Hendra Gunawan", "contacts.0.role": "Kepala UPT Pasar", "contacts.0.phone": "0812-0000-1234", "contacts.0.whatsapp": "1" }),
    );
    expect(response.status).toBe(302);
    const [market] = await marketsNamed("Pasar Sungai Jawi");
    expect(response.headers.get("Location")).toBe(`/markets/${market.id}?created=1`);
    expect(market).toMatchObject({ stage: "identified", regency_code: "61.71", stall_estimate: 240, coord_precision: "kelurahan", location_verified_via: null });
    const history = await db().selectFrom("market_stage_changes").selectAll().where("market_id", "=", market.id).execute();
    expect(history).toMatchObject([{ from_stage: null, to_stage: "identified", source: "initial", changed_by_user_id: await userId("staf.pontianak@demo.id") }]);
    const contacts = await db().selectFrom("market_contacts").selectAll().where("market_id", "=", market.id).execute();
    expect(contacts).toMatchObject([{ name: "Hendra Gunawan", role: "Kepala UPT Pasar", phone: "+6281200001234", whatsapp: 1 }]);
  });

  it("warns about a similar name in the same regency and saves only once the user confirms", async () => {
    const fields = await marketForm({ name: "flamboyan" });
    const warned = await create("staf.pontianak@demo.id", fields);
    expect(warned.status).toBe(200);
    const body = await warned.json();
    expect(body.similar.map((m: { name: string }) => m.name)).toEqual(["Pasar Flamboyan"]);
    expect(body.values.name).toBe("flamboyan");
    expect(await marketsNamed("flamboyan")).toHaveLength(0);

    const saved = await create("staf.pontianak@demo.id", { ...fields, confirmSimilar: "1" });
    expect(saved.status).toBe(302);
    expect(await marketsNamed("flamboyan")).toHaveLength(1);
  });

  it("records who confirmed the pin and how", async () => {
    const response = await create("kakanwil@demo.id", await marketForm({ name: "Pasar Pal Lima", locationVerifiedVia: "desk" }));
    expect(response.status).toBe(302);
    const [market] = await marketsNamed("Pasar Pal Lima");
    expect(market).toMatchObject({ coord_precision: "verified", location_verified_via: "desk", location_verified_by_user_id: await userId("kakanwil@demo.id") });
    expect(market.location_verified_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("refuses coordinates outside Indonesia and saves nothing", async () => {
    const response = await create("staf.pontianak@demo.id", await marketForm({ name: "Pasar Salah Koordinat", lat: "0.0301", lng: "-109.3187" }));
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ location: "markets.outsideIndonesia" });
    expect(await marketsNamed("Pasar Salah Koordinat")).toHaveLength(0);
  });

  it("refuses a contact phone it cannot read, leaving no half-saved market", async () => {
    const response = await create(
      "staf.pontianak@demo.id",
      await marketForm({ name: "Pasar Telepon Salah", "contacts.0.name": "Rina", "contacts.0.phone": "telp kantor pasar" }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ "contacts.0.phone": "markets.phoneInvalid" });
    expect(await marketsNamed("Pasar Telepon Salah")).toHaveLength(0);
  });

  it("wants the regency code in the chosen branch's province", async () => {
    const response = await create("kakanwil@demo.id", await marketForm({ name: "Pasar Provinsi Salah", branchId: await branchId("KC-BPN") }));
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ regencyCode: "markets.regencyProvinceMismatch" });
  });

  it("writes nothing when a contact cannot be stored (market and contacts are one transaction)", async () => {
    const parsed = parseMarketForm({ ...(await marketForm({ name: "Pasar Setengah Jadi" })), "contacts.0.name": "Rina" });
    const input = { ...parsed.data!, contacts: { "0": { ...parsed.data!.contacts["0"], name: null as unknown as string } } };
    await expect(createMarket(db(), { level: "all" }, await userId("admin@demo.id"), input)).rejects.toThrow(/NOT NULL/);
    expect(await marketsNamed("Pasar Setengah Jadi")).toHaveLength(0);
  });

  it("answers 404 when branch staff name another branch", async () => {
    const response = await create("staf.pontianak@demo.id", await marketForm({ name: "Pasar Lintas Cabang", branchId: await branchId("KC-BPN"), regencyCode: "64.71" }));
    expect(response.status).toBe(404);
    expect(await marketsNamed("Pasar Lintas Cabang")).toHaveLength(0);
  });

  it("turns collectors away from the form and the action", async () => {
    const collector = await signedInAs("kolektor.flamboyan@demo.id");
    expect((await call(newMarket.loader, getRequest("/markets/new", collector))).status).toBe(403);
    expect((await call(newMarket.action, postRequest("/markets/new", collector, await marketForm({ name: "Pasar Kolektor" })))).status).toBe(403);
    expect(await marketsNamed("Pasar Kolektor")).toHaveLength(0);
  });

  it("offers branch staff only their own branch", async () => {
    const response = await call(newMarket.loader, getRequest("/markets/new", await signedInAs("staf.balikpapan@demo.id")));
    expect((await response.json()).branches.map((b: { code: string }) => b.code)).toEqual(["KC-BPN"]);
  });
});

describe("editing a market", () => {
  const edit = async (email: string, id: string, fields: Record<string, string>) =>
    call(editMarket.action, postRequest(`/markets/${id}/edit`, await signedInAs(email), fields), { marketId: id });

  it("changes the facts and keeps the original confirmer of an unchanged pin", async () => {
    const id = await marketId("Pasar Flamboyan");
    const before = (await marketsNamed("Pasar Flamboyan"))[0];
    const response = await edit("kakanwil@demo.id", id, await marketForm({
      name: "Pasar Flamboyan",
      lat: String(before.lat),
      lng: String(before.lng),
      locationVerifiedVia: "site",
      traderEstimate: "1550",
      notes: "Jumlah pedagang diperbarui.",
    }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/markets/${id}?saved=1`);
    const after = (await marketsNamed("Pasar Flamboyan"))[0];
    expect(after).toMatchObject({
      trader_estimate: 1550,
      notes: "Jumlah pedagang diperbarui.",
      coord_precision: "verified",
      location_verified_by_user_id: before.location_verified_by_user_id,
      location_verified_at: before.location_verified_at,
    });
    expect(before.location_verified_by_user_id).toBe(await userId("staf.pontianak@demo.id"));
  });

  it("warns about a similar name when renaming, but not when other facts change", async () => {
    const tengah = await marketId("Pasar Tengah");
    const renamed = await edit("staf.pontianak@demo.id", tengah, await marketForm({ name: "Pasar Kenanga" }));
    expect(renamed.status).toBe(200);
    expect((await renamed.json()).similar.map((m: { name: string }) => m.name)).toEqual(["Pasar Kenanga", "Pasar Kenanga Anggrek"]);
    expect(await marketsNamed("Pasar Tengah")).toHaveLength(1);

    // Pasar Kenanga already sits beside Pasar Kenanga Anggrek; changing its estimates is no new duplicate.
    const kenanga = await marketId("Pasar Kenanga");
    const response = await edit("staf.pontianak@demo.id", kenanga, await marketForm({ name: "Pasar Kenanga", traderEstimate: "320" }));
    expect(response.status).toBe(302);
  });

  it("adds, changes and removes contacts", async () => {
    const id = await marketId("Pasar Dahlia");
    const contactsOf = () => db().selectFrom("market_contacts").selectAll().where("market_id", "=", Number(id)).orderBy("id").execute();
    const existing = (await contactsOf()).length;

    const added = await edit("staf.pontianak@demo.id", id, {
      intent: "save-contact",
      contactId: "new",
      "contacts.new.name": "Yuliana Ningsih",
      "contacts.new.role": "Koordinator Pedagang",
      "contacts.new.phone": "+62 857-0000-4321",
    });
    expect(added.status).toBe(200);
    expect((await added.json()).notice).toBe("markets.contactSaved");
    const contact = (await contactsOf()).at(-1)!;
    expect(contact).toMatchObject({ name: "Yuliana Ningsih", phone: "+6285700004321", whatsapp: 0 });

    const changed = await edit("staf.pontianak@demo.id", id, {
      intent: "save-contact",
      contactId: String(contact.id),
      [`contacts.${contact.id}.name`]: "Yuliana Ningsih",
      [`contacts.${contact.id}.phone`]: "6285700004321",
      [`contacts.${contact.id}.whatsapp`]: "1",
    });
    expect(changed.status).toBe(200);
    expect((await contactsOf()).at(-1)).toMatchObject({ role: null, whatsapp: 1 });

    const bad = await edit("staf.pontianak@demo.id", id, { intent: "save-contact", contactId: "new", "contacts.new.name": "X", "contacts.new.phone": "123" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual({ "contacts.new.phone": "markets.phoneInvalid" });

    const removed = await edit("staf.pontianak@demo.id", id, { intent: "remove-contact", contactId: String(contact.id) });
    expect((await removed.json()).notice).toBe("markets.contactRemoved");
    expect(await contactsOf()).toHaveLength(existing);
  });

  it("will not touch a contact through another market's page", async () => {
    const [other] = await db().selectFrom("market_contacts").select("id").where("market_id", "!=", Number(await marketId("Pasar Dahlia"))).limit(1).execute();
    const response = await edit("staf.pontianak@demo.id", await marketId("Pasar Dahlia"), { intent: "remove-contact", contactId: String(other.id) });
    expect(response.status).toBe(404);
    expect(await db().selectFrom("market_contacts").select("id").where("id", "=", other.id).executeTakeFirst()).toBeDefined();
  });

  it("answers 404 to branch staff editing another branch's market", async () => {
    const id = await marketId("Pasar Demo Pandansari");
    const staff = await signedInAs("staf.pontianak@demo.id");
    expect((await call(editMarket.loader, getRequest(`/markets/${id}/edit`, staff), { marketId: id })).status).toBe(404);
    const response = await edit("staf.pontianak@demo.id", id, await marketForm({ name: "Pasar Diambil Alih" }));
    expect(response.status).toBe(404);
  });
});

describe("the market page", () => {
  const changeStage = async (email: string, id: string, fields: Record<string, string>) =>
    call(marketPage.action, postRequest(`/markets/${id}`, await signedInAs(email), { intent: "change-stage", ...fields }), { marketId: id });

  it("returns the contacts, the stage history and the stages staff may pick", async () => {
    const id = await marketId("Pasar Flamboyan");
    const response = await call(marketPage.loader, getRequest(`/markets/${id}`, await signedInAs("staf.pontianak@demo.id")), { marketId: id });
    const page = await response.json();
    expect(page.market).toMatchObject({ name: "Pasar Flamboyan", location_verified_via: "site", location_verified_by: "Sari Staf Pontianak", time_zone: "Asia/Pontianak" });
    expect(page.contacts.length).toBeGreaterThan(0);
    expect(page.contacts[0].phone).toMatch(/^\+628\d{8,11}$/);
    expect(page.history[0]).toMatchObject({ to_stage: "collecting" });
    expect(page.history.at(-1)).toMatchObject({ from_stage: null, to_stage: "identified", source: "initial" });
    expect(page.canManage).toBe(true);
  });

  it("shows the collector their market read-only and refuses their stage change", async () => {
    const id = await marketId("Pasar Flamboyan");
    const collector = await signedInAs("kolektor.flamboyan@demo.id");
    const page = await (await call(marketPage.loader, getRequest(`/markets/${id}`, collector), { marketId: id })).json();
    expect(page.canManage).toBe(false);
    expect((await changeStage("kolektor.flamboyan@demo.id", id, { to: "paused", reason: "Uji" })).status).toBe(403);
  });

  it("moves a market to an allowed stage and records it in the history", async () => {
    const id = await marketId("Pasar Kenanga Anggrek");
    const response = await changeStage("staf.pontianak@demo.id", id, { to: "visited", reason: "" });
    expect(response.status).toBe(200);
    expect((await response.json()).notice).toBe("markets.stageChanged");
    const page = await (await call(marketPage.loader, getRequest(`/markets/${id}`, await signedInAs("staf.pontianak@demo.id")), { marketId: id })).json();
    expect(page.market.stage).toBe("visited");
    expect(page.history[0]).toMatchObject({ from_stage: "identified", to_stage: "visited", source: "manual", changed_by: "Sari Staf Pontianak" });
  });

  it("refuses declining without a reason, next to the reason field", async () => {
    const id = await marketId("Pasar Tengah");
    const response = await changeStage("staf.pontianak@demo.id", id, { to: "declined", reason: "  " });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ reason: "pipeline.reasonRequired" });
    expect((await marketsNamed("Pasar Tengah"))[0].stage).toBe("identified");
  });

  it("asks for a stage when none was chosen", async () => {
    const response = await changeStage("staf.pontianak@demo.id", await marketId("Pasar Tengah"), { to: "", reason: "" });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ to: "common.required" });
  });

  it("refuses mou_signed while the market has no signed MoU", async () => {
    const id = await marketId("Pasar Tengah");
    const response = await changeStage("kakanwil@demo.id", id, { to: "mou_signed", reason: "" });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ to: "pipeline.needsSignedMou" });
  });

  it("answers 404 to staff changing another branch's market", async () => {
    const id = await marketId("Pasar Demo Pandansari");
    expect((await changeStage("staf.pontianak@demo.id", id, { to: "paused", reason: "Uji" })).status).toBe(404);
  });
});

describe("the market list", () => {
  it("offers the branch filter above branch level and applies it", async () => {
    const head = await signedInAs("kakanwil@demo.id");
    const bpn = await branchId("KC-BPN");
    const data = await (await call(list.loader, getRequest(`/markets?branch=${bpn}`, head))).json();
    expect(data.branches.map((b: { code: string }) => b.code)).toContain("KC-PTK");
    expect(data.markets.rows.every((m: { branch_code: string }) => m.branch_code === "KC-BPN")).toBe(true);
    expect(data.markets.total).toBeGreaterThan(0);
  });

  it("gives branch staff no branch filter", async () => {
    const data = await (await call(list.loader, getRequest("/markets", await signedInAs("staf.pontianak@demo.id")))).json();
    expect(data.branches).toEqual([]);
  });
});
