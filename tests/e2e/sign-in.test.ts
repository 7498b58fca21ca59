import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../db/seed/demo";
import { expectAccessible, expectNoBrowserErrors, launchBrowser, newPage, signIn, type TrackedPage } from "../support/browser";

let browser: Browser;
let tracked: TrackedPage | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function open(options?: Parameters<typeof newPage>[1]): Promise<TrackedPage> {
  await tracked?.context.close();
  tracked = await newPage(browser, options);
  return tracked;
}

describe("signing in", () => {
  it.each(DEMO_USERS.map((user) => [user.name, user.role, user] as const))(
    "%s (%s) signs in and sees their Indonesian home page without console errors or serious accessibility problems.",
    async (_name, _role, user) => {
      const t = await open();
      const { page } = t;
      await signIn(page, user.email);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(`Selamat datang, ${user.name}`);
      expect(await page.locator("html").getAttribute("lang")).toBe("id");
      await expect.poll(() => page.getByRole("button", { name: "Keluar" }).isVisible()).toBe(true);
      if (user.role === "market_collector") {
        expect(await page.locator("main").textContent()).toContain("Pasar Flamboyan");
      }
      await expectAccessible(page);
      expectNoBrowserErrors(t);
    },
  );

  it("The sign-in page has no serious accessibility problems.", async () => {
    const t = await open();
    await t.page.goto("/login");
    expect(await t.page.getByRole("heading", { level: 1 }).textContent()).toBe("Masuk");
    await expectAccessible(t.page);
    expectNoBrowserErrors(t);
  });

  it("A wrong password shows the Indonesian error message and stays on the sign-in page.", async () => {
    const t = await open();
    await t.page.goto("/login");
    await t.page.getByLabel("Email").fill("staf.balikpapan@demo.id");
    await t.page.getByLabel("Kata sandi").fill("not-the-password");
    await t.page.getByRole("button", { name: "Masuk" }).click();
    await t.page.getByRole("alert").filter({ hasText: "Email atau kata sandi salah." }).waitFor();
    expect(new URL(t.page.url()).pathname).toBe("/login");
    expect(await t.page.getByLabel("Email").inputValue()).toBe("staf.balikpapan@demo.id");
    // Chromium logs the action's 401 response as a failed resource load; that is expected here.
    expectNoBrowserErrors(t, [/Failed to load resource: the server responded with a status of 401/]);
  });

  it("Signing out returns to the sign-in page, after which the home page redirects to sign-in.", async () => {
    const t = await open();
    await signIn(t.page, "kakanwil@demo.id");
    await t.page.getByRole("button", { name: "Keluar" }).click();
    await t.page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("signedOut") === "1");
    await t.page.getByRole("status").filter({ hasText: "Anda sudah keluar." }).waitFor();
    await t.page.goto("/");
    expect(new URL(t.page.url()).pathname).toBe("/login");
    expect(await t.page.getByRole("heading", { level: 1 }).textContent()).toBe("Masuk");
    expectNoBrowserErrors(t);
  });

  it("Switching to English changes the interface and is remembered on the next page load.", async () => {
    const t = await open();
    await signIn(t.page, "admin@demo.id");
    await t.page.getByRole("button", { name: "EN", exact: true }).click();
    await expect.poll(() => t.page.getByRole("heading", { level: 1 }).textContent(), { timeout: 15_000 }).toBe("Welcome, Admin Demo");
    expect(await t.page.getByRole("button", { name: "Sign out" }).isVisible()).toBe(true);
    expect(await t.page.getByRole("button", { name: "EN", exact: true }).getAttribute("aria-pressed")).toBe("true");

    await t.page.reload();
    expect(await t.page.getByRole("heading", { level: 1 }).textContent()).toBe("Welcome, Admin Demo");
    expect(await t.page.locator("html").getAttribute("lang")).toBe("en");
    expect(await t.page.getByRole("button", { name: "Sign out" }).isVisible()).toBe(true);

    await t.page.getByRole("button", { name: "ID", exact: true }).click();
    await expect.poll(() => t.page.getByRole("heading", { level: 1 }).textContent(), { timeout: 15_000 }).toBe("Selamat datang, Admin Demo");
    expectNoBrowserErrors(t);
  });

  it("On a 360 px wide phone the collector's home page fits without horizontal scrolling.", async () => {
    const t = await open({ viewport: { width: 360, height: 740 } });
    await signIn(t.page, "kolektor.flamboyan@demo.id");
    expect(await t.page.getByRole("heading", { level: 1 }).textContent()).toBe("Selamat datang, Rahmat Kolektor Flamboyan");
    expect(await t.page.locator("main").textContent()).toContain("Pasar Flamboyan");
    const scrollWidth = await t.page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360 + 1);
    expectNoBrowserErrors(t);
  });

  it("The skip link is the first Tab stop on the sign-in page and moves focus to the main content.", async () => {
    const t = await open();
    await t.page.goto("/login");
    const focused = () =>
      t.page.evaluate(() => {
        const active = document.activeElement;
        return active ? { tag: active.tagName, text: active.textContent?.trim() ?? "", href: active.getAttribute("href") } : null;
      });
    // The email field is autofocused, so the first Tab after load lands on "Kata sandi" (see the
    // report). Measure the Tab order from where keyboard focus enters the page instead: Shift+Tab
    // back out of the document, then Tab in once.
    for (let step = 0; step < 20 && (await focused())?.tag !== "BODY"; step++) {
      await t.page.keyboard.press("Shift+Tab");
    }
    expect((await focused())?.tag).toBe("BODY");
    await t.page.keyboard.press("Tab");
    expect(await focused()).toEqual({ tag: "A", text: "Lewati ke konten", href: "#main" });
    expect(await t.page.getByRole("link", { name: "Lewati ke konten" }).isVisible()).toBe(true);

    await t.page.keyboard.press("Enter");
    await expect.poll(() => t.page.evaluate(() => document.activeElement?.id)).toBe("main");
    expectNoBrowserErrors(t);
  });
});
