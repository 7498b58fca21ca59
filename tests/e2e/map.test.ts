import path from "node:path";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { browserSession, expectAccessible, expectNoBrowserErrors, signIn } from "../support/browser";
import { TMP_DIR } from "../support/paths";

// The map with no internet (issue 7): the e2e server runs with TILE_URL empty, so everything drawn comes
// from the app itself: Natural Earth outline, branch offices, markets by stage and clustered traders.

const open = browserSession();
describe("map", () => {
  it("shows the regional head Borneo's outline, branch offices, markets and clustered traders without tiles", async () => {
    const tracked = await open();
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

  it("shows branch staff a market's registered traders on the market page, and why a market without any has no map", async () => {
    const tracked = await open();
    const { page } = tracked;
    await signIn(page, "staf.pontianak@demo.id");
    const { features } = (await (await page.request.get("/api/v1/markets")).json()) as { features: { id: number; properties: { name: string } }[] };
    const marketId = (name: string) => features.find((feature) => feature.properties.name === name)!.id;

    await page.goto(`/markets/${marketId("Pasar Flamboyan")}`);
    const map = page.getByRole("region", { name: "Peta pedagang terdaftar Pasar Flamboyan" });
    await map.locator(".leaflet-container").waitFor();
    await expect.poll(async () => map.locator(".market-pin").count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(async () => map.locator(".trader-cluster").count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.goto(`/markets/${marketId("Pasar Kenanga")}`);
    await page.getByText("Belum ada pedagang terdaftar untuk ditampilkan di peta.").waitFor();
    expect(await page.getByRole("region", { name: /^Peta pedagang terdaftar/ }).count()).toBe(0);
    expectNoBrowserErrors(tracked);
  });
});
