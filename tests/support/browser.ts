import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo";

// Browser-test helpers: the system Chromium (never a downloaded one), pages that record every
// console error and uncaught exception, sign-in, and an axe accessibility check.

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function baseUrl(): string {
  return inject("baseUrl");
}

export interface TrackedPage {
  page: Page;
  context: BrowserContext;
  /** Console messages of type "error" and uncaught page errors, in order. */
  problems: string[];
}

export interface NewPageOptions {
  viewport?: { width: number; height: number };
}

/**
 * One browser for a test file: started before its tests, closed after them with every page `open` gave out.
 * Call at the top of the file; `open` is a fresh tracked page (own cookies), as newPage.
 */
export function browserSession(): (options?: NewPageOptions) => Promise<TrackedPage> {
  let browser: Browser | undefined;
  const opened: TrackedPage[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const tracked of opened) await tracked.context.close();
    await browser?.close();
  });
  return async (options) => {
    const tracked = await newPage(browser!, options);
    opened.push(tracked);
    return tracked;
  };
}

/** A page in a fresh context (own cookies), pointed at the test server, recording browser errors. */
export async function newPage(browser: Browser, options: NewPageOptions = {}): Promise<TrackedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  // Fail fast: a healthy page answers in well under a second, and the test timeout is 60 s.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") {
      const where = message.location().url;
      problems.push(`console.error: ${message.text()}${where ? ` (${where})` : ""}`);
    }
  });
  page.on("pageerror", (error) => {
    problems.push(`page error: ${error.stack ?? error.message}`);
  });
  return { page, context, problems };
}

/**
 * Fails when the browser logged an error or threw. `allow` lists messages a test expects, such as
 * Chromium's "Failed to load resource … status of 404" line when the test visits a missing page.
 */
export function expectNoBrowserErrors(tracked: TrackedPage, allow: RegExp[] = []): void {
  const unexpected = tracked.problems.filter((problem) => !allow.some((pattern) => pattern.test(problem)));
  expect(unexpected, `browser errors:\n${unexpected.join("\n")}`).toEqual([]);
}

/** Signs in through the real form (Indonesian labels) and waits for the home page. */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  // Client-side navigation updates the URL before React has rendered the new page: wait for it.
  await page.getByRole("heading", { level: 1, name: /^Selamat datang, / }).waitFor();
}

/** Runs axe on the current page and fails on any serious or critical violation, listing them. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  const report = severe.map(
    (violation) =>
      `[${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n` +
      violation.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary ?? ""}`).join("\n"),
  );
  expect(report, `accessibility violations on ${page.url()}:\n${report.join("\n")}`).toEqual([]);
}
