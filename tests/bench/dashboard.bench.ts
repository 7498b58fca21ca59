// The dashboards' performance targets (issue 8), on a generated year of the whole region (30 branches, 600
// markets, 200,000 traders, 10 million ledger entries; tests/bench/dashboard-data.ts, cached under tests/.tmp):
//  (a) the regional dashboard's loader (the regional head's home page)      < 300 ms
//  (b) a branch dashboard's loader                                           < 150 ms
//  (c) the export of a month of the region's collections, streamed, end to end by reading the Response body
//      ≥ 100,000 rows/s; and the memory it takes for more than a million rows.
// Run: `npm run bench`, or `npx tsx tests/bench/dashboard.bench.ts`. DASHBOARD_BENCH_SMALL=1 uses a 1/20 world.

import { performance } from "node:perf_hooks";
import { benchFiles, benchWorld, FULL_SCALE, type Scale } from "./dashboard-data";

const scale: Scale = process.env.DASHBOARD_BENCH_SMALL
  ? { branches: 30, marketsPerBranch: 20, traders: 10_000, entries: 500_000, days: 365 }
  : FULL_SCALE;
const { file } = benchFiles(scale);
Object.assign(process.env, { DATABASE_URL: `file:${file}`, SESSION_SECRETS: "bench-only-secret", NODE_ENV: "production", COOKIE_SECURE: "false" });

const generationStarted = performance.now();
const world = await benchWorld(scale);
const openedMs = performance.now() - generationStarted;

const { getDb } = await import("../../app/utils/db.server");
const { startSession } = await import("../../app/models/sessions.server");
const { sessionCookie } = await import("../../app/utils/cookies.server");
const { percentile } = await import("./http-load");
const home = await import("../../app/routes/_index");
const branchPage = await import("../../app/routes/dashboard.branches.$branchId");
const marketPage = await import("../../app/routes/dashboard.markets.$marketId");
const collectionsCsv = await import("../../app/routes/exports.collections[.]csv");
const collectionsXlsx = await import("../../app/routes/exports.collections[.]xlsx");
const summaries = await import("../../app/models/summaries.server");
const { loadReconciliation } = await import("../../app/models/reconciliation.server");
const { listBranchProgress } = await import("../../app/models/progress.server");
const { listMouAttention } = await import("../../app/models/mous.server");
const { monthRange } = await import("../../app/domain/progress");
const { monthsEndingWith, previousMonth } = await import("../../app/domain/dashboard");

const db = getDb();
const cookieOf = async (email: string) => {
  const user = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return (await sessionCookie().serialize(await startSession(db, user.id, 1))).split(";")[0];
};
const headCookie = await cookieOf(world.headEmail);
const staffCookie = await cookieOf(world.staffEmail);
const market = await db.selectFrom("markets").select("id").where("branch_id", "=", world.branchIds[0]).where("stage", "=", "collecting").executeTakeFirstOrThrow();

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
const call = async (loader: Loader, path: string, cookie: string, params: Record<string, string> = {}) => {
  const response = (await loader({ request: new Request(`http://localhost${path}`, { headers: { Cookie: cookie } }), params, context: {} })) as Response;
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return response;
};

async function timeLoader(label: string, run: () => Promise<unknown>, rounds = 15) {
  await run();
  await run();
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return { label, median: percentile(times, 50), p95: percentile(times, 95) };
}

// (a), (b) and the market page, through the route loaders (sign-in, scope, model, JSON).
const regional = await timeLoader("(a) regional dashboard loader (/ as regional head)", () => call(home.loader as Loader, "/", headCookie));
const branch = await timeLoader("(b) branch dashboard loader (/dashboard/branches/:id)", () =>
  call(branchPage.loader as Loader, `/dashboard/branches/${world.branchIds[0]}`, headCookie, { branchId: String(world.branchIds[0]) }),
);
const staffHome = await timeLoader("(b) branch staff's home page loader", () => call(home.loader as Loader, "/", staffCookie));
const marketDash = await timeLoader("market dashboard loader", () => call(marketPage.loader as Loader, `/dashboard/markets/${market.id}`, headCookie, { marketId: String(market.id) }));

