import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import SQLite from "better-sqlite3";
import { openDatabase, migrateToLatest } from "../../db/connection";
import { seededRandom } from "../../db/seed/random";
import { addDays } from "../../app/domain/visit-status";
import { businessDate, timeZoneForProvince } from "../../app/domain/business-day";
import { refreshAllCoverage } from "../../app/models/coverage-refresh.server";

// A generated year of the whole region for the dashboard benchmark: 30 branches, 600 markets, 200,000 traders
// and 10 million ledger entries, with the day closes, deposits every other day, visits, MoUs and targets a real year has,
// and the summary tables (daily_market_collections, trader_coverage) filled consistently with the ledger.
// Written straight through better-sqlite3 prepared statements, one transaction per day, not through the models
// (which would take hours). The file is cached under tests/.tmp, keyed by the generator version, the scale and
// the month it was generated in (figures are "this month"), so re-runs only migrate it.

export const GENERATOR_VERSION = 1;
const TMP = path.resolve("tests/.tmp");

export interface BenchWorld {
  file: string;
  /** When the year ends (the generation instant): "now" for the figures. */
  anchor: string;
  regionId: number;
  branchIds: number[];
  headEmail: string;
  staffEmail: string;
  entries: number;
  traders: number;
  markets: number;
  generatedInSeconds: number;
}

export interface Scale {
  branches: number;
  marketsPerBranch: number;
  traders: number;
  entries: number;
  days: number;
}

export const FULL_SCALE: Scale = { branches: 30, marketsPerBranch: 20, traders: 200_000, entries: 10_000_000, days: 365 };

/** Where the world for this scale and month is cached (set DATABASE_URL to `file` before the app reads its env). */
export function benchFiles(scale: Scale, now = new Date()) {
  const key = `dashboard-v${GENERATOR_VERSION}-${scale.traders}-${scale.entries}-${now.toISOString().slice(0, 7)}`;
  return { file: path.join(TMP, `${key}.sqlite`), meta: path.join(TMP, `${key}.json`) };
}

/** The cached world, generating it first when missing. */
export async function benchWorld(scale: Scale, log: (line: string) => void = console.log): Promise<BenchWorld> {
  const now = new Date();
  const { file, meta } = benchFiles(scale, now);
  if (fs.existsSync(file) && fs.existsSync(meta)) {
    const db = openDatabase(`file:${file}`);
    const migrated = await migrateToLatest(db);
    await db.destroy();
    if (migrated.error) throw migrated.error;
    return JSON.parse(fs.readFileSync(meta, "utf8")) as BenchWorld;
  }
  fs.mkdirSync(TMP, { recursive: true });
  for (const old of fs.readdirSync(TMP).filter((name) => name.startsWith("dashboard-v"))) fs.rmSync(path.join(TMP, old), { force: true });
  const building = `${file}.building`;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(building + suffix, { force: true });
  const started = performance.now();
  const world = await generate(building, scale, now, log);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(building + suffix, { force: true });
  fs.renameSync(building, file);
  const result = { ...world, file, generatedInSeconds: Math.round((performance.now() - started) / 1000) };
  fs.writeFileSync(meta, JSON.stringify(result, null, 2));
  return result;
}

const OFFSET_HOURS: Record<string, number> = { "Asia/Pontianak": 7, "Asia/Makassar": 8 };

