import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import { readTextFile } from "../plan/read-text.js";

/**
 * Loads the command line's program bundle (dist/cli/planguard-program.cjs,
 * one CommonJS file built by scripts/build-cli.mjs) with the V8 code cache
 * written beside it at build time (planguard-program.v8cache).
 *
 * Why: Node 20 has no compile cache of its own, and compiling the ~2 MB
 * bundle, and then each function as a run first calls it, is a large part
 * of a short run. The build runs a scan through this same loader and saves
 * what V8 compiled; a run deserializes it instead of compiling.
 *
 * Safe by construction: V8 takes the cache only when it was made by the same
 * V8 version, with the same flags, for the same source text; anything else
 * (another Node, a flag, a rebuilt bundle) makes V8 reject it and compile
 * as usual. Nothing is written at run time, so a read-only install works.
 * With `debug`, Node's own loader runs the bundle (require), so stack traces
 * go through its source map to src/.
 */
export interface LoadedBundle {
  exports: unknown;
  /** The compiled script (undefined under require): the build asks it for the cache to save. */
  script?: vm.Script;
  /** Whether V8 took the code cache: false when there was none, or it was rejected. */
  cacheUsed: boolean;
}

/** @public scripts/build-cli.mjs imports it from dist/, which knip does not follow. */
export function codeCacheFileOf(bundle: string): string {
  return bundle.replace(/\.cjs$/, ".v8cache");
}

export function loadBundle(bundle: string, options: { debug?: boolean; withoutCache?: boolean } = {}): LoadedBundle {
  const require = createRequire(bundle);
  if (options.debug) return { exports: require(bundle), cacheUsed: false };
  const cachedData = options.withoutCache ? undefined : readCache(codeCacheFileOf(bundle));
  // The file's text is the function Node's CommonJS loader would wrap the module in (the build writes
  // it so: scripts/build-cli.mjs), compiled as read: adding the wrapper here copied 2.2 MB at each start.
  // The cache is made for this exact text. The build makes the bundle ASCII only (esbuild escapes the
  // rest), which readTextFile reads fastest.
  const script = new vm.Script(readTextFile(bundle), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as unknown };
  const program: unknown = script.runInThisContext();
  if (typeof program !== "function") throw new Error(`${bundle} is not a program bundle written by the build`);
  (program as (...args: unknown[]) => void).call(
    module.exports,
    module.exports,
    require,
    module,
    bundle,
    path.dirname(bundle),
  );
  return { exports: module.exports, script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined; // no cache (a build that could not make one): compile as usual
  }
}