// Where the regional loader's time goes: each summary query alone.
const regionScope = { level: "region" as const, regionId: world.regionId };
const now = new Date();
const parts = [
  await timeLoader("  listBranchProgress", () => listBranchProgress(db, regionScope, { year: now.getUTCFullYear(), now }), 5),
  await timeLoader("  collections this/last month (daily_market_collections)", () => summaries.collectionsByUnit(db, regionScope, "branch", now), 5),
  await timeLoader("  participants per status (trader_coverage GROUP BY)", () => summaries.participantsByUnit(db, regionScope, "branch"), 5),
  await timeLoader("  registered traders per branch", () => summaries.registeredByUnit(db, regionScope, "branch", now.toISOString()), 5),
  await timeLoader("  enrolments per month", () => summaries.enrolmentsByMonth(db, regionScope, monthsEndingWith(now.toISOString().slice(0, 7), 12), now.toISOString()), 5),
  await timeLoader("  daily collections, 90 days", () => summaries.dailyCollections(db, regionScope, new Date(now.getTime() - 89 * 86_400_000).toISOString().slice(0, 10), now.toISOString().slice(0, 10)), 5),
  await timeLoader("  cash in hand (cashHeldByMarket)", () => summaries.cashHeldByMarket(db, regionScope, now, 3), 5),
  await timeLoader("  for comparison: 6B's loadReconciliation", () => loadReconciliation(db, regionScope, { now }), 3),
  await timeLoader("  MoU attention", () => listMouAttention(db, regionScope, now), 5),
];

// (c) a whole month of the region's collections, as CSV, read to the last byte.
async function drain(response: Response, sample: () => void) {
  const reader = response.body!.getReader();
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i += 1) if (value[i] === 10) lines += 1;
    sample();
  }
  return { bytes, rows: lines - 1 };
}

async function timeExport(loader: Loader, from: string, to: string, csv: boolean) {
  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 50);
  const started = performance.now();
  const response = await call(loader, `/exports/collections?from=${from}&to=${to}`, headCookie);
  const { bytes, rows } = await drain(response, sample);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  const counted = csv ? rows : Number((await db.selectFrom("collection_entries").select((eb) => eb.fn.countAll<number>().as("n")).where("business_date", ">=", from).where("business_date", "<=", to).executeTakeFirstOrThrow()).n);
  return { rows: counted, seconds, rate: counted / seconds, megabytes: bytes / 1_048_576, extraRssMb: (peakRss - baseRss) / 1_048_576 };
}

const lastMonth = monthRange(`${previousMonth(now.toISOString().slice(0, 7))}-01`);
// The first pass may read the month from disk (cold page cache); the second is the steady state.
const monthCold = await timeExport(collectionsCsv.loader as Loader, lastMonth.first, lastMonth.last, true);
const month = await timeExport(collectionsCsv.loader as Loader, lastMonth.first, lastMonth.last, true);
const longRange = await timeExport(collectionsCsv.loader as Loader, lastMonth.first, now.toISOString().slice(0, 10), true);
const weekEnd = `${lastMonth.first.slice(0, 8)}07`;
const xlsx = await timeExport(collectionsXlsx.loader as Loader, lastMonth.first, weekEnd, false);
await db.destroy();

const ms = (value: number) => `${value.toFixed(1)} ms`;
const rows: [string, string, string][] = [
  [`world: ${world.markets} markets, ${world.traders.toLocaleString("en")} traders, ${world.entries.toLocaleString("en")} entries`, `generated in ${world.generatedInSeconds} s; opened in ${(openedMs / 1000).toFixed(1)} s`, ""],
  [regional.label, `${ms(regional.median)} median / ${ms(regional.p95)} p95`, "< 300 ms"],
  [branch.label, `${ms(branch.median)} median / ${ms(branch.p95)} p95`, "< 150 ms"],
  [staffHome.label, `${ms(staffHome.median)} median / ${ms(staffHome.p95)} p95`, "< 150 ms"],
  [marketDash.label, `${ms(marketDash.median)} median / ${ms(marketDash.p95)} p95`, ""],
  ...parts.map((part): [string, string, string] => [part.label, `${ms(part.median)} median`, ""]),
  [`(c) CSV, region, ${lastMonth.first.slice(0, 7)}: ${month.rows.toLocaleString("en")} rows, ${month.megabytes.toFixed(0)} MB (first pass)`, `${Math.round(monthCold.rate).toLocaleString("en")} rows/s (${monthCold.seconds.toFixed(1)} s)`, ""],
  [`(c) the same month again (warm cache)`, `${Math.round(month.rate).toLocaleString("en")} rows/s (${month.seconds.toFixed(1)} s)`, "≥ 100,000 rows/s"],
  [`(c) CSV, ${longRange.rows.toLocaleString("en")} rows: extra memory at peak`, `${longRange.extraRssMb.toFixed(0)} MB RSS; ${Math.round(longRange.rate).toLocaleString("en")} rows/s`, "bounded"],
  [`XLSX, region, one week: ${xlsx.rows.toLocaleString("en")} rows`, `${Math.round(xlsx.rate).toLocaleString("en")} rows/s; ${xlsx.extraRssMb.toFixed(0)} MB extra RSS`, ""],
];
const width = Math.max(...rows.map((row) => row[0].length));
console.log(`\n${"measure".padEnd(width)}  ${"result".padEnd(48)}target`);
for (const [label, value, target] of rows) console.log(`${label.padEnd(width)}  ${value.padEnd(48)}${target}`);
const ok = regional.median < 300 && branch.median < 150 && month.rate >= 100_000;
if (!ok) process.exitCode = 1;
