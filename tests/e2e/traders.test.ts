import { describe, expect, it } from "vitest";
import { formatRupiah } from "../../app/domain/money";
import { businessDate } from "../../app/domain/business-day";
import { browserSession, expectAccessible, expectNoBrowserErrors, signIn } from "../support/browser";
import { testNik, traderCsv, traderRow } from "../support/trader-files";

// Registering traders (issue 5): one by one on the collector's phone, with the NIK rules' messages, and a
// list of traders imported by branch staff through the dry run and the commit.

const open = browserSession();

describe("trader registration", () => {
  it("a collector registers a trader on a phone, sees this month's premium, and gets clear messages for a bad or taken NIK", async () => {
    const tracked = await open({ viewport: { width: 360, height: 740 } });
    const { page } = tracked;
    await signIn(page, "kolektor.flamboyan@demo.id");
    // This month's premium for a self-paying trader at the lowest nominal (Rp8.400 in November 2026).
    const month = businessDate(new Date(), "Asia/Pontianak").slice(0, 7);
    const quote = await (await page.request.get(`/api/v1/premium-quote?nominal=1000000&jht=0&month=${month}&payer=mandiri`)).json();
    if (month === "2026-11") expect(quote.total).toBe(8_400);

    const nik = testNik(90_001, "6171", "F");
    await page.goto("/traders/new");
    await page.getByLabel("NIK").fill(nik);
    await page.getByLabel("Nama lengkap (sesuai KTP)").fill("Wulan Sari");
    await page.getByLabel("Nomor HP", { exact: false }).first().fill("0812 3456 7001");
    await page.getByLabel("Lapak (blok/nomor)").fill("Blok E-3");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Daftarkan pedagang" }).click();
    await page.waitForURL(/\/traders\/\d+\?created=1$/);
    await page.getByRole("heading", { level: 1, name: "Wulan Sari" }).waitFor();
    expect(await page.getByTestId("month-premium").textContent()).toBe(formatRupiah(quote.total));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(361);

    await page.goto("/traders/new");
    await page.getByLabel("NIK").fill("6171 0512");
    await page.getByLabel("Nama lengkap (sesuai KTP)").fill("Salah Ketik");
    await page.getByRole("button", { name: "Daftarkan pedagang" }).click();
    await page.getByText("NIK harus 16 angka.").waitFor();

    await page.getByLabel("NIK").fill(nik);
    await page.getByLabel("Nama lengkap (sesuai KTP)").fill("Wulan Sari Lagi");
    await page.getByRole("button", { name: "Daftarkan pedagang" }).click();
    await page.getByText("NIK ini sudah terdaftar atas nama Wulan Sari di Pasar Flamboyan.").waitFor();
    await page.getByRole("link", { name: "Buka data pedagang tersebut" }).click();
    await page.getByRole("heading", { level: 1, name: "Wulan Sari" }).waitFor();
    // The refused saves answer 400 (bad NIK) and 409 (taken NIK), which Chromium logs as failed loads.
    expectNoBrowserErrors(tracked, [/status of 400 .*\/traders\/new/, /status of 409 .*\/traders\/new/]);
  });
});

describe("trader import", () => {
  it("branch staff check a file with a few bad rows, see why, and import the rest", async () => {
    const tracked = await open();
    const { page } = tracked;
    await signIn(page, "staf.pontianak@demo.id");
    await page.goto("/traders?market=");
    await page.getByRole("link", { name: "Impor dari CSV/XLSX" }).click();
    await page.getByRole("heading", { level: 1, name: "Pilih pasar tujuan impor" }).waitFor();
    await page.getByLabel("Pasar").selectOption({ label: "KC-PTK · Pasar Flamboyan" });
    await page.getByRole("button", { name: "Buka impor" }).click();
    await page.getByRole("heading", { level: 1, name: "Impor pedagang: Pasar Flamboyan" }).waitFor();

    const rows = Array.from({ length: 40 }, (_, i) => traderRow(91_000 + i));
    rows[5] = traderRow(91_005, { nik: "61710512038" });
    rows[9] = traderRow(91_000, { nama_lengkap: "Dobel" });
    const file = traderCsv(rows);
    await page.getByLabel(/^Berkas CSV atau XLSX/).setInputFiles({ name: "pedagang-blok-c.csv", mimeType: "text/csv", buffer: Buffer.from(file, "utf8") });
    await page.getByRole("button", { name: "Periksa berkas" }).click();
    await page.getByRole("heading", { name: "Hasil pemeriksaan: pedagang-blok-c.csv" }).waitFor();
    await page.getByText("NIK harus 16 angka.").waitFor();
    await page.getByText("NIK yang sama sudah ada di baris 2 berkas ini.").waitFor();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Simpan 38 baris valid" }).click();
    await page.getByRole("heading", { name: "Impor selesai" }).waitFor();
    await page.getByText("38 pedagang baru, 0 pedagang diperbarui, 2 baris dilewati.").first().waitFor();
    await page.getByRole("link", { name: "Lihat daftar pedagang" }).click();
    await page.getByRole("searchbox").fill("Pedagang Uji 91039");
    await page.getByRole("searchbox").press("Enter");
    await page.getByRole("link", { name: "Pedagang Uji 91039" }).waitFor();
    expectNoBrowserErrors(tracked);
  });
});
