import { formatGithub } from "../report/github.js";
import { formatDriftHtml } from "../report/html/drift.js";
import { sourceLinker } from "../report/html/links.js";
import type { DriftReport } from "./types.js";
import { formatDriftJson } from "./report/json.js";
import { formatDriftMarkdown } from "./report/markdown.js";
import { driftAsScan, formatDriftSarif } from "./report/sarif.js";
import { formatJunitXml } from "../report/junitxml.js";
import type { Severity } from "../policy/types.js";
import { formatDriftText } from "./report/text.js";

export interface DriftRenderContext {
  color: boolean;
  /** SARIF URIs are relative to it (the repository root). */
  baseDir: string;
  /** --fail-on: JUnit's failures are the findings that fail the run. */
  failOn?: Severity;
  /** Repository web links for .tf locations (src/report/html/links.ts). */
  sourceUrl?: string;
}

/** Drift report formats by name; each a pure function of the report. */
export const DRIFT_FORMATS: Record<string, (report: DriftReport, ctx: DriftRenderContext) => string> = {
  text: (r, ctx) => formatDriftText(r, { color: ctx.color }),
  json: (r) => formatDriftJson(r),
  markdown: (r) => formatDriftMarkdown(r),
  sarif: (r, ctx) => formatDriftSarif(r, { baseDir: ctx.baseDir }),
  github: (r, ctx) => formatGithub(r, { baseDir: ctx.baseDir, perLevel: 10 }),
  junitxml: (r, ctx) => formatJunitXml(driftAsScan(r), { failOn: ctx.failOn ?? "low", baseDir: ctx.baseDir }),
  html: (r, ctx) => {
    const link = sourceLinker(ctx.sourceUrl);
    return formatDriftHtml(r, { ...(ctx.failOn ? { failOn: ctx.failOn } : {}), ...(link ? { link } : {}) });
  },
};
