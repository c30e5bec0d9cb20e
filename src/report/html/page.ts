import { createHash } from "node:crypto";
import { escapeHtml, jsonForScript } from "./escape.js";
import { REPORT_CSS } from "./styles.js";
import { clientMain } from "./client.js";
import { compactView, type PageData } from "./view.js";

/**
 * The frame of every HTML report: one self-contained file. Styles, script
 * and data are inline; the Content-Security-Policy allows exactly that
 * style and that script (by their SHA-256) and nothing else: no network
 * request of any kind, no other script, no inline event handler, so even a
 * value that escaped escaping could not run.
 */

export interface PageParts {
  title: string;
  /** Already-escaped HTML of the page's body. */
  body: string;
  /** What the page's script reads: the tables it renders (see client.ts). */
  data: PageData;
}

/** The browser side, as the source of one self-contained function (client.ts imports nothing). */
const CLIENT_SCRIPT = `(${clientMain.toString()})();`;

const hash = (text: string): string => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${hash(CLIENT_SCRIPT)}`,
  `style-src ${hash(REPORT_CSS)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

export function htmlPage(parts: PageParts): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    "</head>",
    "<body>",
    parts.body,
    `<script type="application/json" id="pg-data">${jsonForScript({ ...parts.data, views: parts.data.views.map(compactView) })}</script>`,
    `<script>${CLIENT_SCRIPT}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
