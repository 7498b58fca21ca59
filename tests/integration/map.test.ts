import { describe, expect, it, vi } from "vitest";
import * as tradersApi from "../../app/routes/api.v1.map.traders";
import * as baseApi from "../../app/routes/api.v1.map.base";
import * as clusterApi from "../../app/routes/api.v1.map.cluster";
import { invalidateTraderIndex, REFRESH_INTERVAL_MS, traderIndex } from "../../app/models/trader-index.server";
import { distanceMetres } from "../../app/domain/geo";
import * as mapPage from "../../app/routes/map";
import * as newTrader from "../../app/routes/traders.new";
import * as editTrader from "../../app/routes/traders.$traderId_.edit";
import { getDb } from "../../app/utils/db.server";
import { DATA_AREA } from "../../app/domain/map-query";
import { anonymous, bearerOf, call, getRequest, postRequest, signedInAs, type Caller } from "../support/requests";

const db = () => getDb();
const REGION_VIEW = DATA_AREA.join(",");

type Feature = {
  id: string | number;
  geometry: { coordinates: [number, number] };
  properties: { cluster: true; clusterId: number; count: number; expansionZoom: number; counts: Record<string, number> } | { cluster: false; traderId: number; marketId: number; status: string; name: string; pinned: boolean };
};
type Collection = { type: string; features: Feature[]; unplaced: number };

async function traders(caller: Caller, query: string) {
  const response = await call(tradersApi.loader, getRequest(`/api/v1/map/traders?${query}`, caller));
  return { status: response.status, body: (await response.json()) as Collection & { error?: { code: string; message: string } } };
}

async function members(caller: Caller, query: string) {
  const response = await call(clusterApi.loader, getRequest(`/api/v1/map/cluster?${query}`, caller));
  return { status: response.status, body: (await response.json()) as { traders: { traderId: number; name: string; marketId: number }[] } };
}

const countOf = (collection: Collection) => collection.features.reduce((sum, f) => sum + (f.properties.cluster ? f.properties.count : 1), 0);

async function market(name: string) {
  return db().selectFrom("markets").selectAll().where("name", "=", name).executeTakeFirstOrThrow();
}

