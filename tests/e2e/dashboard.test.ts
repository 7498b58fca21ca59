import fs from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSession, expectAccessible, expectNoBrowserErrors, signIn } from "../support/browser";

// The regional head's dashboards (issue 8): the region's branch table, down to a branch and one of its
// markets, then the monthly report from the Reports page, downloaded as a person would.

const open = browserSession();

const heading = (page: Page) => page.getByRole("heading", { level: 1 });

/** Clicks a download link: the file's name and bytes as the browser saved them, and the headers the server sent. */
async function download(page: Page, linkName: string) {
  const link = page.getByRole("link", { name: linkName });
  const [saved] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const bytes = fs.readFileSync((await saved.path())!);
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  return { name: saved.suggestedFilename(), bytes, headers: response.headers() };
}

describe("regional head dashboards", () => {
  it("drills from the branch table to a branch and a market, then downloads the monthly report as PDF and Excel", async () => {
    const tracked = await open();
    const { page } = tracked;
    await signIn(page, "kakanwil@demo.id");
    const branches = page.getByRole("region", { name: "Cabang: siapa yang tertinggal, dan di mana" });
    expect(await branches.locator("tbody tr").count()).toBeGreaterThan(10);
    await expectAccessible(page);

    await branches.locator('tr[data-branch="KC-PTK"]').getByRole("link", { name: "KC-PTK" }).click();
    await page.waitForURL(/\/dashboard\/branches\/\d+$/);
    await expect.poll(async () => heading(page).textContent()).toMatch(/^Dasbor KC-PTK /);
    const markets = page.getByRole("region", { name: "Pasar di cabang ini" });
    await markets.getByRole("link", { name: "Pasar Flamboyan" }).click();
    await page.waitForURL(/\/dashboard\/markets\/\d+$/);
    await expect.poll(async () => heading(page).textContent()).toBe("Dasbor Pasar Flamboyan");
    expect(await page.getByRole("link", { name: "← Dasbor KC-PTK" }).count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Laporan" }).click();
    await page.waitForURL((url) => url.pathname === "/reports");
    await expect.poll(async () => heading(page).textContent()).toBe("Laporan dan ekspor");
    await expectAccessible(page);

    const pdf = await download(page, "Unduh PDF");
    expect(pdf.name).toMatch(/^laporan-bulanan-.*\.pdf$/);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(pdf.bytes.length).toBeGreaterThan(5_000);

    const xlsx = await download(page, "Unduh Excel");
    expect(xlsx.name).toMatch(/^laporan-bulanan-.*\.xlsx$/);
    expect(xlsx.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(xlsx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(xlsx.bytes.length).toBeGreaterThan(5_000);
    expectNoBrowserErrors(tracked);
  });

  it("fits the regional dashboard on a 360 px wide phone, the branch table scrolling inside its card", async () => {
    const tracked = await open({ viewport: { width: 360, height: 740 } });
    const { page } = tracked;
    await signIn(page, "kakanwil@demo.id");
    const branches = page.getByRole("region", { name: "Cabang: siapa yang tertinggal, dan di mana" });
    await branches.locator('tr[data-branch="KC-PTK"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360 + 1);
    const [tableWidth, frameWidth] = await branches.locator(".table-wrap").evaluate((frame) => [frame.scrollWidth, frame.clientWidth]);
    expect(tableWidth).toBeGreaterThan(frameWidth);
    await expectAccessible(page);
    expectNoBrowserErrors(tracked);
  });
});
