#!/usr/bin/env node
/**
 * How fast the HTML report renders in a browser (`npm run bench:html`; build
 * first). Writes a scan report of N synthetic findings (default 25,000, as
 * a large real plan gives: long addresses and messages, every one linked to
 * its .tf lines), then opens it in headless Chromium (Debian's chromium,
 * through puppeteer-core) several times and prints the file's size and, per
 * run, the time from navigation start to the first table page drawn (the
 * page sets html.pg-ready when its script is done), and the time one
 * severity filter over all findings takes. The median is the figure; the
 * machine is shared, so single runs vary.
 *
 *   node bench/html-report.js [--findings 25000] [--runs 5]
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium } from "../scripts/chromium.mjs";
import { formatHtml } from "../dist/report/html/scan.js";
import { sourceLinker } from "../dist/report/html/links.js";
import { summarizeGpus } from "../dist/gpu/summary.js";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const n = arg("findings", 25_000);
const runs = arg("runs", 5);

const severities = ["critical", "high", "medium", "low", "info"];
const categories = ["encryption", "iam", "network", "gpu"];
const rules = Array.from({ length: 40 }, (_, i) => ({
  id: `PG-SYN-${String(i).padStart(3, "0")}`,
  title: `Synthetic rule ${i}`,
  description: "",
  severity: severities[i % 5],
  category: categories[i % 4],
  providers: [],
  resourceTypes: [],
  compliance: [],
  aliases: [],
  language: "typescript",
  origin: "builtin",
  remediation: `Set the attribute that rule ${i} asks for, for example encrypted = true with a customer-managed KMS key, and apply.`,
}));
const findings = Array.from({ length: n }, (_, i) => {
  const rule = rules[i % rules.length];
  const address = `module.platform_${i % 50}.aws_s3_bucket.training_data_bucket_${i}`;
  return {
    ruleId: rule.id,
    severity: rule.severity,
    category: rule.category,
    message: `S3 bucket ${address} does not declare server-side encryption with a customer-managed key (number ${i}).`,
    resource: { address, type: "aws_s3_bucket", module: `module.platform_${i % 50}` },
    attribute: "server_side_encryption_configuration",
    source: { file: `modules/platform_${i % 50}/storage.tf`, line: 10 + (i % 400), endLine: 30 + (i % 400) },
    fingerprint: String(i).padStart(32, "0"),
    file: "plan.json",
  };
});
const result = {
  tool: { name: "planguard", version: "bench" },
  inputs: [
    { file: "plan.json", kind: "plan", format: "plan", formatVersion: "1.2", resources: n, judged: n, warnings: [] },
  ],
  rules,
  findings,
  failures: [],
  gpu: summarizeGpus([]),
};

const work = mkdtempSync(path.join(tmpdir(), "planguard-bench-html-"));
const file = path.join(work, "report.html");
const t0 = performance.now();
writeFileSync(
  file,
  formatHtml(result, {
    link: sourceLinker(
      "https://github.com/acme/infra/blob/0123456789abcdef0123456789abcdef01234567/{path}#L{line}-L{end_line}",
    ),
  }),
);
const renderMs = performance.now() - t0;
const bytes = statSync(file).size;

const browser = await launchChromium(path.join(work, "profile"));
const shown = [];
const filtered = [];
try {
  for (let r = 0; r < runs; r++) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.waitForSelector("html.pg-ready");
    shown.push(await page.evaluate(() => performance.now()));
    filtered.push(
      await page.evaluate(() => {
        const select = document.querySelector("#view-findings select");
        const start = performance.now();
        select.value = "critical";
        select.dispatchEvent(new Event("change"));
        return performance.now() - start;
      }),
    );
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;
console.log(`${n} findings: ${(bytes / 1024 / 1024).toFixed(2)} MB, written in ${ms(renderMs)}`);
console.log(`first page drawn: median ${ms(median(shown))} (runs: ${shown.map(ms).join(", ")})`);
console.log(`severity filter over all findings: median ${ms(median(filtered))} (runs: ${filtered.map(ms).join(", ")})`);
