import { describe, expect, it } from "vitest";
import * as api from "../../app/routes/api.v1.collections";
import * as sheet from "../../app/routes/collect";
import * as closePage from "../../app/routes/collect_.close";
import * as receipt from "../../app/routes/receipts.$receiptNumber";
import { getDb } from "../../app/utils/db.server";
import { businessDate } from "../../app/domain/business-day";
import { localInstant } from "../../app/domain/collections";
import { recordCollections } from "../../app/models/collections.server";
import { BASE, TEST_CSRF, anonymous, bearerOf, bodyOf, call, getRequest, postRequest, signedInAs, type Caller } from "../support/requests";

const PONTIANAK = "Asia/Pontianak";
const MAKASSAR = "Asia/Makassar";
let keySerial = 0;
const newKey = (label = "test") => `${label}-${Date.now()}-${(keySerial += 1)}`;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

async function traderAt(market: string, offset = 0) {
  return getDb()
    .selectFrom("traders")
    .innerJoin("markets", "markets.id", "traders.market_id")
    .where("markets.name", "=", market)
    .where("traders.status", "=", "registered")
    .where("traders.payer_type", "=", "mandiri")
    .select(["traders.id", "traders.market_id"])
    .orderBy("traders.id")
    .offset(offset)
    .limit(1)
    .executeTakeFirstOrThrow();
}

