import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import * as home from "../../app/routes/_index";
import * as branchPage from "../../app/routes/dashboard.branches.$branchId";
import * as marketPage from "../../app/routes/dashboard.markets.$marketId";
import { getDb } from "../../app/utils/db.server";
import { businessDate } from "../../app/domain/business-day";
import { monthRange } from "../../app/domain/progress";
import { previousMonth, sameDayLastMonth } from "../../app/domain/dashboard";
import { addDays } from "../../app/domain/visit-status";
import { loadReconciliation } from "../../app/models/reconciliation.server";
import { computeMarketArrears } from "../../app/models/arrears.server";
import { listCoverableDays, recordDeposit, reviewDeposit } from "../../app/models/deposits.server";
import { closeDay } from "../../app/models/collection-days.server";
import { collectionsByUnit } from "../../app/models/summaries.server";
import { OTHER_REGION } from "../support/fixtures";
import { call, getRequest, signedInAs } from "../support/requests";

// Every figure on the dashboards against a direct query on the records it summarises (the ledger itself, not the
// summary tables), and who may open which dashboard.

const db = () => getDb();
let regionId: number;
let branches: { id: number; code: string; time_zone: string }[];

beforeAll(async () => {
  regionId = (await db().selectFrom("regions").select("id").where("code", "=", "KW-KAL").executeTakeFirstOrThrow()).id;
  branches = await db().selectFrom("branches").select(["id", "code", "time_zone"]).where("region_id", "=", regionId).execute();
});

async function homeOf(email: string, query = "") {
  const response = await call(home.loader, getRequest(`/${query}`, await signedInAs(email)));
  expect(response.status).toBe(200);
  return (await response.json()).summary;
}

