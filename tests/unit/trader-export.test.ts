import { describe, expect, it } from "vitest";
import { exportFileName, exportSelectionOf, exportTable, type ExportTrader } from "../../app/domain/trader-export";

const trader: ExportTrader = {
  market_name: "Pasar Flamboyan",
  nik: "6171055203859002",
  full_name: "Ni Kadék Ayu Nur’aini",
  sex: "F",
  birth_date: "1985-03-12",
  phone: "+6281234567890",
  whatsapp: 1,
  stall: "Blok A-12",
  commodity: "food_stall",
  nominal: 1_000_000,
  jht: 1,
  payer_type: "apbd",
  programme_name: "Bantuan Iuran APBD Kota Pontianak 2026",
  kpj: null,
  status: "registered",
  coverage_start_month: "2026-11",
  enrolled_at: "2026-11-24T03:00:00.000Z",
  monthPremium: 36_800,
};

describe("exportTable", () => {
  it("writes the trader list in Indonesian with the phone in national form", () => {
    const [header, row] = exportTable("traders", [trader]);
    expect(header.slice(0, 4)).toEqual(["Pasar", "NIK", "Nama lengkap", "Jenis kelamin"]);
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell("Jenis kelamin")).toBe("P");
    expect(cell("No. HP")).toBe("081234567890");
    expect(cell("Komoditas")).toBe("Warung makan");
    expect(cell("Program")).toBe("JKK, JKM, JHT");
    expect(cell("Pembayar iuran")).toBe("APBD (bantuan pemerintah daerah): Bantuan Iuran APBD Kota Pontianak 2026");
    expect(cell("Iuran bulan ini")).toBe(36_800);
  });

  it("gives the collective registration its own columns, NIK first", () => {
    const [header, row] = exportTable("collective", [trader]);
    expect(header).toEqual(["NIK", "Nama lengkap", "Tanggal lahir", "Jenis kelamin", "No. HP", "Nominal penghasilan", "Program", "Pembayar iuran", "KPJ", "Pasar", "Lapak"]);
    expect(row.slice(0, 3)).toEqual(["6171055203859002", "Ni Kadék Ayu Nur’aini", "1985-03-12"]);
  });
});

describe("exportSelectionOf", () => {
  it("reads a market or a branch id and ignores anything else", () => {
    expect(exportSelectionOf(new URLSearchParams("market=4"))).toEqual({ marketId: 4, branchId: undefined });
    expect(exportSelectionOf(new URLSearchParams("branch=2&market=x"))).toEqual({ marketId: undefined, branchId: 2 });
  });
});

describe("exportFileName", () => {
  it("builds an ASCII file name from the place and the date", () => {
    expect(exportFileName("traders", "Pasar PPM (Pusat Perbelanjaan Mentaya)", "2026-11-24", "xlsx")).toBe("pedagang-pasar-ppm-pusat-perbelanjaan-mentaya-2026-11-24.xlsx");
    expect(exportFileName("collective", "KC-PTK", "2026-11-24", "csv")).toBe("registrasi-kolektif-kc-ptk-2026-11-24.csv");
  });
});
