#!/usr/bin/env node
/**
 * Where a scan allocates: V8's sampling heap profiler around one whole
 * `planguard scan`, run in this process from the built program bundle
 * (dist/cli/planguard-program.cjs, loaded with its code cache as the command
 * line loads it; build first), or with --modules from tsc's ES modules
 * (dist/), each sample mapped through the source maps to its src/ file and
 * line.
 *
 *   node bench/allocations.js [--top 30] [--interval 8192] [--json out.json] [--modules] -- scan plan.json [scan options]
 *
 * Prints two lists of allocation sites (the function and the src/ line
 * that allocated), by bytes:
 *   allocated  every sampled allocation, also those that a minor or major
 *              collection freed later (includeObjectsCollectedByMinorGC /
 *              ...MajorGC): what the scan asks V8 for, the garbage included
 *   survived   the samples no minor collection (scavenge) freed: what lived
 *              long enough to be copied by scavenges and promoted to the old
 *              generation (or was allocated there), freed later by a full
 *              collection or not; copying these is what makes a scavenge
 *              expensive, and the old generation's new pages hold them
 * and the same two by file, each from a scan in a process of its own (the
 * scan's report is discarded; the lists go to stderr).
 *
 * Why in-process and not `node --heap-prof`: that flag keeps only the
 * objects alive at the end, which says nothing about the garbage that
 * drives the scavenges. The sampling is statistical (one sample per
 * `--interval` bytes on average), so small sites move between runs.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

function parseArgs(argv) {
  const dash = argv.indexOf("--");
  const own = dash < 0 ? [] : argv.slice(0, dash);
  const scanArgs = dash < 0 ? argv : argv.slice(dash + 1);
  const options = { top: 30, interval: 8192, json: undefined, modules: false };
  for (let i = 0; i < own.length; i++) {
    const flag = own[i];
    if (flag === "--modules") {
      options.modules = true;
      continue;
    }
    const value = own[++i];
    if (flag === "--top") options.top = Number(value);
    else if (flag === "--interval") options.interval = Number(value);
    else if (flag === "--json") options.json = value;
    else throw new Error(`unknown option ${flag} (see the comment at the top of bench/allocations.js)`);
  }
  if (scanArgs[0] !== "scan") throw new Error("give the scan to profile after --, e.g. -- scan plan.json");
  return { options, scanArgs };
}

function post(session, method, params = {}) {
  return new Promise((resolve, reject) =>
    session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))),
  );
}

/** Maps a profile call frame (dist/ URL, 0-based line and column) to "name src/file.ts:line". */
function frameNamer() {
  const maps = new Map();
  const mapFor = (file) => {
    if (!maps.has(file)) {
      let map;
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")));
      } catch {
        map = undefined;
      }
      maps.set(file, map);
    }
    return maps.get(file);
  };
  return (frame) => {
    let name = frame.functionName || "(anonymous)";
    // tsc's modules are named by URL; the bundle, compiled by vm.Script, by its path.
    const file = frame.url.startsWith("file:") ? fileURLToPath(frame.url) : frame.url;
    if (!path.isAbsolute(file)) return `${name} ${frame.url || "(native)"}`;
    const entry = mapFor(file)?.findEntry(frame.lineNumber, frame.columnNumber);
    if (entry?.originalSource) {
      // Relative to the mapped file; esbuild also names stand-ins ("planguard-lazy:...", "<define:...>").
      const url = new URL(entry.originalSource, pathToFileURL(file));
      const source = url.protocol === "file:" ? path.relative(ROOT, fileURLToPath(url)) : entry.originalSource;
      // The bundle's identifiers are minified; the map keeps the source's name.
      if (entry.name) name = entry.name;
      return `${name} ${source}:${entry.originalLine + 1}`;
    }
    return `${name} ${path.relative(ROOT, file)}:${frame.lineNumber + 1}`;
  };
}

/**
 * Bytes by allocating site (the frame on top of the stack) over the whole sampled tree. A built-in
 * function's allocation (Array.prototype.push, Map.prototype.set, a generator's next) or one in
 * Node's own modules (a buffer's toString) is named with the first frame below it that has a
 * source of ours (or a library's), which is where it was asked for.
 */
