import { describe, expect, it } from "vitest";
import { businessDate } from "../../app/domain/business-day";
import { browserSession, expectAccessible, expectNoBrowserErrors, signIn, type TrackedPage } from "../support/browser";

// Branch outreach journeys (issues 3 and 4): plan a visit, follow the agenda, check in, record an
// outcome that moves the market on; draft and sign an MoU.

const open = browserSession();

async function marketIdByName(t: TrackedPage, name: string): Promise<number> {
  const response = await t.page.request.get("/api/v1/markets");
  const { features } = (await response.json()) as { features: { id: number; properties: { name: string } }[] };
  return features.find((feature) => feature.properties.name === name)!.id;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
// Form submissions that fail validation answer 400, which Chromium logs as a failed resource.
const EXPECTED_400 = /Failed to load resource: the server responded with a status of 400/;

describe("outreach staff", () => {
  it("plans a visit for today, follows the agenda map, checks in and records an outcome that moves the market to negotiating", async () => {
    const t = await open();
    await t.context.grantPermissions(["geolocation"]);
    await t.context.setGeolocation({ latitude: -0.0371, longitude: 109.3665, accuracy: 25 });
    await signIn(t.page, "staf.pontianak@demo.id");
    const marketId = await marketIdByName(t, "Pasar Kenanga");
    const today = businessDate(new Date(), "Asia/Pontianak");

    await t.page.goto(`/visits/new?marketId=${marketId}`);
    await t.page.locator('[name="plannedDate"]').fill(today);
    await t.page.locator('[name="plannedTime"]').fill("10:00");
    await t.page.getByRole("button", { name: "Rencanakan kunjungan" }).click();
    await t.page.waitForURL(/\/visits\/\d+\?saved=planned/);
    const visitUrl = new URL(t.page.url()).pathname;

    await t.page.goto("/agenda");
    const main = t.page.locator("main");
    await expect.poll(async () => (await main.textContent()) ?? "").toContain("Pasar Kenanga");
    await t.page.locator(".leaflet-container").first().waitFor();
    await expect.poll(async () => t.page.locator(".leaflet-interactive").count()).toBeGreaterThan(0);
    await expectAccessible(t.page);

    await t.page.goto(visitUrl);
    await t.page.getByRole("button", { name: "Check-in sekarang" }).click();
    await t.page.getByText("Check-in tersimpan.").waitFor();

    await t.page.goto(`${visitUrl}/outcome`);
    await t.page.locator('[name="peopleMet"]').fill("Pak Budi (Kepala UPT Pasar)");
    await t.page.locator('[name="outcomeNotes"]').fill("Pengelola setuju membahas MoU; minta draf minggu depan.");
    await t.page.locator('[name="stage"]').selectOption("negotiating");
    await t.page.locator('[name="followUpDate"]').fill(addDays(today, 7));
    await t.page.getByRole("button", { name: "Simpan hasil" }).click();
    await t.page.waitForURL(/saved=outcome/);

    await t.page.goto(`/markets/${marketId}`);
    await expect.poll(async () => (await t.page.locator("main").textContent()) ?? "").toMatch(/Dikunjungi[\s\S]*Negosiasi|Negosiasi/);
    expect(await t.page.locator(".badge.stage-negotiating").count()).toBeGreaterThan(0);
    expectNoBrowserErrors(t, [EXPECTED_400]);

    const head = await open();
    await signIn(head.page, "kakanwil@demo.id");
    await head.page.goto("/progress");
    const row = head.page.locator('tr[data-branch="KC-PTK"]');
    await expect.poll(async () => (await row.textContent()) ?? "").toContain("Negosiasi: 2");
    expectNoBrowserErrors(head);
  });

  it("drafts an MoU for a market, records the signing and downloads the PDF", async () => {
    const t = await open();
    await signIn(t.page, "staf.pontianak@demo.id");
    const marketId = await marketIdByName(t, "Pasar Kenanga Anggrek");
    const today = businessDate(new Date(), "Asia/Pontianak");

    await t.page.goto(`/mous/new?marketId=${marketId}`);
    await t.page.locator('[name="counterpartyName"]').fill("Dinas Koperasi, UM dan Perdagangan Kota Pontianak");
    await t.page.getByRole("button", { name: "Simpan draf" }).click();
    await t.page.waitForURL(/\/mous\/\d+\?saved=1/);
    await expect.poll(async () => (await t.page.locator("h1").textContent()) ?? "").toMatch(/^MOU\/KC-PTK\/\d{4}\/\d{3}$/);

    await t.page.getByText("Catat penandatanganan", { exact: true }).first().click();
    await t.page.locator('[name="counterpartySignatoryName"]').first().fill("Drs. Hendra Saputra");
    await t.page.locator('[name="branchSignatoryName"]').first().fill("Andi Pratama");
    await t.page.locator('[name="signedOn"]').fill(today);
    await t.page.locator('[name="inForceFrom"]').fill(today);
    await t.page.locator('[name="expiresOn"]').fill(addDays(today, 730));
    await t.page.getByRole("button", { name: "Catat penandatanganan" }).click();
    await t.page.getByText("Status MoU diperbarui.").waitFor();
    await expect.poll(async () => t.page.locator(".badge.mou-in_force").count(), { timeout: 15_000 }).toBeGreaterThan(0);

    const pdf = await t.page.request.get(`${new URL(t.page.url()).pathname}/pdf`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    await t.page.goto(`/markets/${marketId}`);
    await expect.poll(async () => t.page.locator(".badge.stage-mou_signed").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expectNoBrowserErrors(t, [EXPECTED_400]);
  });
});
