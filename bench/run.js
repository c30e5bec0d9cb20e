#!/usr/bin/env node
/**
 * planguard's benchmark (`npm run bench`; build first with `npm run build`).
 *
 *   node bench/run.js [--sizes 1k,15k,150k] [--quick] [--seed 42]
 *                     [--rego-bench-sizes 1k,15k] [--profile] [--no-breakdown]
 *                     [--absent-rules N]
 *   node bench/run.js --process [--cases help,empty,15k,dense-15k,150k,dense-150k] [--runs 5]
 *
 * --process measures whole `planguard scan` processes against a bare-node
 * read+parse of the same file (bench/process.js); the rest of this comment
 * is about the in-process mode.
 *
 * For each size it generates the plan if missing (bench/out/plan-<size>.json,
 * see bench/generate.js), then measures it in a fresh child process so that
 * peak memory of one size does not mix with another's. Children import a
 * snapshot of dist/ taken at the start (bench/out/snapshot-<pid>), so a rebuild by
 * someone else during the run does not mix versions. In that one process:
 *
 *   full scan    runScan with the bundled library (TypeScript rules and the
 *                bundled Rego policies, compiled inside the timing), as
 *                `planguard scan` does it, cold (first run in the process)
 *   reports      text, JSON and SARIF of that scan's result
 *   peak RSS     after the full scan and reports, against the file size
 *   baseline     read the file + JSON.parse it: what any tool must pay
 *                (measured after the scan, so the scan's peak is its own)
 *   breakdown    (warm: the full scan has already compiled the code) load,
 *                model, TypeScript rules, bundled Rego library, and, on the
 *                sizes of --rego-bench-sizes, 150 conftest-style Rego rules
 *                (bench/policies) against their TypeScript equivalents
 *                (bench/equivalents.js), each run twice; with --absent-rules N,
 *                the bundled library beside N more rules for resource
 *                types the plan does not hold (bench/absent-rules.js),
 *                against the library alone, six pairs in alternating order
 *
 * Every time is printed as a ratio to the baseline of the same file in the
 * same process, since the machine is shared and absolute times drift.
 * All figures go to bench/out/results.json. --profile also runs the 15k full
 * scan under `node --cpu-prof` and prints its hottest functions.
 */
import { spawnSync } from "node:child_process";
import { constants as bufferConstants } from "node:buffer";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { summarizeProfile } from "./profile-summary.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const OUT = path.join(ROOT, "bench", "out");
/** Where the children import planguard from: a snapshot of dist/ (see snapshotDist). */
let DIST = path.join(ROOT, "dist");
const SIZES = { "1k": 1_000, "15k": 15_000, "150k": 150_000, "250k": 250_000 };
const MB = 1024 * 1024;

/** The bundled library's settings for the benchmark: every GPU rule switched on. */
export const BENCH_CONFIG = {
  gpu: {
    max_total: 4000,
    max_per_resource: 16,
    allowed_models: ["A100", "H100", "L4", "A10G", "T4"],
    require_tags: ["team", "cost-center"],
    teams: { vision: { max_total: 64 }, nlp: { max_total: 64 }, research: { max_total: 128 } },
    environments: { prod: { max_total: 3000 }, dev: { max_total: 200, require_spot: true } },
    allowed_families: ["p4d", "p5", "g5", "g6", "a2", "a3", "g2", "n1"],
    forbid_unbounded_autoscaling: true,
    max_autoscaling_nodes: 16,
    forbid_deprecated_models: true,
  },
};

const TARGETS = {
  fullScanOverBaseline: 2.0,
  scaling150kOver15k: 11,
  rssFactor: 2.5,
  rssExtraMB: 150,
  regoOverTs: 2.0,
};