const branchId = async (code: string) => (await db().selectFrom("branches").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
const marketId = async (name: string) => (await db().selectFrom("markets").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;

/** Net ledger total of a branch's (or one market's) entries between two local dates, straight from collection_entries. */
async function ledgerTotal(branch: number, from: string, to: string, market?: number) {
  const row = await db()
    .selectFrom("collection_entries")
    .innerJoin("markets", "markets.id", "collection_entries.market_id")
    .where("markets.branch_id", "=", branch)
    .$if(market != null, (qb) => qb.where("markets.id", "=", market!))
    .where("collection_entries.business_date", ">=", from)
    .where("collection_entries.business_date", "<=", to)
    .select((eb) => eb.fn.sum<number>("collection_entries.amount").as("total"))
    .executeTakeFirstOrThrow();
  return Number(row.total ?? 0);
}

/** Registered traders of the demo region enrolled since a date. */
async function registeredSince(date: string) {
  const row = await db()
    .selectFrom("traders")
    .innerJoin("markets", "markets.id", "traders.market_id")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where("branches.region_id", "=", regionId)
    .where("traders.status", "=", "registered")
    .where("traders.enrolled_at", ">=", date)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("the regional dashboard", () => {
  it("is the regional head's home page and shows every branch of the region, and only those", async () => {
    const summary = await homeOf("kakanwil@demo.id");
    expect(summary.kind).toBe("region");
    expect(summary.dashboard.rows.map((row: { code: string }) => row.code).sort()).toEqual(branches.map((b) => b.code).sort());
    expect(JSON.stringify(summary)).not.toContain(OTHER_REGION.marketName);
  });

  it("sums this month, last month and last month to the same day per branch exactly as the ledger does", async () => {
    const { dashboard } = await homeOf("kakanwil@demo.id");
    const now = new Date();
    let thisMonth = 0;
    for (const row of dashboard.rows) {
      const branch = branches.find((b) => b.code === row.code)!;
      const today = businessDate(now, branch.time_zone);
      const last = monthRange(`${previousMonth(today.slice(0, 7))}-01`);
      expect(row.collections.thisMonth, row.code).toBe(await ledgerTotal(branch.id, monthRange(today).first, today));
      expect(row.collections.lastMonth, row.code).toBe(await ledgerTotal(branch.id, last.first, last.last));
      expect(row.collections.lastMonthToDate, row.code).toBe(await ledgerTotal(branch.id, last.first, sameDayLastMonth(today)));
      thisMonth += row.collections.thisMonth;
    }
    expect(thisMonth).toBeGreaterThan(0);
    expect(dashboard.headline.collections.thisMonth).toBe(thisMonth);
  });

  it("counts a past month (the monthly report's) up to its last day only", async () => {
    const asOf = new Date();
    asOf.setUTCDate(0); // the last day of last month, as the report for last month asks
    asOf.setUTCHours(15, 0, 0, 0); // 22:00 WIB, 23:00 WITA: still that day everywhere
    const month = monthRange(`${businessDate(asOf, "Asia/Pontianak").slice(0, 7)}-01`);
    const byBranch = await collectionsByUnit(db(), { level: "region", regionId }, "branch", asOf);
    for (const branch of branches) {
      expect(byBranch.get(branch.id)?.thisMonth ?? 0, branch.code).toBe(await ledgerTotal(branch.id, month.first, month.last));
    }
  });

  it("counts registered traders, participants per status and MoU markets as the records hold them", async () => {
    const { dashboard } = await homeOf("kakanwil@demo.id");
    expect(dashboard.headline.registered).toBe(await registeredSince("2000-01-01"));

    const statuses = await db()
      .selectFrom("trader_coverage")
      .innerJoin("markets", "markets.id", "trader_coverage.market_id")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .where("branches.region_id", "=", regionId)
      .groupBy("trader_coverage.status")
      .select(["trader_coverage.status", (eb) => eb.fn.countAll<number>().as("n")])
      .execute();
    for (const { status, n } of statuses) expect(dashboard.headline.participants[status], status).toBe(Number(n));
    expect(dashboard.headline.participants.aktif).toBeGreaterThan(0);

    const today = businessDate(new Date(), "Asia/Pontianak");
    const withMou = await sql<{ n: number }>`
      select count(*) as n from markets m join branches b on b.id = m.branch_id
      where b.region_id = ${regionId} and m.government_run = 1 and exists (
        select 1 from mous where mous.market_id = m.id and mous.status = 'signed' and mous.in_force_from <= ${today} and mous.expires_on >= ${today})`.execute(db());
    expect(dashboard.headline.mouMarkets).toBe(Number(withMou.rows[0].n));
    expect(dashboard.headline.units).toBe(branches.length);
  });

  it("holds the same cash in hand, and the same oldest day, as the reconciliation page", async () => {
    const { dashboard } = await homeOf("kakanwil@demo.id");
    const { rows } = await loadReconciliation(db(), { level: "region", regionId });
    const expected = rows.reduce((total, row) => total + row.reconciliation.cashInHand, 0);
    expect(expected).toBeGreaterThan(0);
    expect(dashboard.headline.cash.inHand).toBe(expected);
    const oldest = rows.map((row) => row.reconciliation.oldestCashDate).filter(Boolean).sort()[0];
    expect(dashboard.headline.cash.oldestDate).toBe(oldest);
    const flagged = rows.filter((row) => row.reconciliation.flagged).map((row) => row.id).sort();
    expect(dashboard.cashAlerts.markets.map((market: { id: number }) => market.id).sort()).toEqual(flagged);
  });

  it("draws the last 90 days of collections and the monthly enrolments from the records", async () => {
    const { dashboard } = await homeOf("kakanwil@demo.id");
    const { daily, enrolments, funnel } = dashboard.charts;
    expect(daily).toHaveLength(90);
    const today = businessDate(new Date(), "Asia/Makassar");
    expect(daily.at(-1).key).toBe(today);
    const ledger = await db()
      .selectFrom("collection_entries")
      .innerJoin("markets", "markets.id", "collection_entries.market_id")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .where("branches.region_id", "=", regionId)
      .where("collection_entries.business_date", ">=", addDays(today, -89))
      .select((eb) => eb.fn.sum<number>("collection_entries.amount").as("total"))
      .executeTakeFirstOrThrow();
    expect(daily.reduce((sum: number, day: { value: number }) => sum + day.value, 0)).toBe(Number(ledger.total));

    expect(enrolments).toHaveLength(12);
    expect(enrolments.reduce((sum: number, month: { value: number }) => sum + month.value, 0)).toBe(await registeredSince(`${enrolments[0].key}-01`));

    const markets = await db()
      .selectFrom("markets")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .where("branches.region_id", "=", regionId)
      .where("markets.stage", "not in", ["declined", "paused"])
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(funnel[0]).toMatchObject({ stage: "identified", reached: Number(markets.n) });
  });

  it("sorts the branch table from the URL, most behind first by default", async () => {
    const { dashboard } = await homeOf("kakanwil@demo.id", "?sort=collections&dir=desc");
    const values = dashboard.rows.map((row: { collections: { thisMonth: number } }) => row.collections.thisMonth);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const byDefault = (await homeOf("kakanwil@demo.id")).dashboard.rows.map((row: { behindScore: number }) => row.behindScore);
    expect(byDefault).toEqual([...byDefault].sort((a, b) => b - a));
  });

  it("is the admin's home page too, with the count of active users", async () => {
    const summary = await homeOf("admin@demo.id");
    expect(summary.kind).toBe("all");
    expect(summary.activeUsers).toBeGreaterThan(0);
    expect(summary.dashboard.rows.some((row: { code: string }) => row.code === OTHER_REGION.branchCode)).toBe(true);
  });
});

describe("the branch dashboard", () => {
  it("is branch staff's home page, with its markets, agenda, MoU work and the arrears list size per market", async () => {
    const summary = await homeOf("staf.pontianak@demo.id");
    expect(summary.kind).toBe("branch");
    const { dashboard } = summary;
    expect(dashboard.branch.code).toBe("KC-PTK");
    const ptk = await branchId("KC-PTK");
    const markets = await db().selectFrom("markets").select("name").where("branch_id", "=", ptk).execute();
    expect(dashboard.markets.map((m: { name: string }) => m.name).sort()).toEqual(markets.map((m) => m.name).sort());
    const flamboyan = dashboard.markets.find((m: { name: string }) => m.name === "Pasar Flamboyan");
    const behind = await db()
      .selectFrom("trader_coverage")
      .where("market_id", "=", flamboyan.marketId)
      .where("months_behind", ">", 0)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(flamboyan.arrears).toBe(Number(behind.n));
    expect(flamboyan.arrears).toBe((await computeMarketArrears(db(), { level: "all" }, flamboyan.marketId))!.rows.length);
    const today = businessDate(new Date(), "Asia/Pontianak");
    expect(flamboyan.collections.thisMonth).toBe(await ledgerTotal(ptk, monthRange(today).first, today, flamboyan.marketId));
    expect(dashboard.agenda).toHaveProperty("today");
    expect(dashboard.attention).toHaveProperty("expiringSoon");
    expect(dashboard.figures.code).toBe("KC-PTK");
  });

  it("opens for the regional head on any branch of the region, and not on another region's", async () => {
    const head = await signedInAs("kakanwil@demo.id");
    const bpn = await branchId("KC-BPN");
    const ok = await call(branchPage.loader, getRequest(`/dashboard/branches/${bpn}`, head), { branchId: String(bpn) });
    expect(ok.status).toBe(200);
    expect((await ok.json()).dashboard.branch.code).toBe("KC-BPN");
    const other = await branchId(OTHER_REGION.branchCode);
    expect((await call(branchPage.loader, getRequest(`/dashboard/branches/${other}`, head), { branchId: String(other) })).status).toBe(404);
  });

  it("does not open another branch for branch staff, nor any branch for a collector", async () => {
    const bpn = await branchId("KC-BPN");
    const staff = await signedInAs("staf.pontianak@demo.id");
    expect((await call(branchPage.loader, getRequest(`/dashboard/branches/${bpn}`, staff), { branchId: String(bpn) })).status).toBe(404);
    const collector = await signedInAs("kolektor.flamboyan@demo.id");
    const ptk = await branchId("KC-PTK");
    expect((await call(branchPage.loader, getRequest(`/dashboard/branches/${ptk}`, collector), { branchId: String(ptk) })).status).toBe(403);
  });

  it("lists the markets holding cash with the amounts the reconciliation holds", async () => {
    const ptk = await branchId("KC-PTK");
    const response = await call(branchPage.loader, getRequest(`/dashboard/branches/${ptk}`, await signedInAs("kakanwil@demo.id")), { branchId: String(ptk) });
    const { dashboard } = await response.json();
    const { rows } = await loadReconciliation(db(), { level: "branch", regionId, branchId: ptk });
    const holding = rows.filter((row) => row.reconciliation.cashInHand > 0);
    expect(dashboard.cashHolding.map((m: { marketId: number; cashInHand: number }) => [m.marketId, m.cashInHand]).sort()).toEqual(
      holding.map((row) => [row.id, row.reconciliation.cashInHand]).sort(),
    );
  });
});

describe("the market dashboard", () => {
  it("is the collector's home page with today's money, who paid, whom to chase, days to close and deposits to verify", async () => {
    const summary = await homeOf("kolektor.flamboyan@demo.id");
    expect(summary.kind).toBe("market");
    const { dashboard } = summary;
    const flamboyan = await marketId("Pasar Flamboyan");
    expect(dashboard.market.id).toBe(flamboyan);
    const today = businessDate(new Date(), "Asia/Pontianak");
    const ledger = await db()
      .selectFrom("collection_entries")
      .where("market_id", "=", flamboyan)
      .where("business_date", "=", today)
      .select((eb) => [eb.fn.sum<number>("amount").as("total"), eb.fn.countAll<number>().as("n")])
      .executeTakeFirstOrThrow();
    expect(dashboard.todayTotal).toBe(Number(ledger.total ?? 0));
    expect(dashboard.todayEntries).toBe(Number(ledger.n));
    const paid = await sql<{ n: number }>`select count(*) as n from (select trader_id from collection_entries where market_id = ${flamboyan} and business_date = ${today} group by trader_id having sum(amount) > 0) paid`.execute(db());
    expect(dashboard.tradersPaidToday).toBe(Number(paid.rows[0].n));
    const pending = await db()
      .selectFrom("deposits")
      .where("market_id", "=", flamboyan)
      .where("status", "=", "recorded")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.sum<number>("amount").as("total")])
      .executeTakeFirstOrThrow();
    expect(dashboard.pendingDeposits).toMatchObject({ count: Number(pending.n), total: Number(pending.total ?? 0) });
    const open = await db().selectFrom("collection_days").select("business_date").where("market_id", "=", flamboyan).where("status", "=", "open").where("business_date", "<", today).execute();
    expect(dashboard.openDays.map((day: { date: string }) => day.date).sort()).toEqual(open.map((day) => day.business_date).sort());
    const arrears = (await computeMarketArrears(db(), { level: "all" }, flamboyan))!;
    expect(dashboard.arrears.count).toBe(arrears.rows.length);
    expect(dashboard.arrears.owed).toBe(arrears.totalOwed);
    expect(dashboard.daily).toHaveLength(30);
  });

  it("opens only the collector's own market, and any market in scope for staff", async () => {
    const collector = await signedInAs("kolektor.flamboyan@demo.id");
    const dahlia = await marketId("Pasar Dahlia");
    expect((await call(marketPage.loader, getRequest(`/dashboard/markets/${dahlia}`, collector), { marketId: String(dahlia) })).status).toBe(404);
    const staff = await signedInAs("staf.pontianak@demo.id");
    expect((await call(marketPage.loader, getRequest(`/dashboard/markets/${dahlia}`, staff), { marketId: String(dahlia) })).status).toBe(200);
    const pandansari = await marketId("Pasar Demo Pandansari");
    expect((await call(marketPage.loader, getRequest(`/dashboard/markets/${pandansari}`, staff), { marketId: String(pandansari) })).status).toBe(404);
  });
});

describe("cash in hand on the dashboards", () => {
  const ptkCash = async () => {
    const { dashboard } = await homeOf("kakanwil@demo.id");
    return dashboard.rows.find((row: { code: string }) => row.code === "KC-PTK").cash.inHand as number;
  };
  const reconciled = async () => {
    const ptk = await branchId("KC-PTK");
    const { rows } = await loadReconciliation(db(), { level: "branch", regionId, branchId: ptk });
    return rows.reduce((total, row) => total + row.reconciliation.cashInHand, 0);
  };

  it("follows deposits recorded and rejected, and days closed, as the reconciliation does", async () => {
    const flamboyan = await marketId("Pasar Flamboyan");
    const staff = await db().selectFrom("users").select("id").where("email", "=", "staf.pontianak@demo.id").executeTakeFirstOrThrow();
    const head = await db().selectFrom("users").select("id").where("email", "=", "kakanwil@demo.id").executeTakeFirstOrThrow();
    const scope = { level: "all" as const };
    const before = await ptkCash();
    expect(before).toBe(await reconciled());

    // Close today with a counted total Rp1,000 above the ledger: the open day's cash becomes the counted cash.
    const today = businessDate(new Date(), "Asia/Pontianak");
    const ledgerToday = await ledgerTotal(await branchId("KC-PTK"), today, today, flamboyan);
    expect(await closeDay(db(), scope, { marketId: flamboyan, businessDate: today, countedCash: ledgerToday + 1_000, note: "Kelebihan uang kembalian", userId: staff.id })).toEqual({ ok: true });
    expect(await ptkCash()).toBe(before + 1_000);
    expect(await ptkCash()).toBe(await reconciled());

    // A deposit of every closed day the market still holds takes its cash to zero; rejecting it brings it back.
    const days = await listCoverableDays(db(), flamboyan);
    const counted = days.reduce((total, day) => total + (day.counted ?? 0), 0);
    const recorded = await recordDeposit(db(), scope, staff.id, {
      marketId: flamboyan,
      channel: "BRI",
      reference: "UJI-DASBOR-1",
      amount: counted,
      depositDate: today,
      days: days.map((day) => day.date),
      note: null,
    });
    if (!recorded.ok) throw new Error(JSON.stringify(recorded));
    expect(await ptkCash()).toBe(before + 1_000 - counted);
    expect(await ptkCash()).toBe(await reconciled());
    expect(await reviewDeposit(db(), scope, { depositId: recorded.depositId, reviewerId: head.id, verdict: "reject", reason: "Referensi tidak ditemukan" })).toBeNull();
    expect(await ptkCash()).toBe(before + 1_000);
    expect(await ptkCash()).toBe(await reconciled());
  });
});
