import PDFDocument from "pdfkit";
import ExcelJS from "exceljs";
import type { MonthlyReport } from "../models/dashboard.server";
import type { Behind } from "../domain/dashboard";
import { formatDate, formatDateTime } from "../domain/business-day";
import { formatInteger, formatRupiah } from "../domain/money";
import { formatMonth, formatPercent } from "../domain/month-format";
import { translate, type MessageKey } from "../i18n";

// The monthly report as files to send upward, always in Indonesian: the headline figures, the branch table (or,
// for one branch, its market table) and the numbers behind each chart. Both files are built from the same tables;
// the PDF formats the numbers, the workbook keeps them as numbers.

type Kind = "text" | "integer" | "rupiah";
type Cell = string | number | null;

interface ReportTable {
  title: string;
  /** The XLSX sheet's name when the title is longer than Excel's 31 characters. */
  sheet?: string;
  headers: string[];
  kinds: Kind[];
  rows: Cell[][];
}

const id = (key: MessageKey, vars?: Record<string, string | number>) => translate("id", key, vars);
const behindText = (behind: Behind[]) => (behind.length ? behind.map((what) => id(`dashboard.behind.${what}`)).join(", ") : id("dashboard.table.onTrack"));
const light = (value: string | null | undefined) => (value ? id(`dashboard.light.${value as "green" | "amber" | "red"}`) : "");

export function reportTitle(report: MonthlyReport): string {
  return `Laporan bulanan ${report.place ?? "seluruh wilayah"} — ${formatMonth(report.month)}`;
}

/** The report's content as tables, shared by the PDF and the workbook. */
export function reportTables(report: MonthlyReport): ReportTable[] {
  const { headline } = report;
  const tables: ReportTable[] = [
    {
      title: "Angka utama",
      headers: ["Angka", "Nilai"],
      kinds: ["text", "text"],
      rows: [
        ["Cabang memenuhi target pasar", `${headline.unitsMeetingMouTarget} dari ${headline.units}`],
        ["Pasar pemerintah ber-MoU berlaku / jumlah target", `${headline.mouMarkets} / ${headline.mouTarget}`],
        ["Pedagang terdaftar", `${formatInteger(headline.registered)}${headline.tradersTarget != null ? ` / target ${formatInteger(headline.tradersTarget)}` : ""}`],
        ["Iuran terkumpul bulan ini", formatRupiah(headline.collections.thisMonth)],
        ["Iuran bulan sebelumnya", formatRupiah(headline.collections.lastMonth)],
        ["Perubahan dibanding bulan sebelumnya (s.d. tanggal yang sama)", headline.collectionsChange == null ? "-" : formatPercent(headline.collectionsChange, "id", { signed: true })],
        [`Kas belum disetor (per ${formatDate(report.generatedAt.slice(0, 10))})`, formatRupiah(headline.cash.inHand)],
        ["Kas tertua belum disetor", headline.cash.oldestDate ? `${formatDate(headline.cash.oldestDate)} (${headline.cash.oldestMarket})` : "-"],
        [
          `Peserta aktif / menunggak / nonaktif / belum bayar${report.participantsAsOf ? ` (status per ${formatDate(report.participantsAsOf)})` : ""}`,
          `${headline.participants.aktif} / ${headline.participants.menunggak} / ${headline.participants.nonaktif} / ${headline.participants.belum_bayar}`,
        ],
        ["Cabang belum mencapai target", `${headline.unitsBehind} dari ${headline.units}`],
      ],
    },
  ];
  if (report.markets) {
    tables.push({
      title: "Pasar",
      headers: ["Pasar", "Tahap", "MoU berlaku", "Pedagang terdaftar", "Aktif", "Perlu ditagih", "Iuran bulan ini", "Kas belum disetor"],
      kinds: ["text", "text", "text", "integer", "integer", "integer", "rupiah", "rupiah"],
      rows: report.markets.map((m) => [m.name, id(`stage.${m.stage}`), m.mouInForce ? "Ya" : "Tidak", m.registered, m.participants.aktif, m.arrears, m.collections.thisMonth, m.cash.inHand]),
    });
  } else {
    tables.push({
      title: "Cabang",
      headers: ["Cabang", "MoU / target", "Lampu MoU", "Pedagang", "Target pedagang", "Aktif", "Iuran bulan ini", "Iuran bulan lalu", "Kas belum disetor", "Tertinggal pada"],
      kinds: ["text", "text", "text", "integer", "integer", "integer", "rupiah", "rupiah", "rupiah", "text"],
      rows: report.rows.map((r) => [
        r.code,
        `${r.mou?.achieved ?? 0} / ${r.mou?.target ?? 0}`,
        light(r.mou?.light),
        r.registered,
        r.tradersTarget,
        r.participants.aktif,
        r.collections.thisMonth,
        r.collections.lastMonth,
        r.cash.inHand,
        behindText(r.behind),
      ]),
    });
  }
  const { charts } = report;
  tables.push(
    { title: "Iuran harian", headers: ["Tanggal", "Jumlah"], kinds: ["text", "rupiah"], rows: charts.daily.map((d) => [d.key, d.value]) },
    {
      title: "Corong tahapan pasar (saat laporan dibuat)",
      sheet: "Corong tahapan pasar",
      headers: ["Tahap", "Di tahap ini", "Sampai tahap ini atau lebih"],
      kinds: ["text", "integer", "integer"],
      rows: [
        ...charts.funnel.map((step): Cell[] => [id(`stage.${step.stage}`), step.at, step.reached]),
        [id("stage.declined"), charts.sideStages.declined, null],
        [id("stage.paused"), charts.sideStages.paused, null],
      ],
    },
    { title: "MoU berlaku per cabang dibanding target", sheet: "MoU per cabang", headers: ["Cabang", "MoU berlaku", "Target"], kinds: ["text", "integer", "integer"], rows: charts.mouByBranch.map((b) => [b.key, b.achieved, b.target]) },
    { title: "Pedagang terdaftar per bulan", headers: ["Bulan", "Terdaftar"], kinds: ["text", "integer"], rows: charts.enrolments.map((m) => [formatMonth(m.key), m.value]) },
  );
  return tables;
}

