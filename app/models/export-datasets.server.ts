import { TRADER_EXPORT_SELECTION } from "./trader-exports.server";
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from "kysely";
import type { DB } from "../utils/db.server";
import type { Database, MouStoredStatus } from "../../db/schema";
import type { Scope } from "../domain/scope";
import type { CsvValue } from "../domain/csv-safety";
import type { Dataset, ExportFilter } from "../domain/data-export";
import type { PremiumMonth } from "../domain/premium";
import { businessDate } from "../domain/business-day";
import { localClock } from "../domain/data-export";
import { addDays } from "../domain/visit-status";
import { effectiveMouStatus } from "../domain/mou-status";
import { exportColumns, type ExportTrader } from "../domain/trader-export";
import { translate, type MessageKey } from "../i18n";
import { marketInScope } from "./scope.server";
import { loadRateTable } from "./rates.server";
import { premiumScheduleFor } from "./coverage.server";

// The six exportable datasets: for each, its columns (always Indonesian: the files go upward and into Indonesian
// spreadsheets) and one keyset page query. The streaming itself is exports.server.ts.

export interface ExportColumn<Row> {
  header: string;
  /** Text stays text in XLSX (a 16-digit NIK would lose digits as a number). */
  kind: "text" | "rupiah" | "number";
  value: (row: Row) => CsvValue;
}

export interface DatasetDefinition<Row> {
  /** File name prefix. */
  file: string;
  sheet: string;
  columns: ExportColumn<Row>[];
  /** Without from/to, export the current month (the ledger). */
  defaultsToThisMonth?: boolean;
  /** Every row in scope, page by page. */
  pages: (db: DB, scope: Scope, filter: ExportFilter, now: Date) => AsyncGenerator<Row[]>;
}

export const EXPORT_PAGE_SIZE = 5_000;

/** Every row of a keyset-paginated query, one page at a time: each page starts after the last row of the one before. */
export async function* keysetPages<Row>(
  fetchPage: (after: Row | null, limit: number) => Promise<Row[]>,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<Row[]> {
  let after: Row | null = null;
  for (;;) {
    const rows = await fetchPage(after, pageSize);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1];
  }
}

/** A dataset whose pages come from one keyset page query. */
function paged<Row>(
  definition: Omit<DatasetDefinition<Row>, "pages"> & {
    page: (db: DB, scope: Scope, filter: ExportFilter, after: Row | null, limit: number, now: Date) => Promise<Row[]>;
  },
): DatasetDefinition<Row> {
  const { page, ...rest } = definition;
  return { ...rest, pages: (db, scope, filter, now) => keysetPages((after, limit) => page(db, scope, filter, after, limit, now)) };
}
const id = (key: MessageKey) => translate("id", key);
const yesNo = (value: number) => id(value ? "common.yes" : "common.no");

/** The scope and the `?branch=`/`?market=` filter, on the markets table. */
function inPlace(scope: Scope, filter: ExportFilter) {
  return (eb: ExpressionBuilder<Database, "markets">): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [marketInScope(scope)(eb)];
    if (filter.branchId != null) conditions.push(eb("markets.branch_id", "=", filter.branchId));
    if (filter.marketId != null) conditions.push(eb("markets.id", "=", filter.marketId));
    return eb.and(conditions);
  };
}

/** Markets with their branch, in the caller's scope and the requested place. */
function placed(db: DB, scope: Scope, filter: ExportFilter) {
  return db.selectFrom("markets").innerJoin("branches", "branches.id", "markets.branch_id").where(inPlace(scope, filter));
}

type ById = { id: number } | null;

const marketsPage = (db: DB, scope: Scope, filter: ExportFilter, after: ById, limit: number) =>
  placed(db, scope, filter)
    .$if(after != null, (qb) => qb.where("markets.id", ">", after!.id))
    .select([
      "markets.id",
      "markets.code",
      "markets.name",
      "branches.code as branch_code",
      "markets.regency_name",
      "markets.regency_code",
      "markets.government_run",
      "markets.operator_type",
      "markets.operator_name",
      "markets.stage",
      "markets.stall_estimate",
      "markets.trader_estimate",
      "markets.lat",
      "markets.lng",
      "markets.coord_precision",
    ])
    .orderBy("markets.id")
    .limit(limit)
    .execute();

