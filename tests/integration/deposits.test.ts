import { beforeAll, describe, expect, it } from "vitest";
import * as collectionsApi from "../../app/routes/api.v1.collections";
import * as depositNew from "../../app/routes/deposits.new";
import * as depositPage from "../../app/routes/deposits.$depositId";
import * as depositList from "../../app/routes/deposits._index";
import * as reconciliationPage from "../../app/routes/reconciliation";
import { getDb } from "../../app/utils/db.server";
import { findActiveUser } from "../../app/models/users.server";
import { closeDay } from "../../app/models/collections.server";
import { listCashHoldingAlerts, loadReconciliation } from "../../app/models/reconciliation.server";
import { recordDeposit } from "../../app/models/deposits.server";
import { businessDate } from "../../app/domain/business-day";
import { OTHER_REGION } from "../support/fixtures";
import { BASE, TEST_CSRF, bearerOf, bodyOf, call, getRequest, postRequest, signedInAs, type Caller } from "../support/requests";

// Bank deposits and reconciliation: the collector's day from payments to a verified deposit, the four-eyes rule,
// which days a deposit may cover, the cash-holding flag and scope.

const COLLECTOR = "kolektor.flamboyan@demo.id";
const PTK_STAFF = "staf.pontianak@demo.id";
const BPN_STAFF = "staf.balikpapan@demo.id";

let flamboyan: { id: number; timeZone: string };
let collector: Caller;
let staff: Caller;

async function userByEmail(email: string) {
  const row = await getDb().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return (await findActiveUser(getDb(), row.id))!;
}

async function marketByName(name: string) {
  return getDb()
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .select(["markets.id", "branches.time_zone as timeZone"])
    .where("markets.name", "=", name)
    .executeTakeFirstOrThrow();
}

const today = () => businessDate(new Date(), flamboyan.timeZone);

const recordDepositAs = (caller: Caller, fields: Record<string, string>) =>
  call(depositNew.action, postRequest("/deposits/new", caller, { marketId: String(flamboyan.id), channel: "BRI", reference: "BRI-TEST-1", depositDate: today(), ...fields }));

const review = (caller: Caller, depositId: string, fields: Record<string, string>) =>
  call(depositPage.action, postRequest(`/deposits/${depositId}`, caller, fields), { depositId });

/** A form POST whose fields may repeat (one `days` per ticked day). */
function formPost(path: string, caller: Caller, fields: [string, string][]) {
  const body = new URLSearchParams([["csrf", TEST_CSRF], ...fields]);
  return new Request(BASE + path, { method: "POST", headers: { Cookie: caller.cookie!, "Content-Type": "application/x-www-form-urlencoded" }, body });
}

const depositIdOf = (response: Response) => response.headers.get("Location")!.match(/\/deposits\/(\d+)/)![1];

async function postCollections(caller: Caller, entries: unknown[]) {
  const request = new Request(`${BASE}/api/v1/collections`, {
    method: "POST",
    headers: { Authorization: `Bearer ${caller.bearer}`, "Content-Type": "application/json" },
    body: JSON.stringify(entries),
  });
  const response = await call(collectionsApi.action, request);
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: { ok: boolean }[] }).results;
}

async function reconciliationRow(caller: Caller, marketName: string) {
  const response = await call(reconciliationPage.loader, getRequest("/reconciliation", caller));
  const data = (await response.json()) as Awaited<ReturnType<typeof loadReconciliation>>;
  return data.rows.find((row) => row.name === marketName);
}

beforeAll(async () => {
  flamboyan = await marketByName("Pasar Flamboyan");
  collector = await signedInAs(COLLECTOR);
  staff = await signedInAs(PTK_STAFF);
});

describe("which days a deposit may cover", () => {
  it("refuses today's day while it is still open", async () => {
    const response = await recordDepositAs(collector, { amount: "1000", days: today() });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Record<string, string> }).errors.days).toBe("deposits.dayNotCoverable");
  });

  it("refuses a day another deposit already covers", async () => {
    const covered = await getDb()
      .selectFrom("deposit_days")
      .innerJoin("deposits", "deposits.id", "deposit_days.deposit_id")
      .select("deposit_days.business_date")
      .where("deposits.market_id", "=", flamboyan.id)
      .where("deposits.status", "=", "verified")
      .executeTakeFirstOrThrow();
    const response = await recordDepositAs(collector, { amount: "1000", days: covered.business_date });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Record<string, string> }).errors.days).toBe("deposits.dayNotCoverable");
  });

  it("offers only closed days not yet deposited on the form", async () => {
    const response = await call(depositNew.loader, getRequest("/deposits/new", collector));
    const data = (await response.json()) as { days: { date: string }[] };
    expect(data.days.map((day) => day.date)).not.toContain(today());
  });
});

