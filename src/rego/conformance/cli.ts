#!/usr/bin/env node
import { loadCases } from "./cases.js";
import { runCase } from "./run.js";

/**
 * `npm run conformance -- <files or folders>`: runs YAML conformance cases,
 * prints one line per failing case and ends with `N passed, N failed,
 * N skipped`; `--json` prints every result.
 */
const args = process.argv.slice(2);
const json = args.includes("--json");
const paths = args.filter((a) => a !== "--json");
if (paths.length === 0) {
  process.stderr.write("usage: npm run conformance -- [--json] <files or folders>\n");
  process.exit(2);
}
let cases;
try {
  cases = loadCases(paths);
} catch (err) {
  process.stderr.write(`conformance: ${(err as Error).message}\n`);
  process.exit(2);
}
const results = cases.map(runCase);
const count = (s: string) => results.filter((r) => r.status === s).length;
if (json) {
  process.stdout.write(JSON.stringify(results.map((r) => ({ file: r.case.file, note: r.case.note, status: r.status, reason: r.reason })), null, 2) + "\n");
} else {
  for (const r of results) if (r.status === "fail") process.stdout.write(`FAIL ${r.case.file} ${r.case.note}: ${r.reason}\n`);
}
process.stdout.write(`${count("pass")} passed, ${count("fail")} failed, ${count("skip")} skipped\n`);
process.exitCode = count("fail") > 0 ? 1 : 0;
