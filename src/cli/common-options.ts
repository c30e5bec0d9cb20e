import type { Command } from "commander";
import { DEFAULT_MAX_BYTES } from "../plan/limits.js";
import { UsageError } from "./exit.js";

// Help of the source options; what they do is source-dir.ts's (loaded only when a command runs).
const SOURCE_DIR_HELP = "the root module's directory, where findings' .tf blocks are looked up (default: the working directory if it has .tf files, else the plan's directory)";
const REPO_ROOT_HELP = "report paths relative to this directory (default: the git repository around the sources)";

/**
 * The options every reporting command shares (scan, drift), so that they
 * read and behave the same everywhere.
 */
export interface CommonFlags {
  format: string;
  output: string[];
  config?: string;
  failOn: string;
  softFail?: boolean;
  color: boolean;
  maxInputSize?: string;
  sourceDir?: string;
  repoRoot?: string;
}

export function addCommonOptions(command: Command, formats: readonly string[], what: string, example: string): Command {
  return command
    .option("-f, --format <format>", `report on stdout: ${formats.join(", ")}`, "text")
    .option("-o, --output <[format=]file>", `write a report to a file; repeatable (e.g. -o ${example})`, collect, [])
    .option("-c, --config <file>", "config file (default: .planguard.yaml in the working directory)")
    .option("--fail-on <severity>", `exit 1 when ${what} reaches this severity`, "low")
    .option("--soft-fail", `exit 0 even when ${what} reaches --fail-on (errors still exit 2)`)
    .option("--no-color", "no colour in the text report")
    .option("--max-input-size <bytes>", `refuse inputs larger than this (default ${DEFAULT_MAX_BYTES})`)
    .option("--source-dir <dir>", SOURCE_DIR_HELP)
    .option("--repo-root <dir>", REPO_ROOT_HELP);
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function parseSize(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--max-input-size must be a positive number of bytes (got "${value}")`);
  return n;
}
