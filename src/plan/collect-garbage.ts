import { createRequire } from "node:module";
import { runInNewContext } from "node:vm";

/**
 * A full garbage collection, run by the loader once a large plan is parsed.
 *
 * A plan read whole leaves the most garbage a scan ever has at once: the
 * file's bytes (an ordinary buffer, 71 MB for the 15k bench plan, outside
 * V8's heap) and the strings decoded from them for JSON.parse (~40 MB).
 * They lived through the parse, so V8 moved them to its old generation,
 * which only a full collection frees, and a scan that goes on to build its
 * model and run its rules does not bring one about: V8 schedules the next
 * by the heap's growth since the last, which came during the parse. They
 * then stayed in the process to its end, at the scan's peak (measured:
 * 317 MiB at the end of the 15k scan, 215 MiB with this collection, whose
 * peak is now at the load: 250 MiB against 324; the collection's CPU was
 * not measurable on the 15k scan, ~4% of the dense-150k one's;
 * docs/performance.md).
 *
 * Node offers no collection to call without `--expose-gc` at start-up,
 * which a launcher cannot pass through a shebang. The flag is set for the
 * moment it takes to make a context that has `gc` (contexts get it when
 * made with the flag on), then cleared: V8 accepts a code cache only for
 * the flags it was made with (src/cli/bundle-loader.ts), and no other
 * context should see `gc`.
 */

/**
 * Below this a plan's garbage is not worth a full collection. Above it the collection costs
 * about as much, relative to the scan, at any size (both go with the plan's size); the dense
 * 13 MB bench plan needs it too: without it its bytes, an ordinary buffer since the chunked
 * scan, outlived a collection V8 made during the parse and stayed to the end (+12 MiB of peak).
 */
export const COLLECT_AFTER_BYTES = 8 * 1024 * 1024;

let collect: (() => void) | null | undefined;

/** Runs a full collection where the runtime allows one; does nothing otherwise. */
export function collectGarbage(): void {
  if (collect === undefined) collect = gcFunction();
  collect?.();
}

function gcFunction(): (() => void) | null {
  try {
    // Required at the first collection: loading node:v8 was ~4% of an empty plan's scan (src/cli/v8-tuning.ts).
    const { setFlagsFromString } = createRequire(import.meta.url)("node:v8") as typeof import("node:v8");
    setFlagsFromString("--expose-gc");
    try {
      const gc: unknown = runInNewContext("typeof gc === 'function' ? gc : undefined");
      return typeof gc === "function" ? (gc as () => void) : null;
    } finally {
      setFlagsFromString("--no-expose-gc");
    }
  } catch {
    // A runtime without the flag or contexts: the garbage waits for V8's own collection, as before.
    return null;
  }
}
