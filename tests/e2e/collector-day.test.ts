import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { businessDate } from "../../app/domain/business-day";
import { formatInteger, formatRupiah, parseRupiah } from "../../app/domain/money";
import { browserSession, expectAccessible, expectNoBrowserErrors, signIn } from "../support/browser";

// A collector's whole day at Pasar Flamboyan on a cheap phone (issue 6): payments for several traders, a receipt
// shared on WhatsApp, a typing mistake reversed, the day closed with its counted cash, the cash taken to the bank;
// then branch staff verify the deposit and the day's cash leaves the reconciliation's cash in hand.
//
// Closing and banking today is final (a deposited day cannot be reopened), and every e2e file shares one database:
// tests/vitest.config.ts runs this file after all the others, so collector.test.ts still finds today open. Nothing
// here depends on what those files did: amounts are read from the pages and compared before and after.

const PHONE = { width: 360, height: 740 };
const MARKET = "Pasar Flamboyan";
/** Pasar Flamboyan (KC-PTK) keeps West Kalimantan's business days. */
const TIME_ZONE = "Asia/Pontianak";

const open = browserSession();

const rupiahIn = (text: string | null) => {
  const amount = parseRupiah(text ?? "");
  if (amount == null) throw new Error(`Not a rupiah amount: ${text}`);
  return amount;
};

/** Clicks a button guarded by window.confirm, accepting it; returns the question the person was asked. */
async function confirmAndClick(page: Page, button: Locator): Promise<string> {
  const asked = new Promise<string>((resolve) => {
    page.once("dialog", (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    });
  });
  await button.click();
  return asked;
}

/** Finds a trader on the sheet and records an amount: the "Harian" quick amount, or a typed one. */
async function record(page: Page, name: string, typed?: number) {
  await page.getByPlaceholder("Cari nama, lapak, atau digit akhir NIK").fill(name);
  await page.locator("button.trader-row").filter({ has: page.getByText(name, { exact: true }) }).first().click();
  await page.getByRole("heading", { level: 2, name, exact: true }).waitFor();
  let amount = typed;
  if (amount == null) {
    const daily = page.getByRole("button", { name: /^Harian Rp/ });
    amount = rupiahIn((await daily.textContent())!.replace(/^Harian /, ""));
    await daily.click();
  } else {
    await page.getByLabel("Jumlah lain (Rp)").fill(formatInteger(amount));
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
  }
  const saved = page.getByText(`Tersimpan ${formatRupiah(amount)} untuk ${name}.`);
  await saved.waitFor();
  const receipt = /Kuitansi (\S+)/.exec((await saved.textContent()) ?? "")?.[1];
  expect(receipt).toBeDefined();
  return { name, amount, receipt: receipt! };
}

/** Pasar Flamboyan's row on the reconciliation page, cell text by column heading. */
async function reconciliationRow(page: Page): Promise<Record<string, string>> {
  await page.goto("/reconciliation");
  const table = page.locator("table.reconciliation");
  const row = table.locator("tbody tr", { has: page.getByRole("link", { name: MARKET, exact: true }) });
  await row.waitFor();
  const headings = await table.locator("thead th").allTextContents();
  const cells = await row.locator("th, td").allTextContents();
  return Object.fromEntries(headings.map((heading, column) => [heading, cells[column].trim()]));
}

