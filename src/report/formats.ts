import type { Severity } from "../policy/types.js";
import type { ReportText } from "./pieces.js";
import type { TextOptions } from "./text.js";
import type { ScanResult } from "../scan/result.js";
import type { Verdict } from "../scan/verdict.js";

export interface RenderContext {
  color: boolean;
  baseDir: string;
  /** --fail-on: the JUnit report's failures and the HTML page's verdict are judged at it. */
  failOn?: Severity;
  /** The exit code and why, for the text report's last line. */
  verdict?: Verdict;
  /** --compact / --quiet (text only). */
  layout?: TextOptions["layout"];
  /** Repository web links for .tf locations (src/report/html/links.ts). */
  sourceUrl?: string;
}

type Render = (result: ScanResult, ctx: RenderContext) => ReportText | Promise<ReportText>;

/**
 * Scan report formats by name; each a pure function of the result. A
 * formatter's module is loaded when a report in its format is written, so
 * a run pays only for the formats it writes.
 */
export const SCAN_FORMATS: Record<string, () => Promise<Render>> = {
  text: async () => {
    const { textPieces } = await import("./text.js");
    return (r, ctx) =>
      textPieces(r, {
        color: ctx.color,
        ...(ctx.verdict ? { verdict: ctx.verdict } : {}),
        ...(ctx.layout ? { layout: ctx.layout } : {}),
      });
  },
  json: async () => {
    const { jsonReportPieces } = await import("./json.js");
    return (r) => jsonReportPieces(r);
  },
  sarif: async () => {
    const { sarifPieces } = await import("./sarif.js");
    return (r, ctx) => sarifPieces(r, { baseDir: ctx.baseDir });
  },
  markdown: async () => {
    const { formatMarkdown } = await import("./markdown.js");
    return (r) => formatMarkdown(r);
  },
  github: async () => {
    const { formatGithub } = await import("./github.js");
    return (r, ctx) => formatGithub(r, { baseDir: ctx.baseDir, perLevel: 10 });
  },
  junitxml: async () => {
    const { junitXmlPieces } = await import("./junitxml.js");
    return (r, ctx) => junitXmlPieces(r, { failOn: ctx.failOn ?? "low", baseDir: ctx.baseDir });
  },
  html: async () => {
    const [{ formatHtml }, { sourceLinker }] = await Promise.all([import("./html/scan.js"), import("./html/links.js")]);
    return (r, ctx) => {
      const link = sourceLinker(ctx.sourceUrl);
      return formatHtml(r, { ...(ctx.failOn ? { failOn: ctx.failOn } : {}), ...(link ? { link } : {}) });
    };
  },
};

export const SCAN_FORMAT_NAMES: readonly string[] = Object.keys(SCAN_FORMATS);

/**
 * The report in one of SCAN_FORMAT_NAMES (checked when the options were read): a string, or
 * the pieces a large one is written in (src/report/pieces.ts), produced as they are written.
 */
export async function renderScan(format: string, result: ScanResult, ctx: RenderContext): Promise<ReportText> {
  const load = SCAN_FORMATS[format];
  if (!load) throw new Error(`unknown scan format "${format}"`);
  return (await load())(result, ctx);
}
