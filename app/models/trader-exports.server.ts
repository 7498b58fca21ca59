import ExcelJS from "exceljs";
import type { DB } from "../utils/db.server";
import type { Scope } from "../domain/scope";
import { businessDate } from "../domain/business-day";
import { toCsv } from "../domain/csv-safety";
import { quoteTrader } from "../domain/trader-form";
import {
  exportColumns,
  exportFileName,
  exportTable,
  type ExportKind,
  type ExportSelection,
  type ExportTrader,
} from "../domain/trader-export";
import { branchInScope, marketInScope } from "./scope.server";
import { loadRateTable } from "./rates.server";

// Trader exports as files: CSV (UTF-8 with BOM, formula cells neutralised) or XLSX. The collective
// registration export lists registered traders only: prospects are not yet to be registered with BPJS.

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
}

/**
 * The columns an export row needs (with markets, branches and sponsor_programmes joined); ExportTrader plus the
 * branch time zone for "this month". Shared with any other query that feeds the trader export columns.
 */
export const TRADER_EXPORT_SELECTION = [
  "markets.name as market_name",
  "branches.time_zone",
  "sponsor_programmes.name as programme_name",
  "traders.nik",
  "traders.full_name",
  "traders.sex",
  "traders.birth_date",
  "traders.phone",
  "traders.whatsapp",
  "traders.stall",
  "traders.commodity",
  "traders.nominal",
  "traders.jht",
  "traders.payer_type",
  "traders.kpj",
  "traders.status",
  "traders.coverage_start_month",
  "traders.enrolled_at",
] as const;

/** The name of what is exported (market, branch or the caller's whole area), or null when outside the scope. */
async function placeName(db: DB, scope: Scope, selection: ExportSelection): Promise<string | null> {
  if (selection.marketId != null) {
    const market = await db.selectFrom("markets").where(marketInScope(scope)).where("markets.id", "=", selection.marketId).select("name").executeTakeFirst();
    return market?.name ?? null;
  }
  if (selection.branchId != null) {
    const branch = await db.selectFrom("branches").where(branchInScope(scope)).where("branches.id", "=", selection.branchId).select("code").executeTakeFirst();
    return branch?.code ?? null;
  }
  return "semua";
}

async function exportRows(db: DB, scope: Scope, selection: ExportSelection, kind: ExportKind, now: Date): Promise<ExportTrader[]> {
  const [rows, table] = await Promise.all([
    db
      .selectFrom("traders")
      .innerJoin("markets", "markets.id", "traders.market_id")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .leftJoin("sponsor_programmes", "sponsor_programmes.id", "traders.sponsor_programme_id")
      .where(marketInScope(scope))
      .$if(selection.marketId != null, (qb) => qb.where("traders.market_id", "=", selection.marketId!))
      .$if(selection.branchId != null, (qb) => qb.where("markets.branch_id", "=", selection.branchId!))
      .$if(kind === "collective", (qb) => qb.where("traders.status", "=", "registered"))
      .select(TRADER_EXPORT_SELECTION)
      .orderBy("markets.name")
      .orderBy("traders.full_name")
      .orderBy("traders.id")
      .execute(),
    loadRateTable(db),
  ]);
  return rows.map(({ time_zone, ...row }) => ({
    ...row,
    monthPremium: quoteTrader({ nominal: row.nominal, jht: row.jht, payerType: row.payer_type }, businessDate(now, time_zone).slice(0, 7), table)?.total ?? null,
  }));
}

async function xlsxOf(kind: ExportKind, traders: ExportTrader[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(kind === "collective" ? "Registrasi kolektif" : "Pedagang", { views: [{ state: "frozen", ySplit: 1 }] });
  const columns = exportColumns(kind);
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: Math.max(12, column.header.length + 4),
    style: column.kind === "rupiah" ? { numFmt: "#,##0" } : { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };
  // Values go in as typed: text cells are never read as formulas in XLSX, so nothing needs neutralising.
  for (const row of exportTable(kind, traders).slice(1)) sheet.addRow(row.map((value) => value ?? null));
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The export file for a market (`marketId`), a branch (`branchId`) or the whole scope; null when outside it. */
export async function exportTraders(
  db: DB,
  scope: Scope,
  kind: ExportKind,
  format: "csv" | "xlsx",
  selection: ExportSelection,
  now = new Date(),
): Promise<ExportFile | null> {
  const place = await placeName(db, scope, selection);
  if (place == null) return null;
  const traders = await exportRows(db, scope, selection, kind, now);
  const fileName = exportFileName(kind, place, businessDate(now, "Asia/Pontianak"), format);
  if (format === "xlsx") {
    return { fileName, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: await xlsxOf(kind, traders) };
  }
  return { fileName, contentType: "text/csv; charset=utf-8", body: new TextEncoder().encode(toCsv(exportTable(kind, traders))) };
}
