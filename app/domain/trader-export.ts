import { translate } from "../i18n";
import type { CsvValue } from "./csv-safety";
import type { StoredTraderFields } from "./trader-form";

// The columns of the trader exports, always in Indonesian (the files go to BPJS systems and Indonesian
// spreadsheets). Pure: the model fetches the rows, csv-safety or exceljs write them.

export type ExportKind = "traders" | "collective";

export interface ExportSelection {
  marketId?: number;
  branchId?: number;
}

const positiveId = (value: string | null) => {
  const id = Number(value);
  return value && Number.isSafeInteger(id) && id > 0 ? id : undefined;
};

/** `?market=ID` or `?branch=ID`; neither = everything in the caller's scope. */
export function exportSelectionOf(params: URLSearchParams): ExportSelection {
  return { marketId: positiveId(params.get("market")), branchId: positiveId(params.get("branch")) };
}

export type ExportTrader = Omit<StoredTraderFields, "market_id" | "sponsor_programme_id" | "lat" | "lng"> & {
  market_name: string;
  programme_name: string | null;
  enrolled_at: string;
  monthPremium: number | null;
};

const yesNo = (value: number) => translate("id", value ? "common.yes" : "common.no");
/** Indonesian systems and people write mobile numbers nationally: +6281234567890 → 081234567890. */
const nationalPhone = (phone: string | null) => (phone ? phone.replace(/^\+62/, "0") : null);
const programmesOf = (trader: ExportTrader) => (trader.jht ? "JKK, JKM, JHT" : "JKK, JKM");
const payerOf = (trader: ExportTrader) =>
  [translate("id", `payer.${trader.payer_type}`), trader.programme_name].filter(Boolean).join(": ");

export interface ExportColumn {
  header: string;
  /** Text columns stay text in XLSX (a 16-digit NIK would lose digits as a number). */
  kind: "text" | "rupiah";
  value: (trader: ExportTrader) => CsvValue;
}

const TRADER_COLUMNS: ExportColumn[] = [
  { header: "Pasar", kind: "text", value: (t) => t.market_name },
  { header: "NIK", kind: "text", value: (t) => t.nik },
  { header: "Nama lengkap", kind: "text", value: (t) => t.full_name },
  { header: "Jenis kelamin", kind: "text", value: (t) => (t.sex === "F" ? "P" : "L") },
  { header: "Tanggal lahir", kind: "text", value: (t) => t.birth_date },
  { header: "No. HP", kind: "text", value: (t) => nationalPhone(t.phone) },
  { header: "WhatsApp", kind: "text", value: (t) => yesNo(t.whatsapp) },
  { header: "Lapak", kind: "text", value: (t) => t.stall },
  { header: "Komoditas", kind: "text", value: (t) => translate("id", `commodity.${t.commodity}`) },
  { header: "Nominal penghasilan", kind: "rupiah", value: (t) => t.nominal },
  { header: "Program", kind: "text", value: programmesOf },
  { header: "Pembayar iuran", kind: "text", value: payerOf },
  { header: "KPJ", kind: "text", value: (t) => t.kpj },
  { header: "Status", kind: "text", value: (t) => translate("id", `traders.status.${t.status}`) },
  { header: "Mulai kepesertaan", kind: "text", value: (t) => t.coverage_start_month },
  { header: "Iuran bulan ini", kind: "rupiah", value: (t) => t.monthPremium },
  { header: "Tanggal daftar", kind: "text", value: (t) => t.enrolled_at.slice(0, 10) },
];

/** What the BPJS collective registration asks for. */
const COLLECTIVE_COLUMNS: ExportColumn[] = [
  { header: "NIK", kind: "text", value: (t) => t.nik },
  { header: "Nama lengkap", kind: "text", value: (t) => t.full_name },
  { header: "Tanggal lahir", kind: "text", value: (t) => t.birth_date },
  { header: "Jenis kelamin", kind: "text", value: (t) => (t.sex === "F" ? "P" : "L") },
  { header: "No. HP", kind: "text", value: (t) => nationalPhone(t.phone) },
  { header: "Nominal penghasilan", kind: "rupiah", value: (t) => t.nominal },
  { header: "Program", kind: "text", value: programmesOf },
  { header: "Pembayar iuran", kind: "text", value: payerOf },
  { header: "KPJ", kind: "text", value: (t) => t.kpj },
  { header: "Pasar", kind: "text", value: (t) => t.market_name },
  { header: "Lapak", kind: "text", value: (t) => t.stall },
];

export function exportColumns(kind: ExportKind): ExportColumn[] {
  return kind === "collective" ? COLLECTIVE_COLUMNS : TRADER_COLUMNS;
}

/** Header row, then one row per trader. */
export function exportTable(kind: ExportKind, traders: readonly ExportTrader[]): CsvValue[][] {
  const columns = exportColumns(kind);
  return [columns.map((column) => column.header), ...traders.map((trader) => columns.map((column) => column.value(trader)))];
}

/** `pedagang-pasar-flamboyan-2026-11-24.csv`: ASCII only, safe in a Content-Disposition header. */
export function exportFileName(kind: ExportKind, place: string, date: string, extension: "csv" | "xlsx"): string {
  const slug = place
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-");
  return `${kind === "collective" ? "registrasi-kolektif" : "pedagang"}-${slug || "semua"}-${date}.${extension}`;
}
