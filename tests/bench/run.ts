// `npm run bench`: the collection ledger's performance targets (issue 6), measured on loopback against a fresh
// seeded temporary database and the built server (build/index.js, as npm start runs it).
//  (a) single-entry POSTs to /api/v1/collections from 50 concurrent clients for ~10 s after a 2 s warm-up:
//      entries/s, p50/p99, and a count of the rows afterwards (nothing lost, nothing doubled, summary = ledger);
//  (b) one 500-entry batch through the model: commit time;
//  (c) the collection sheet of a 3,000-trader market: loader time, and the whole server-rendered page over HTTP.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pasar-bench-"));
const dbFile = path.join(dir, "bench.sqlite");
Object.assign(process.env, { DATABASE_URL: `file:${dbFile}`, SESSION_SECRETS: "bench-only-secret", NODE_ENV: "production", COOKIE_SECURE: "false" });

const { openDatabase, migrateToLatest } = await import("../../db/connection");
const { seedDemo } = await import("../../db/seed/demo");
const { issueApiToken, startSession } = await import("../../app/models/sessions.server");
const { sessionCookie } = await import("../../app/utils/cookies.server");
const { recordCollections } = await import("../../app/models/collections.server");
const { loadCollectionSheet } = await import("../../app/models/collection-sheet.server");
const { createBigMarket } = await import("./big-market");
const { cpuSeconds, healthLoad, loadTest, freePort, percentile, startServer, timeRequest } = await import("./http-load");

const CLIENTS = 50;
const DURATION_MS = 10_000;

const db = openDatabase(process.env.DATABASE_URL);
const migrated = await migrateToLatest(db);
if (migrated.error) throw migrated.error;
const seedStarted = performance.now();
await seedDemo(db);
const seedMs = performance.now() - seedStarted;

