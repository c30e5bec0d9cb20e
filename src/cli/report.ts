import type { Command } from "commander";
import { collect } from "./common-options.js";
import type { ReportFlags } from "./report-engine.js";

/**
 * The history report's format names, for the help text and the option check.
 * The formats themselves (src/drift/history-formats.ts, with the HTML page and
 * its hashes) are imported when the command runs, not at every start; a test
 * holds this list to their keys.
 */
export const HISTORY_FORMAT_NAMES: readonly string[] = ["html", "markdown", "json"];

/** `planguard report drift-history.jsonl`: what the scheduled drift runs recorded, over time. */
export function registerReport(program: Command): void {
  program
    .command("report")
    .description(
      "report on a drift history written by `planguard drift --history`: drift over time, what drifts most, how long drift stays open",
    )
    .argument("<history>", "the drift history file (JSON lines)")
    .option("-f, --format <format>", `report on stdout: ${HISTORY_FORMAT_NAMES.join(", ")}`, "markdown")
    .option(
      "-o, --output <[format=]file>",
      "write a report to a file; repeatable (e.g. -o html=drift-history.html)",
      collect,
      [],
    )
    .action(async (file: string, flags: ReportFlags) => {
      const { reportCommand } = await import("./report-engine.js");
      process.exitCode = await reportCommand(file, flags);
    });
}