function bySite(profile, nameOf) {
  const sites = new Map();
  const visit = (node, caller) => {
    const { url, functionName } = node.callFrame;
    // Node's own modules (node:buffer's toString, node:crypto's hash) are named like built-ins.
    const own = url && !url.startsWith("node:") ? nameOf(node.callFrame) : undefined;
    const bytes = node.selfSize;
    if (bytes > 0) {
      const key = own ?? `${functionName || "(native)"} (${url || "built-in"}) in ${caller ?? "(root)"}`;
      sites.set(key, (sites.get(key) ?? 0) + bytes);
    }
    for (const child of node.children) visit(child, own ?? caller);
  };
  visit(profile.head, undefined);
  return sites;
}

function byFile(sites) {
  const files = new Map();
  for (const [site, bytes] of sites) {
    const where = site.slice(site.lastIndexOf(" ") + 1).replace(/:\d+$/, "");
    files.set(where, (files.get(where) ?? 0) + bytes);
  }
  return files;
}

function print(title, map, top) {
  const total = [...map.values()].reduce((a, b) => a + b, 0);
  process.stderr.write(`${title}: ${(total / 1048576).toFixed(1)} MiB sampled\n`);
  for (const [key, bytes] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    const share = ((100 * bytes) / total).toFixed(1).padStart(5);
    process.stderr.write(`${(bytes / 1048576).toFixed(2).padStart(8)} MiB ${share}%  ${key}\n`);
  }
  process.stderr.write("\n");
}

/** The program's main(), from the bundle as the command line loads it, or from tsc's modules. */
async function programMain(modules) {
  if (modules) return (await import(pathToFileURL(path.join(ROOT, "dist", "cli", "program.js")).href)).main;
  const { loadBundle } = await import(pathToFileURL(path.join(ROOT, "dist", "cli", "bundle-loader.js")).href);
  return loadBundle(path.join(ROOT, "dist", "cli", "planguard-program.cjs")).exports.main;
}

async function profileScan(scanArgs, interval, mode, modules) {
  const main = await programMain(modules);
  const session = new Session();
  session.connect();
  await post(session, "HeapProfiler.enable");
  await post(session, "HeapProfiler.startSampling", {
    samplingInterval: interval,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: mode === "allocated",
  });
  const code = await main(scanArgs);
  const { profile } = await post(session, "HeapProfiler.stopSampling");
  session.disconnect();
  return { code, profile };
}

const { options, scanArgs } = parseArgs(process.argv.slice(2));
if (process.env.PLANGUARD_ALLOCATIONS_MODE) {
  // A child (below): one scan, its profile as JSON on fd 3.
  const { code, profile } = await profileScan(
    scanArgs,
    options.interval,
    process.env.PLANGUARD_ALLOCATIONS_MODE,
    options.modules,
  );
  const nameOf = frameNamer();
  writeFileSync(3, JSON.stringify({ code, sites: [...bySite(profile, nameOf)] }));
  // The scan's own exit code travels in the JSON; this process succeeded.
  process.exitCode = 0;
} else {
  // Each list from a scan in a process of its own, as `planguard scan` runs: a second scan in the
  // same process would run warm (the library's index already read) and allocate less at start-up.
  const run = (mode) => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      env: { ...process.env, PLANGUARD_ALLOCATIONS_MODE: mode },
      stdio: ["ignore", "ignore", "inherit", "pipe"],
      maxBuffer: 1 << 30,
    });
    if (child.status !== 0 || !child.output[3]) throw new Error(`the ${mode} profile failed (exit ${child.status})`);
    const { code, sites } = JSON.parse(child.output[3].toString("utf8"));
    return { code, sites: new Map(sites) };
  };
  const allocated = run("allocated");
  const survived = run("survived");
  print("allocated, by site", allocated.sites, options.top);
  print("survived the young generation, by site", survived.sites, options.top);
  print("allocated, by file", byFile(allocated.sites), options.top);
  print("survived the young generation, by file", byFile(survived.sites), options.top);
  if (options.json) {
    const list = (map) => Object.fromEntries([...map].sort((a, b) => b[1] - a[1]));
    writeFileSync(
      options.json,
      `${JSON.stringify({ allocated: list(allocated.sites), survived: list(survived.sites) }, null, 2)}\n`,
    );
  }
  process.stderr.write(`scan exit codes: ${allocated.code}, ${survived.code}\n`);
}
