import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { historyRecord } from "../../src/drift/history.js";
import { runDrift } from "../../src/drift/run.js";
import { formatHtml } from "../../src/report/html/scan.js";
import {
  chromiumMissing,
  launchBrowser,
  openReport,
  screenshot,
  type LaunchedBrowser,
  type OpenedReport,
} from "../helpers/browser.js";
import { runCli } from "../helpers/cli.js";
import { syntheticResult } from "../helpers/synthetic-result.js";

/**
 * The HTML reports in a real browser (headless Chromium): no console error,
 * no request of any kind, the counts on the page equal the JSON report's,
 * filters and tabs work by mouse and keyboard, hostile values stay text.
 * A screenshot of each page at 1280x800 goes to test-artifacts/screenshots.
 */

const missing = chromiumMissing();
if (missing) console.log(`Skipping the browser tests of the HTML report: ${missing}`);

const OUT = path.resolve("test-artifacts/html");
const SOURCE_URL =
  "https://github.com/acme/ml-platform/blob/0123456789abcdef0123456789abcdef01234567/{path}#L{line}-L{end_line}";
const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;

interface JsonFinding {
  ruleId: string;
  severity: string;
  category: string;
  message: string;
  resource?: { address: string };
  suppression?: unknown;
}

describe.skipIf(missing !== undefined)("the HTML reports in headless Chromium", () => {
  let chromium: LaunchedBrowser;
  const opened: OpenedReport[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  async function open(file: string, options: { dark?: boolean } = {}): Promise<OpenedReport> {
    const report = await openReport(chromium.browser, file, options);
    opened.push(report);
    return report;
  }

  /** Nothing went wrong while the page loaded and was used. */
  function expectClean(report: OpenedReport): void {
    expect(report.errors).toEqual([]);
    expect(report.requests).toEqual([]);
    expect(report.failedRequests).toEqual([]);
  }

  const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? "");
  const number = async (page: Page, selector: string) => Number(await text(page, selector));
  const choose = (page: Page, label: string, value: string) =>
    page.evaluate(
      (l, v) => {
        const select = [...document.querySelectorAll("label")].find(
          (x) => x.offsetParent !== null && x.textContent === l,
        )!.control as HTMLSelectElement;
        select.value = v;
        select.dispatchEvent(new Event("change"));
      },
      label,
      value,
    );

  describe("a scan of the example ML platform", () => {
    let json: {
      summary: { total: number; suppressed: number; bySeverity: Record<string, number> };
      findings: JsonFinding[];
      gpu: { before: { total: number }; after: { total: number } };
    };
    let report: OpenedReport;

    beforeAll(async () => {
      const config = path.join(OUT, "links.yaml");
      writeFileSync(config, `report:\n  source_url: "${SOURCE_URL}"\n`);
      const html = path.join(OUT, "scan.html");
      const jsonFile = path.join(OUT, "scan.json");
      const run = await runCli([
        "scan",
        "examples/ml-platform/plan.json",
        "--source-dir",
        "examples/ml-platform",
        "-c",
        config,
        "-o",
        `html=${html}`,
        "-o",
        `json=${jsonFile}`,
        "-f",
        "text",
        "--no-color",
      ]);
      expect(run.code).toBe(1);
      json = JSON.parse(readFileSync(jsonFile, "utf8"));
      report = await open(html);
    });

    it("loads without a console error or any request, and looks right (screenshot)", async () => {
      await report.page.waitForSelector("html.pg-ready");
      await screenshot(report.page, "scan");
      expectClean(report);
    });

    it("shows the JSON report's counts", async () => {
      const { page } = report;
      for (const s of SEVERITIES) expect(await number(page, `[data-card="${s}"]`), s).toBe(json.summary.bySeverity[s]);
      expect(await number(page, '[data-card="suppressed"]')).toBe(json.summary.suppressed);
      expect(await number(page, '[data-count="findings"]')).toBe(json.summary.total);
      expect(await page.$$eval("#view-findings tbody tr", (rows) => rows.length)).toBe(json.summary.total);
      expect(await number(page, '[data-gpu="before"]')).toBe(json.gpu.before.total);
      expect(await number(page, '[data-gpu="after"]')).toBe(json.gpu.after.total);
    });

    it("filters by severity, category, rule and text, as the JSON report counts them", async () => {
      const { page } = report;
      const active = json.findings.filter((f) => !f.suppression);
      await choose(page, "Severity", "high");
      expect(await number(page, '[data-count="findings"]')).toBe(active.filter((f) => f.severity === "high").length);
      await choose(page, "Category", "network");
      expect(await number(page, '[data-count="findings"]')).toBe(
        active.filter((f) => f.severity === "high" && f.category === "network").length,
      );
      await choose(page, "Severity", "");
      await choose(page, "Category", "");
      await choose(page, "Rule", "PG-AWS-NET-004");
      expect(await number(page, '[data-count="findings"]')).toBe(
        active.filter((f) => f.ruleId === "PG-AWS-NET-004").length,
      );
      await choose(page, "Rule", "");
      await page.type("#pg-findings-search", "SageMaker");
      const sagemaker = active.filter((f) =>
        `${f.ruleId}\n${f.resource?.address}\n${f.message}`.toLowerCase().includes("sagemaker"),
      ).length;
      expect(sagemaker).toBeGreaterThan(0);
      expect(await number(page, '[data-count="findings"]')).toBe(sagemaker);
      const cells = await page.$$eval("#view-findings tbody tr", (rows) =>
        rows.map((r) => r.textContent.toLowerCase()),
      );
      expect(cells.every((c) => c.includes("sagemaker"))).toBe(true);
      await page.$eval("#pg-findings-search", (e) => ((e as HTMLInputElement).value = ""));
      await page.type("#pg-findings-search", "no such finding anywhere");
      expect(await number(page, '[data-count="findings"]')).toBe(0);
      expectClean(report);
    });

    it("links each located finding to its .tf file and lines, and opens its remediation", async () => {
      const { page } = report;
      await page.$eval("#pg-findings-search", (e) => ((e as HTMLInputElement).value = ""));
      await page.type("#pg-findings-search", "pipeline_admin");
      const href = await page.$eval("#view-findings tbody tr a", (a) => (a as HTMLAnchorElement).href);
      expect(href).toMatch(
        /^https:\/\/github\.com\/acme\/ml-platform\/blob\/0123456789abcdef0123456789abcdef01234567\/examples\/ml-platform\/iam\.tf#L\d+-L\d+$/,
      );
      await page.click("#view-findings tbody tr summary");
      expect(await text(page, "#view-findings tbody tr details p")).not.toBe("");
    });

    it("moves between the tabs with the keyboard", async () => {
      const { page } = report;
      await page.focus("#tab-findings");
      await page.keyboard.press("ArrowRight");
      expect(await page.$eval("#tab-suppressed", (t) => t.getAttribute("aria-selected"))).toBe("true");
      expect(await page.$eval("#panel-suppressed", (p) => (p as HTMLElement).hidden)).toBe(false);
      expect(await page.$eval("#panel-findings", (p) => (p as HTMLElement).hidden)).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-suppressed");
      await page.keyboard.press("Home");
      expect(await page.$eval("#tab-findings", (t) => t.getAttribute("aria-selected"))).toBe("true");
    });

    it("reads in dark mode (screenshot)", async () => {
      const dark = await open(path.join(OUT, "scan.html"), { dark: true });
      await dark.page.waitForSelector("html.pg-ready");
      const background = await dark.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(background).toBe("rgb(13, 17, 23)");
      await screenshot(dark.page, "scan-dark");
      expectClean(dark);
    });
  });

  it("runs nothing a hostile plan wrote: payloads in keys, tags and messages stay text", async () => {
    const html = path.join(OUT, "hostile.html");
    const config = path.join(OUT, "hostile.yaml");
    writeFileSync(
      config,
      'waivers:\n  - rule: PG-AWS-NET-006\n    reason: "<img src=x onerror=window.__pwned=4>"\n    expires: "2099-12-31"\n',
    );
    const run = await runCli([
      "scan",
      "fixtures/html/hostile-plan.json",
      "-c",
      config,
      "-o",
      `html=${html}`,
      "-f",
      "json",
    ]);
    expect(run.code).toBe(1);
    const report = await open(html);
    await report.page.waitForSelector("html.pg-ready");
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees (innerText), not the markup's
    const body = () => report.page.evaluate(() => document.body.innerText);
    expect(await body()).toContain('aws_ebs_volume.vol["<script>window.__pwned=1</script>"]');
    await report.page.click("#tab-suppressed");
    expect(await body()).toContain('aws_instance.gpu["</script><script>window.__pwned=3</script>"]');
    expect(await body()).toContain("<img src=x onerror=window.__pwned=4>");
    expect(await report.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // GPU chart labels come from the team and environment tags.
    expect(await report.page.$$eval("svg title", (ts) => ts.map((t) => t.textContent))).toContain(
      '"><img src=x onerror="window.__pwned=2">',
    );
    expect(await report.page.$$eval("script", (s) => s.length)).toBe(2);
    expect(await report.page.$$eval("img", (s) => s.length)).toBe(0);
    await screenshot(report.page, "scan-hostile");
    expectClean(report);
  });

  it("renders 25,000 findings a page at a time, and filters all of them", async () => {
    const file = path.join(OUT, "large.html");
    writeFileSync(file, formatHtml(syntheticResult(25_000)));
    const report = await open(file);
    const { page } = report;
    await page.waitForSelector("html.pg-ready");
    expect(await number(page, '[data-count="findings"]')).toBe(25_000);
    expect(await page.$$eval("#view-findings tbody tr", (rows) => rows.length)).toBe(100);
    await page.click("#view-findings nav button:last-child");
    expect(await text(page, "#view-findings .pg-page")).toBe("rows 101–200, page 2 of 250");
    await choose(page, "Severity", "critical");
    expect(await number(page, '[data-count="findings"]')).toBe(5_000);
    expect(await text(page, "#view-findings .pg-page")).toBe("rows 1–100, page 1 of 50");
    await page.type("#pg-findings-search", "training_data_bucket_24995 ");
    expect(await number(page, '[data-count="findings"]')).toBe(1);
    expectClean(report);
  });

  it("shows a drift report with the JSON report's counts and filters (screenshot)", async () => {
    const html = path.join(OUT, "drift.html");
    const jsonFile = path.join(OUT, "drift.json");
    const run = await runCli([
      "drift",
      "fixtures/drift/refresh-only-scenario.json",
      "-o",
      `html=${html}`,
      "-o",
      `json=${jsonFile}`,
      "-f",
      "text",
      "--no-color",
    ]);
    expect(run.code).toBe(1);
    const json = JSON.parse(readFileSync(jsonFile, "utf8")) as {
      summary: Record<string, number> & { bySeverity: Record<string, number> };
    };
    const report = await open(html);
    const { page } = report;
    await page.waitForSelector("html.pg-ready");
    await screenshot(page, "drift");
    for (const key of ["drifted", "changed", "deleted", "appeared", "introduced"])
      expect(await number(page, `[data-card="${key}"]`), key).toBe(json.summary[key]);
    for (const s of SEVERITIES) expect(await number(page, `[data-card="${s}"]`), s).toBe(json.summary.bySeverity[s]);
    expect(await number(page, '[data-count="drift"]')).toBe(json.summary["drifted"]);
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees (innerText), not the markup's
    expect(await page.evaluate(() => document.body.innerText)).toContain("(sensitive value changed)");
    await choose(page, "What happened", "deleted");
    expect(await number(page, '[data-count="drift"]')).toBe(json.summary["deleted"]);
    await choose(page, "What happened", "");
    await page.type("#pg-drift-search", "ingress.0.cidr_blocks");
    expect(await number(page, '[data-count="drift"]')).toBe(1);
    expectClean(report);
  });

  it("shows a drift history with the JSON report's numbers (screenshot)", async () => {
    // Real drift reports, recorded as if by nightly runs.
    const scenario = await runDrift({ target: { plan: "fixtures/drift/refresh-only-scenario.json" }, config: {} });
    const tofu = await runDrift({ target: { plan: "fixtures/drift/opentofu/drift.json" }, config: {} });
    const states = await runDrift({
      target: { baseline: "fixtures/drift/states/baseline.json", current: "fixtures/drift/states/current.tfstate" },
      config: {},
    });
    const nights = [
      tofu,
      scenario,
      scenario,
      states,
      scenario,
      tofu,
      scenario,
      scenario,
      states,
      scenario,
      scenario,
      scenario,
      states,
      scenario,
    ];
    const history = path.join(OUT, "drift-history.jsonl");
    writeFileSync(
      history,
      nights
        .map((r, i) => JSON.stringify(historyRecord(r, new Date(Date.UTC(2026, 10, 20 + i, 3, 17)))) + "\n")
        .join(""),
    );
    const html = path.join(OUT, "history.html");
    const run = await runCli(["report", history, "-f", "json", "-o", `html=${html}`]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      runs: { drifted: number }[];
      newSincePrevious: unknown[];
      mostDrifting: unknown[];
      episodes: { open: boolean }[];
    };
    const report = await open(html);
    const { page } = report;
    await page.waitForSelector("html.pg-ready");
    await screenshot(page, "history");
    expect(await number(page, '[data-card="runs"]')).toBe(json.runs.length);
    expect(await number(page, '[data-card="drifting"]')).toBe(json.runs.at(-1)!.drifted);
    expect(await number(page, '[data-card="new"]')).toBe(json.newSincePrevious.length);
    expect(await number(page, '[data-card="ever"]')).toBe(json.mostDrifting.length);
    expect(await page.$$eval("svg.pg-chart rect", (r) => r.length)).toBeGreaterThanOrEqual(json.runs.length);
    await page.click("#tab-episodes");
    expect(await number(page, '[data-count="episodes"]')).toBe(json.episodes.length);
    await choose(page, "State", "open");
    expect(await number(page, '[data-count="episodes"]')).toBe(json.episodes.filter((e) => e.open).length);
    expectClean(report);
  });
});