const formatCell = (value: Cell, kind: Kind) => (value == null ? "" : kind === "rupiah" ? formatRupiah(Number(value)) : kind === "integer" ? formatInteger(Number(value)) : String(value));

const MARGIN = 40;

export function renderReportPdf(report: MonthlyReport): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", layout: "landscape", margin: MARGIN, bufferPages: true, info: { Title: reportTitle(report), Author: "BPJS Ketenagakerjaan" } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - MARGIN * 2;
  const bottom = () => doc.page.height - MARGIN - 20;

  doc.font("Helvetica-Bold").fontSize(16).text(reportTitle(report));
  doc.font("Helvetica").fontSize(10).fillColor("#555555");
  doc.text(`Angka per ${formatDate(report.asOf)} · dibuat ${formatDateTime(report.generatedAt, "Asia/Makassar")}`).moveDown(0.8);
  doc.fillColor("#000000");

  for (const table of reportTables(report)) {
    const columnWidth = width / table.headers.length;
    const row = (cells: string[], bold: boolean) => {
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8.5);
      const heights = cells.map((cell) => doc.heightOfString(cell, { width: columnWidth - 6 }));
      const height = Math.max(...heights) + 4;
      if (doc.y + height > bottom()) doc.addPage();
      const top = doc.y;
      cells.forEach((cell, index) => {
        const align = table.kinds[index] === "text" ? "left" : "right";
        doc.text(cell, MARGIN + index * columnWidth + 3, top + 2, { width: columnWidth - 6, align });
      });
      doc.moveTo(MARGIN, top + height).lineTo(MARGIN + width, top + height).lineWidth(0.3).strokeColor("#bbbbbb").stroke();
      doc.x = MARGIN;
      doc.y = top + height;
    };
    if (doc.y + 60 > bottom()) doc.addPage();
    doc.font("Helvetica-Bold").fontSize(12).text(table.title, MARGIN, doc.y).moveDown(0.3);
    row(table.headers, true);
    for (const cells of table.rows) row(cells.map((cell, index) => formatCell(cell, table.kinds[index])), false);
    doc.moveDown(1);
  }

  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(range.start + index);
    doc.page.margins.bottom = 0;
    doc.font("Helvetica").fontSize(8).fillColor("#555555");
    doc.text(`${reportTitle(report)} — Halaman ${index + 1} dari ${range.count}`, MARGIN, doc.page.height - MARGIN + 8, { width, align: "center", lineBreak: false });
  }
  doc.end();
  return done;
}

export async function renderReportXlsx(report: MonthlyReport): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = reportTitle(report);
  workbook.creator = "Pasar Terlindungi";
  for (const table of reportTables(report)) {
    // Sheet names: at most 31 characters, no brackets (the full title heads the sheet).
    const sheet = workbook.addWorksheet((table.sheet ?? table.title).replace(/[()[\]*?:/\\]/g, "").slice(0, 31), { views: [{ state: "frozen", ySplit: 3 }] });
    sheet.addRow([table.title]).font = { bold: true, size: 13 };
    sheet.addRow([`${reportTitle(report)} · angka per ${formatDate(report.asOf)}`]);
    sheet.addRow(table.headers).font = { bold: true };
    for (const cells of table.rows) sheet.addRow(cells);
    table.kinds.forEach((kind, index) => {
      const column = sheet.getColumn(index + 1);
      column.width = Math.max(14, table.headers[index].length + 2);
      if (kind !== "text") column.numFmt = "#,##0";
    });
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
