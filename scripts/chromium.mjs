// Headless Chromium for the HTML report's browser tests, its benchmark and the README screenshot:
// Debian's `chromium` package (installed by .ci/run), driven by puppeteer-core, which downloads
// no browser. One place for where the browser is and how it is started.
import { existsSync } from "node:fs";

const CANDIDATES = [
  process.env.PLANGUARD_CHROMIUM,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];

/** The first Chromium found, or undefined. */
export function findChromium() {
  return CANDIDATES.find((c) => c !== undefined && c !== "" && existsSync(c));
}

/**
 * A headless Chromium with its profile in `userDataDir`: no sandbox (CI runs as root), and none
 * of the background traffic (updates, sync, QUIC) that would show up as requests.
 */
export async function launchChromium(userDataDir) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("no Chromium found (/usr/bin/chromium, or set PLANGUARD_CHROMIUM)");
  const { default: puppeteer } = await import("puppeteer-core");
  return puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir,
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
