import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectNoBrowserErrors, launchBrowser, newPage, signIn, type TrackedPage } from "../support/browser";

// The collector's day on a cheap phone (issue 6): find a trader, record the usual amount in two taps,
// open the receipt and share it on WhatsApp.

let browser: Browser;
let tracked: TrackedPage | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await tracked?.context.close();
  await browser?.close();
});

describe("market collector on a phone", () => {
  it("records a trader's usual daily amount in two taps after finding them and shares the receipt", async () => {
    tracked = await newPage(browser, { viewport: { width: 360, height: 740 } });
    const { page } = tracked;
    await signIn(page, "kolektor.flamboyan@demo.id");
    const list = await page.request.get("/api/v1/traders?q=&page=1");
    expect(list.status()).toBe(200);
    const { traders } = (await list.json()) as { traders: { id: number; name: string; status: string }[] };
    const trader = traders.find((row) => row.status === "registered")!;

    await page.goto("/collect");
    await page.getByPlaceholder("Cari nama, lapak, atau digit akhir NIK").fill(trader.name);
    await page.locator("button.trader-row", { hasText: trader.name }).first().click();
    await page.getByRole("button", { name: /^Harian Rp/ }).click();
    await page.getByText(/^Tersimpan Rp/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(361);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Kuitansi & bagikan" }).first().click();
    await page.waitForURL(/\/receipts\//);
    // The URL changes before the client has rendered the receipt: wait for its share link.
    const share = page.locator('a[href^="https://wa.me/"]');
    await share.first().waitFor();
    expect(decodeURIComponent((await share.first().getAttribute("href")) ?? "")).toContain(trader.name);
    expectNoBrowserErrors(tracked);
  });
});
