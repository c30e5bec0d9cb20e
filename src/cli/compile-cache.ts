// A namespace import: `enableCompileCache` exists only on Node >= 22.1, and a
// named import of a missing export would fail to load on Node 20.
import * as nodeModule from "node:module";

type EnableCompileCache = (directory?: string) => { status: number; message?: string; directory?: string };

/**
 * Node's on-disk compile cache (Node >= 22.1) for planguard's own code, in a
 * directory the user chose and never anywhere else: `PLANGUARD_COMPILE_CACHE`,
 * else `NODE_COMPILE_CACHE` (which Node >= 22.1 also reads by itself at
 * start-up; then this call finds the cache already on). Without either,
 * nothing is written: an install may be read-only and a CI runner's home is
 * not ours to fill. Node 20 has no such cache: nothing happens.
 *
 * Never fails a run: a directory that cannot be written is Node's "failed"
 * status, and anything thrown is ignored; the code is then compiled as usual.
 * Returns the directory in use, if any.
 */
export function enableCompileCache(
  env: NodeJS.ProcessEnv = process.env,
  enable = (nodeModule as { enableCompileCache?: EnableCompileCache }).enableCompileCache,
): string | undefined {
  const directory = env["PLANGUARD_COMPILE_CACHE"] || env["NODE_COMPILE_CACHE"];
  if (!directory || typeof enable !== "function") return undefined;
  try {
    return enable(directory).directory;
  } catch {
    // A cache is an optimisation: without one the code compiles as usual (see above).
    return undefined;
  }
}
