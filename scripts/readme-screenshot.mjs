// Renders the example ML platform's HTML report and takes the README's
// screenshot of it (docs/img/html-report.png) in headless Chromium, the same
// browser the tests use. Run after `npm run build`: `npm run docs:screenshot`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium } from "./chromium.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const work = mkdtempSync(path.join(tmpdir(), "planguard-screenshot-"));
const html = path.join(work, "report.html");
const args = [
  "dist/cli/planguard.js",
  "scan",
  "examples/ml-platform/plan.json",
  "--config",
  "examples/ml-platform/.planguard.yaml",
  "--source-dir",
  "examples/ml-platform",
  "-o",
  `html=${html}`,
  "-f",
  "json",
];
try {
  execFileSync(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
} catch (err) {
  // Exit 1 means findings, which the example has on purpose.
  if (err.status !== 1) throw err;
}
const browser = await launchChromium(path.join(work, "profile"));
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
  await page.waitForSelector("html.pg-ready");
  await page.screenshot({ path: path.join(root, "docs/img/html-report.png") });
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
console.log("wrote docs/img/html-report.png");
