#!/usr/bin/env node
/**
 * The baseline of the whole-process benchmark (bench/process.js): what any
 * Node.js tool must pay for a plan, in a process of its own: start node,
 * read the file, JSON.parse it.
 *
 *   node bench/read-parse.js plan.json
 *
 * A file over V8's string limit (~512 MiB) cannot be parsed as one string;
 * it is parsed member by member: the top-level members of a compact
 * `terraform show -json` file are found by their `,"name":` openers, and
 * each value is parsed on its own. An opener that is not at the top level
 * gives a piece that does not parse, and the baseline fails rather than
 * measuring less than the whole file.
 */
import { readFileSync } from "node:fs";
import { constants } from "node:buffer";

const MEMBERS = [
  "format_version",
  "terraform_version",
  "variables",
  "planned_values",
  "resource_drift",
  "resource_changes",
  "output_changes",
  "prior_state",
  "configuration",
  "relevant_attributes",
  "checks",
  "timestamp",
  "applyable",
  "complete",
  "errored",
];

const file = process.argv[2];
const bytes = readFileSync(file);
if (bytes.length < constants.MAX_STRING_LENGTH) {
  JSON.parse(bytes.toString("utf8"));
} else {
  // [start of the member's opener, start of its value] in file order.
  const found = [];
  for (const name of MEMBERS) {
    const opener = Buffer.from(`"${name}":`);
    const at = bytes.indexOf(opener);
    if (at >= 0 && (bytes[at - 1] === 0x7b || bytes[at - 1] === 0x2c)) found.push([at, at + opener.length]);
  }
  found.sort((a, b) => a[0] - b[0]);
  if (found.length === 0) throw new Error(`${file}: no top-level member found`);
  for (let i = 0; i < found.length; i++) {
    // A value ends before the comma of the next opener, or before the closing brace of the file.
    const end = i + 1 < found.length ? found[i + 1][0] - 1 : bytes.lastIndexOf(0x7d);
    JSON.parse(bytes.toString("utf8", found[i][1], end));
  }
}
