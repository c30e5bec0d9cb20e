import type { Command } from "commander";
import { DEFAULT_MAX_BYTES } from "../plan/limits.js";
import type { RegoVersion } from "../rego/parser.js";
import type { PlanguardConfig } from "../config/config.js";
import { UsageError } from "./exit.js";

// Help of the source options; what they do is source-dir.ts's (loaded only when a command runs).
const SOURCE_DIR_HELP =
  "the root module's directory, where findings' .tf blocks are looked up (default: the plan's directory or the working directory, whichever declares the plan's resources)";
const REPO_ROOT_HELP =
  "report paths relative to this directory (default: the git repository around the sources, else the working directory)";

/**
 * The options every reporting command shares (scan, drift), so that they
 * read and behave the same everywhere. They are added in groups, each under
 * its heading in `--help` (what to print, when to fail, what to read), and a
 * command adds its own options to the group they belong to.
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

export const HELP_GROUPS = {
  output: "Output:",
  verdict: "Pass or fail:",
  rules: "Rules and policies:",
  input: "Inputs and sources:",
} as const;

export function addOutputOptions(command: Command, formats: readonly string[], example: string): Command {
  return command
    .optionsGroup(HELP_GROUPS.output)
    .option("-f, --format <format>", `report on stdout: ${formats.join(", ")}`, "text")
    .option("-o, --output <[format=]file>", `write a report to a file; repeatable (e.g. -o ${example})`, collect, [])
    .option("--no-color", "no colour in the text report");
}

export function addVerdictOptions(command: Command, what: string): Command {
  return command
    .optionsGroup(HELP_GROUPS.verdict)
    .option("--fail-on <severity>", `exit 1 when ${what} reaches this severity`, "low")
    .option("--soft-fail", `exit 0 even when ${what} reaches --fail-on (errors still exit 2)`);
}

export function addInputOptions(command: Command): Command {
  return command
    .optionsGroup(HELP_GROUPS.input)
    .option("-c, --config <file>", "config file (default: .planguard.yaml in the working directory)")
    .option("--max-input-size <bytes>", `refuse inputs larger than this (default ${DEFAULT_MAX_BYTES})`)
    .option("--source-dir <dir>", SOURCE_DIR_HELP)
    .option("--repo-root <dir>", REPO_ROOT_HELP)
    .option(
      "--environment <name>",
      "the environment the plans are for, one of the config's `environments` (default: detected from the provider configuration)",
    );
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

/** Like collect, and `a,b` counts as two (Checkov's --check takes comma-separated ids). */
export function collectList(value: string, previous: string[]): string[] {
  return [
    ...previous,
    ...value
      .split(",")
      .map((v) => v.trim())
      .filter((v) => v !== ""),
  ];
}

export function parseSize(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`--max-input-size must be a positive number of bytes (got "${value}")`);
  return n;
}

/** --rego-version of scan and test: the syntax of the user's policy files. */
export function parseRegoVersion(value: string): RegoVersion {
  if (value !== "v0" && value !== "v1") throw new UsageError(`--rego-version must be v0 or v1 (got "${value}")`);
  return value;
}
