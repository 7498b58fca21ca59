import { TRADER_TEMPLATE_HEADERS } from "../../app/domain/import/trader-rows";

// Trader import files for tests and the benchmark: valid, unique NIKs (districts 20 and up, which the demo
// seed never uses), and the CSV shape Indonesian Excel saves (BOM, `;`, CRLF, `1.000.000`, quoted fields).

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** The index-th test NIK of a regency (Kemendagri code without the dot): unique for indexes below 720,000. */
export function testNik(index: number, regency = "6171", sex: "M" | "F" = index % 2 === 0 ? "M" : "F"): string {
  const day = 1 + (index % 28);
  const month = 1 + (Math.floor(index / 28) % 12);
  const year = 70 + (Math.floor(index / 336) % 30);
  return `${regency}${pad(20 + Math.floor(index / 9000))}${pad(sex === "F" ? day + 40 : day)}${pad(month)}${pad(year)}${pad(1 + (index % 9000), 4)}`;
}

export type TraderFileRow = Partial<Record<(typeof TRADER_TEMPLATE_HEADERS)[number], string>>;

/** A self-paying vegetable seller with a phone and a stall; `overrides` replace cells by template header. */
export function traderRow(index: number, overrides: TraderFileRow = {}): TraderFileRow {
  return {
    nik: testNik(index),
    nama_lengkap: `Pedagang Uji ${index}`,
    no_hp: `0812${pad(index % 100_000_000, 8)}`,
    whatsapp: "ya",
    nomor_lapak: `Blok C-${index}`,
    komoditas: "sayur",
    nominal: "1.000.000",
    jht: "tidak",
    pembayar: "mandiri",
    ...overrides,
  };
}

function quoted(cell: string, separator: string): string {
  return /["\r\n]/.test(cell) || cell.includes(separator) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The rows under the template's Indonesian header, as Excel on an Indonesian Windows saves a CSV. */
export function traderCsv(rows: TraderFileRow[], options: { separator?: string; bom?: boolean } = {}): string {
  const separator = options.separator ?? ";";
  const lines = [TRADER_TEMPLATE_HEADERS, ...rows.map((row) => TRADER_TEMPLATE_HEADERS.map((header) => row[header] ?? ""))];
  return `${options.bom === false ? "" : "\uFEFF"}${lines.map((cells) => cells.map((cell) => quoted(cell, separator)).join(separator)).join("\r\n")}\r\n`;
}