const markets = paged({
  file: "pasar",
  sheet: "Pasar",
  page: marketsPage,
  columns: [
    { header: "Kode", kind: "text", value: (m) => m.code },
    { header: "Nama pasar", kind: "text", value: (m) => m.name },
    { header: "Cabang", kind: "text", value: (m) => m.branch_code },
    { header: "Kabupaten/kota", kind: "text", value: (m) => m.regency_name },
    { header: "Kode wilayah", kind: "text", value: (m) => m.regency_code },
    { header: "Dikelola pemerintah", kind: "text", value: (m) => yesNo(m.government_run) },
    { header: "Jenis pengelola", kind: "text", value: (m) => id(`operator.${m.operator_type}`) },
    { header: "Nama pengelola", kind: "text", value: (m) => m.operator_name },
    { header: "Tahap", kind: "text", value: (m) => id(`stage.${m.stage}`) },
    { header: "Perkiraan lapak", kind: "number", value: (m) => m.stall_estimate },
    { header: "Perkiraan pedagang", kind: "number", value: (m) => m.trader_estimate },
    { header: "Lintang", kind: "text", value: (m) => (m.lat == null ? null : String(m.lat)) },
    { header: "Bujur", kind: "text", value: (m) => (m.lng == null ? null : String(m.lng)) },
    { header: "Ketepatan koordinat", kind: "text", value: (m) => id(`precision.${m.coord_precision}`) },
  ],
});

async function mousPage(db: DB, scope: Scope, filter: ExportFilter, after: ById, limit: number, now: Date) {
  const rows = await placed(db, scope, filter)
    .innerJoin("mous", "mous.market_id", "markets.id")
    .$if(after != null, (qb) => qb.where("mous.id", ">", after!.id))
    .select([
      "mous.id",
      "mous.number",
      "markets.name as market_name",
      "branches.code as branch_code",
      "branches.time_zone",
      "mous.status",
      "mous.counterparty_name",
      "mous.counterparty_type",
      "mous.signed_on",
      "mous.in_force_from",
      "mous.expires_on",
      "mous.collection_frequency",
      "mous.collector_fee_basis_points",
      "mous.target_traders",
      "mous.terminated_on",
      "mous.scan_sha256",
    ])
    .orderBy("mous.id")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    ...row,
    effective: effectiveMouStatus({ ...row, status: row.status as MouStoredStatus }, businessDate(now, row.time_zone)),
  }));
}

const mous = paged({
  file: "mou",
  sheet: "MoU",
  page: mousPage,
  columns: [
    { header: "Nomor", kind: "text", value: (m) => m.number },
    { header: "Pasar", kind: "text", value: (m) => m.market_name },
    { header: "Cabang", kind: "text", value: (m) => m.branch_code },
    { header: "Status", kind: "text", value: (m) => id(`mou.status.${m.effective}`) },
    { header: "Pihak kedua", kind: "text", value: (m) => m.counterparty_name },
    { header: "Jenis pihak kedua", kind: "text", value: (m) => id(`operator.${m.counterparty_type}`) },
    { header: "Ditandatangani", kind: "text", value: (m) => m.signed_on },
    { header: "Berlaku dari", kind: "text", value: (m) => m.in_force_from },
    { header: "Berakhir", kind: "text", value: (m) => m.expires_on },
    { header: "Frekuensi pungutan", kind: "text", value: (m) => id(`mou.frequency.${m.collection_frequency}`) },
    { header: "Imbal jasa (basis poin)", kind: "number", value: (m) => m.collector_fee_basis_points },
    { header: "Target pedagang", kind: "number", value: (m) => m.target_traders },
    { header: "Diakhiri", kind: "text", value: (m) => m.terminated_on },
    { header: "Pindaian bertanda tangan", kind: "text", value: (m) => yesNo(m.scan_sha256 ? 1 : 0) },
  ],
});

