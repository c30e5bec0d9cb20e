import { setFlagsFromString } from "node:v8";

/**
 * Tunes V8 for what a planguard run is: a few seconds of code that runs hot
 * once (the evaluator, the rules, the model), not a server that runs for
 * days. Called by the command line's entry point before any work.
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
 */
export function tuneV8ForShortRuns(v8Version = process.versions.v8): boolean {
  if (!v8Version.startsWith("11.")) return false;
  setFlagsFromString("--no-turbo-inlining");
  return true;
}