// ---------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const args = {
    sizes: ["1k", "15k", "150k"],
    seed: 42,
    regoBenchSizes: ["1k", "15k"],
    profile: false,
    breakdown: true,
    absentRules: 0,
    child: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === "--sizes")
      args.sizes = val()
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    else if (a === "--quick") args.sizes = ["1k"];
    else if (a === "--seed") args.seed = Number(val());
    else if (a === "--rego-bench-sizes")
      args.regoBenchSizes = val()
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    else if (a === "--profile") args.profile = true;
    else if (a === "--no-breakdown") args.breakdown = false;
    else if (a === "--absent-rules") args.absentRules = Number(val());
    else if (a === "--child") args.child = JSON.parse(val());
    else if (a === "--help" || a === "-h") {
      process.stdout.write(
        "usage: node bench/run.js [--sizes 1k,15k,150k] [--quick] [--seed 42] [--rego-bench-sizes 1k,15k] [--profile] [--no-breakdown] [--absent-rules N]\n",
      );
      process.exit(0);
    } else fail(`unknown option ${a}`);
  }
  for (const s of args.sizes) if (!(s in SIZES) && !/^\d+k?$/.test(s)) fail(`unknown size ${s}`);
  if (!Number.isInteger(args.seed)) fail("--seed must be an integer");
  if (!Number.isInteger(args.absentRules) || args.absentRules < 0) fail("--absent-rules must be a whole number");
  return args;
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

const resourcesOf = (label) =>
  SIZES[label] ?? (label.endsWith("k") ? Number(label.slice(0, -1)) * 1000 : Number(label));
const planFile = (label, seed) => path.join(OUT, seed === 42 ? `plan-${label}.json` : `plan-${label}-s${seed}.json`);

// ---------------------------------------------------------------------------
// Parent: generate, run one child per size, print and save

async function main() {
  // Whole processes, as users time them (bench/process.js).
  if (process.argv.includes("--process"))
    return (await import("./process.js")).processMain(process.argv.slice(2), { benchConfig: BENCH_CONFIG, gitState });
  const args = parseArgs(process.argv.slice(2));
  if (args.child) return child(args.child);
  if (!existsSync(path.join(DIST, "scan", "run.js"))) fail("dist/ is missing: run `npm run build` first");
  mkdirSync(OUT, { recursive: true });
  const snapshot = snapshotDist();

  const machine = {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    totalMemMB: Math.round(os.totalmem() / MB),
    node: process.version,
    platform: `${process.platform} ${os.release()}`,
    loadAvgAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
    git: gitState(),
  };
  log(
    `planguard bench: ${machine.nproc} cores (${machine.cpu}), node ${machine.node}, load ${machine.loadAvgAtStart.join(" ")}; commit ${machine.git.commit}${machine.git.uncommittedSrcFiles ? ` + ${machine.git.uncommittedSrcFiles} uncommitted src files` : ""}`,
  );
  const results = {
    date: new Date().toISOString(),
    machine,
    seed: args.seed,
    config: BENCH_CONFIG,
    targets: TARGETS,
    sizes: {},
  };

  for (const label of args.sizes) {
    const file = planFile(label, args.seed);
    if (!existsSync(file)) {
      log(`generating ${path.relative(ROOT, file)} (${resourcesOf(label)} resources)...`);
      const gen = spawnSync(
        process.execPath,
        [
          path.join(ROOT, "bench", "generate.js"),
          "--resources",
          String(resourcesOf(label)),
          "--seed",
          String(args.seed),
          "--out",
          file,
        ],
        { stdio: "inherit" },
      );
      if (gen.status !== 0) fail(`generating ${file} failed`);
    }
    log(
      `\n${label}: measuring ${path.relative(ROOT, file)} (${(statSync(file).size / MB).toFixed(1)} MB) in a fresh process...`,
    );
    const task = {
      label,
      file,
      dist: snapshot,
      regoBench: args.regoBenchSizes.includes(label),
      breakdown: args.breakdown,
      absentRules: args.absentRules,
    };
    const r = runChild(["--expose-gc"], task);
    results.sizes[label] = r;
    if (r.error) log(`  FAILED: ${r.error}`);
    else printSize(r);
  }

  results.summary = summarize(results);
  printSummary(results.summary);

  if (args.profile) {
    const label = args.sizes.includes("15k") ? "15k" : args.sizes[args.sizes.length - 1];
    results.profile = profile(label, planFile(label, args.seed));
  }
  writeFileSync(path.join(OUT, "results.json"), JSON.stringify(results, null, 2) + "\n");
  log(`\nall figures: ${path.relative(ROOT, path.join(OUT, "results.json"))}`);
}