const visitsPage = (db: DB, scope: Scope, filter: ExportFilter, after: ById, limit: number) =>
  placed(db, scope, filter)
    .innerJoin("visits", "visits.market_id", "markets.id")
    .$if(filter.from != null, (qb) => qb.where("visits.planned_date", ">=", filter.from!))
    .$if(filter.to != null, (qb) => qb.where("visits.planned_date", "<=", filter.to!))
    .$if(after != null, (qb) => qb.where("visits.id", ">", after!.id))
    .select([
      "visits.id",
      "visits.planned_date",
      "visits.planned_time",
      "markets.name as market_name",
      "branches.code as branch_code",
      "branches.time_zone",
      "visits.purpose",
      "visits.status",
      "visits.checked_in_at",
      "visits.check_in_distance_m",
      "visits.people_met",
      "visits.traders_socialised",
      "visits.traders_enrolled",
      "visits.outcome_notes",
      "visits.next_step",
      "visits.cancel_reason",
    ])
    .orderBy("visits.id")
    .limit(limit)
    .execute();

const visits = paged({
  file: "kunjungan",
  sheet: "Kunjungan",
  page: visitsPage,
  columns: [
    { header: "Tanggal", kind: "text", value: (v) => v.planned_date },
    { header: "Jam", kind: "text", value: (v) => v.planned_time },
    { header: "Pasar", kind: "text", value: (v) => v.market_name },
    { header: "Cabang", kind: "text", value: (v) => v.branch_code },
    { header: "Tujuan", kind: "text", value: (v) => id(`visits.purpose.${v.purpose}`) },
    { header: "Status", kind: "text", value: (v) => id(`visits.status.${v.status}`) },
    { header: "Check-in", kind: "text", value: (v) => (v.checked_in_at ? localClock(v.checked_in_at, v.time_zone) : null) },
    { header: "Jarak check-in (m)", kind: "number", value: (v) => (v.check_in_distance_m == null ? null : Math.round(v.check_in_distance_m)) },
    { header: "Orang yang ditemui", kind: "text", value: (v) => v.people_met },
    { header: "Pedagang disosialisasi", kind: "number", value: (v) => v.traders_socialised },
    { header: "Pedagang didaftarkan", kind: "number", value: (v) => v.traders_enrolled },
    { header: "Catatan hasil", kind: "text", value: (v) => v.outcome_notes },
    { header: "Langkah berikutnya", kind: "text", value: (v) => v.next_step },
    { header: "Alasan batal", kind: "text", value: (v) => v.cancel_reason },
  ],
});

async function tradersPage(
  db: DB,
  scope: Scope,
  filter: ExportFilter,
  after: ById,
  limit: number,
  now: Date,
): Promise<(ExportTrader & { id: number })[]> {
  const [rows, rates] = await Promise.all([
    placed(db, scope, filter)
      .innerJoin("traders", "traders.market_id", "markets.id")
      .leftJoin("sponsor_programmes", "sponsor_programmes.id", "traders.sponsor_programme_id")
      .$if(after != null, (qb) => qb.where("traders.id", ">", after!.id))
      .select(["traders.id", ...TRADER_EXPORT_SELECTION])
      .orderBy("traders.id")
      .limit(limit)
      .execute(),
    loadRateTable(db),
  ]);
  // Traders share a handful of profiles: quote each profile once per page.
  const schedules = new Map<string, (month: PremiumMonth) => number>();
  return rows.map(({ time_zone, ...row }) => {
    const profile = `${row.nominal}|${row.jht}|${row.payer_type}`;
    if (!schedules.has(profile)) schedules.set(profile, premiumScheduleFor(row, rates));
    const premium = schedules.get(profile)!(businessDate(now, time_zone).slice(0, 7));
    return { ...row, monthPremium: premium || null };
  });
}

/** The trader registry with the trader module's own columns (the same file as /traders/export, streamed). */
const traders = paged({
  file: "pedagang",
  sheet: "Pedagang",
  page: tradersPage,
  columns: exportColumns("traders"),
});

const KIND_LABEL = { payment: "Pembayaran", reversal: "Pembatalan" } as const;

/**
 * The range of ledger ids that can hold entries of the date range: the first and last id of each of its days,
 * one index seek each on collection_entries_date_idx. Entries of a day are written on that day or later (a
 * reversal or a late sync), so every entry of the range lies between the two.
 */