/** Registered traders of the markets matching the filter that have a location to be drawn at. */
async function registeredCount(where: { branchCode?: string; marketName?: string; regionCode?: string }) {
  const row = await db()
    .selectFrom("traders")
    .innerJoin("markets", "markets.id", "traders.market_id")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .innerJoin("regions", "regions.id", "branches.region_id")
    .where("traders.status", "=", "registered")
    .where((eb) => eb.or([eb("traders.lat", "is not", null), eb("markets.lat", "is not", null)]))
    .$if(where.branchCode != null, (qb) => qb.where("branches.code", "=", where.branchCode!))
    .$if(where.marketName != null, (qb) => qb.where("markets.name", "=", where.marketName!))
    .$if(where.regionCode != null, (qb) => qb.where("regions.code", "=", where.regionCode!))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A box of about ±0.05° around a market. */
const around = (m: { lat: number | null; lng: number | null }) => [m.lng! - 0.05, m.lat! - 0.05, m.lng! + 0.05, m.lat! + 0.05].join(",");

describe("GET /api/v1/map/traders", () => {
  it("clusters every onboarded trader of the region for the regional head, with status counts", async () => {
    const { status, body } = await traders(await signedInAs("kakanwil@demo.id"), `bbox=${REGION_VIEW}&zoom=5`);
    expect(status).toBe(200);
    expect(body.type).toBe("FeatureCollection");
    const expected = await registeredCount({ regionCode: "KW-KAL" });
    expect(expected).toBeGreaterThan(300);
    expect(countOf(body)).toBe(expected);
    // A region-wide view is a handful of clusters, not hundreds of points.
    expect(body.features.length).toBeLessThan(40);
    for (const feature of body.features.filter((f) => f.properties.cluster)) {
      const props = feature.properties as Extract<Feature["properties"], { cluster: true }>;
      expect(Object.values(props.counts).reduce((a, b) => a + b, 0)).toBe(props.count);
      expect(props.expansionZoom).toBeGreaterThan(5);
    }
  });

  it("splits clusters as the view zooms in, keeping every trader counted", async () => {
    const flamboyan = await market("Pasar Flamboyan");
    const caller = await signedInAs("staf.pontianak@demo.id");
    const far = await traders(caller, `bbox=${around(flamboyan)}&zoom=10`);
    const near = await traders(caller, `bbox=${around(flamboyan)}&zoom=18`);
    expect(far.body.features).toHaveLength(1);
    expect(near.body.features.length).toBeGreaterThan(1);
    expect(countOf(near.body)).toBe(countOf(far.body));
  });

  it("shows a collector only their own market's traders, down to the cluster lists", async () => {
    const flamboyan = await market("Pasar Flamboyan");
    const caller = await bearerOf("kolektor.flamboyan@demo.id");
    const { body } = await traders(caller, `bbox=${REGION_VIEW}&zoom=5`);
    expect(countOf(body)).toBe(await registeredCount({ marketName: "Pasar Flamboyan" }));
    const close = await traders(caller, `bbox=${around(flamboyan)}&zoom=18`);
    const listed: { marketId: number }[] = [];
    for (const feature of close.body.features) {
      if (!feature.properties.cluster) listed.push(feature.properties);
      else listed.push(...(await members(caller, `id=${feature.properties.clusterId}`)).body.traders);
    }
    expect(listed.length).toBeGreaterThan(100);
    expect(listed.every((trader) => trader.marketId === flamboyan.id)).toBe(true);
  });

  it("shows KC-BPN staff their own traders and none of KC-PTK's", async () => {
    const caller = await signedInAs("staf.balikpapan@demo.id");
    const pontianak = await traders(caller, `bbox=${around(await market("Pasar Flamboyan"))}&zoom=12`);
    expect(pontianak.body.features).toEqual([]);
    const whole = await traders(caller, `bbox=${REGION_VIEW}&zoom=5`);
    expect(countOf(whole.body)).toBe(await registeredCount({ branchCode: "KC-BPN" }));
    expect(countOf(whole.body)).toBeGreaterThan(0);
    // A cluster id from the regional head's view names nothing outside Balikpapan staff's own scope.
    const head = await traders(await signedInAs("kakanwil@demo.id"), `bbox=${REGION_VIEW}&zoom=5`);
    const bpnMarkets = new Set((await db().selectFrom("markets").innerJoin("branches", "branches.id", "markets.branch_id").where("branches.code", "=", "KC-BPN").select("markets.id").execute()).map((m) => m.id));
    for (const feature of head.body.features.filter((f) => f.properties.cluster)) {
      const listed = await members(caller, `id=${(feature.properties as { clusterId: number }).clusterId}`);
      expect([200, 404]).toContain(listed.status);
      if (listed.status === 200) expect(listed.body.traders.every((trader) => bpnMarkets.has(trader.marketId))).toBe(true);
    }
  });

  it("places traders without a pin within about 60 m of their market and pinned ones where they are", async () => {
    const flamboyan = await market("Pasar Flamboyan");
    const { index } = await traderIndex(db(), { level: "all" }, { marketId: flamboyan.id });
    const [whole] = index.getClusters([-180, -85, 180, 85], 0);
    const leaves = index.getLeaves(Number(whole.id), Infinity);
    expect(leaves).toHaveLength(await registeredCount({ marketName: "Pasar Flamboyan" }));
    const pins = new Map((await db().selectFrom("traders").select(["id", "lat", "lng"]).where("lat", "is not", null).execute()).map((t) => [t.id, t]));
    expect(leaves.filter((leaf) => leaf.properties.pinned).length).toBeGreaterThan(10);
    for (const leaf of leaves) {
      const [lng, lat] = leaf.geometry.coordinates;
      const pin = pins.get(leaf.properties.traderId);
      if (leaf.properties.pinned) expect([lng, lat]).toEqual([pin!.lng, pin!.lat]);
      else expect(distanceMetres({ lat, lng }, { lat: flamboyan.lat!, lng: flamboyan.lng! })).toBeLessThan(60.01);
    }
  });

  it("lists a cluster's traders by name, and refuses a missing or unknown cluster id", async () => {
    const caller = await signedInAs("kakanwil@demo.id");
    const { body } = await traders(caller, `bbox=${REGION_VIEW}&zoom=5`);
    const cluster = body.features.find((f) => f.properties.cluster)!.properties as { clusterId: number; count: number };
    const listed = await members(caller, `id=${cluster.clusterId}`);
    expect(listed.status).toBe(200);
    expect(listed.body.traders.length).toBe(Math.min(100, cluster.count));
    const names = listed.body.traders.map((trader) => trader.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "id")));
    expect((await members(caller, "")).status).toBe(400);
    expect((await members(caller, "id=abc")).status).toBe(400);
    expect((await members(caller, "id=999999999")).status).toBe(404);
  });

  it("filters by coverage status and by branch", async () => {
    const caller = await signedInAs("kakanwil@demo.id");
    const aktif = await traders(caller, `bbox=${REGION_VIEW}&zoom=5&status=aktif`);
    expect(countOf(aktif.body)).toBeGreaterThan(0);
    for (const feature of aktif.body.features) {
      if (feature.properties.cluster) expect(feature.properties.counts.aktif).toBe(feature.properties.count);
      else expect(feature.properties.status).toBe("aktif");
    }
    const bpn = await db().selectFrom("branches").select("id").where("code", "=", "KC-BPN").executeTakeFirstOrThrow();
    const branch = await traders(caller, `bbox=${REGION_VIEW}&zoom=5&branch=${bpn.id}`);
    expect(countOf(branch.body)).toBe(await registeredCount({ branchCode: "KC-BPN" }));
  });

  it("refuses malformed, inverted and huge boxes and bad zooms with a 400 that says why", async () => {
    const caller = await signedInAs("kakanwil@demo.id");
    const cases: [string, string, RegExp][] = [
      ["zoom=5", "invalid_bbox", /bbox is required/],
      ["bbox=1,2,3&zoom=5", "invalid_bbox", /four decimal numbers/],
      ["bbox=abc,0,1,1&zoom=5", "invalid_bbox", /four decimal numbers/],
      ["bbox=118,-4,108,4&zoom=5", "invalid_bbox", /west < east/],
      ["bbox=-180,-90,180,90&zoom=2", "invalid_bbox", /too large/],
      ["bbox=0,-60,61,0&zoom=2", "invalid_bbox", /too large/],
      [`bbox=${REGION_VIEW}`, "invalid_zoom", /zoom is required/],
      [`bbox=${REGION_VIEW}&zoom=5.5`, "invalid_zoom", /whole number/],
      [`bbox=${REGION_VIEW}&zoom=40`, "invalid_zoom", /whole number/],
    ];
    for (const [query, code, message] of cases) {
      const { status, body } = await traders(caller, query);
      expect(status, query).toBe(400);
      expect(body.error?.code, query).toBe(code);
      expect(body.error?.message, query).toMatch(message);
    }
  });

  it("turns away anonymous callers with 401", async () => {
    expect((await traders(anonymous, `bbox=${REGION_VIEW}&zoom=5`)).status).toBe(401);
  });

  it("notices a trader registered after the index was built, within the refresh interval", async () => {
    const caller = await signedInAs("staf.balikpapan@demo.id");
    const before = countOf((await traders(caller, `bbox=${REGION_VIEW}&zoom=5`)).body);
    const pandansari = await market("Pasar Demo Pandansari");
    const enroller = await db().selectFrom("users").select("id").where("email", "=", "staf.balikpapan@demo.id").executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    await db()
      .insertInto("traders")
      .values({
        market_id: pandansari.id,
        nik: "6471014107900001",
        full_name: "Pedagang Baru",
        sex: "F",
        birth_date: "1990-07-01",
        commodity: "vegetables",
        nominal: 1_000_000,
        payer_type: "mandiri",
        status: "registered",
        enrolled_by_user_id: enroller.id,
        enrolled_at: at,
        coverage_start_month: at.slice(0, 7),
        created_at: at,
        updated_at: at,
      })
      .execute();
    // Rebuilds are rate-limited: right away the map may still show the index it has...
    expect(countOf((await traders(caller, `bbox=${REGION_VIEW}&zoom=5`)).body)).toBe(before);
    // ...and once the interval has passed, the changed version makes it re-read.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + REFRESH_INTERVAL_MS);
      expect(countOf((await traders(caller, `bbox=${REGION_VIEW}&zoom=5`)).body)).toBe(before + 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows a change at once after invalidateTraderIndex()", async () => {
    const caller = await signedInAs("staf.balikpapan@demo.id");
    const before = countOf((await traders(caller, `bbox=${REGION_VIEW}&zoom=5`)).body);
    const trader = await db().selectFrom("traders").innerJoin("markets", "markets.id", "traders.market_id").where("markets.name", "=", "Pasar Demo Pandansari").where("traders.status", "=", "prospect").select("traders.id").executeTakeFirstOrThrow();
    await db().updateTable("traders").set({ status: "registered", updated_at: new Date().toISOString() }).where("id", "=", trader.id).execute();
    invalidateTraderIndex();
    expect(countOf((await traders(caller, `bbox=${REGION_VIEW}&zoom=5`)).body)).toBe(before + 1);
  });

  it("shows a trader registered through the form at once, and drops them at once when edited back to a prospect", async () => {
    const caller = await signedInAs("staf.pontianak@demo.id");
    const flamboyan = await market("Pasar Flamboyan");
    const view = `bbox=${around(flamboyan)}&zoom=12&market=${flamboyan.id}`;
    const before = countOf((await traders(caller, view)).body);
    const form = {
      marketId: String(flamboyan.id),
      nik: "6171051203859077",
      fullName: "Pedagang Peta Baru",
      sex: "",
      birthDate: "",
      phone: "",
      stall: "",
      commodity: "vegetables",
      nominal: "1000000",
      jht: "0",
      payerType: "mandiri",
      programmeId: "",
      kpj: "",
      status: "registered",
      coverageStartMonth: new Date().toISOString().slice(0, 7),
      lat: "",
      lng: "",
    };
    const created = await call(newTrader.action, postRequest("/traders/new", caller, form));
    expect(created.status).toBe(302);
    // Within the refresh interval: only the form's invalidation can make the map see the trader already.
    expect(countOf((await traders(caller, view)).body)).toBe(before + 1);
    const traderId = /^\/traders\/(\d+)/.exec(created.headers.get("Location") ?? "")![1];
    const path = `/traders/${traderId}/edit`;
    const edited = await call(editTrader.action, postRequest(path, caller, { ...form, status: "prospect" }), { traderId });
    expect(edited.status).toBe(302);
    expect(countOf((await traders(caller, view)).body)).toBe(before);
  });

});