/**
 * Copies dist/ and policies/ to bench/out/snapshot-<pid>/ so that every size is
 * measured with the same build even when dist/ is rebuilt during the run (the
 * repository is shared). The snapshot keeps the layout the bundled policy
 * loader expects (dist/../policies) and finds node_modules up the tree.
 */
function snapshotDist() {
  // One per run: two people benchmarking in the same checkout must not share one.
  const dir = path.join(OUT, `snapshot-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  cpSync(DIST, path.join(dir, "dist"), { recursive: true });
  cpSync(path.join(ROOT, "policies"), path.join(dir, "policies"), { recursive: true });
  DIST = path.join(dir, "dist");
  return DIST;
}

/** The commit measured, and whether src/ had uncommitted changes when dist/ was built from it. */
function gitState() {
  const git = (...a) => spawnSync("git", a, { cwd: ROOT, encoding: "utf8" }).stdout?.trim() ?? "";
  const dirty = git("status", "--porcelain", "--", "src").split("\n").filter(Boolean).length;
  return { commit: git("rev-parse", "--short", "HEAD"), uncommittedSrcFiles: dirty };
}

function runChild(nodeFlags, task) {
  const res = spawnSync(
    process.execPath,
    [...nodeFlags, fileURLToPath(import.meta.url), "--child", JSON.stringify(task)],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * MB,
      encoding: "utf8",
    },
  );
  const line = (res.stdout ?? "").split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) return { label: task.label, error: `the child exited with ${res.status ?? res.signal} and no result` };
  return JSON.parse(line.slice("RESULT ".length));
}

function profile(label, file) {
  const dir = path.join(OUT, "profiles");
  mkdirSync(dir, { recursive: true });
  const before = new Set(readdirSync(dir));
  log(`\nprofiling the ${label} full scan (node --cpu-prof)...`);
  const r = runChild(["--expose-gc", "--cpu-prof", `--cpu-prof-dir=${dir}`], {
    label,
    file,
    dist: DIST,
    regoBench: false,
    breakdown: false,
  });
  const fresh = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile") && !before.has(f));
  if (fresh.length === 0) {
    log("  no profile was written");
    return { error: "no profile written", run: r };
  }
  const profileFile = path.join(dir, fresh.sort().pop());
  const summary = summarizeProfile(JSON.parse(readFileSync(profileFile, "utf8")), ROOT);
  const text = formatProfile(summary);
  writeFileSync(path.join(OUT, `profile-${label}.txt`), text);
  log(text);
  return { file: path.relative(ROOT, profileFile), fullScanMs: r.times?.fullScan, ...summary };
}

function formatProfile(s) {
  const lines = [`CPU profile: ${(s.totalMs / 1000).toFixed(1)} s sampled`, "", "hottest functions (self time):"];
  for (const f of s.functions.slice(0, 25))
    lines.push(`  ${pct(f.selfMs, s.totalMs)}  ${f.selfMs.toFixed(0).padStart(6)} ms  ${f.name}  ${f.where}`);
  lines.push("", "by file (self time):");
  for (const f of s.files.slice(0, 15))
    lines.push(`  ${pct(f.selfMs, s.totalMs)}  ${f.selfMs.toFixed(0).padStart(6)} ms  ${f.file}`);
  return lines.join("\n") + "\n";
}

const pct = (x, total) => `${((100 * x) / total).toFixed(1).padStart(5)}%`;

// ---------------------------------------------------------------------------
// Child: one size, one process

async function child(task) {
  const { label, file } = task;
  if (task.dist) DIST = task.dist;
  const imp = (p) => import(pathToFileURL(path.join(DIST, p)).href);
  // The process is tuned as planguard's command line tunes its own (src/cli/v8-tuning.ts).
  const { tuneV8ForShortRuns } = await imp("cli/v8-tuning.js");
  const tuned = tuneV8ForShortRuns();
  const { loadDocument, startReading } = await imp("plan/load.js");
  const { buildModel } = await imp("plan/model.js");
  const { runScan, REPEATED_MEMBERS } = await imp("scan/run.js");
  const { evaluateTypeScriptRules } = await imp("policy/evaluate.js");
  const { RuleSelection } = await imp("policy/select.js");
  const { BUNDLED_RULES } = await imp("rules/index.js");
  const { formatText } = await imp("report/text.js");
  const { formatJson } = await imp("report/json.js");
  const { formatSarif } = await imp("report/sarif.js");
  const engine = await regoEngine(imp);

  const gc = globalThis.gc ?? (() => undefined);
  const bytes = statSync(file).size;
  const out = {
    label,
    file: path.relative(ROOT, file),
    bytes,
    times: {},
    rss: {},
    counts: {},
    notes: [],
    v8Tuned: tuned,
  };
  const peak = () => process.resourceUsage().maxRSS * 1024;
  const time = async (name, fn) => {
    const start = performance.now();
    const value = await fn();
    out.times[name] = performance.now() - start;
    out.rss[name] = peak();
    return value;
  };
  const say = (m) => process.stderr.write(`  [${label}] ${m}\n`);

  // The full scan, cold, as `planguard scan` runs it: the plan is read on the
  // thread pool while the policies compile.
  const scanStart = performance.now();
  const readAhead = startReading(file);
  let rego;
  if (engine.library) {
    try {
      rego = await time("regoLibraryCompile", () => engine.library());
    } catch (err) {
      out.notes.push(
        `Rego: the bundled library did not compile (${firstLine(err)}); the full scan ran the TypeScript rules only`,
      );
    }
  }
  let result = await time("scanOnly", () =>
    runScan({
      files: [file],
      config: BENCH_CONFIG,
      ...(rego ? { rego } : {}),
      ...(readAhead ? { load: { readAhead } } : {}),
    }),
  );
  out.times.fullScan = performance.now() - scanStart;
  out.counts.findings = result.findings.length;
  out.counts.failures = result.failures.length;
  out.counts.bundledRules = result.rules.length;
  out.counts.judged = result.inputs[0]?.judged;
  if (out.counts.resources === undefined) out.counts.resources = result.inputs[0]?.resources;
  out.notes.push(...(result.inputs[0]?.warnings ?? []));
  if (!engine.library) out.notes.push("Rego: engine not available; the full scan ran the TypeScript rules only");
  say(`full scan ${fmtMs(out.times.fullScan)}: ${out.counts.findings} findings`);
  const text = await time("reportText", () => formatText(result, { color: false }));
  const json = await time("reportJson", () => formatJson(result));
  const sarif = await time("reportSarif", () => formatSarif(result, { baseDir: ROOT }));
  out.counts.reportBytes = {
    text: Buffer.byteLength(text),
    json: Buffer.byteLength(json),
    sarif: Buffer.byteLength(sarif),
  };
  out.times.reports = out.times.reportText + out.times.reportJson + out.times.reportSarif;
  out.peakRssAfterScan = peak();
  result = undefined;
  say(`reports ${fmtMs(out.times.reports)}, peak RSS ${(out.peakRssAfterScan / MB).toFixed(0)} MB`);

  // Baseline: read + JSON.parse, when V8 can hold the file as one string. After
  // the scan, so that the scan's peak RSS above is its own; the scan's result
  // is dropped first.
  await new Promise((r) => setImmediate(r));
  gc();
  out.rssBeforeBaseline = process.memoryUsage().rss;
  // Baseline: read + JSON.parse, when V8 can hold the file as one string.
  if (bytes <= bufferConstants.MAX_STRING_LENGTH) {
    const text = await time("read", () => readFileSync(file, "utf8"));
    const doc = await time("parse", () => JSON.parse(text));
    out.times.baseline = out.times.read + out.times.parse;
    out.counts.resources = Array.isArray(doc.resource_changes) ? doc.resource_changes.length : 0;
  } else {
    await time("read", () => readFileSync(file));
    out.times.baseline = null;
    out.notes.push(
      `the file is over V8's string limit (${bufferConstants.MAX_STRING_LENGTH} characters): JSON.parse cannot read it, so there is no baseline; planguard reads it streaming`,
    );
  }
  out.rssBaselineGrowth = process.memoryUsage().rss - out.rssBeforeBaseline;
  gc();
  say(`baseline ${fmtMs(out.times.baseline ?? out.times.read)}`);

  if (task.breakdown) {
    await new Promise((r) => setImmediate(r));
    gc();
    // Warm: the same stages one at a time.
    // As runScan loads it with the bundled library: no policy reads planned_values or prior_state, no secret digests.
    let loaded = await time("load", () => loadDocument(file, { skipMembers: REPEATED_MEMBERS, digestSecrets: false }));
    let model = await time("model", () => buildModel(loaded));
    const selection = new RuleSelection(BENCH_CONFIG);
    const ts = await time("tsRules", () => evaluateTypeScriptRules(model, BUNDLED_RULES, BENCH_CONFIG, selection, {}));
    out.counts.tsFindings = ts.findings.length;
    say(`load ${fmtMs(out.times.load)}, model ${fmtMs(out.times.model)}, TypeScript rules ${fmtMs(out.times.tsRules)}`);
    if (rego && engine.evaluateLibrary) {
      const r = await time("regoLibrary", () => engine.evaluateLibrary(rego, model, selection));
      out.counts.regoLibraryRules = rego.rules.length;
      out.counts.regoLibraryFindings = r.findings.length;
      out.counts.regoLibraryFailures = r.failures.length;
      say(`bundled Rego library (${rego.rules.length} rules) ${fmtMs(out.times.regoLibrary)}`);
      if (task.absentRules > 0 && engine.libraryWith) {
        const { absentTypeRules } = await import("./absent-rules.js");
        const withAbsent = await time("absentCompile", () => engine.libraryWith(absentTypeRules(task.absentRules)));
        out.counts.absentRules = withAbsent.rules.length - rego.rules.length;
        // A warm-up, then six pairs in alternating order, each run after a full GC: the cost is
        // small beside the machine's noise and the second run of a pair pays the first's garbage,
        // so the figure is the median of the pairs' differences.
        const diffs = [];
        for (const run of [0, 1, 2, 3, 4, 5, 6]) {
          const measure = async (name, rp) => {
            gc();
            const r = await time(name, () => engine.evaluateLibrary(rp, model, selection));
            if (r.failures.length > 0) out.notes.push(`${name}: ${r.failures.length} rule failures`);
          };
          if (run % 2 === 0) {
            await measure("absentBase", rego);
            await measure("absentWith", withAbsent);
          } else {
            await measure("absentWith", withAbsent);
            await measure("absentBase", rego);
          }
          if (run > 0) diffs.push(out.times.absentWith - out.times.absentBase);
        }
        diffs.sort((a, b) => a - b);
        out.times.absentExtra = (diffs[2] + diffs[3]) / 2;
        say(
          `library + ${out.counts.absentRules} rules for absent types: ${fmtMs(out.times.absentWith)} against ${fmtMs(out.times.absentBase)}; median difference of 6 pairs ${fmtMs(out.times.absentExtra)} (compile ${fmtMs(out.times.absentCompile)})`,
        );
      }
    }
    if (task.regoBench) {
      const { runEquivalents, SPECS } = await import("./equivalents.js");
      out.counts.benchRules = SPECS.length;
      for (const run of [1, 2]) {
        const tsDeny = await time(`equivalents${run}`, () => runEquivalents(model));
        out.counts.equivalentsDenies = tsDeny.size;
        if (engine.compileModules) {
          let deny;
          try {
            const compiled = run === 1 ? await time("benchRegoCompile", () => engine.compileBench()) : engine.compiled;
            engine.compiled = compiled;
            deny = await time(`benchRego${run}`, () => compiled.evaluate("data.main.deny", { input: model.document }));
          } catch (err) {
            out.notes.push(`Rego: the 150 rules failed (${firstLine(err)})`);
            break;
          }
          const regoDeny = new Set(
            deny && typeof deny.values === "function" ? [...deny.values()] : Array.isArray(deny) ? deny : [],
          );
          out.counts.benchRegoDenies = regoDeny.size;
          const missing = [...tsDeny].filter((m) => !regoDeny.has(m)).length;
          const extra = [...regoDeny].filter((m) => !tsDeny.has(m)).length;
          if (missing + extra > 0)
            out.notes.push(
              `Rego and TypeScript equivalents disagree: ${missing} denies only in TypeScript, ${extra} only in Rego`,
            );
          say(
            `run ${run}: 150 Rego rules ${fmtMs(out.times[`benchRego${run}`])}, TypeScript equivalents ${fmtMs(out.times[`equivalents${run}`])} (${regoDeny.size} / ${tsDeny.size} denies)`,
          );
        }
      }
      if (!engine.compileModules) out.notes.push("Rego: engine not available; the 150 Rego rules were not measured");
    }
    loaded = model = undefined;
  }
  out.peakRss = peak();
  out.heapLimitMB = Math.round((await import("node:v8")).getHeapStatistics().heap_size_limit / MB);
  process.stdout.write(`RESULT ${JSON.stringify(out)}\n`);
}

