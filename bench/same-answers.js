#!/usr/bin/env node
/**
 * Checks that two builds of the command line answer the same: for every JSON
 * file under the given directories, `planguard scan <file> --format json` run
 * by each (in the file's directory, so a `.planguard.yaml` there applies),
 * with the same stdout, stderr and exit code. A speed-up must not change
 * what a scan reports; this is how a change to start-up or loading is
 * checked against the commit before it (docs/performance.md).
 *
 *   node bench/same-answers.js --before <dir>/dist/cli/planguard.cjs --after dist/cli/planguard.cjs \
 *     [--jobs 2] [dirs...]   (default: examples fixtures/plans fixtures/rules fixtures/real-plans ../shared/fixtures)
 *
 * Build the commit before in a second copy (`git worktree add /tmp/pg-base <commit>`, `npm ci`,
 * `npm run build`). Prints each difference and a count; exits 1 when any answer differs.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const DEFAULT_DIRS = ["examples", "fixtures/plans", "fixtures/rules", "fixtures/real-plans", "../shared/fixtures"];

function parseOptions(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { before: { type: "string" }, after: { type: "string" }, jobs: { type: "string", default: "2" } },
    });
  } catch (error) {
    fail(error.message);
  }
  const { values, positionals } = parsed;
  if (!values.before || !values.after) fail("--before and --after name the two command lines (their planguard.cjs)");
  const args = { before: path.resolve(values.before), after: path.resolve(values.after), jobs: Number(values.jobs) };
  for (const bin of [args.before, args.after]) if (!existsSync(bin)) fail(`${bin} does not exist`);
  if (!Number.isInteger(args.jobs) || args.jobs < 1) fail("--jobs must be a positive integer");
  args.dirs =
    positionals.length > 0 ? positionals : DEFAULT_DIRS.map((d) => path.join(ROOT, d)).filter((d) => existsSync(d));
  return args;
}

function fail(message) {
  process.stderr.write(`same-answers: ${message}\n`);
  process.exit(2);
}

/** The JSON files under `dir`, sorted, node_modules left out. */
function jsonFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === "node_modules") continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && e.name.endsWith(".json")) out.push(full);
    }
  };
  walk(path.resolve(dir));
  return out.sort();
}

function run(bin, file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, "scan", file, "--format", "json"], {
      cwd: path.dirname(file),
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function main() {
  const args = parseOptions(process.argv.slice(2));
  const files = args.dirs.flatMap(jsonFiles);
  let next = 0;
  let differing = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      const [a, b] = [await run(args.before, file), await run(args.after, file)];
      const what = ["code", "stdout", "stderr"].filter((k) => a[k] !== b[k]);
      if (what.length > 0) {
        differing++;
        process.stdout.write(`DIFFERS (${what.join(", ")}): ${path.relative(process.cwd(), file)}\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: args.jobs }, worker));
  process.stdout.write(`${files.length - differing} of ${files.length} files: the same report, stderr and exit code\n`);
  process.exitCode = differing === 0 ? 0 : 1;
}

await main();