const userId = async (email: string) => (await getDb().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
const entryCount = async () => Number((await getDb().selectFrom("collection_entries").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

function jsonRequest(caller: Caller, body: unknown, headers: Record<string, string> = {}) {
  const all = new Headers({ "Content-Type": "application/json", ...headers });
  if (caller.cookie) all.set("Cookie", caller.cookie);
  if (caller.bearer) all.set("Authorization", `Bearer ${caller.bearer}`);
  return new Request(`${BASE}/api/v1/collections`, { method: "POST", headers: all, body: typeof body === "string" ? body : JSON.stringify(body) });
}

async function post(caller: Caller, body: unknown) {
  const response = await call(api.action, jsonRequest(caller, body));
  return { status: response.status, body: response.status === 200 ? await response.json() : await bodyOf(response) };
}

const entry = (traderId: number, amount: unknown, extra: Record<string, unknown> = {}) => ({ idempotencyKey: newKey(), traderId, amount, collectedAt: minutesAgo(1), ...extra });

describe("recording collections through the batch API", () => {
  it("records an entry with a receipt number and updates the day summary and the trader's coverage in the same write", async () => {
    const collector = await bearerOf("kolektor.flamboyan@demo.id");
    const trader = await traderAt("Pasar Flamboyan");
    const today = businessDate(new Date(), PONTIANAK);
    const summaryBefore = await getDb().selectFrom("daily_market_collections").selectAll().where("market_id", "=", trader.market_id).where("business_date", "=", today).executeTakeFirst();
    const coverageBefore = await getDb().selectFrom("trader_coverage").select("total_paid").where("trader_id", "=", trader.id).executeTakeFirstOrThrow();

    const { status, body } = await post(collector, [entry(trader.id, 300)]);
    expect(status).toBe(200);
    const [result] = body.results;
    expect(result).toMatchObject({ ok: true, businessDate: today, replayed: false });
    expect(result.receiptNumber).toMatch(new RegExp(`^PTK-FLM-${today.replace(/-/g, "")}-\\d{4}$`));

    const summary = await getDb().selectFrom("daily_market_collections").selectAll().where("market_id", "=", trader.market_id).where("business_date", "=", today).executeTakeFirstOrThrow();
    expect(summary.entries_count).toBe((summaryBefore?.entries_count ?? 0) + 1);
    expect(summary.total_amount).toBe((summaryBefore?.total_amount ?? 0) + 300);
    const coverage = await getDb().selectFrom("trader_coverage").select(["total_paid", "computed_on"]).where("trader_id", "=", trader.id).executeTakeFirstOrThrow();
    expect(coverage).toEqual({ total_paid: coverageBefore.total_paid + 300, computed_on: today });
  });

  it("returns the original receipt for a sequential replay and records nothing twice", async () => {
    const collector = await bearerOf("kolektor.flamboyan@demo.id");
    const batch = [entry((await traderAt("Pasar Flamboyan", 1)).id, 600), entry((await traderAt("Pasar Flamboyan", 2)).id, 300)];
    const first = await post(collector, batch);
    const before = await entryCount();
    const again = await post(collector, { entries: batch });
    expect(await entryCount()).toBe(before);
    expect(again.body.results.map((r: { receiptNumber: string }) => r.receiptNumber)).toEqual(first.body.results.map((r: { receiptNumber: string }) => r.receiptNumber));
    expect(again.body.results.every((r: { replayed: boolean }) => r.replayed)).toBe(true);
  });

  it("records each key once when the same batch is replayed concurrently", async () => {
    const collector = await bearerOf("kolektor.flamboyan@demo.id");
    const batch = [3, 4, 5].map((offset) => ({ offset }));
    const entries = await Promise.all(batch.map(async ({ offset }) => entry((await traderAt("Pasar Flamboyan", offset)).id, 300)));
    const before = await entryCount();
    const answers = await Promise.all(Array.from({ length: 4 }, () => post(collector, entries)));
    expect(await entryCount()).toBe(before + 3);
    const receipts = answers.map((answer) => answer.body.results.map((r: { receiptNumber: string }) => r.receiptNumber));
    for (const other of receipts.slice(1)) expect(other).toEqual(receipts[0]);
    expect(new Set(receipts[0]).size).toBe(3);
    const keys = await getDb().selectFrom("collection_entries").select("idempotency_key").where("idempotency_key", "in", entries.map((e) => e.idempotencyKey)).execute();
    expect(keys).toHaveLength(3);
  });

  it("repeats the first result for a key sent twice in one batch and refuses a key reused for another payment", async () => {
    const collector = await bearerOf("kolektor.flamboyan@demo.id");
    const trader = await traderAt("Pasar Flamboyan", 6);
    const once = entry(trader.id, 300);
    const { body } = await post(collector, [once, once, { ...once, amount: 900 }]);
    expect(body.results[0].ok).toBe(true);
    expect(body.results[1]).toMatchObject({ ok: true, receiptNumber: body.results[0].receiptNumber, replayed: true });
    expect(body.results[2]).toMatchObject({ ok: false, reason: "collections.refused.keyReused" });
  });

  it("refuses bad entries one by one with a reason and still records the good one", async () => {
    const collector = await bearerOf("kolektor.flamboyan@demo.id");
    const trader = await traderAt("Pasar Flamboyan", 7);
    const otherMarket = await traderAt("Pasar Demo Pandansari");
    const kenanga = await getDb().selectFrom("traders").innerJoin("markets", "markets.id", "traders.market_id").where("markets.name", "=", "Pasar Kenanga").select("traders.id").executeTakeFirstOrThrow();
    await getDb().updateTable("traders").set({ status: "registered", payer_type: "mandiri" }).where("id", "=", kenanga.id).execute();
    const before = await entryCount();
    const { status, body } = await post(collector, [
      entry(trader.id, 0),
      entry(trader.id, -300),
      entry(trader.id, 300.5),
      entry(trader.id, 1_000_001),
      entry(999_999, 300),
      entry(otherMarket.id, 300),
      entry(trader.id, 300, { collectedAt: new Date(Date.now() + 60 * 60_000).toISOString() }),
      entry(trader.id, "300"),
      { traderId: trader.id, amount: 300 },
      entry(trader.id, 300),
    ]);
    expect(status).toBe(200);
    expect(body.results.map((r: { ok: boolean; reason?: string }) => (r.ok ? "ok" : r.reason))).toEqual([
      "collections.refused.notPositive",
      "collections.refused.notPositive",
      "collections.refused.notWhole",
      "collections.refused.overCeiling",
      "collections.refused.trader",
      "collections.refused.trader",
      "collections.refused.future",
      "collections.refused.notWhole",
      "collections.refused.invalid",
      "ok",
    ]);
    expect(await entryCount()).toBe(before + 1);

    const staff = await bearerOf("staf.pontianak@demo.id");
    const noMou = await post(staff, [entry(kenanga.id, 300)]);
    expect(noMou.body.results[0]).toMatchObject({ ok: false, reason: "collections.refused.noMou" });
  });

  it("refuses an entry from before the close of a closed day, and puts one taken after the close on today", async () => {
    const collector = await bearerOf("kolektor.flamboyan@demo.id");
    const trader = await traderAt("Pasar Flamboyan", 8);
    const market = trader.market_id;
    const yesterday = businessDate(new Date(Date.now() - 86_400_000), PONTIANAK);
    const day = await getDb().selectFrom("collection_days").selectAll().where("market_id", "=", market).where("business_date", "=", yesterday).executeTakeFirstOrThrow();
    expect(day.status).toBe("closed");
    const beforeClose = new Date(new Date(day.closed_at!).getTime() - 60 * 60_000).toISOString();
    const afterClose = new Date(new Date(day.closed_at!).getTime() + 60_000).toISOString();
    const { body } = await post(collector, [entry(trader.id, 300, { collectedAt: beforeClose }), entry(trader.id, 300, { collectedAt: afterClose })]);
    expect(body.results[0]).toMatchObject({ ok: false, reason: "collections.refused.dayClosed" });
    expect(body.results[1]).toMatchObject({ ok: true, businessDate: businessDate(new Date(), PONTIANAK) });
  });

  it("puts a collection at 23:30 WITA on that WITA date and one at 00:30 WITA on the next, whatever the UTC date", async () => {
    const trader = await traderAt("Pasar Demo Pandansari", 3);
    const staffId = await userId("staf.balikpapan@demo.id");
    const date = businessDate(new Date(Date.now() + 10 * 86_400_000), MAKASSAR);
    const lateEvening = localInstant(date, 23 * 60 + 30, MAKASSAR);
    expect(lateEvening.toISOString()).toBe(`${date}T15:30:00.000Z`);
    const afterMidnight = new Date(lateEvening.getTime() + 60 * 60_000);
    const results = await recordCollections(getDb(), { level: "all" }, {
      collectorUserId: staffId,
      now: new Date(afterMidnight.getTime() + 60_000),
      entries: [
        { idempotencyKey: newKey("wita"), traderId: trader.id, amount: 300, collectedAt: lateEvening.toISOString() },
        { idempotencyKey: newKey("wita"), traderId: trader.id, amount: 300, collectedAt: afterMidnight.toISOString() },
      ],
    });
    expect(results.map((r) => r.ok && r.businessDate)).toEqual([date, businessDate(afterMidnight, MAKASSAR)]);
    expect(businessDate(afterMidnight, MAKASSAR)).not.toBe(afterMidnight.toISOString().slice(0, 10));
  });

  it("moves a market to collecting on its first collection, and a trader who pays the month's premium shows the month paid", async () => {
    const staff = await bearerOf("admin@demo.id");
    const trader = await traderAt("Pasar Beringin");
    const month = businessDate(new Date(), PONTIANAK).slice(0, 7);
    await getDb().updateTable("traders").set({ coverage_start_month: month, nominal: 1_000_000, jht: 0 }).where("id", "=", trader.id).execute();
    const premium = month >= "2026-04" && month <= "2026-12" ? 8_400 : 16_800;
    const { body } = await post(staff, [entry(trader.id, premium)]);
    expect(body.results[0].ok).toBe(true);
    const market = await getDb().selectFrom("markets").select("stage").where("id", "=", trader.market_id).executeTakeFirstOrThrow();
    expect(market.stage).toBe("collecting");
    const change = await getDb().selectFrom("market_stage_changes").selectAll().where("market_id", "=", trader.market_id).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(change).toMatchObject({ to_stage: "collecting", source: "collection" });
    const coverage = await getDb().selectFrom("trader_coverage").selectAll().where("trader_id", "=", trader.id).executeTakeFirstOrThrow();
    expect(coverage).toMatchObject({ status: "aktif", paid_through: month, current_premium: premium, current_paid: premium });
  });

  it("keeps every caller to their scope: a collector to their market, Balikpapan staff away from Pontianak traders", async () => {
    const pandansari = await traderAt("Pasar Demo Pandansari", 1);
    const flamboyan = await traderAt("Pasar Flamboyan", 9);
    const collector = await bearerOf("kolektor.flamboyan@demo.id");
    const balikpapan = await signedInAs("staf.balikpapan@demo.id");
    expect((await post(collector, [entry(pandansari.id, 300)])).body.results[0].reason).toBe("collections.refused.trader");
    const staffPost = (body: unknown) => call(api.action, jsonRequest(balikpapan, body, { "X-CSRF-Token": TEST_CSRF }));
    const answer = await (await staffPost([entry(flamboyan.id, 300), entry(pandansari.id, 300)])).json();
    expect(answer.results.map((r: { ok: boolean; reason?: string }) => r.reason ?? "ok")).toEqual(["collections.refused.trader", "ok"]);
  });

  it("answers 400 to a malformed body, 401 without credentials and 403 to a session without the CSRF header", async () => {
    const collector = await bearerOf("kolektor.flamboyan@demo.id");
    expect((await post(collector, "not json")).status).toBe(400);
    expect((await post(collector, { entries: "nope" })).status).toBe(400);
    expect((await post(collector, [])).status).toBe(400);
    const trader = await traderAt("Pasar Flamboyan");
    expect((await post(collector, Array.from({ length: 501 }, () => entry(trader.id, 300)))).status).toBe(400);
    expect((await post(anonymous, [entry(trader.id, 300)])).status).toBe(401);
    expect((await post(await signedInAs("kolektor.flamboyan@demo.id"), [entry(trader.id, 300)])).status).toBe(403);
  });
});

describe("reversals", () => {
  const reverse = (caller: Caller, fields: Record<string, string>) => call(sheet.action, postRequest("/collect", caller, { intent: "reverse", ...fields }));

  it("lets a collector reverse their own entry on the same open day, with a reason, once", async () => {
    const collector = await signedInAs("kolektor.flamboyan@demo.id");
    const trader = await traderAt("Pasar Flamboyan", 10);
    const { body } = await post(await bearerOf("kolektor.flamboyan@demo.id"), [entry(trader.id, 3000)]);
    const entryId = String(body.results[0].entryId);
    expect(await (await reverse(collector, { entryId, reason: "" })).json()).toMatchObject({ error: "collections.reverse.reasonRequired" });
    const done = await (await reverse(collector, { entryId, reason: "Salah ketik" })).json();
    expect(done.reversed).toMatch(/^PTK-FLM-/);
    const reversal = await getDb().selectFrom("collection_entries").selectAll().where("reverses_entry_id", "=", Number(entryId)).executeTakeFirstOrThrow();
    expect(reversal).toMatchObject({ amount: -3000, kind: "reversal", reason: "Salah ketik", business_date: body.results[0].businessDate });
    expect(await (await reverse(collector, { entryId, reason: "Lagi" })).json()).toMatchObject({ error: "collections.reverse.alreadyReversed" });
    expect(await (await reverse(collector, { entryId: String(reversal.id), reason: "Balik" })).json()).toMatchObject({ error: "collections.reverse.reversal" });
  });

  it("after the close lets only branch staff reverse, with a reason, on the original's business day", async () => {
    const market = (await traderAt("Pasar Flamboyan")).market_id;
    // Yesterday is closed and banked in the demo; its deposit is rejected here, so the day's entries can change
    // again (a banked day's entries are fixed, see the next test).
    const day = businessDate(new Date(Date.now() - 86_400_000), PONTIANAK);
    const covering = getDb().selectFrom("deposit_days").select("deposit_id").where("market_id", "=", market).where("business_date", "=", day);
    await getDb().updateTable("deposits").set({ status: "rejected", rejection_reason: "Uji: nominal tidak cocok" }).where("id", "in", covering).execute();
    const old = await getDb()
      .selectFrom("collection_entries")
      .selectAll()
      .where("market_id", "=", market)
      .where("business_date", "=", day)
      .where("kind", "=", "payment")
      .where((eb) => eb.not(eb.exists(eb.selectFrom("collection_entries as r").select("r.id").whereRef("r.reverses_entry_id", "=", "collection_entries.id"))))
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const collector = await signedInAs("kolektor.flamboyan@demo.id");
    expect(await (await reverse(collector, { entryId: String(old.id), reason: "Salah" })).json()).toMatchObject({ error: "collections.reverse.notAllowed" });
    const outsider = await signedInAs("staf.balikpapan@demo.id");
    expect((await reverse(outsider, { entryId: String(old.id), reason: "Salah" })).status).toBe(404);
    const staff = await signedInAs("staf.pontianak@demo.id");
    expect(await (await reverse(staff, { entryId: String(old.id), reason: " " })).json()).toMatchObject({ error: "collections.reverse.reasonRequired" });
    expect((await reverse(staff, { entryId: String(old.id), reason: "Uang tidak diterima" })).status).toBe(200);
    const reversal = await getDb().selectFrom("collection_entries").selectAll().where("reverses_entry_id", "=", old.id).executeTakeFirstOrThrow();
    expect(reversal).toMatchObject({ business_date: day, amount: -old.amount, collector_user_id: await userId("staf.pontianak@demo.id") });
  });

  it("refuses even branch staff a reversal on a day whose cash is in a bank deposit", async () => {
    const db = getDb();
    const banked = await db
      .selectFrom("collection_entries")
      .innerJoin("deposit_days", (join) =>
        join.onRef("deposit_days.market_id", "=", "collection_entries.market_id").onRef("deposit_days.business_date", "=", "collection_entries.business_date"),
      )
      .innerJoin("deposits", "deposits.id", "deposit_days.deposit_id")
      .innerJoin("markets", "markets.id", "collection_entries.market_id")
      .where("markets.name", "=", "Pasar Flamboyan")
      .where("deposits.status", "=", "verified")
      .where("collection_entries.kind", "=", "payment")
      .select(["collection_entries.id", "collection_entries.market_id", "collection_entries.business_date"])
      .executeTakeFirstOrThrow();
    const summary = () =>
      db.selectFrom("daily_market_collections").select("total_amount").where("market_id", "=", banked.market_id).where("business_date", "=", banked.business_date).executeTakeFirstOrThrow();
    const before = await summary();
    const staff = await signedInAs("staf.pontianak@demo.id");
    expect(await (await reverse(staff, { entryId: String(banked.id), reason: "Koreksi" })).json()).toMatchObject({ error: "collections.reverse.deposited" });
    expect(await summary()).toEqual(before);
  });
});

describe("the sheet and the receipt", () => {
  it("gives the collector their market's traders and refuses staff a market outside their branch", async () => {
    const response = await call(sheet.loader, getRequest("/collect", await signedInAs("kolektor.flamboyan@demo.id")));
    const data = await response.json();
    expect(data.sheet.market.name).toBe("Pasar Flamboyan");
    expect(data.sheet.traders.length).toBeGreaterThan(100);
    const [id, name, , nikTail, daily, premium] = data.sheet.traders[0];
    expect(typeof id).toBe("number");
    expect(typeof name).toBe("string");
    expect(nikTail).toMatch(/^\d{6}$/);
    expect(daily).toBeGreaterThan(0);
    expect(premium).toBeGreaterThan(0);
    const pandansari = (await traderAt("Pasar Demo Pandansari")).market_id;
    const staff = await signedInAs("staf.pontianak@demo.id");
    expect((await call(sheet.loader, getRequest(`/collect?market=${pandansari}`, staff))).status).toBe(404);
  });

  it("shows a receipt in scope with a WhatsApp link and hides it from another branch", async () => {
    const trader = await traderAt("Pasar Flamboyan", 11);
    const { body } = await post(await bearerOf("kolektor.flamboyan@demo.id"), [entry(trader.id, 600)]);
    const number = body.results[0].receiptNumber;
    const page = await call(receipt.loader, getRequest(`/receipts/${number}`, await signedInAs("staf.pontianak@demo.id")), { receiptNumber: number });
    const data = await page.json();
    expect(data.receipt.entry).toMatchObject({ receipt_number: number, amount: 600, market_name: "Pasar Flamboyan" });
    expect(data.receipt.coverage.currentMonth.premium).toBeGreaterThan(0);
    const other = await call(receipt.loader, getRequest(`/receipts/${number}`, await signedInAs("staf.balikpapan@demo.id")), { receiptNumber: number });
    expect(other.status).toBe(404);
  });
});

describe("closing the day", () => {
  const act = (caller: Caller, fields: Record<string, string>) => call(closePage.action, postRequest("/collect/close", caller, fields));

  it("needs a note for a variance, then refuses entries for the closed day until staff reopen it with a reason", async () => {
    const collector = await signedInAs("kolektor.flamboyan@demo.id");
    const token = await bearerOf("kolektor.flamboyan@demo.id");
    const trader = await traderAt("Pasar Flamboyan", 12);
    const today = businessDate(new Date(), PONTIANAK);
    const recorded = (await getDb().selectFrom("daily_market_collections").select("total_amount").where("market_id", "=", trader.market_id).where("business_date", "=", today).executeTakeFirstOrThrow()).total_amount;

    const noNote = await act(collector, { intent: "close", businessDate: today, countedCash: String(recorded - 500), note: "" });
    expect(noNote.status).toBe(400);
    expect((await noNote.json()).error).toBe("collections.close.noteRequired");
    const closed = await act(collector, { intent: "close", businessDate: today, countedCash: String(recorded - 500), note: "Kembalian kurang" });
    expect(closed.status).toBe(200);
    const day = await getDb().selectFrom("collection_days").selectAll().where("market_id", "=", trader.market_id).where("business_date", "=", today).executeTakeFirstOrThrow();
    expect(day).toMatchObject({ status: "closed", counted_cash: recorded - 500, recorded_total: recorded, variance: -500, note: "Kembalian kurang" });
    expect((await post(token, [entry(trader.id, 300)])).body.results[0].reason).toBe("collections.refused.dayClosed");

    expect((await act(collector, { intent: "reopen", businessDate: today, reason: "Lupa satu" })).status).toBe(403);
    const staff = await signedInAs("staf.pontianak@demo.id");
    const marketId = String(trader.market_id);
    expect((await (await act(staff, { intent: "reopen", marketId, businessDate: today, reason: "" })).json()).error).toBe("collections.reopen.reasonRequired");
    expect((await act(staff, { intent: "reopen", marketId, businessDate: today, reason: "Satu setoran terlewat" })).status).toBe(200);
    const events = await getDb().selectFrom("collection_day_events").select(["kind", "note"]).where("collection_day_id", "=", day.id).orderBy("id").execute();
    expect(events).toEqual([
      { kind: "closed", note: "Kembalian kurang" },
      { kind: "reopened", note: "Satu setoran terlewat" },
    ]);
    expect((await post(token, [entry(trader.id, 300)])).body.results[0].ok).toBe(true);
  });

  it("keeps a day closed once its cash is in a bank deposit", async () => {
    const db = getDb();
    const deposited = await db
      .selectFrom("deposit_days")
      .innerJoin("deposits", "deposits.id", "deposit_days.deposit_id")
      .innerJoin("markets", "markets.id", "deposit_days.market_id")
      .innerJoin("collection_days", (join) =>
        join.onRef("collection_days.market_id", "=", "deposit_days.market_id").onRef("collection_days.business_date", "=", "deposit_days.business_date"),
      )
      .where("markets.name", "=", "Pasar Flamboyan")
      .where("deposits.status", "=", "verified")
      .where("collection_days.status", "=", "closed")
      .select(["deposit_days.market_id", "deposit_days.business_date", "collection_days.id"])
      .executeTakeFirstOrThrow();
    const staff = await signedInAs("staf.pontianak@demo.id");
    const response = await act(staff, { intent: "reopen", marketId: String(deposited.market_id), businessDate: deposited.business_date, reason: "Koreksi" });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("collections.reopen.deposited");
    const day = await db.selectFrom("collection_days").select("status").where("id", "=", deposited.id).executeTakeFirstOrThrow();
    expect(day.status).toBe("closed");
  });
});