const userId = async (email: string) => (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
const adminId = await userId("admin@demo.id");
const collectorId = await userId("kolektor.flamboyan@demo.id");
const big = await createBigMarket(db, { traders: 3_000, userId: adminId });

// (b) 500 entries in one batch, each to a different trader of the big market; five fresh batches, median.
const batchTimes: number[] = [];
for (let round = 0; round < 5; round += 1) {
  const entries = big.traderIds.slice(round * 500, round * 500 + 500).map((traderId, index) => ({
    idempotencyKey: `bench-batch-${round}-${index}`,
    traderId,
    amount: 300,
    collectedAt: new Date().toISOString(),
  }));
  const started = performance.now();
  const results = await recordCollections(db, { level: "all" }, { collectorUserId: adminId, entries });
  batchTimes.push(performance.now() - started);
  if (results.some((result) => !result.ok)) throw new Error(`batch ${round} refused: ${JSON.stringify(results.find((r) => !r.ok))}`);
}

// (c) the sheet loader, after one warm-up call (which also refreshes the day's coverage snapshots).
await loadCollectionSheet(db, { level: "all" }, big.marketId);
const loaderTimes: number[] = [];
for (let round = 0; round < 20; round += 1) {
  const started = performance.now();
  const sheet = await loadCollectionSheet(db, { level: "all" }, big.marketId);
  loaderTimes.push(performance.now() - started);
  if (sheet?.traders.length !== 3_000) throw new Error(`sheet has ${sheet?.traders.length} traders`);
}

const flamboyan = await db.selectFrom("markets").select("id").where("name", "=", "Pasar Flamboyan").executeTakeFirstOrThrow();
const traderIds = (
  await db.selectFrom("traders").select("id").where("market_id", "=", flamboyan.id).where("status", "=", "registered").where("payer_type", "=", "mandiri").execute()
).map((row) => row.id);
const tokens = await Promise.all(Array.from({ length: CLIENTS }, (_, index) => issueApiToken(db, { userId: collectorId, name: `bench-${index}`, createdBy: adminId })));
const sessionId = await startSession(db, adminId, 1);
const cookie = (await sessionCookie().serialize(sessionId)).split(";")[0];
const ledgerBefore = await ledgerFigures(flamboyan.id);
await db.destroy();

const port = await freePort();
const server = await startServer(port);
try {
  // (c, continued) the whole page, rendered by the server, for branch-level eyes (admin session).
  const pageTimes: number[] = [];
  for (let round = 0; round < 21; round += 1) {
    const { ms, status, bytes } = await timeRequest(port, `/collect?market=${big.marketId}`, { Cookie: cookie });
    if (status !== 200) throw new Error(`sheet page answered ${status}`);
    if (round > 0) pageTimes.push(ms);
    if (round === 1) console.log(`sheet page size: ${(bytes / 1024).toFixed(0)} KiB`);
  }

  // (a) 50 clients, single-entry batches, bearer tokens, for DURATION_MS; first the stack's ceiling for scale.
  // The server's own CPU time per request does not depend on what else the machine is running.
  let cpu = cpuSeconds(server.pid);
  const ceiling = await healthLoad(port, CLIENTS, 5_000);
  const healthCpuMs = ((cpuSeconds(server.pid) - cpu) * 1000) / ceiling.latencies.length;
  cpu = cpuSeconds(server.pid);
  const load = await loadTest({ port, clients: CLIENTS, durationMs: DURATION_MS, tokens, traderIds });
  const entryCpuMs = ((cpuSeconds(server.pid) - cpu) * 1000) / (load.requests + load.warmUpRequests);
  const check = openDatabase(process.env.DATABASE_URL);
  const ledgerAfter = await ledgerFigures(flamboyan.id, check);
  const storedKeys = new Set((await check.selectFrom("collection_entries").select("idempotency_key").where("idempotency_key", "like", "bench-http-%").execute()).map((r) => r.idempotency_key));
  const stored = storedKeys.size;
  await check.destroy();
  const missing = load.acceptedKeys.filter((key) => !storedKeys.has(key)).length;
  const summaryMatches = ledgerAfter.summaryTotal === ledgerAfter.ledgerTotal && ledgerAfter.summaryCount === ledgerAfter.ledgerCount;

  const rate = load.accepted / (load.elapsedMs / 1000);
  const rows: [string, string, string][] = [
    ["demo seed (whole demo)", `${seedMs.toFixed(0)} ms`, ""],
    ["machine load average (1 min) / cores", `${os.loadavg()[0].toFixed(1)} / ${os.cpus().length}`, ""],
    ["(ref) GET /healthz, 50 clients, 5 s", `${ceiling.perSecond.toFixed(0)} req/s, p99 ${percentile(ceiling.latencies, 99).toFixed(1)} ms`, "stack ceiling"],
    ["(a) HTTP single entries, 50 clients", `${rate.toFixed(0)} entries/s`, "≥ 1000/s"],
    ["(a) server CPU per request: healthz / entry", `${healthCpuMs.toFixed(2)} / ${entryCpuMs.toFixed(2)} ms`, ""],
    ["(a) so one idle core could serve", `${(1000 / healthCpuMs).toFixed(0)} healthz/s, ${(1000 / entryCpuMs).toFixed(0)} entries/s`, ""],
    ["(a) latency p50 / p99 / max", `${percentile(load.latencies, 50).toFixed(1)} / ${percentile(load.latencies, 99).toFixed(1)} / ${Math.max(...load.latencies).toFixed(1)} ms`, "p99 < 50 ms"],
    ["(a) requests / non-200 / refused", `${load.requests} / ${load.failedRequests} / ${load.refused}`, "0 / 0"],
    ["(a) warm-up requests / refused", `${load.warmUpRequests} / ${load.warmUpRefusals.length} ${[...new Set(load.warmUpRefusals)].join(", ")}`, "— / 0"],
    ["(a) rows stored vs accepted (incl. warm-up)", `${stored} vs ${load.acceptedKeys.length} (missing ${missing})`, "equal, 0 missing"],
    ["(a) ledger grew by / summary = ledger", `${ledgerAfter.ledgerCount - ledgerBefore.ledgerCount} rows / ${summaryMatches ? "yes" : "NO"}`, "= accepted / yes"],
    ["(b) 500-entry batch, median / max of 5", `${percentile(batchTimes, 50).toFixed(1)} / ${Math.max(...batchTimes).toFixed(1)} ms`, "< 100 ms"],
    ["(c) sheet loader, 3,000 traders, median / p95", `${percentile(loaderTimes, 50).toFixed(1)} / ${percentile(loaderTimes, 95).toFixed(1)} ms`, "< 150 ms"],
    ["(c) sheet page over HTTP (SSR), median / p95", `${percentile(pageTimes, 50).toFixed(1)} / ${percentile(pageTimes, 95).toFixed(1)} ms`, "< 150 ms"],
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  console.log(`\n${"measure".padEnd(width)}  result${" ".repeat(36)}target`);
  for (const [label, value, target] of rows) console.log(`${label.padEnd(width)}  ${value.padEnd(42)}${target}`);
  const ok = load.warmUpRefusals.length === 0 && stored === load.acceptedKeys.length && ledgerAfter.ledgerCount - ledgerBefore.ledgerCount === stored && missing === 0 && load.failedRequests === 0 && summaryMatches;
  if (!ok) process.exitCode = 1;
} finally {
  server.kill("SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
}

async function ledgerFigures(marketId: number, handle = db) {
  const ledger = await handle
    .selectFrom("collection_entries")
    .where("market_id", "=", marketId)
    .select((eb) => [eb.fn.countAll().as("n"), eb.fn.sum<number>("amount").as("total")])
    .executeTakeFirstOrThrow();
  const summary = await handle
    .selectFrom("daily_market_collections")
    .where("market_id", "=", marketId)
    .select((eb) => [eb.fn.sum<number>("entries_count").as("n"), eb.fn.sum<number>("total_amount").as("total")])
    .executeTakeFirstOrThrow();
  return { ledgerCount: Number(ledger.n), ledgerTotal: Number(ledger.total), summaryCount: Number(summary.n), summaryTotal: Number(summary.total) };
}

