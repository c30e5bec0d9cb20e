import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer-core";
import { findChromium, launchChromium } from "../../scripts/chromium.mjs";

/**
 * Headless Chromium for the HTML report's tests (scripts/chromium.mjs).
 * One browser per test file; every page records console errors,
 * uncaught exceptions and every request that is not the report itself, so a
 * test can fail on any of them.
 */

/** Why browser tests skip here, printed once; undefined when a browser exists. */
export function chromiumMissing(): string | undefined {
  if (findChromium()) return undefined;
  return "no Chromium found (/usr/bin/chromium; .ci/run installs Debian's chromium package, or set PLANGUARD_CHROMIUM)";
}

export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<LaunchedBrowser> {
  if (!findChromium()) throw new Error(chromiumMissing());
  const userDataDir = mkdtempSync(path.join(tmpdir(), "planguard-chromium-"));
  const browser = await launchChromium(userDataDir);
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface OpenedReport {
  page: Page;
  /** Console errors, uncaught exceptions (CSP violations are console errors). */
  errors: string[];
  /** Every request other than the report file itself. */
  requests: string[];
  failedRequests: string[];
}

/** Opens a report file at 1280×800, watching for errors and requests. */
export async function openReport(
  browser: Browser,
  file: string,
  options: { dark?: boolean } = {},
): Promise<OpenedReport> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  if (options.dark) await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
  const url = pathToFileURL(path.resolve(file)).href;
  const opened: OpenedReport = { page, errors: [], requests: [], failedRequests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") opened.errors.push(m.text());
  });
  page.on("pageerror", (e) => opened.errors.push(String(e)));
  page.on("request", (r) => {
    if (r.url() !== url) opened.requests.push(r.url());
  });
  page.on("requestfailed", (r) => opened.failedRequests.push(`${r.url()}: ${r.failure()?.errorText ?? "failed"}`));
  await page.goto(url, { waitUntil: "load" });
  return opened;
}

/** Screenshots are test artifacts, kept in a gitignored directory. */
const SCREENSHOT_DIR = path.resolve("test-artifacts/screenshots");

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file as `${string}.png` });
  return file;
}
