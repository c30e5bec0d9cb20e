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
 *
 * Plans of at most KEEP_YOUNG_GENERATION_UP_TO_BYTES also keep V8's young generation at the size it
 * has then (two semi-spaces of 2 MiB after start-up): V8 doubles them after a scavenge that keeps
 * much, up to 16 MiB each, and during a scan much is kept (the plan's values while they are parsed,
 * the model, findings, memo tables), so they grew to their limit. A scan's objects mostly die at once
 * or live to its end, so the larger space let few of them die before promotion, and each of its
 * pages is new memory, which on the machine this was measured on costs ~10 us a page to touch.
 * Measured (docs/performance.md): dense-15k (13 MB) 32 -> 4 MiB of young generation with the old
 * one the same (39 -> 40 MiB), ~6,900 fewer page faults, peak RSS 129 -> 101 MB, 0.92x the CPU;
 * dense 40k (34 MB) 0.91x. For larger plans the scavenges that a small space makes more frequent
 * cost more than the pages: 15k (71 MB) 0.98x, dense 150k (130 MB) 1.13x, the streamed 150k plan
 * (726 MB) 1.43x. `--semi-space-growth-factor` is read when V8 grows the space; at 1 it does not.
 */
export function tuneV8ForPlans(files: readonly string[], v8Version = process.versions.v8): boolean {
  let bytes = 0;
  for (const file of files) bytes += file === "-" ? Number.POSITIVE_INFINITY : sizeOf(file);
  if (bytes < TUNE_FROM_BYTES || !tuneV8ForShortRuns(v8Version)) return false;
  if (bytes <= KEEP_YOUNG_GENERATION_UP_TO_BYTES)
    (createRequire(import.meta.url)("node:v8") as typeof import("node:v8")).setFlagsFromString(
      "--semi-space-growth-factor=1",
    );
  return true;
}

/** Up to this many bytes of plans a scan keeps V8's young generation from growing (see tuneV8ForPlans). */
export const KEEP_YOUNG_GENERATION_UP_TO_BYTES = 48 * 1024 * 1024;

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
