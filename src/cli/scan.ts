import { Option, type Command } from "commander";
import { SCAN_FORMAT_NAMES } from "../report/formats.js";
import {
  addInputOptions,
  addOutputOptions,
  addVerdictOptions,
  collect,
  collectList,
  HELP_GROUPS,
} from "./common-options.js";
import type { ScanFlags } from "./scan-command.js";

export function registerScan(program: Command): void {
  const command = program
    .command("scan")
    .description("judge a plan or state (the JSON of `terraform show -json`) against the policies")
    .argument("<files...>", "plan or state JSON files; - reads stdin");
  addOutputOptions(command, SCAN_FORMAT_NAMES, "sarif=results.sarif")
    .option("-q, --quiet", "text report: only the summary and why the exit code is what it is, on one line")
    .option("--compact", "text report: one line per finding");
  addVerdictOptions(command, "a finding")
    .option("--baseline <file>", "findings recorded in this baseline are suppressed: fail only on new ones")
    .option("--write-baseline <file>", "record today's findings as the baseline");
  command
    .optionsGroup(HELP_GROUPS.rules)
    .option(
      "--rule <id>",
      "run only this rule (id or alias, e.g. CKV_AWS_3; comma-separated or repeated)",
      collectList,
      [],
    )
    .option("--skip-rule <id>", "do not run this rule (id or alias; comma-separated or repeated)", collectList, [])
    .addOption(new Option("--check <id>", "Checkov's name for --rule").hideHelp().argParser(collectList).default([]))
    .addOption(
      new Option("--skip-check <id>", "Checkov's name for --skip-rule").hideHelp().argParser(collectList).default([]),
    )
    .option("-p, --policy <path>", "Rego policy file or directory (conftest's contract); repeatable", collect, [])
    .option("-d, --data <file>", "JSON or YAML document added under data; repeatable", collect, [])
    .option(
      "-n, --namespace <package>",
      "Rego package whose deny/violation/warn rules run; repeatable (default: main)",
      collect,
      [],
    )
    .option("--all-namespaces", "run the deny/violation/warn rules of every package")
    .option("--no-bundled", "do not run the bundled policy library")
    .option("--bundle <file>", "a policy.wasm or bundle.tar.gz built with `opa build -t wasm`; repeatable", collect, [])
    .option("--policy-timeout <ms>", "time budget for evaluating the Rego policies on one plan", "30000")
    .option("--policy-max-depth <n>", "how deeply Rego rules and functions may call each other", "2000")
    .option("--rego-version <v0|v1>", "Rego syntax of --policy files: v1 (OPA 1.x, the default) or v0 (OPA 0.x)", "v1");
  addInputOptions(command)
    .option("--changed-only", "judge only resources the plan creates, updates or replaces (pull-request mode)")
    .action(async (files: string[], flags: ScanFlags) => {
      // The scan's engines are loaded when a scan runs, not for --help or another command.
      const { scanCommand } = await import("./scan-command.js");
      process.exitCode = await scanCommand(files, flags);
    });
}
