import PDFDocument from "pdfkit";
import type { MouDetail } from "../models/mous.server";
import { formatLongDate } from "../domain/business-day";
import { translate } from "../i18n";

// The MoU as an Indonesian PDF: parties, terms, signature blocks, page numbers; "DRAF" across every
// page until it is signed.

const MARGIN = 56;
const id = (key: Parameters<typeof translate>[1]) => translate("id", key);
const dateOrBlank = (date: string | null) => (date ? formatLongDate(date) : "....................");
const percent = (basisPoints: number) => `${(basisPoints / 100).toLocaleString("id-ID", { maximumFractionDigits: 2 })}%`;

export function renderMouPdf(mou: MouDetail, collectors: { name: string }[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, bufferPages: true, info: { Title: mou.number, Author: "BPJS Ketenagakerjaan" } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const isSigned = ["signed", "in_force", "expired"].includes(mou.effective_status);

  doc.font("Helvetica-Bold").fontSize(14).text("PERJANJIAN KERJA SAMA", { align: "center" });
  doc.fontSize(12).text("PEMUNGUTAN IURAN BPJS KETENAGAKERJAAN BAGI PEDAGANG PASAR", { align: "center" });
  doc.font("Helvetica").fontSize(11).text(`Nomor: ${mou.number}`, { align: "center" }).moveDown(1.5);

  const paragraph = (text: string) => doc.font("Helvetica").fontSize(11).text(text, { align: "justify" }).moveDown(0.6);
  const heading = (text: string) => doc.font("Helvetica-Bold").fontSize(11).text(text).moveDown(0.3);

  paragraph(`Pada hari ini, ${dateOrBlank(mou.signed_on)}, yang bertanda tangan di bawah ini:`);
  paragraph(
    `1. ${mou.branch_signatory_name ?? "...................."}, ${mou.branch_signatory_title ?? "...................."}, ` +
      `bertindak untuk dan atas nama ${mou.branch_name}, selanjutnya disebut PIHAK PERTAMA.`,
  );
  paragraph(
    `2. ${mou.counterparty_signatory_name ?? "...................."}, ${mou.counterparty_signatory_title ?? "...................."}, ` +
      `bertindak untuk dan atas nama ${mou.counterparty_name} (${id(`operator.${mou.counterparty_type}`)}), ` +
      `pengelola ${mou.market_name}, ${mou.regency_name}, selanjutnya disebut PIHAK KEDUA.`,
  );
  paragraph("Para pihak sepakat bekerja sama dalam perlindungan jaminan sosial ketenagakerjaan bagi pedagang pasar dengan ketentuan berikut.");

  heading("Pasal 1 — Ruang lingkup");
  paragraph(
    `PIHAK KEDUA membantu mendaftarkan pedagang ${mou.market_name} sebagai peserta Bukan Penerima Upah dan memungut iuran ` +
      `secara ${id(`mou.frequency.${mou.collection_frequency}`).toLowerCase()} dari pedagang yang bersedia.` +
      (mou.target_traders ? ` Target pedagang terdaftar: ${mou.target_traders.toLocaleString("id-ID")} orang.` : ""),
  );
  heading("Pasal 2 — Pemungutan dan penyetoran");
  paragraph(
    `Setiap pembayaran pedagang dicatat dan diberi tanda terima. Uang yang terkumpul disetor ${mou.deposit_schedule}. ` +
      `Kolektor yang ditunjuk: ${collectors.length ? collectors.map((c) => c.name).join(", ") : "...................."}.`,
  );
  heading("Pasal 3 — Imbal jasa");
  paragraph(`PIHAK KEDUA menerima imbal jasa sebesar ${percent(mou.collector_fee_basis_points)} dari iuran yang berhasil dipungut dan disetorkan.`);
  heading("Pasal 4 — Jangka waktu");
  paragraph(`Perjanjian ini berlaku sejak ${dateOrBlank(mou.in_force_from)} sampai dengan ${dateOrBlank(mou.expires_on)} dan dapat diperpanjang atas kesepakatan para pihak.`);
  if (mou.special_terms) {
    heading("Pasal 5 — Ketentuan khusus");
    paragraph(mou.special_terms);
  }

  doc.moveDown(2);
  const top = doc.y;
  const columnWidth = (doc.page.width - MARGIN * 2) / 2;
  doc.font("Helvetica-Bold").text("PIHAK PERTAMA", MARGIN, top, { width: columnWidth, align: "center" });
  doc.text("PIHAK KEDUA", MARGIN + columnWidth, top, { width: columnWidth, align: "center" });
  doc.font("Helvetica").moveDown(4);
  const nameLine = doc.y;
  doc.text(mou.branch_signatory_name ?? "(....................)", MARGIN, nameLine, { width: columnWidth, align: "center" });
  doc.text(mou.counterparty_signatory_name ?? "(....................)", MARGIN + columnWidth, nameLine, { width: columnWidth, align: "center" });

  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(range.start + index);
    if (!isSigned) {
      doc.save().rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] });
      doc.font("Helvetica-Bold").fontSize(96).fillColor("#c8c8c8", 0.5).text("DRAF", 0, doc.page.height / 2 - 48, { width: doc.page.width, align: "center", lineBreak: false });
      doc.restore();
    }
    // Writing below the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font("Helvetica").fontSize(9).fillColor("#555555", 1);
    doc.text(`${mou.number} — Halaman ${index + 1} dari ${range.count}`, MARGIN, doc.page.height - MARGIN + 16, {
      width: doc.page.width - MARGIN * 2,
      align: "center",
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
