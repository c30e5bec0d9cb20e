import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import { decodeText } from "../plan/read-text.js";

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
  const { text, cachedData } = readProgram(bundle, options.withoutCache ? undefined : codeCacheFileOf(bundle));
  // The file's text is the function Node's CommonJS loader would wrap the module in (the build writes
  // it so: scripts/build-cli.mjs), compiled as read: adding the wrapper here copied 2.2 MB at each start.
  // The cache is made for this exact text.
  const script = new vm.Script(text, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
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

/**
 * The program's text and its code cache, read through one buffer: the program's bytes are needed
 * only until they are decoded, and the cache's only until V8 has read them. Each page of a fresh
 * buffer costs a page fault, which on the benchmark machine costs ~11 us: a second buffer was ~240
 * of them at every start. The build makes the program ASCII only (esbuild escapes the rest), which
 * decodeText reads fastest.
 */
function readProgram(bundle: string, cacheFile: string | undefined): { text: string; cachedData?: Buffer } {
  const program = openSync(bundle, "r");
  const cache = cacheFile === undefined ? undefined : openCache(cacheFile);
  try {
    const size = fstatSync(program).size;
    const buffer = Buffer.allocUnsafe(Math.max(size, cache?.size ?? 0));
    const bytes = readInto(program, buffer, size);
    const text = decodeText(bytes);
    return cache ? { text, cachedData: readInto(cache.fd, buffer, cache.size) } : { text };
  } finally {
    closeSync(program);
    if (cache) closeSync(cache.fd);
  }
}

function openCache(file: string): { fd: number; size: number } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    return { fd, size: fstatSync(fd).size };
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined; // no cache (a build that could not make one): compile as usual
  }
}

/** Up to `size` bytes of the file, at the start of `buffer` (fewer if it ends sooner). */
function readInto(fd: number, buffer: Buffer, size: number): Buffer {
  let got = 0;
  while (got < size) {
    const n = readSync(fd, buffer, got, size - got, got);
    if (n === 0) break;
    got += n;
  }
  return buffer.subarray(0, got);
}