/** The Rego engine, when src/rego is built: dist/rego/index.js exporting compileModules. */
async function regoEngine(imp) {
  const engine = {};
  const entry = path.join(DIST, "rego", "index.js");
  if (!existsSync(entry)) return engine;
  let mod;
  try {
    mod = await import(pathToFileURL(entry).href);
  } catch (err) {
    process.stderr.write(`  Rego: engine not available (${err.message})\n`);
    return engine;
  }
  if (typeof mod.compileModules !== "function") return engine;
  engine.compileModules = mod.compileModules;
  engine.compileBench = () => {
    const dir = path.join(ROOT, "bench", "policies");
    const modules = readdirSync(dir)
      .filter((f) => f.endsWith(".rego"))
      .sort()
      .map((f) => ({ file: path.join("bench", "policies", f), text: readFileSync(path.join(dir, f), "utf8") }));
    return mod.compileModules(modules);
  };
  // The bundled library goes through planguard's policy layer, as a scan does.
  if (existsSync(path.join(DIST, "policy", "rego", "load.js"))) {
    const { loadRegoPolicies } = await imp("policy/rego/load.js");
    const { evaluateRegoRules } = await imp("policy/rego/runner.js");
    engine.library = () => loadRegoPolicies({ paths: [], dataFiles: [], namespaces: ["main"], bundled: true });
    // The library and more sources, compiled as a scan with --policy compiles them (the build's caches for the library).
    if (existsSync(path.join(DIST, "policy", "rego", "compile.js"))) {
      const { compilePolicies } = await imp("policy/rego/compile.js");
      const { readBundledPolicies } = await imp("policy/rego/load.js");
      const { loadAstCacheWhenParsing } = await imp("policy/rego/ast-cache.js");
      const { loadCompiledCache } = await imp("policy/rego/compiled-cache.js");
      const { regoRules } = await imp("policy/rego/runner.js");
      engine.libraryWith = async (extra) => {
        const bundled = await readBundledPolicies();
        const program = compilePolicies(
          [...bundled, ...extra],
          loadAstCacheWhenParsing(new Set(bundled.map((s) => s.file))),
          loadCompiledCache(),
        );
        return { program, rules: regoRules(program, "all"), options: { namespaces: "all", data: {} } };
      };
    }
    engine.evaluateLibrary = (rego, model, selection) =>
      evaluateRegoRules(rego.program, rego.rules, model, BENCH_CONFIG, selection, rego.options, {});
  }
  return engine;
}

