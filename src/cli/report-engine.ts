import { HISTORY_FORMATS } from "../drift/history-formats.js";
import { readHistory } from "../drift/history.js";
import { summarizeHistory } from "../drift/history-summary.js";
import { TOOL_NAME, VERSION } from "../version.js";
import { EXIT_OK } from "./exit.js";
import { emit, parseOutputs } from "./output.js";
import { HISTORY_FORMAT_NAMES } from "./report.js";

/** `planguard report`'s engine, loaded when the command runs (src/cli/report.ts registers it). */
export interface ReportFlags {
  format: string;
  output: string[];
}

export async function reportCommand(file: string, flags: ReportFlags): Promise<number> {
  const targets = parseOutputs(flags.format, flags.output, HISTORY_FORMAT_NAMES);
  const summary = summarizeHistory(await readHistory(file), file, { name: TOOL_NAME, version: VERSION });
  for (const w of summary.warnings) process.stderr.write(`planguard: ${w}\n`);
  for (const t of targets) await emit(t, HISTORY_FORMATS[t.format]!(summary));
  return EXIT_OK;
}
