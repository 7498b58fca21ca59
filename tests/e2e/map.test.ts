import path from "node:path";
import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoBrowserErrors, launchBrowser, newPage, signIn, type TrackedPage } from "../support/browser";
import { TMP_DIR } from "../support/paths";

// The map with no internet (issue 7): the e2e server runs with TILE_URL empty, so everything drawn comes
// from the app itself: Natural Earth outline, branch offices, markets by stage and clustered traders.

let browser: Browser;
let tracked: TrackedPage | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await tracked?.context.close();
  await browser?.close();
});

describe("map", () => {
  it("shows the regional head Borneo's outline, branch offices, markets and clustered traders without tiles", async () => {
    tracked = await newPage(browser);
    const { page } = tracked;
    await signIn(page, "kakanwil@demo.id");
    await page.goto("/map");
    await page.locator(".leaflet-container").first().waitFor();
    await expect.poll(async () => page.locator(".market-pin").count(), { timeout: 20_000 }).toBeGreaterThan(10);
    await expect.poll(async () => page.locator(".office-pin").count()).toBeGreaterThan(10);
    await expect.poll(async () => page.locator(".trader-cluster").count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(async () => page.locator(".leaflet-container svg path").count(), { timeout: 20_000 }).toBeGreaterThan(0);
    fs.mkdirSync(TMP_DIR, { recursive: true });
    const file = path.join(TMP_DIR, "map.png");
    await page.screenshot({ path: file });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    expectNoBrowserErrors(tracked);
  });
});