// ---------------------------------------------------------------------------
// Figures

function ratio(x, base) {
  return x === undefined || x === null || !base ? null : x / base;
}

function printSize(r) {
  const base = r.times.baseline;
  const row = (name, ms, extra = "") =>
    log(
      `  ${name.padEnd(40)} ${fmtMs(ms).padStart(9)}  ${base ? `${ratio(ms, base).toFixed(2).padStart(7)}x` : "      -"}${extra}`,
    );
  log(
    `  ${r.counts.resources} resources, ${(r.bytes / MB).toFixed(1)} MB; ${r.counts.findings} findings from ${r.counts.bundledRules} rules`,
  );
  log(
    `  V8 ${r.v8Tuned ? "tuned as the command line tunes it (no TurboFan inlining, src/cli/v8-tuning.ts)" : "untuned (not the V8 the tuning was measured on)"}`,
  );
  if (base) row("baseline: read + JSON.parse", base);
  else row("read (no JSON.parse: see note)", r.times.read);
  row(
    "full scan (TS + bundled Rego), cold",
    r.times.fullScan,
    base
      ? `   target <= ${TARGETS.fullScanOverBaseline}x ${ok(ratio(r.times.fullScan, base) <= TARGETS.fullScanOverBaseline)}`
      : "",
  );
  if (r.times.regoLibraryCompile !== undefined) row("  of which: compile bundled Rego", r.times.regoLibraryCompile);
  row("reports: text", r.times.reportText);
  row("reports: JSON", r.times.reportJson);
  row("reports: SARIF", r.times.reportSarif);
  if (r.times.load !== undefined) {
    log("  breakdown (warm):");
    row("  load (read, partial parse, validate, redact)", r.times.load);
    row("  model", r.times.model);
    row("  TypeScript rules", r.times.tsRules);
    if (r.times.regoLibrary !== undefined)
      row(`  bundled Rego library (${r.counts.regoLibraryRules} rules)`, r.times.regoLibrary);
    if (r.times.absentExtra !== undefined) {
      const extra = r.times.absentExtra;
      row(
        `  library + ${r.counts.absentRules} rules for absent types`,
        r.times.absentWith,
        `   median of 6 pairs: ${extra >= 0 ? "+" : ""}${fmtMs(extra)} (${((1000 * extra) / r.counts.absentRules).toFixed(1)} us per rule)`,
      );
      row(`    their compile (library from the build's caches)`, r.times.absentCompile);
    }
  }
  if (r.times.equivalents1 !== undefined) {
    row("  150 TS equivalents, run 1", r.times.equivalents1);
    row("  150 TS equivalents, run 2", r.times.equivalents2);
  }
  if (r.times.benchRego1 !== undefined) {
    row(
      "  150 Rego rules, run 1",
      r.times.benchRego1,
      `   = ${ratio(r.times.benchRego1, r.times.equivalents1).toFixed(1)}x TS`,
    );
    row(
      "  150 Rego rules, run 2",
      r.times.benchRego2,
      `   = ${ratio(r.times.benchRego2, r.times.equivalents2).toFixed(1)}x TS, target <= ${TARGETS.regoOverTs}x ${ok(ratio(r.times.benchRego2, r.times.equivalents2) <= TARGETS.regoOverTs)}`,
    );
  }
  const limit = TARGETS.rssFactor * r.bytes + TARGETS.rssExtraMB * MB;
  log(
    `  peak RSS after scan + reports: ${(r.peakRssAfterScan / MB).toFixed(0)} MB = ${(r.peakRssAfterScan / r.bytes).toFixed(2)}x the file; target <= ${TARGETS.rssFactor}x + ${TARGETS.rssExtraMB} MB = ${(limit / MB).toFixed(0)} MB ${ok(r.peakRssAfterScan <= limit)}`,
  );
  log(`  peak RSS of the whole run: ${(r.peakRss / MB).toFixed(0)} MB = ${(r.peakRss / r.bytes).toFixed(2)}x the file`);
  for (const n of r.notes) log(`  note: ${n}`);
}

