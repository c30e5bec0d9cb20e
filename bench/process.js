#!/usr/bin/env node
/**
 * The whole-process benchmark (`npm run bench -- --process`): planguard as
 * users time it, one `planguard scan` process from start-up to exit, paired
 * with a bare-node read+parse of the same file in a process of its own
 * (bench/read-parse.js).
 *
 *   node bench/run.js --process [--cases empty,15k,dense-15k,150k,dense-150k] [--runs 5] [--seed 42]
 *
 * Cases: `empty` (a plan with no resources), `Nk` (bench/generate.js: an ML
 * platform, ~4.5 KB per resource, ~5% breaking a rule), `dense-Nk`
 * (bench/generate-dense.js: ~0.9 KB per resource, about half breaking one),
 * and `help` (`planguard --help`, paired with `node` running an empty file).
 * Plans are generated into bench/out/ when missing.
 *
 * Each case: one warm-up of each command, then --runs pairs run in turn
 * (planguard, baseline, planguard, ...). Each run is timed from outside:
 * wall by this process, CPU (user + system) and peak RSS by GNU time
 * (`/usr/bin/time`), the operating system's accounting of the finished
 * process. Printed: the medians, and the median of the pair-by-pair ratios,
 * which hold when the machine's speed drifts (it is shared).
 *
 * planguard runs as installed: the bundle (dist/cli/planguard.cjs, the bin, copied
 * with policies/ to bench/out/ when the bench starts, so a rebuild during
 * the run does not mix versions), the text report to /dev/null, the bench's
 * config (every GPU rule on, as in the in-process bench), exit 1 on findings.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const OUT = path.join(ROOT, "bench", "out");
const TIME = "/usr/bin/time";
const MiB = 1024 * 1024;

/** The targets of issue 18 (whole process, paired, median). */
export const PROCESS_TARGETS = {
  emptyWallS: 0.15,
  emptyOverBaseline: 1.7,
  planOverBaseline: 2.0,
  bigPlanOverBaseline: 1.8,
  rssFactor: 2.5,
  rssExtraMiB: 150,
  helpWallS: 0.12,
};

function parseArgs(argv, benchConfig) {
  const args = {
    cases: ["help", "empty", "15k", "dense-15k", "150k", "dense-150k"],
    runs: 5,
    seed: 42,
    config: benchConfig,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === "--process") continue;
    else if (a === "--cases" || a === "--sizes")
      args.cases = val()
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    else if (a === "--runs") args.runs = Number(val());
    else if (a === "--seed") args.seed = Number(val());
    else fail(`unknown option ${a} (with --process: --cases, --runs, --seed)`);
  }
  for (const c of args.cases) if (!/^(help|empty|(dense-)?\d+k?)$/.test(c)) fail(`unknown case ${c}`);
  if (!Number.isInteger(args.runs) || args.runs < 1 || args.runs > 50) fail("--runs must be 1 to 50");
  return args;
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

const log = (m) => process.stdout.write(m + "\n");
const resourcesOf = (label) => (label.endsWith("k") ? Number(label.slice(0, -1)) * 1000 : Number(label));

/** The plan file of a case, generated when missing. */
function planOf(label, seed) {
  mkdirSync(OUT, { recursive: true });
  if (label === "empty") {
    const file = path.join(OUT, "plan-empty.json");
    writeFileSync(
      file,
      JSON.stringify({
        format_version: "1.2",
        terraform_version: "1.9.8",
        planned_values: { root_module: {} },
        resource_changes: [],
        configuration: { root_module: {} },
        applyable: false,
        complete: true,
        errored: false,
      }) + "\n",
    );
    return file;
  }
  const dense = label.startsWith("dense-");
  const size = dense ? label.slice("dense-".length) : label;
  const file = path.join(OUT, `plan-${dense ? "dense-" : ""}${size}${seed === 42 ? "" : `-s${seed}`}.json`);
  if (!existsSync(file)) {
    log(`generating ${path.relative(ROOT, file)}...`);
    const gen = spawnWait(
      process.execPath,
      [
        path.join(ROOT, "bench", dense ? "generate-dense.js" : "generate.js"),
        "--resources",
        String(resourcesOf(size)),
        "--seed",
        String(seed),
        "--out",
        file,
      ],
      "inherit",
    );
    return gen.then((code) => {
      if (code !== 0) fail(`generating ${file} failed`);
      return file;
    });
  }
  return file;
}

function spawnWait(cmd, args, stdio) {
  return new Promise((resolve) => spawn(cmd, args, { stdio }).on("close", (code) => resolve(code)));
}

