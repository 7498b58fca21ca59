import { describe, expect, it } from "vitest";
import * as quoteApi from "../../app/routes/api.v1.premium-quote";
import * as ratesPage from "../../app/routes/admin.rates";
import { getDb } from "../../app/utils/db.server";
import { BASE, TEST_CSRF, bearerOf, bodyOf, call, getRequest, signedInAs, type Caller } from "../support/requests";

const quote = async (caller: Caller, query: string) => call(quoteApi.loader, getRequest(`/api/v1/premium-quote?${query}`, caller));
const total = async (caller: Caller, query: string) => (await (await quote(caller, query)).json()).total;

describe("GET /api/v1/premium-quote", () => {
  it("quotes Rp16,800, or Rp36,800 with JHT, on a Rp1,000,000 nominal in a month without discount", async () => {
    const token = await bearerOf("kolektor.flamboyan@demo.id");
    const response = await quote(token, "nominal=1000000&jht=0&month=2026-03&payer=mandiri");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      month: "2026-03",
      nominal: 1_000_000,
      jkk: 10_000,
      jkm: 6_800,
      jht: 0,
      total: 16_800,
      ratePeriod: { id: 1, label: "Tarif BPU (PP 44/2015)" },
      discount: null,
    });
    expect(await total(token, "nominal=1000000&jht=1&month=2026-03&payer=mandiri")).toBe(36_800);
  });

  it("applies PP 50/2025 to a self-paying trader in November 2026 but not to one paid from a regional budget", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const november = await (await quote(staff, "nominal=1000000&jht=0&month=2026-11&payer=mandiri")).json();
    expect(november).toMatchObject({ jkk: 5_000, jkm: 3_400, total: 8_400, discount: { label: "PP 50/2025" } });
    expect(await total(staff, "nominal=1000000&jht=1&month=2026-11&payer=mandiri")).toBe(28_400);
    expect(await total(staff, "nominal=1000000&month=2026-11&payer=apbd")).toBe(16_800);
    expect(await total(staff, "nominal=1000000&month=2026-11&payer=sponsor")).toBe(8_400);
  });

  it("leaves March 2026 and January 2027 undiscounted for traders", async () => {
    const token = await bearerOf("admin@demo.id");
    expect(await total(token, "nominal=1000000&month=2026-03&payer=mandiri")).toBe(16_800);
    expect(await total(token, "nominal=1000000&month=2027-01&payer=mandiri")).toBe(16_800);
  });

  it("answers 400 with a message for bad input", async () => {
    const token = await bearerOf("admin@demo.id");
    for (const [query, code] of [
      ["nominal=1050000&month=2026-11", "premium.nominalNotAllowed"],
      ["nominal=500000&month=2026-11", "premium.belowMinimum"],
      ["nominal=abc&month=2026-11", "premium.notInteger"],
      ["nominal=1000000&month=2026-13", "premium.month"],
      ["nominal=1000000&month=2026-11&payer=bank", "premium.payer"],
    ]) {
      const response = await quote(token, query);
      expect(response.status, query).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(10);
    }
  });

  it("turns away callers without a session or token", async () => {
    expect((await quote({}, "nominal=1000000")).status).toBe(401);
  });
});

describe("the admin rate table", () => {
  /** A form POST with repeated fields (checkbox lists), which postRequest's record cannot express. */
  const post = (caller: Caller, fields: Record<string, string | string[]>) => {
    const form = new URLSearchParams({ csrf: TEST_CSRF });
    for (const [name, value] of Object.entries(fields)) for (const item of ([] as string[]).concat(value)) form.append(name, item);
    const headers = { Cookie: caller.cookie ?? "", "Content-Type": "application/x-www-form-urlencoded" };
    return call(ratesPage.action, new Request(`${BASE}/admin/rates`, { method: "POST", headers, body: form }));
  };
  const RATE = { intent: "rate", label: "Tarif uji 2030", validFrom: "2030-01", validTo: "", jkkPercent: "1,5", jkmFlat: "7.000", jhtPercent: "2", minimumNominal: "1.000.000" };

  it("lists the stored rate and discount periods, with which ones are in use", async () => {
    const admin = await signedInAs("admin@demo.id");
    const page = await (await call(ratesPage.loader, getRequest("/admin/rates", admin))).json();
    expect(page.periods).toEqual([expect.objectContaining({ label: "Tarif BPU (PP 44/2015)", jkkBasisPoints: 100, jkmFlat: 6_800, inUse: true, createdBy: null })]);
    expect(page.discounts.map((d: { label: string }) => d.label)).toEqual(["PP 50/2025 (transportasi)", "PP 50/2025"]);
    expect(page.nominals).toEqual({ count: 198, min: 1_000_000, max: 20_700_000 });
  });

  it("adds a future rate period that the premium quote then uses", async () => {
    const admin = await signedInAs("admin@demo.id");
    const response = await post(admin, RATE);
    expect(response.status, await bodyOf(response.clone())).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/rates?added=1");
    const stored = await getDb().selectFrom("rate_periods").selectAll().where("label", "=", "Tarif uji 2030").executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ valid_from: "2030-01", valid_to: null, jkk_basis_points: 150, jkm_flat: 7_000, jht_basis_points: 200 });
    const token = await bearerOf("admin@demo.id");
    expect(await total(token, "nominal=1000000&month=2030-02")).toBe(15_000 + 7_000);
    expect(await total(token, "nominal=1000000&month=2029-12")).toBe(16_800);
  });

  it("refuses an overlapping period, one starting in a month already under way, and a discount clashing with another", async () => {
    const admin = await signedInAs("admin@demo.id");
    const before = await getDb().selectFrom("rate_periods").select("id").execute();
    const overlap = await post(admin, { ...RATE, label: "Tumpang tindih", validFrom: "2030-01", validTo: "2030-06" });
    expect(overlap.status).toBe(400);
    expect((await overlap.json()).errors).toEqual({ validFrom: "premium.periodOverlap" });
    const past = await post(admin, { ...RATE, label: "Terlambat", validFrom: "2020-01" });
    expect((await past.json()).errors).toEqual({ validFrom: "premium.periodPast" });
    const invalid = await post(admin, { ...RATE, jkkPercent: "banyak", validFrom: "2031-01" });
    expect((await invalid.json()).errors).toMatchObject({ jkkBasisPoints: "common.invalidNumber" });
    expect(await getDb().selectFrom("rate_periods").select("id").execute()).toEqual(before);

    const discount = { intent: "discount", label: "Potongan uji", validFrom: "2031-01", validTo: "2031-06", jkkPercentOff: "50", jkmPercentOff: "50", jhtPercentOff: "0", sectors: "non_transport", payerTypes: ["mandiri"] };
    expect((await post(admin, discount)).status).toBe(302);
    const clash = await post(admin, { ...discount, label: "Potongan bentrok", validFrom: "2031-03", validTo: "2031-09", payerTypes: ["mandiri", "sponsor"] });
    expect(clash.status).toBe(400);
    expect(await clash.json()).toMatchObject({ intent: "discount", errors: { validFrom: "premium.discountOverlap" }, values: { payerTypes: ["mandiri", "sponsor"] } });
  });

  it("is for admins only", async () => {
    const head = await signedInAs("kakanwil@demo.id");
    expect((await call(ratesPage.loader, getRequest("/admin/rates", head))).status).toBe(403);
    expect((await post(head, RATE)).status).toBe(403);
  });
});