function summarize(results) {
  const s = {};
  for (const [label, r] of Object.entries(results.sizes)) {
    if (r.error) continue;
    const base = r.times.baseline;
    s[label] = {
      fullScanOverBaseline: ratio(r.times.fullScan, base),
      loadOverBaseline: ratio(r.times.load, base),
      modelOverBaseline: ratio(r.times.model, base),
      tsRulesOverBaseline: ratio(r.times.tsRules, base),
      regoLibraryOverBaseline: ratio(r.times.regoLibrary, base),
      reportsOverBaseline: ratio(r.times.reports, base),
      peakRssOverFile: r.peakRssAfterScan / r.bytes,
      peakRssLimitMB: (TARGETS.rssFactor * r.bytes) / MB + TARGETS.rssExtraMB,
      peakRssMB: r.peakRssAfterScan / MB,
      benchRegoOverTs: ratio(r.times.benchRego2, r.times.equivalents2),
      benchRegoOverTsCold: ratio(r.times.benchRego1, r.times.equivalents1),
    };
  }
  const big = results.sizes["150k"];
  const mid = results.sizes["15k"];
  if (big && mid && !big.error && !mid.error) {
    s.scaling150kOver15k = big.times.fullScan / mid.times.fullScan;
    s.bytes150kOver15k = big.bytes / mid.bytes;
    s.fullScan150kOverScaledBaseline = big.times.fullScan / (mid.times.baseline * (big.bytes / mid.bytes));
  }
  return s;
}