async function generate(file: string, scale: Scale, now: Date, log: (line: string) => void): Promise<Omit<BenchWorld, "file" | "generatedInSeconds">> {
  const kysely = openDatabase(`file:${file}`);
  const migrated = await migrateToLatest(kysely);
  if (migrated.error) throw migrated.error;
  await kysely.destroy();

  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -1000000");
  sqlite.pragma("foreign_keys = OFF");
  const random = seededRandom(8_2026);
  const at = now.toISOString();
  const year = Number(businessDate(now, "Asia/Makassar").slice(0, 4));
  const insert = <T extends Record<string, unknown>>(table: string, columns: (keyof T & string)[]) => {
    const statement = sqlite.prepare(`insert into ${table} (${columns.join(", ")}) values (${columns.map((c) => `@${c}`).join(", ")})`);
    return (row: T) => Number(statement.run(row).lastInsertRowid);
  };

  // Places, people, MoUs, targets.
  const regionId = insert("regions", ["code", "name", "office_name", "town", "lat", "lng", "created_at"])({
    code: "KW-BENCH", name: "Kalimantan (uji beban)", office_name: "Kanwil uji", town: "Balikpapan", lat: -1.24, lng: 116.85, created_at: at,
  });
  const headEmail = "kakanwil@bench.id";
  const addUser = insert("users", ["email", "name", "password_hash", "role", "region_id", "branch_id", "market_id", "created_at", "updated_at"]);
  const headId = addUser({ email: headEmail, name: "Kepala Kanwil Uji", password_hash: "x", role: "regional_head", region_id: regionId, branch_id: null, market_id: null, created_at: at, updated_at: at });
  const addBranch = insert("branches", ["region_id", "code", "name", "office_type", "town", "province_code", "regency_code", "time_zone", "lat", "lng", "verification", "created_at", "updated_at"]);
  const addTarget = insert("branch_targets", ["branch_id", "year", "markets_with_mou", "traders_enrolled", "monthly_collections", "set_by_user_id", "updated_at"]);
  const addMarket = insert("markets", ["branch_id", "code", "name", "regency_name", "regency_code", "lat", "lng", "coord_precision", "government_run", "operator_type", "operator_name", "stall_estimate", "trader_estimate", "stage", "created_at", "updated_at"]);
  const addMou = insert("mous", ["market_id", "number", "number_year", "number_sequence", "status", "counterparty_type", "counterparty_name", "drafted_on", "signed_on", "in_force_from", "expires_on", "collection_frequency", "deposit_schedule", "collector_fee_basis_points", "scan_sha256", "created_by_user_id", "created_at", "updated_at"]);
  const provinces = ["61", "62", "63", "64", "65"];
  const sideStages = ["mou_signed", "negotiating", "negotiating", "visited", "visited", "identified", "identified", "declined", "paused"];
  const branchIds: number[] = [];
  const staffIds: number[] = [];
  const collecting: { id: number; branch: number; code: string; zone: string; collectorId: number; weight: number; defaulting: boolean }[] = [];
  let marketNumber = 0;
  for (let b = 0; b < scale.branches; b += 1) {
    const province = provinces[b % provinces.length];
    const zone = timeZoneForProvince(province);
    const code = `KC-B${String(b + 1).padStart(2, "0")}`;
    const branchId = addBranch({ region_id: regionId, code, name: `Cabang Uji ${b + 1}`, office_type: "Kantor Cabang", town: `Kota Uji ${b + 1}`, province_code: province, regency_code: `${province}.71`, time_zone: zone, lat: -2 + b * 0.1, lng: 110 + b * 0.2, verification: "unverified", created_at: at, updated_at: at });
    branchIds.push(branchId);
    staffIds.push(addUser({ email: `staf.b${b + 1}@bench.id`, name: `Staf Uji ${b + 1}`, password_hash: "x", role: "branch_staff", region_id: null, branch_id: branchId, market_id: null, created_at: at, updated_at: at }));
    addTarget({ branch_id: branchId, year, markets_with_mou: 2 + (b % 3), traders_enrolled: 5_000 + ((b * 777) % 4_000), monthly_collections: 15_000_000 + ((b * 3_100_000) % 25_000_000), set_by_user_id: headId, updated_at: at });
    const collectingCount = Math.round(scale.marketsPerBranch * (0.45 + ((b * 7) % 10) / 30));
    for (let k = 0; k < scale.marketsPerBranch; k += 1) {
      marketNumber += 1;
      const isCollecting = k < collectingCount;
      // A few branches work mostly with privately run markets: they miss the government-run MoU target.
      const governmentRun = b % 10 === 7 || (b % 10 === 3 && k > 0) ? 0 : 1;
      const stage = isCollecting ? "collecting" : sideStages[(k - collectingCount) % sideStages.length];
      const marketCode = `M${String(marketNumber).padStart(3, "0")}`;
      const marketId = addMarket({ branch_id: branchId, code: `BENCH-${marketCode}`, name: `Pasar Uji ${marketNumber}`, regency_name: `Kota Uji ${b + 1}`, regency_code: `${province}.71`, lat: -2 + b * 0.1 + k * 0.002, lng: 110 + b * 0.2, coord_precision: "town", government_run: governmentRun, operator_type: "dinas_upt", operator_name: `UPT Pasar Uji ${marketNumber}`, stall_estimate: 600, trader_estimate: 700, stage, created_at: at, updated_at: at });
      if (stage === "collecting" || stage === "mou_signed") {
        const from = addDays(businessDate(now, zone), -380);
        const expires = addDays(businessDate(now, zone), k % 6 === 0 ? 40 : 350);
        addMou({ market_id: marketId, number: `MOU/${code}/${year}/${String(k + 1).padStart(3, "0")}`, number_year: year, number_sequence: k + 1, status: "signed", counterparty_type: "dinas_upt", counterparty_name: `UPT Pasar Uji ${marketNumber}`, drafted_on: from, signed_on: from, in_force_from: from, expires_on: expires, collection_frequency: "daily", deposit_schedule: "mingguan", collector_fee_basis_points: 500, scan_sha256: k % 5 === 0 ? null : "0".repeat(64), created_by_user_id: staffIds[b], created_at: at, updated_at: at });
      }
      if (isCollecting) {
        const collectorId = addUser({ email: `kolektor.${marketCode.toLowerCase()}@bench.id`, name: `Kolektor ${marketCode}`, password_hash: "x", role: "market_collector", region_id: null, branch_id: null, market_id: marketId, created_at: at, updated_at: at });
        collecting.push({ id: marketId, branch: b, code: `B${String(b + 1).padStart(2, "0")}-${marketCode}`, zone, collectorId, weight: 0.5 + random.next(), defaulting: b % 4 === 0 && k === 1 });
      }
    }
  }

  // Visits: each branch has some done, some planned this week and a few overdue.
  const addVisit = insert("visits", ["market_id", "planned_date", "planned_time", "purpose", "status", "created_by_user_id", "created_at", "updated_at", "traders_socialised", "traders_enrolled"]);
  const addVisitStaff = sqlite.prepare("insert into visit_staff (visit_id, user_id) values (?, ?)");
  sqlite.transaction(() => {
    for (const market of collecting) {
      const staffId = staffIds[market.branch];
      const today = businessDate(now, market.zone);
      for (const offset of [-60, -30, -12, -3, 2, 5]) {
        const status = offset < -5 ? "done" : "planned";
        const visitId = addVisit({ market_id: market.id, planned_date: addDays(today, offset), planned_time: "09:00", purpose: "collection_check", status, created_by_user_id: staffId, created_at: at, updated_at: at, traders_socialised: status === "done" ? 20 : null, traders_enrolled: status === "done" ? 5 : null });
        addVisitStaff.run(visitId, staffId);
      }
    }
  })();

  // Traders, weighted over the collecting markets, enrolled through the year.
  const totalWeight = collecting.reduce((sum, market) => sum + market.weight, 0);
  const addTrader = sqlite.prepare(
    `insert into traders (market_id, nik, full_name, sex, birth_date, commodity, nominal, jht, payer_type, status, enrolled_by_user_id, enrolled_at, coverage_start_month, created_at, updated_at)
     values (?, ?, ?, ?, '1980-01-01', 'groceries', 1000000, 0, ?, ?, ?, ?, ?, ?, ?)`,
  );
  /** Per market: the collectable traders (registered, self-paying) and the day index each joined. */
  const payers = new Map<number, { ids: number[]; joined: number[] }>();
  let traderCount = 0;
  sqlite.transaction(() => {
    for (const [index, market] of collecting.entries()) {
      const count = index === collecting.length - 1 ? scale.traders - traderCount : Math.round((scale.traders * market.weight) / totalWeight);
      const list = { ids: [] as number[], joined: [] as number[] };
      // Sorted join days, so "enrolled by day d" is a prefix of the list.
      const joins = Array.from({ length: count }, () => Math.floor(Math.pow(random.next(), 0.8) * scale.days)).sort((a, b) => a - b);
      for (const day of joins) {
        traderCount += 1;
        const enrolledAt = new Date(now.getTime() - (scale.days - day) * 86_400_000).toISOString();
        const registered = random.next() < 0.96;
        const payer = random.next() < 0.92 ? "mandiri" : "apbd";
        const result = addTrader.run(market.id, `64${String(traderCount).padStart(14, "0")}`, `Pedagang Uji ${traderCount}`, traderCount % 2 ? "F" : "M", payer, registered ? "registered" : "prospect", market.collectorId, enrolledAt, enrolledAt.slice(0, 7), enrolledAt, enrolledAt);
        if (registered && payer === "mandiri") {
          list.ids.push(Number(result.lastInsertRowid));
          list.joined.push(day);
        }
      }
      payers.set(market.id, list);
    }
  })();
  log(`  traders: ${traderCount}`);

  // The ledger, day by day: each day every collecting market takes payments from a share of its traders.
  let traderDays = 0;
  for (const market of collecting) for (const day of payers.get(market.id)!.joined) traderDays += scale.days - day;
  const payShare = scale.entries / traderDays;
  const addEntry = sqlite.prepare(
    `insert into collection_entries (id, trader_id, market_id, collector_user_id, business_date, amount, receipt_number, receipt_sequence, idempotency_key, kind, reverses_entry_id, reason, collected_at, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addDay = sqlite.prepare(
    `insert into collection_days (market_id, business_date, status, last_receipt_sequence, counted_cash, recorded_total, variance, note, closed_by_user_id, closed_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addSummary = sqlite.prepare("insert into daily_market_collections (market_id, business_date, entries_count, total_amount, updated_at) values (?, ?, ?, ?, ?)");
  const addDeposit = sqlite.prepare(
    `insert into deposits (market_id, channel, reference, amount, deposit_date, status, recorded_by_user_id, recorded_at, verified_by_user_id, verified_at) values (?, 'BRI', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addDepositDay = sqlite.prepare("insert into deposit_days (deposit_id, market_id, business_date) values (?, ?, ?)");
  const amounts = [500, 1_000, 1_000, 2_000, 3_000, 5_000, 8_400];
  const undeposited = new Map<number, { date: string; counted: number }[]>(collecting.map((market) => [market.id, []]));
  let entryId = 0;
  const started = performance.now();
  const pool: number[] = [];
  const todayIn = new Map(collecting.map((market) => [market.zone, businessDate(now, market.zone)]));
  for (let day = 0; day < scale.days; day += 1) {
    sqlite.transaction(() => {
      for (const market of collecting) {
        const date = addDays(todayIn.get(market.zone)!, day - scale.days + 1);
        const isToday = day === scale.days - 1;
        const { ids, joined } = payers.get(market.id)!;
        let eligible = 0;
        while (eligible < ids.length && joined[eligible] <= day) eligible += 1;
        const count = Math.min(eligible, Math.round(eligible * payShare * (0.8 + random.next() * 0.4)));
        if (count === 0) continue;
        pool.length = 0;
        for (let i = 0; i < eligible; i += 1) pool.push(ids[i]);
        const dayStart = Date.parse(`${date}T00:00:00Z`) - OFFSET_HOURS[market.zone] * 3_600_000;
        const compact = date.replace(/-/g, "");
        let total = 0;
        let sequence = 0;
        for (let i = 0; i < count; i += 1) {
          const pick = i + Math.floor(random.next() * (eligible - i));
          [pool[i], pool[pick]] = [pool[pick], pool[i]];
          const amount = amounts[Math.floor(random.next() * amounts.length)];
          const collectedAt = new Date(dayStart + (6 * 3600 + Math.floor(random.next() * 8 * 3600)) * 1000).toISOString();
          entryId += 1;
          sequence += 1;
          total += amount;
          addEntry.run(entryId, pool[i], market.id, market.collectorId, date, amount, `${market.code}-${compact}-${String(sequence).padStart(4, "0")}`, sequence, `g-${entryId}`, "payment", null, null, collectedAt, collectedAt);
          // About one entry in a thousand is a mistake, reversed the same day.
          if (random.next() < 0.001) {
            entryId += 1;
            sequence += 1;
            total -= amount;
            addEntry.run(entryId, pool[i], market.id, market.collectorId, date, -amount, `${market.code}-${compact}-${String(sequence).padStart(4, "0")}`, sequence, `reversal:${entryId - 1}`, "reversal", entryId - 1, "Salah catat", collectedAt, collectedAt);
          }
        }
        addSummary.run(market.id, date, sequence, total, at);
        // Today stays open; a few markets have not closed their last two days either.
        const open = isToday || (market.defaulting && day >= scale.days - 3);
        const variance = !open && random.next() < 0.02 ? -500 : 0;
        const closedAt = new Date(dayStart + 15 * 3_600_000).toISOString();
        addDay.run(market.id, date, open ? "open" : "closed", sequence, open ? null : total + variance, open ? null : total, open ? null : variance, variance ? "Uang kembalian kurang" : null, open ? null : market.collectorId, open ? null : closedAt, closedAt, closedAt);
        if (!open) undeposited.get(market.id)!.push({ date, counted: total + variance });
        // A deposit every other day covers the closed days so far; "defaulting" markets stopped ten days ago.
        const stopped = market.defaulting && day > scale.days - 11;
        if (day % 2 === 1 && !stopped && undeposited.get(market.id)!.length > 0) {
          const days = undeposited.get(market.id)!;
          const amount = days.reduce((sum, d) => sum + d.counted, 0);
          const verified = day < scale.days - 14;
          const recordedAt = new Date(dayStart + 16 * 3_600_000).toISOString();
          const depositId = Number(addDeposit.run(market.id, `BRI-${market.id}-${compact}`, amount, date, verified ? "verified" : "recorded", market.collectorId, recordedAt, verified ? headId : null, verified ? recordedAt : null).lastInsertRowid);
          for (const covered of days) addDepositDay.run(depositId, market.id, covered.date);
          days.length = 0;
        }
      }
    })();
    if (day % 30 === 29) log(`  ledger: day ${day + 1}/${scale.days}, ${entryId} entries, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();

  // Coverage snapshots through the app's own refresh, so they follow the same rules as production.
  const db = openDatabase(`file:${file}`);
  const written = await refreshAllCoverage(db, now);
  await db.destroy();
  log(`  trader_coverage rows: ${written}`);
  return { anchor: at, regionId, branchIds, headEmail, staffEmail: "staf.b1@bench.id", entries: entryId, traders: traderCount, markets: marketNumber };
}
