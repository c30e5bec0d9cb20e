import type { Command } from "commander";
import type { PlanguardConfig } from "../config/config.js";
import { DEFAULT_MAX_BYTES } from "../plan/load.js";
import { UsageError } from "./exit.js";
import { REPO_ROOT_HELP, SOURCE_DIR_HELP } from "./source-dir.js";

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
  environment?: string;
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
    .option("--repo-root <dir>", REPO_ROOT_HELP)
    .option("--environment <name>", "the environment the plans are for, one of the config's `environments` (default: detected from the provider configuration)");
}

/** --environment wins over the config's `environment:`; it must name a declared environment. */
export function withEnvironment(config: PlanguardConfig, name: string | undefined): PlanguardConfig {
  if (name === undefined) return config;
  const declared = Object.keys(config.environments ?? {});
  if (!declared.includes(name)) {
    throw new UsageError(
      declared.length === 0
        ? `--environment ${name}: the config declares no environments (add an \`environments:\` block, see docs/governance.md)`
        : `--environment ${name}: not one of the config's environments (${declared.join(", ")})`,
    );
  }
  return { ...config, environment: name };
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
