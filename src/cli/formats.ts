import type { ScanResult } from "../scan/result.js";

export interface RenderContext {
  color: boolean;
  baseDir: string;
}

type Render = (result: ScanResult, ctx: RenderContext) => string;

/**
 * Scan report formats by name; each a pure function of the result. A
 * formatter's module is loaded when a report in its format is written, so
 * a run pays only for the formats it writes.
 */
const SCAN_FORMATS: Record<string, () => Promise<Render>> = {
  text: async () => {
    const { formatText } = await import("../report/text.js");
    return (r, ctx) => formatText(r, { color: ctx.color });
  },
  json: async () => {
    const { formatJson } = await import("../report/json.js");
    return (r) => formatJson(r);
  },
  sarif: async () => {
    const { formatSarif } = await import("../report/sarif.js");
    return (r, ctx) => formatSarif(r, { baseDir: ctx.baseDir });
  },
  markdown: async () => {
    const { formatMarkdown } = await import("../report/markdown.js");
    return (r) => formatMarkdown(r);
  },
  github: async () => {
    const { formatGithub } = await import("../report/github.js");
    return (r, ctx) => formatGithub(r, { baseDir: ctx.baseDir, perLevel: 10 });
  },
};

export const SCAN_FORMAT_NAMES: readonly string[] = Object.keys(SCAN_FORMATS);

/** The report in one of SCAN_FORMAT_NAMES (checked when the options were read). */
export async function renderScan(format: string, result: ScanResult, ctx: RenderContext): Promise<string> {
  const load = SCAN_FORMATS[format];
  if (!load) throw new Error(`unknown scan format "${format}"`);
  return (await load())(result, ctx);
}
