import { statSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * Tunes V8 for what a planguard run is: a few seconds of code that runs hot
 * once (the evaluator, the rules, the model), not a server that runs for
 * days.
 *
 * TurboFan's inlining makes each optimized function larger and slower to
 * compile; during a scan the compiler threads then compete with the scan
 * for the cores, and optimized code arrives late. Measured on 2 cores with
 * Node 20 (docs/performance.md): without inlining, the 15k-resource plan's
 * scan takes about 200 ms less (the evaluation stage 870-920 -> 640-750 ms),
 * and the streamed 150k plan's about 550 ms less.
 *
 * Only for the V8 it was measured on (Node 20's 11.x): V8 prints an error for
 * a flag it does not know, and a newer compiler may decide differently.
 *
 * Set when a command knows it has work to do, after the program bundle is
 * loaded, not at start: the flag only changes what TurboFan does with code
 * that has run hot, which a short run never has, and setting it needs
 * `node:v8`, whose loading (with the stream and heap modules it requires)
 * was ~4% of an empty plan's scan. After the load, since V8 checks the code
 * cache against its flags when the cache is loaded: the build trains the
 * cache with the flags a run loads it with, V8's defaults
 * (scripts/build-cli.mjs), and the flag set later does not touch it.
 */
export function tuneV8ForShortRuns(v8Version = process.versions.v8): boolean {
  if (!v8Version.startsWith("11.")) return false;
  // Required here, not imported: an empty plan's scan, --help and the short commands never load it.
  (createRequire(import.meta.url)("node:v8") as typeof import("node:v8")).setFlagsFromString("--no-turbo-inlining");
  return true;
}

/**
 * Below this many bytes of plans a scan is over before TurboFan optimizes much of anything, and the
 * tuning is not worth loading `node:v8`. The plans it was measured on are 13 MB (dense 15k) and up.
 */
export const TUNE_FROM_BYTES = 1024 * 1024;

/**
 * Tunes V8 (above) for a scan of these plans when they hold at least TUNE_FROM_BYTES. Standard input
 * ("-") counts as large: its size is not known before it is read. A file that cannot be read counts
 * as empty: its load reports the problem.
 */
export function tuneV8ForPlans(files: readonly string[], v8Version = process.versions.v8): boolean {
  let bytes = 0;
  for (const file of files) {
    if (file === "-") bytes = Number.POSITIVE_INFINITY;
    else bytes += sizeOf(file);
    if (bytes >= TUNE_FROM_BYTES) return tuneV8ForShortRuns(v8Version);
  }
  return false;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