async function ledgerIdRange(db: DB, from: string, to: string) {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  const firstAndLast = await Promise.all(
    days.flatMap((day) =>
      (["asc", "desc"] as const).map((order) =>
        db.selectFrom("collection_entries").where("business_date", "=", day).select("id").orderBy("id", order).limit(1).executeTakeFirst(),
      ),
    ),
  );
  const ids = firstAndLast.flatMap((row) => (row ? [row.id] : []));
  return ids.length ? { first: Math.min(...ids), last: Math.max(...ids) } : null;
}

/**
 * One page of the ledger after `after`, in ledger (id) order: a walk along the table itself, the cheapest read
 * there is. The no-op "+" and "|| ''" keep SQLite off the market and date indexes, which would mean a random
 * lookup per row or a sort per page.
 */
const ledgerPage = (db: DB, scope: Scope, filter: ExportFilter, ids: { first: number; last: number }, after: { id: number } | null, limit: number) =>
  db
    .selectFrom("collection_entries as e")
    .where("e.id", ">", after?.id ?? ids.first - 1)
    .where("e.id", "<=", ids.last)
    .where(sql<number>`+e.market_id`, "in", placed(db, scope, filter).select("markets.id"))
    .where(sql<string>`e.business_date || ''`, ">=", filter.from!)
    .where(sql<string>`e.business_date || ''`, "<=", filter.to!)
    .select([
      "e.id",
      "e.business_date",
      "e.receipt_number",
      "e.amount",
      "e.market_id",
      "e.collector_user_id",
      "e.reverses_entry_id",
      "e.collected_at",
      "e.reason",
      "e.trader_id",
    ])
    .orderBy("e.id")
    .limit(limit)
    .execute();

type LedgerRow = Awaited<ReturnType<typeof ledgerPage>>[number];

interface CollectionRow extends LedgerRow {
  nik: string;
  full_name: string;
  market_name: string;
  branch_code: string;
  time_zone: string;
  collector_name: string;
  reverses_receipt: string | null;
}

/**
 * The ledger of a date range in the order it was recorded. Per row, SQL reads the entry and its trader; market,
 * branch and collector names come from maps loaded once, and the receipt a reversal cancels from one small query
 * per page. Rows are completed in place (no copies): a month of a region is millions of them.
 */
async function* collectionPages(db: DB, scope: Scope, filter: ExportFilter): AsyncGenerator<CollectionRow[]> {
  const [places, users, ids] = await Promise.all([
    placed(db, scope, filter).select(["markets.id", "markets.name", "branches.code", "branches.time_zone"]).execute(),
    db.selectFrom("users").select(["id", "name"]).execute(),
    ledgerIdRange(db, filter.from!, filter.to!),
  ]);
  if (places.length === 0 || !ids) return;
  const markets = new Map(places.map((place) => [place.id, place]));
  const collectors = new Map(users.map((user) => [user.id, user.name]));
  for await (const rows of keysetPages<LedgerRow>((after, limit) => ledgerPage(db, scope, filter, ids, after, limit))) {
    const reversed = rows.flatMap((row) => (row.reverses_entry_id == null ? [] : [row.reverses_entry_id]));
    const traderIds = [...new Set(rows.map((row) => row.trader_id))];
    const traders = new Map(
      (await db.selectFrom("traders").where("id", "in", traderIds).select(["id", "nik", "full_name"]).execute()).map((t) => [t.id, t]),
    );
    const originals = new Map(
      reversed.length
        ? (await db.selectFrom("collection_entries").where("id", "in", reversed).select(["id", "receipt_number"]).execute()).map((row) => [
            row.id,
            row.receipt_number,
          ])
        : [],
    );
    for (const row of rows as CollectionRow[]) {
      const market = markets.get(row.market_id)!;
      const trader = traders.get(row.trader_id)!;
      row.nik = trader.nik;
      row.full_name = trader.full_name;
      row.market_name = market.name;
      row.branch_code = market.code;
      row.time_zone = market.time_zone;
      row.collector_name = collectors.get(row.collector_user_id) ?? "";
      row.reverses_receipt = row.reverses_entry_id == null ? null : originals.get(row.reverses_entry_id) ?? null;
    }
    yield rows as CollectionRow[];
  }
}

