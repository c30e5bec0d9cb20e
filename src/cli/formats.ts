import { formatGithub } from "../report/github.js";
import { formatHtml } from "../report/html/scan.js";
import { sourceLinker } from "../report/html/links.js";
import { formatJson } from "../report/json.js";
import { formatJunitXml } from "../report/junitxml.js";
import { formatMarkdown } from "../report/markdown.js";
import { formatSarif } from "../report/sarif.js";
import { formatText, type TextOptions } from "../report/text.js";
import type { Severity } from "../policy/types.js";
import type { ScanResult } from "../scan/result.js";
import type { Verdict } from "../scan/verdict.js";

export interface RenderContext {
  color: boolean;
  baseDir: string;
  /** --fail-on: the JUnit report's failures are the findings that fail the scan. */
  failOn?: Severity;
  /** The exit code and why, for the text report's last line. */
  verdict?: Verdict;
  /** --compact / --quiet (text only). */
  layout?: TextOptions["layout"];
  /** Repository web links for .tf locations (src/report/html/links.ts). */
  sourceUrl?: string;
}

/** Scan report formats by name; each a pure function of the result. */
export const SCAN_FORMATS: Record<string, (result: ScanResult, ctx: RenderContext) => string> = {
  text: (r, ctx) => formatText(r, { color: ctx.color, ...(ctx.verdict ? { verdict: ctx.verdict } : {}), ...(ctx.layout ? { layout: ctx.layout } : {}) }),
  json: (r) => formatJson(r),
  sarif: (r, ctx) => formatSarif(r, { baseDir: ctx.baseDir }),
  markdown: (r) => formatMarkdown(r),
  github: (r, ctx) => formatGithub(r, { baseDir: ctx.baseDir, perLevel: 10 }),
  junitxml: (r, ctx) => formatJunitXml(r, { failOn: ctx.failOn ?? "low", baseDir: ctx.baseDir }),
  html: (r, ctx) => {
    const link = sourceLinker(ctx.sourceUrl);
    return formatHtml(r, { ...(ctx.failOn ? { failOn: ctx.failOn } : {}), ...(link ? { link } : {}) });
  },
};