/** One run of a command as a whole process: wall (measured here), CPU and peak RSS (GNU time). */
async function timeOnce(argv, cwd) {
  const usage = path.join(OUT, `usage-${process.pid}.txt`);
  rmSync(usage, { force: true });
  const start = process.hrtime.bigint();
  const code = await new Promise((resolve, reject) => {
    const child = spawn(TIME, ["-o", usage, "-f", "%x %U %S %M", ...argv], {
      cwd,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-2000)));
    child.on("error", reject);
    child.on("close", (c) =>
      c === 0 || c === 1 ? resolve(c) : reject(new Error(`${argv.join(" ")} exited with ${c}: ${stderr.trim()}`)),
    );
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const [exit, user, sys, kib] = readFileSync(usage, "utf8").trim().split("\n").pop().split(" ").map(Number);
  rmSync(usage, { force: true });
  return { exit: exit ?? code, wall, cpu: user + sys, peakMiB: kib / 1024 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** --runs pairs of A and B in turn after one warm-up of each; medians and pair-by-pair ratios. */
async function paired(a, b, runs, cwd) {
  await timeOnce(a, cwd);
  await timeOnce(b, cwd);
  const as = [];
  const bs = [];
  for (let i = 0; i < runs; i++) {
    as.push(await timeOnce(a, cwd));
    bs.push(await timeOnce(b, cwd));
  }
  const med = (runs, k) => median(runs.map((r) => r[k]));
  const ratio = (k) => median(as.map((r, i) => r[k] / bs[i][k]));
  return {
    planguard: {
      wall: med(as, "wall"),
      cpu: med(as, "cpu"),
      peakMiB: med(as, "peakMiB"),
      wallRange: [Math.min(...as.map((r) => r.wall)), Math.max(...as.map((r) => r.wall))],
      exit: as[0].exit,
    },
    baseline: { wall: med(bs, "wall"), cpu: med(bs, "cpu"), peakMiB: med(bs, "peakMiB") },
    ratio: { wall: ratio("wall"), cpu: ratio("cpu") },
  };
}

/**
 * dist/cli (the bundle and its caches) and policies/ copied, laid out as in the package, with
 * their modification times kept: a scan takes the compiled policy cache unread only when no
 * policy file is newer than it (docs/DESIGN.md, "The bundled files, checked without reading
 * them"), as in a build or an npm install. A copy stamped with the time of copying made every
 * file newer than the cache, and the bench then timed reading and hashing all of them.
 */
function snapshot() {
  const dir = path.join(OUT, `process-snapshot-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  cpSync(path.join(ROOT, "dist", "cli"), path.join(dir, "dist", "cli"), {
    recursive: true,
    preserveTimestamps: true,
    filter: (f) => !f.endsWith(".map") || f.includes("planguard"),
  });
  cpSync(path.join(ROOT, "policies"), path.join(dir, "policies"), { recursive: true, preserveTimestamps: true });
  return path.join(dir, "dist", "cli", "planguard.cjs");
}

export async function processMain(argv, { benchConfig, gitState }) {
  const args = parseArgs(argv, benchConfig);
  if (!existsSync(path.join(ROOT, "dist", "cli", "planguard.cjs")))
    fail("dist/cli/planguard.cjs is missing: run `npm run build` first");
  if (!existsSync(TIME))
    fail(`${TIME} (GNU time) is missing: it measures each process's CPU and peak memory (apt-get install time)`);
  mkdirSync(OUT, { recursive: true });
  const bin = snapshot();
  const config = path.join(OUT, "bench-config.json");
  writeFileSync(config, JSON.stringify(args.config) + "\n");
  const emptyScript = path.join(OUT, "empty-script.js");
  writeFileSync(emptyScript, "");
  const git = gitState();
  const machine = {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    node: process.version,
    loadAvgAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
  log(
    `planguard whole-process bench: ${machine.nproc} cores (${machine.cpu}), node ${machine.node}, load ${machine.loadAvgAtStart.join(" ")}; commit ${git.commit}${git.uncommittedSrcFiles ? ` + ${git.uncommittedSrcFiles} uncommitted src files` : ""}; ${args.runs} pairs per case, medians`,
  );
  log("");
  log(
    "case          file MB   planguard wall   cpu     peak MiB | read+parse wall   cpu   peak MiB | ratio wall  cpu | peak limit",
  );
  const results = {
    date: new Date().toISOString(),
    machine,
    git,
    runs: args.runs,
    targets: PROCESS_TARGETS,
    cases: {},
  };
  for (const label of args.cases) {
    let r;
    let bytes = 0;
    if (label === "help") {
      r = await paired([process.execPath, bin, "--help"], [process.execPath, emptyScript], args.runs, OUT);
    } else {
      const file = await planOf(label, args.seed);
      bytes = statSync(file).size;
      r = await paired(
        [process.execPath, bin, "scan", file, "--config", config],
        [process.execPath, path.join(ROOT, "bench", "read-parse.js"), file],
        args.runs,
        OUT,
      );
    }
    const limitMiB =
      label === "help" ? undefined : (PROCESS_TARGETS.rssFactor * bytes) / MiB + PROCESS_TARGETS.rssExtraMiB;
    results.cases[label] = { bytes, ...r, peakLimitMiB: limitMiB };
    const p = r.planguard;
    const b = r.baseline;
    log(
      `${label.padEnd(12)} ${(bytes / 1e6).toFixed(1).padStart(7)}   ${p.wall.toFixed(3).padStart(8)} s ${p.cpu.toFixed(2).padStart(7)} s ${p.peakMiB.toFixed(0).padStart(7)}  | ${b.wall.toFixed(3).padStart(8)} s ${b.cpu.toFixed(2).padStart(6)} s ${b.peakMiB.toFixed(0).padStart(6)}  | ${r.ratio.wall.toFixed(2).padStart(6)}x ${r.ratio.cpu.toFixed(2).padStart(5)}x | ${limitMiB === undefined ? "" : `${limitMiB.toFixed(0)} ${p.peakMiB <= limitMiB ? "ok" : "OVER"}`}`,
    );
  }
  log(
    "\n(help is paired with `node` running an empty file; every other case with bench/read-parse.js on the same plan)",
  );
  writeFileSync(path.join(OUT, "process-results.json"), JSON.stringify(results, null, 2) + "\n");
  log(`all figures: ${path.relative(ROOT, path.join(OUT, "process-results.json"))}`);
}