describe("the collector's day, from payments to a verified deposit", () => {
  it("ends with the deposit verified by branch staff and no cash in hand", async () => {
    const traders = await getDb()
      .selectFrom("traders")
      .select("id")
      .where("market_id", "=", flamboyan.id)
      .where("status", "=", "registered")
      .where("payer_type", "=", "mandiri")
      .orderBy("id")
      .limit(3)
      .execute();
    const bearer = await bearerOf(COLLECTOR);
    const collectedAt = new Date(Date.now() - 60_000).toISOString();
    const results = await postCollections(
      bearer,
      traders.map((trader, index) => ({ idempotencyKey: `deposit-journey-${index}`, traderId: trader.id, amount: [300, 600, 8_400][index], collectedAt })),
    );
    expect(results.every((result) => result.ok)).toBe(true);

    const day = await getDb()
      .selectFrom("daily_market_collections")
      .select("total_amount")
      .where("market_id", "=", flamboyan.id)
      .where("business_date", "=", today())
      .executeTakeFirstOrThrow();
    const counted = day.total_amount - 200;
    const user = await userByEmail(COLLECTOR);
    const closed = await closeDay(getDb(), user.scope, {
      marketId: flamboyan.id,
      businessDate: today(),
      countedCash: counted,
      note: "Kembalian kurang Rp200",
      userId: user.id,
      now: new Date(),
    });
    expect(closed).toMatchObject({ ok: true });

    const recorded = await recordDepositAs(collector, { amount: String(counted), days: today(), reference: "BRI-0042" });
    expect(recorded.status).toBe(302);
    const depositId = depositIdOf(recorded);
    expect(await reconciliationRow(collector, "Pasar Flamboyan")).toMatchObject({ reconciliation: { cashInHand: 0 } });

    expect((await review(collector, depositId, { verdict: "verify" })).status).toBe(403);
    const verified = await review(staff, depositId, { verdict: "verify" });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({ done: "deposits.verified" });

    const row = await reconciliationRow(staff, "Pasar Flamboyan");
    expect(row?.reconciliation).toMatchObject({ cashInHand: 0, undepositedDays: 0, openDays: 0, oldestCashDate: null, flagged: false });
    expect(row!.reconciliation.verified).toBeGreaterThanOrEqual(counted);
    const stored = await getDb().selectFrom("deposits").selectAll().where("id", "=", Number(depositId)).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: "verified", amount: counted, verified_by_user_id: (await userByEmail(PTK_STAFF)).id });
  });
});

