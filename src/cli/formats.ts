import { formatGithub } from "../report/github.js";
import { formatHtml } from "../report/html/scan.js";
import { sourceLinker } from "../report/html/links.js";
import { formatJson } from "../report/json.js";
import { formatMarkdown } from "../report/markdown.js";
import { formatSarif } from "../report/sarif.js";
import { formatText } from "../report/text.js";
import type { Severity } from "../policy/types.js";
import type { ScanResult } from "../scan/result.js";

export interface RenderContext {
  color: boolean;
  baseDir: string;
  /** The threshold the HTML report's verdict is judged at. */
  failOn?: Severity;
  /** Repository web links for .tf locations (src/report/html/links.ts). */
  sourceUrl?: string;
}

/** Scan report formats by name; each a pure function of the result. */
export const SCAN_FORMATS: Record<string, (result: ScanResult, ctx: RenderContext) => string> = {
  text: (r, ctx) => formatText(r, { color: ctx.color }),
  json: (r) => formatJson(r),
  sarif: (r, ctx) => formatSarif(r, { baseDir: ctx.baseDir }),
  markdown: (r) => formatMarkdown(r),
  github: (r, ctx) => formatGithub(r, { baseDir: ctx.baseDir, perLevel: 10 }),
  html: (r, ctx) => {
    const link = sourceLinker(ctx.sourceUrl);
    return formatHtml(r, { ...(ctx.failOn ? { failOn: ctx.failOn } : {}), ...(link ? { link } : {}) });
  },
};
