import type { Command } from "commander";
import { HISTORY_FORMATS } from "../drift/history-formats.js";
import { readHistory } from "../drift/history.js";
import { summarizeHistory } from "../drift/history-summary.js";
import { TOOL_NAME, VERSION } from "../version.js";
import { collect } from "./common-options.js";
import { EXIT_OK } from "./exit.js";
import { emit, parseOutputs } from "./output.js";

interface ReportFlags {
  format: string;
  output: string[];
}

/** `planguard report drift-history.jsonl`: what the scheduled drift runs recorded, over time. */
export function registerReport(program: Command): void {
  program
    .command("report")
    .description("report on a drift history written by `planguard drift --history`: drift over time, what drifts most, how long drift stays open")
    .argument("<history>", "the drift history file (JSON lines)")
    .option("-f, --format <format>", `report on stdout: ${Object.keys(HISTORY_FORMATS).join(", ")}`, "markdown")
    .option("-o, --output <[format=]file>", "write a report to a file; repeatable (e.g. -o html=drift-history.html)", collect, [])
    .action(async (file: string, flags: ReportFlags) => {
      process.exitCode = await reportCommand(file, flags);
    });
}

async function reportCommand(file: string, flags: ReportFlags): Promise<number> {
  const targets = parseOutputs(flags.format, flags.output, Object.keys(HISTORY_FORMATS));
  const summary = summarizeHistory(await readHistory(file), file, { name: TOOL_NAME, version: VERSION });
  for (const w of summary.warnings) process.stderr.write(`planguard: ${w}\n`);
  for (const t of targets) await emit(t, HISTORY_FORMATS[t.format]!(summary));
  return EXIT_OK;
}