describe("four eyes on every deposit", () => {
  it("frees a rejected deposit's days and stops the recorder verifying their own deposit", async () => {
    const awaiting = await getDb()
      .selectFrom("deposits")
      .select(["id", "amount"])
      .where("market_id", "=", flamboyan.id)
      .where("status", "=", "recorded")
      .executeTakeFirstOrThrow();
    const id = String(awaiting.id);
    expect(await (await review(staff, id, { verdict: "reject", reason: "" })).json()).toMatchObject({ errors: { form: "deposits.reasonRequired" } });
    expect((await review(staff, id, { verdict: "reject", reason: "Referensi tidak ada di mutasi rekening" })).status).toBe(200);
    expect((await review(staff, id, { verdict: "verify" })).status).toBe(409);

    const freed = (await getDb().selectFrom("deposit_days").select("business_date").where("deposit_id", "=", awaiting.id).execute()).map((d) => d.business_date);
    const form = (await (await call(depositNew.loader, getRequest(`/deposits/new?market=${flamboyan.id}`, staff))).json()) as { days: { date: string }[] };
    expect(form.days.map((day) => day.date)).toEqual(freed);

    const saved = await call(
      depositNew.action,
      formPost("/deposits/new", staff, [
        ["marketId", String(flamboyan.id)],
        ["channel", "Pos"],
        ["reference", "POS-77"],
        ["amount", String(awaiting.amount)],
        ["depositDate", today()],
        ...freed.map((date): [string, string] => ["days", date]),
      ]),
    );
    expect(saved.status).toBe(302);
    const newId = depositIdOf(saved);

    const page = (await (await call(depositPage.loader, getRequest(`/deposits/${newId}`, staff), { depositId: newId })).json()) as { canReview: boolean };
    expect(page.canReview).toBe(false);
    expect(await (await review(staff, newId, { verdict: "verify" })).json()).toMatchObject({ errors: { form: "deposits.ownDeposit" } });
    expect((await review(await signedInAs("admin@demo.id"), newId, { verdict: "verify" })).status).toBe(200);
  });

  it("lets only one of two racing deposits take the same day", async () => {
    const user = await userByEmail(PTK_STAFF);
    const kahayan = await marketByName("Pasar Kahayan");
    const admin = await userByEmail("admin@demo.id");
    const [day] = await getDb()
      .selectFrom("collection_days")
      .select(["business_date", "counted_cash"])
      .where("market_id", "=", kahayan.id)
      .where("status", "=", "closed")
      .orderBy("business_date")
      .limit(1)
      .execute();
    const input = { marketId: kahayan.id, channel: "BRI" as const, reference: "RACE", amount: day.counted_cash!, depositDate: day.business_date, days: [day.business_date], note: null };
    const results = await Promise.all([recordDeposit(getDb(), admin.scope, admin.id, input), recordDeposit(getDb(), admin.scope, admin.id, input)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await recordDeposit(getDb(), user.scope, user.id, input)).toEqual({ ok: false, notFound: true });
  });
});

describe("cash held too long", () => {
  it("flags a market once its oldest undeposited cash is more than CASH_IN_HAND_MAX_DAYS old", async () => {
    const pandansari = await marketByName("Pasar Demo Pandansari");
    const scope = { level: "all" } as const;
    const in3Days = await loadReconciliation(getDb(), scope, { now: new Date(Date.now() + 3 * 86_400_000), maxCashDays: 3 });
    const in4Days = await loadReconciliation(getDb(), scope, { now: new Date(Date.now() + 4 * 86_400_000), maxCashDays: 3 });
    const rowOf = (data: typeof in3Days) => data.rows.find((row) => row.id === pandansari.id)!.reconciliation;
    expect(rowOf(in3Days)).toMatchObject({ cashAgeDays: 3, flagged: false });
    expect(rowOf(in4Days)).toMatchObject({ cashAgeDays: 4, flagged: true });
    expect(rowOf(in4Days).cashInHand).toBeGreaterThan(0);
  });

  it("lists the seeded market that never deposited, and not the ones that did", async () => {
    const alerts = await listCashHoldingAlerts(getDb(), (await userByEmail("kakanwil@demo.id")).scope);
    expect(alerts.maxCashDays).toBe(3);
    expect(alerts.markets.map((market) => market.name)).toEqual(["Pasar Kahayan"]);
    expect(alerts.markets[0].cashAgeDays).toBeGreaterThan(3);
    expect((await listCashHoldingAlerts(getDb(), (await userByEmail(PTK_STAFF)).scope)).markets).toEqual([]);
  });
});

describe("scope", () => {
  it("shows a collector only their own market", async () => {
    const response = await call(reconciliationPage.loader, getRequest("/reconciliation", collector));
    const data = (await response.json()) as Awaited<ReturnType<typeof loadReconciliation>>;
    expect(data.rows.map((row) => row.name)).toEqual(["Pasar Flamboyan"]);
    const list = (await (await call(depositList.loader, getRequest("/deposits", collector))).json()) as { deposits: { rows: { market_name: string }[] } };
    expect(new Set(list.deposits.rows.map((row) => row.market_name))).toEqual(new Set(["Pasar Flamboyan"]));
    const pandansari = await marketByName("Pasar Demo Pandansari");
    expect((await call(depositNew.loader, getRequest(`/deposits/new?market=${pandansari.id}`, collector))).status).toBe(404);
  });

  it("keeps Pontianak deposits away from Balikpapan staff", async () => {
    const bpn = await signedInAs(BPN_STAFF);
    const ptkDeposit = await getDb().selectFrom("deposits").select("id").where("market_id", "=", flamboyan.id).executeTakeFirstOrThrow();
    const depositId = String(ptkDeposit.id);
    expect((await call(depositPage.loader, getRequest(`/deposits/${depositId}`, bpn), { depositId })).status).toBe(404);
    expect((await review(bpn, depositId, { verdict: "verify" })).status).toBe(404);
    const list = await bodyOf(await call(depositList.loader, getRequest("/deposits", bpn)));
    expect(list).not.toContain("Pasar Flamboyan");
    const reconciliation = await bodyOf(await call(reconciliationPage.loader, getRequest("/reconciliation", bpn)));
    expect(reconciliation).toContain("Pasar Demo Pandansari");
    expect(reconciliation).not.toContain("Pasar Flamboyan");
  });

  it("keeps another region's deposit away from the regional head", async () => {
    const { id } = await getDb()
      .selectFrom("deposits")
      .innerJoin("markets", "markets.id", "deposits.market_id")
      .select("deposits.id")
      .where("markets.name", "=", OTHER_REGION.marketName)
      .executeTakeFirstOrThrow();
    const head = await signedInAs("kakanwil@demo.id");
    expect((await call(depositPage.loader, getRequest(`/deposits/${id}`, head), { depositId: String(id) })).status).toBe(404);
    expect(await bodyOf(await call(depositList.loader, getRequest("/deposits", head)))).not.toContain(OTHER_REGION.marketName);
  });
});
