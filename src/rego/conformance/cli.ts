#!/usr/bin/env node
/**
 * Conformance runner: `npm run conformance -- [--json] [--v0|--v1] [--filter text] <files or dirs>`.
 * Prints one line per failing case and ends with `N passed, N failed, N skipped`;
 * `--json` prints every outcome as JSON instead. Exit code 1 when a case failed.
 */
import { ConformanceFormatError, findCaseFiles, loadCaseFile } from "./loader.js";
import { runCase, type CaseOutcome, type RunOptions } from "./runner.js";

function main(argv: string[]): number {
  const paths: string[] = [];
  let json = false;
  let filter: string | undefined;
  const options: RunOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") json = true;
    else if (a === "--v0") options.regoVersion = "v0";
    else if (a === "--v1") options.regoVersion = "v1";
    else if (a === "--filter") filter = argv[++i];
    else if (a === "-h" || a === "--help") {
      process.stdout.write("usage: conformance [--json] [--v0|--v1] [--filter text] <files or dirs>\n");
      return 0;
    } else paths.push(a);
  }
  if (paths.length === 0) {
    process.stderr.write("conformance: name case files or directories\n");
    return 2;
  }
  const outcomes: CaseOutcome[] = [];
  try {
    for (const file of findCaseFiles(paths)) {
      for (const c of loadCaseFile(file)) {
        if (filter && !`${file} ${c.note}`.includes(filter)) continue;
        outcomes.push(runCase(c, options));
      }
    }
  } catch (err) {
    if (err instanceof ConformanceFormatError || (err as NodeJS.ErrnoException).code === "ENOENT") {
      process.stderr.write(`conformance: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
  const count = (s: CaseOutcome["status"]) => outcomes.filter((o) => o.status === s).length;
  if (json) {
    process.stdout.write(
      JSON.stringify(
        { passed: count("pass"), failed: count("fail"), skipped: count("skip"), cases: outcomes },
        null,
        2,
      ) + "\n",
    );
  } else {
    for (const o of outcomes)
      if (o.status === "fail") process.stdout.write(`FAIL ${o.file}: ${o.note}: ${firstLine(o.reason)}\n`);
    process.stdout.write(`${count("pass")} passed, ${count("fail")} failed, ${count("skip")} skipped\n`);
  }
  return count("fail") > 0 ? 1 : 0;
}

function firstLine(s: string | undefined): string {
  return (s ?? "").split("\n").slice(0, 3).join(" | ");
}

process.exitCode = main(process.argv.slice(2));