describe("a collector's day, from the stalls to the bank", () => {
  it("records and reverses payments on a phone, closes the day with a small shortfall, deposits it, and staff verify it", async () => {
    const today = businessDate(new Date(), TIME_ZONE);
    const collector = await open({ viewport: PHONE });
    const { page } = collector;
    await signIn(page, "kolektor.flamboyan@demo.id");
    const list = await page.request.get("/api/v1/traders?status=registered&payer=mandiri&page=1");
    expect(list.status()).toBe(200);
    const { traders } = (await list.json()) as { traders: { name: string }[] };
    const names = [...new Set(traders.map((trader) => trader.name))].slice(-3);
    expect(names).toHaveLength(3);

    // 1. Three traders pay their usual daily amount; the last one's receipt goes out on WhatsApp.
    await page.goto("/collect");
    await page.getByRole("heading", { level: 1, name: MARKET }).waitFor();
    const total = () => page.locator(".collect-total strong").textContent().then(rupiahIn);
    const totalBefore = await total();
    const payments: Awaited<ReturnType<typeof record>>[] = [];
    for (const name of names) payments.push(await record(page, name));
    const paid = payments.reduce((sum, payment) => sum + payment.amount, 0);
    expect(await total()).toBe(totalBefore + paid);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width + 1);

    const last = payments[payments.length - 1];
    await page.getByRole("link", { name: "Kuitansi & bagikan" }).click();
    await page.waitForURL((url) => url.pathname === `/receipts/${last.receipt}`);
    const share = page.getByRole("link", { name: "Bagikan via WhatsApp" });
    await share.waitFor();
    const message = decodeURIComponent((await share.getAttribute("href")) ?? "");
    expect(message).toMatch(/^https:\/\/wa\.me\/\d*\?text=Kuitansi iuran BPJS Ketenagakerjaan\n/);
    expect(message).toContain(`Nomor: ${last.receipt}`);
    expect(message).toContain(`Pedagang: ${last.name}`);
    expect(message).toContain(`Jumlah: ${formatRupiah(last.amount)}`);
    await page.getByRole("link", { name: "Kembali ke lembar iuran" }).click();
    await page.waitForURL((url) => url.pathname === "/collect");

    // 2. A typed amount with one zero too many is reversed at once, with the reason.
    const mistake = await record(page, payments[0].name, payments[0].amount * 10);
    expect(await total()).toBe(totalBefore + paid + mistake.amount);
    const entry = page.locator("li.entry", { hasText: mistake.receipt });
    await entry.locator("summary", { hasText: "Batalkan" }).click();
    await entry.getByLabel("Alasan pembatalan").fill("Salah ketik jumlah (kelebihan satu nol)");
    const question = await confirmAndClick(page, entry.locator("form").getByRole("button", { name: "Batalkan" }));
    expect(question).toContain(`Batalkan ${mistake.receipt}?`);
    // The notice comes with the action's answer; the list and total follow once the sheet has reloaded.
    await page.getByText(/^Dibatalkan dengan entri /).waitFor();
    await page.locator("li.entry.reversed", { hasText: mistake.receipt }).waitFor();
    expect(await entry.count()).toBe(1);
    expect(await total()).toBe(totalBefore + paid);

    // 3. The day closes with Rp500 less cash than recorded, and a note saying why.
    await page.getByRole("link", { name: "Tutup hari" }).click();
    await page.waitForURL((url) => url.pathname === "/collect/close");
    const day = page.locator(`section[aria-labelledby="day-${today}"]`);
    const recorded = rupiahIn(await day.locator("p", { hasText: "Tercatat" }).locator("strong").textContent());
    expect(recorded).toBe(totalBefore + paid);
    const counted = recorded - 500;
    await day.getByLabel("Uang tunai dihitung (Rp)").fill(formatInteger(counted));
    await day.getByText("Selisih: -Rp500").waitFor();
    await day.getByLabel("Catatan selisih").fill("Uang kembalian kurang Rp500, akan diganti besok");
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width + 1);
    expect(await confirmAndClick(page, day.getByRole("button", { name: /^Tutup hari / }))).toMatch(/^Tutup hari .*\? Iuran baru untuk hari itu akan ditolak\.$/);
    await page.getByRole("status").filter({ hasText: /^Hari .* ditutup\.$/ }).waitFor();
    await day.waitFor({ state: "detached" });
    const closed = page.locator(".closed-days li").first();
    expect(await closed.textContent()).toContain(`Uang tunai dihitung (Rp) ${formatRupiah(counted)} · Selisih -Rp500`);
    expect(await closed.textContent()).toContain("Uang kembalian kurang Rp500, akan diganti besok");

    // Branch staff's view before the deposit: the closed day's counted cash is still in hand.
    const staff = await open();
    await signIn(staff.page, "staf.pontianak@demo.id");
    const before = await reconciliationRow(staff.page);
    expect(rupiahIn(before["Kas di tangan"])).toBeGreaterThanOrEqual(counted);
    expect(before["Pasar"]).toContain("hari belum disetor");

    // 4. The counted cash goes to the bank; the form proposes the closed day and its counted cash.
    await page.goto("/deposits/new");
    await page.getByRole("heading", { level: 1, name: "Catat setoran bank" }).waitFor();
    for (const box of await page.getByRole("checkbox").all()) await box.setChecked((await box.getAttribute("value")) === today);
    await page.getByText(`Uang dihitung pada hari terpilih: ${formatRupiah(counted)}`).waitFor();
    const amount = page.getByLabel("Jumlah disetor (Rp)");
    expect(rupiahIn(await amount.inputValue())).toBe(counted);
    await page.getByLabel("Saluran").selectOption("BRI");
    const reference = `BRI-${today.replace(/-/g, "")}-E2E`;
    await page.getByLabel("Nomor referensi / bukti setor").fill(reference);
    await amount.fill(formatInteger(counted));
    await page.getByLabel("Tanggal setor").fill(today);
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width + 1);
    await page.getByRole("button", { name: "Simpan setoran" }).click();
    await page.waitForURL(/\/deposits\/\d+\?saved=1$/);
    const depositPath = new URL(page.url()).pathname;
    await page.getByText("Setoran tersimpan dan menunggu verifikasi.").waitFor();
    await page.getByRole("heading", { level: 1, name: `${MARKET}: ${formatRupiah(counted)}` }).waitFor();
    // The recorder is told someone else verifies, and is offered no way to do it.
    await page.getByText("Anda mencatat setoran ini, jadi orang lain (staf cabang) yang memverifikasinya.").waitFor();
    expect(await page.getByRole("button", { name: "Verifikasi" }).count()).toBe(0);

    // 5. Staff check it against the bank statement and verify it.
    await staff.page.goto(depositPath);
    await staff.page.getByRole("heading", { level: 1, name: `${MARKET}: ${formatRupiah(counted)}` }).waitFor();
    const facts = (await staff.page.locator("dl.facts").textContent()) ?? "";
    expect(facts).toContain(reference);
    expect(facts).toContain(`Selisih setoran${formatRupiah(0)}`);
    await staff.page.getByRole("button", { name: "Verifikasi", exact: true }).click();
    await staff.page.getByText("Setoran terverifikasi.").waitFor();
    await staff.page.locator(".badge", { hasText: /^Terverifikasi$/ }).waitFor();

    // A recorded deposit already takes its days out of the cash in hand; once verified it also counts as verified
    // rather than awaiting. To the rupiah, and with the demo's earlier weeks all banked, nothing is held any more.
    const after = await reconciliationRow(staff.page);
    const change = (column: string) => rupiahIn(after[column]) - rupiahIn(before[column]);
    expect(change("Kas di tangan")).toBe(-counted);
    expect(change("Disetor")).toBe(counted);
    expect(change("Terverifikasi")).toBe(counted);
    expect(change("Menunggu verifikasi")).toBe(0);
    expect(after["Kas di tangan"]).toBe(formatRupiah(0));
    expect(after["Umur kas"]).toBe("—");
    expect(after["Pasar"]).not.toMatch(/hari terbuka|hari belum disetor/);

    expectNoBrowserErrors(collector);
    expectNoBrowserErrors(staff);
  }, 180_000);
});
