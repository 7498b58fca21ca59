import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoBrowserErrors, launchBrowser, newPage, signIn, type TrackedPage } from "../support/browser";

interface MarketFeature {
  id: number;
  properties: { id: number; name: string; branch_code: string };
}

let browser: Browser;
let tracked: TrackedPage | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function open(): Promise<TrackedPage> {
  await tracked?.context.close();
  tracked = await newPage(browser);
  return tracked;
}

/** Market ids as the admin sees them, read from the JSON API with the browser's own session. */
async function allMarkets(t: TrackedPage): Promise<MarketFeature[]> {
  await signIn(t.page, "admin@demo.id");
  const response = await t.page.request.get("/api/v1/markets");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { features: MarketFeature[] };
  return body.features;
}

describe("branch staff scope", () => {
  it("Pontianak branch staff see the Pontianak markets in the market list and none from Balikpapan.", async () => {
    const t = await open();
    await signIn(t.page, "staf.pontianak@demo.id");

    const response = await t.page.request.get("/api/v1/markets");
    expect(response.status()).toBe(200);
    const { features } = (await response.json()) as { features: MarketFeature[] };
    expect(features.length).toBeGreaterThan(0);
    expect(new Set(features.map((feature) => feature.properties.branch_code))).toEqual(new Set(["KC-PTK"]));

    await t.page.goto("/markets");
    const main = (await t.page.locator("main").textContent()) ?? "";
    expect(main).toContain("Pasar Flamboyan");
    expect(main).not.toContain("Pasar Demo Pandansari");
    expectNoBrowserErrors(t);
  });

  it("Pontianak branch staff get the Indonesian not-found page when opening a Balikpapan market by URL.", async () => {
    const admin = await open();
    const balikpapan = (await allMarkets(admin)).filter((feature) => feature.properties.branch_code === "KC-BPN");
    expect(balikpapan.length).toBeGreaterThan(0);
    const target = balikpapan[0];

    const t = await open();
    await signIn(t.page, "staf.pontianak@demo.id");
    const response = await t.page.goto(`/markets/${target.properties.id}`);
    expect(response?.status()).toBe(404);
    expect(await t.page.getByRole("heading", { level: 1 }).textContent()).toBe("Tidak ditemukan");
    expect(await t.page.locator("main").textContent()).not.toContain(target.properties.name);
    // Chromium logs the document's own 404 status as a failed resource load; that is the point here.
    expectNoBrowserErrors(t, [/Failed to load resource: the server responded with a status of 404/]);
  });
});