const collections: DatasetDefinition<CollectionRow> = {
  file: "iuran",
  sheet: "Iuran",
  defaultsToThisMonth: true,
  pages: (db, scope, filter) => collectionPages(db, scope, filter),
  columns: [
    { header: "Tanggal usaha", kind: "text", value: (e) => e.business_date },
    { header: "No. kwitansi", kind: "text", value: (e) => e.receipt_number },
    { header: "Jenis", kind: "text", value: (e) => (e.reverses_entry_id == null ? KIND_LABEL.payment : KIND_LABEL.reversal) },
    { header: "Jumlah", kind: "rupiah", value: (e) => e.amount },
    { header: "Cabang", kind: "text", value: (e) => e.branch_code },
    { header: "Pasar", kind: "text", value: (e) => e.market_name },
    { header: "NIK", kind: "text", value: (e) => e.nik },
    { header: "Nama pedagang", kind: "text", value: (e) => e.full_name },
    { header: "Kolektor", kind: "text", value: (e) => e.collector_name },
    { header: "Waktu terima", kind: "text", value: (e) => localClock(e.collected_at, e.time_zone) },
    { header: "Membatalkan kwitansi", kind: "text", value: (e) => e.reverses_receipt },
    { header: "Alasan", kind: "text", value: (e) => e.reason },
  ],
};

async function depositsPage(db: DB, scope: Scope, filter: ExportFilter, after: ById, limit: number) {
  const rows = await placed(db, scope, filter)
    .innerJoin("deposits", "deposits.market_id", "markets.id")
    .innerJoin("users as recorder", "recorder.id", "deposits.recorded_by_user_id")
    .leftJoin("users as reviewer", "reviewer.id", "deposits.verified_by_user_id")
    .$if(filter.from != null, (qb) => qb.where("deposits.deposit_date", ">=", filter.from!))
    .$if(filter.to != null, (qb) => qb.where("deposits.deposit_date", "<=", filter.to!))
    .$if(after != null, (qb) => qb.where("deposits.id", ">", after!.id))
    .select([
      "deposits.id",
      "deposits.deposit_date",
      "markets.name as market_name",
      "branches.code as branch_code",
      "deposits.channel",
      "deposits.reference",
      "deposits.amount",
      "deposits.status",
      "recorder.name as recorded_by",
      "reviewer.name as reviewed_by",
      "deposits.rejection_reason",
      "deposits.note",
    ])
    .orderBy("deposits.id")
    .limit(limit)
    .execute();
  // The covered days in one query per page (string aggregation is not portable between SQLite and PostgreSQL).
  const days = new Map<number, string[]>();
  if (rows.length > 0) {
    const covered = await db
      .selectFrom("deposit_days")
      .where(
        "deposit_id",
        "in",
        rows.map((row) => row.id),
      )
      .select(["deposit_id", "business_date"])
      .orderBy("business_date")
      .execute();
    for (const day of covered) days.set(day.deposit_id, [...(days.get(day.deposit_id) ?? []), day.business_date]);
  }
  return rows.map((row) => ({ ...row, days: (days.get(row.id) ?? []).join(" ") }));
}

const deposits = paged({
  file: "setoran",
  sheet: "Setoran",
  page: depositsPage,
  columns: [
    { header: "Tanggal setor", kind: "text", value: (d) => d.deposit_date },
    { header: "Pasar", kind: "text", value: (d) => d.market_name },
    { header: "Cabang", kind: "text", value: (d) => d.branch_code },
    { header: "Saluran", kind: "text", value: (d) => d.channel },
    { header: "Referensi", kind: "text", value: (d) => d.reference },
    { header: "Jumlah", kind: "rupiah", value: (d) => d.amount },
    { header: "Status", kind: "text", value: (d) => id(`deposits.status.${d.status}`) },
    { header: "Hari yang disetor", kind: "text", value: (d) => d.days },
    { header: "Dicatat oleh", kind: "text", value: (d) => d.recorded_by },
    { header: "Diperiksa oleh", kind: "text", value: (d) => d.reviewed_by },
    { header: "Alasan penolakan", kind: "text", value: (d) => d.rejection_reason },
    { header: "Catatan", kind: "text", value: (d) => d.note },
  ],
});

export const DATASET_DEFINITIONS: Record<Dataset, DatasetDefinition<any>> = { markets, mous, visits, traders, collections, deposits };