describe("the map page", () => {
  it("gives Pontianak staff only KC-PTK's office, markets and counts, with pin editing", async () => {
    const response = await call(mapPage.loader, getRequest("/map", await signedInAs("staf.pontianak@demo.id")));
    const data = await response.json();
    expect(data.offices.map((o: { code: string }) => o.code)).toEqual(["KC-PTK"]);
    expect(data.markets.length).toBeGreaterThan(0);
    expect(data.markets.every((m: { branch_code: string }) => m.branch_code === "KC-PTK")).toBe(true);
    const flamboyan = data.markets.find((m: { name: string }) => m.name === "Pasar Flamboyan");
    expect(Object.values(flamboyan.traders as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(await registeredCount({ marketName: "Pasar Flamboyan" }));
    expect(data.canEditPins).toBe(true);
    expect(data.branchChoices).toEqual([]);
  });

  it("shows the regional head every branch, MoUs in force, and narrows everything by branch", async () => {
    const caller = await signedInAs("kakanwil@demo.id");
    const all = await (await call(mapPage.loader, getRequest("/map", caller))).json();
    expect(all.offices.length).toBeGreaterThan(10);
    expect(all.markets.some((m: { mou_in_force: boolean }) => m.mou_in_force)).toBe(true);
    expect(all.canEditPins).toBe(false);
    expect(JSON.stringify(all)).not.toContain("Pasar Uji Sulawesi");
    const bpn = all.branchChoices.find((b: { code: string }) => b.code === "KC-BPN");
    const narrowed = await (await call(mapPage.loader, getRequest(`/map?branch=${bpn.id}`, caller))).json();
    expect(narrowed.offices.map((o: { code: string }) => o.code)).toEqual(["KC-BPN"]);
    expect(narrowed.markets.every((m: { branch_code: string }) => m.branch_code === "KC-BPN")).toBe(true);
  });

  it("narrows markets by stage", async () => {
    const data = await (await call(mapPage.loader, getRequest("/map?stage=collecting", await signedInAs("kakanwil@demo.id")))).json();
    expect(data.markets.length).toBeGreaterThan(0);
    expect(data.markets.every((m: { stage: string }) => m.stage === "collecting")).toBe(true);
  });
});

describe("editing pins on the map", () => {
  const move = async (email: string, fields: Record<string, string>) => call(mapPage.action, postRequest("/map", await signedInAs(email), fields));

  it("lets Pontianak staff move their market's pin, which becomes verified at the desk by them", async () => {
    const flamboyan = await market("Pasar Flamboyan");
    const response = await move("staf.pontianak@demo.id", { intent: "moveMarket", id: String(flamboyan.id), lat: "-0.03851", lng: "109.34302" });
    expect(response.status).toBe(200);
    const after = await market("Pasar Flamboyan");
    const staff = await db().selectFrom("users").select("id").where("email", "=", "staf.pontianak@demo.id").executeTakeFirstOrThrow();
    expect(after).toMatchObject({ lat: -0.03851, lng: 109.34302, coord_precision: "verified", location_verified_via: "desk", location_verified_by_user_id: staff.id });
    expect(after.location_verified_at).not.toBeNull();
    // The traders placed around the market follow it at once.
    const { index } = await traderIndex(db(), { level: "all" }, { marketId: flamboyan.id });
    const spread = index.getLeaves(Number(index.getClusters([-180, -85, 180, 85], 0)[0].id), Infinity).find((leaf) => !leaf.properties.pinned)!;
    const [lng, lat] = spread.geometry.coordinates;
    expect(distanceMetres({ lat, lng }, { lat: -0.03851, lng: 109.34302 })).toBeLessThan(60.01);
  });

  it("answers 404 and changes nothing when the market is in another branch", async () => {
    const pandansari = await market("Pasar Demo Pandansari");
    const response = await move("staf.pontianak@demo.id", { intent: "moveMarket", id: String(pandansari.id), lat: "-1.2", lng: "116.8" });
    expect(response.status).toBe(404);
    expect(await market("Pasar Demo Pandansari")).toEqual(pandansari);
  });

  it("refuses a point outside Indonesia with a message key", async () => {
    const flamboyan = await market("Pasar Flamboyan");
    const response = await move("staf.pontianak@demo.id", { intent: "moveMarket", id: String(flamboyan.id), lat: "109.34", lng: "-0.04" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "map.pin.outsideIndonesia" });
    expect(await market("Pasar Flamboyan")).toEqual(flamboyan);
  });

  it("does not let the regional head or a collector move pins", async () => {
    const flamboyan = await market("Pasar Flamboyan");
    for (const email of ["kakanwil@demo.id", "kolektor.flamboyan@demo.id"]) {
      const response = await move(email, { intent: "moveMarket", id: String(flamboyan.id), lat: "-0.04", lng: "109.34" });
      expect(response.status).toBe(403);
    }
    expect(await market("Pasar Flamboyan")).toEqual(flamboyan);
  });

  it("moves a trader's stall pin with who and when, and records the change in the trader's history", async () => {
    const flamboyan = await market("Pasar Flamboyan");
    const trader = await db().selectFrom("traders").select(["id", "lat", "lng"]).where("market_id", "=", flamboyan.id).where("lat", "is", null).executeTakeFirstOrThrow();
    const response = await move("staf.pontianak@demo.id", { intent: "moveTrader", id: String(trader.id), lat: "-0.039", lng: "109.3429" });
    expect(response.status).toBe(200);
    const after = await db().selectFrom("traders").selectAll().where("id", "=", trader.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ lat: -0.039, lng: 109.3429 });
    expect(after.location_verified_by_user_id).not.toBeNull();
    expect(after.location_verified_at).not.toBeNull();
    const change = await db().selectFrom("trader_changes").select("changes").where("trader_id", "=", trader.id).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(JSON.parse(change.changes)).toEqual({ lat: [null, -0.039], lng: [null, 109.3429] });
  });

  it("answers 404 for a trader of another branch", async () => {
    const pandansari = await market("Pasar Demo Pandansari");
    const trader = await db().selectFrom("traders").selectAll().where("market_id", "=", pandansari.id).executeTakeFirstOrThrow();
    const response = await move("staf.pontianak@demo.id", { intent: "moveTrader", id: String(trader.id), lat: "-1.2", lng: "116.8" });
    expect(response.status).toBe(404);
    expect(await db().selectFrom("traders").selectAll().where("id", "=", trader.id).executeTakeFirstOrThrow()).toEqual(trader);
  });
});

describe("GET /api/v1/map/base", () => {
  it("serves Natural Earth's outlines around Indonesia as cacheable GeoJSON", async () => {
    const caller = await signedInAs("kolektor.flamboyan@demo.id");
    const response = await call(baseApi.loader, getRequest("/api/v1/map/base", caller));
    expect(response.status).toBe(200);
    const body = await response.json();
    const names = body.features.map((f: { properties: { name: string } }) => f.properties.name);
    expect(names).toEqual(expect.arrayContaining(["Indonesia", "Malaysia", "Brunei"]));
    const etag = response.headers.get("ETag")!;
    const again = new Request("http://localhost/api/v1/map/base", { headers: { Cookie: caller.cookie!, "If-None-Match": etag } });
    expect((await call(baseApi.loader, again)).status).toBe(304);
  });
});