function printSummary(s) {
  log("\nagainst the targets:");
  for (const [label, x] of Object.entries(s)) {
    if (typeof x !== "object") continue;
    if (x.fullScanOverBaseline !== null)
      log(
        `  ${label}: full scan ${x.fullScanOverBaseline.toFixed(2)}x baseline (<= ${TARGETS.fullScanOverBaseline}x ${ok(x.fullScanOverBaseline <= TARGETS.fullScanOverBaseline)})`,
      );
    log(
      `  ${label}: peak RSS ${x.peakRssMB.toFixed(0)} MB = ${x.peakRssOverFile.toFixed(2)}x file (<= ${x.peakRssLimitMB.toFixed(0)} MB ${ok(x.peakRssMB <= x.peakRssLimitMB)})`,
    );
    if (x.benchRegoOverTs !== null)
      log(
        `  ${label}: 150 Rego rules ${x.benchRegoOverTs.toFixed(1)}x their TS equivalents warm, ${x.benchRegoOverTsCold.toFixed(1)}x cold (<= ${TARGETS.regoOverTs}x ${ok(x.benchRegoOverTs <= TARGETS.regoOverTs)})`,
      );
  }
  if (s.scaling150kOver15k !== undefined) {
    log(
      `  150k/15k full scan time: ${s.scaling150kOver15k.toFixed(2)}x for ${s.bytes150kOver15k.toFixed(2)}x the bytes (<= ${TARGETS.scaling150kOver15k}x ${ok(s.scaling150kOver15k <= TARGETS.scaling150kOver15k)})`,
    );
    log(`  150k full scan over 15k baseline scaled by bytes: ${s.fullScan150kOverScaledBaseline.toFixed(2)}x`);
  }
}

const firstLine = (err) => String(err?.message ?? err).split("\n")[0];
const ok = (b) => (b ? "ok" : "MISSED");
const fmtMs = (ms) =>
  ms === undefined || ms === null ? "-" : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
const log = (m) => process.stdout.write(m + "\n");

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((err) => {
    process.stderr.write(`bench: ${err.stack ?? err}\n`);
    process.exit(1);
  });
}
