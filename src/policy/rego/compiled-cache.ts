/**
 * The bundled library compiled at build time (`npm run build` runs
 * ast-cache-build.ts), so that a scan does not run the compiler's per-rule
 * passes (name resolution, safety and reordering, scan-index marks) and its
 * checks over the whole tree (conflicts, recursion) on ~117 modules it
 * compiled the same way last time (~150 ms cold), but revives the compiled
 * modules from one JSON file and only assembles the rule tree.
 *
 * Never stale: the cache is used only when
 *   - it was written by the same compiler: a hash of compiler/compile.js and
 *     every file it imports (the parser, builtins, passes, value.ts ...) and
 *     of the yaml version (see engineFingerprint);
 *   - the scan's bundled sources are exactly those it was compiled from: the
 *     same files, in the same order, with the same SHA-256 of their text;
 *   - the options are compilePolicies' ({ regoVersion: "auto" }, OPA's
 *     builtins and no others);
 * and the compiler itself then takes the modules only when every other
 * module of the scan is in a package apart from the bundled ones (not one of
 * them, nor under or above one); otherwise it compiles everything from text
 * (see `precompiledUsable` in compiler/compile.ts). A library with a `with`
 * modifier is not cached: a `with` names a path that a user's module could
 * make a function. Anything else is compiled as before this cache.
 *
 * The compiled modules share objects (rule.module, terms a pass copied with
 * their location, a rule's dynamic head terms): they are written as one graph
 * with links (serializeGraph), so a revived library has the same shape as a
 * fresh compile's, which the build verifies.
 */
import { existsSync } from "node:fs";
import { readTextFile } from "../../plan/read-text.js";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import type { Module } from "../../rego/ast.js";
import { compile, type CompileOptions, type Source } from "../../rego/compiler/compile.js";
import { PLANGUARD_BUILTINS } from "./planguard-builtins.js";
import { deserializeGraph, engineFingerprint, NotCacheable, serializeGraph, sha256, type Links } from "./ast-cache.js";

const FORMAT = 2;
const HERE = path.dirname(fileURLToPath(import.meta.url));
/** dist/policy/rego/bundled-compiled.json (written by the build). */
export const COMPILED_CACHE_FILE = path.join(HERE, "bundled-compiled.json");

/** What compilePolicies compiles with, and so the only options the cache is for. */
export const LIBRARY_OPTIONS: CompileOptions = { regoVersion: "auto", extraBuiltins: PLANGUARD_BUILTINS };

interface CompiledCacheFile {
  format: number;
  engine: string;
  /** The sources compiled, in order. */
  sources: { file: string; sha256: string }[];
  /** The compiled modules (one per source, in order) as one graph. */
  modules: unknown;
  links: Links;
}

/** A hash of the compiler and everything it imports (the parser included). */
export function compilerFingerprint(regoDir?: string): string {
  return engineFingerprint(regoDir, "compiler/compile.js");
}

/** The cache's text for these sources, or why there is none. */
export function buildCompiledCache(
  sources: readonly { file: string; text: string }[],
  engine = compilerFingerprint(),
): { json: string } | { skipped: string } {
  const plain = sources.map((s) => ({ file: s.file, text: s.text }));
  let modules: Module[];
  try {
    modules = compile(plain, LIBRARY_OPTIONS).modules;
  } catch (err) {
    return { skipped: `the library does not compile (${String(err)})` };
  }
  if (hasWithModifier(modules)) return { skipped: "a bundled module has a `with` modifier" };
  let graph: { ast: unknown; links: Links };
  try {
    graph = serializeGraph(modules);
  } catch (err) {
    if (err instanceof NotCacheable) return { skipped: "a compiled module is not plain JSON (a RegoNumber, say)" };
    throw err;
  }
  const compact = compactLocations(graph.ast as unknown[]);
  // Non-ASCII characters (a policy's message) written as \u escapes: an ASCII file is read fastest at every start (read-text.ts).
  const json = JSON.stringify({
    format: FORMAT,
    engine,
    sources: plain.map((s) => ({ file: s.file, sha256: sha256(s.text) })),
    modules: compact,
    links: graph.links,
  } satisfies CompiledCacheFile).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  // What a scan would get back must be what a fresh compile gives: the modules and the tree.
  const revived = deserializeGraph(
    expandLocations(JSON.parse(JSON.stringify(compact)) as unknown[]),
    graph.links,
  ) as Module[];
  const fromCache = compile(withCompiled(plain, revived), LIBRARY_OPTIONS);
  const fresh = compile(plain, LIBRARY_OPTIONS);
  if (!isDeepStrictEqual(fromCache.modules, fresh.modules) || !isDeepStrictEqual(fromCache.tree, fresh.tree)) {
    return { skipped: "the revived modules differ from a fresh compile's" };
  }
  return { json };
}

/**
 * A third of the objects and half the bytes of the compiled library are
 * source locations, `{ file, line, col }`, each naming its module's file: a
 * scan parses this file on every run, so each is written as `[line, col]`
 * and rebuilt with the module's file (in the parser's key order, so the
 * objects have the shape a fresh compile's have). Anything else under a
 * `loc` or `pkgLoc` key is kept as it is; should a value ever be mistaken for
 * a compacted location, the build's check against a fresh compile fails and
 * no cache is written.
 */
const LOCATION_KEYS = new Set(["loc", "pkgLoc"]);

function compactLocations(modules: unknown[]): unknown[] {
  return modules.map((m) => {
    const file = (m as { file?: unknown }).file;
    const walk = (v: unknown): unknown => {
      if (typeof v !== "object" || v === null) return v;
      if (Array.isArray(v)) return v.map(walk);
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v))
        out[k] = LOCATION_KEYS.has(k) && isLocationIn(x, file) ? [x.line, x.col] : walk(x);
      return out;
    };
    return walk(m);
  });
}

function isLocationIn(v: unknown, file: unknown): v is { file: string; line: number; col: number } {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  const loc = v as Record<string, unknown>;
  return (
    keys.length === 3 &&
    keys[0] === "file" &&
    keys[1] === "line" &&
    keys[2] === "col" &&
    loc["file"] === file &&
    typeof loc["line"] === "number" &&
    typeof loc["col"] === "number"
  );
}

/** compactLocations undone, in place (`modules` is consumed). */
function expandLocations(modules: unknown[]): unknown[] {
  for (const m of modules) {
    const file = (m as { file?: unknown }).file;
    const walk = (v: unknown): void => {
      if (typeof v !== "object" || v === null) return;
      if (Array.isArray(v)) {
        for (const x of v) walk(x);
        return;
      }
      const o = v as Record<string, unknown>;
      for (const k in o) {
        const x = o[k];
        if (LOCATION_KEYS.has(k) && Array.isArray(x) && x.length === 2) o[k] = { file, line: x[0], col: x[1] };
        else walk(x);
      }
    };
    walk(m);
  }
  return modules;
}

/** Whether a literal anywhere in these modules (nested bodies included) has a `with`. */
function hasWithModifier(value: unknown, seen = new Set<object>()): boolean {
  if (typeof value !== "object" || value === null || seen.has(value)) return false;
  seen.add(value);
  const withs = (value as { withs?: unknown }).withs;
  if (Array.isArray(withs) && withs.length > 0) return true;
  return Object.values(value).some((v) => hasWithModifier(v, seen));
}

function withCompiled<S extends { file: string; text: string }>(
  sources: readonly S[],
  modules: readonly Module[],
): (S & Source)[] {
  return sources.map((s, i) => ({ ...s, compiled: modules[i]! }));
}

/** The build-time compile of the bundled library, handed out once. */
export class CompiledLibrary {
  private cache: CompiledCacheFile | undefined;

  constructor(cache: CompiledCacheFile) {
    this.cache = cache;
  }

  /**
   * The sources with the bundled ones' compiled modules attached, when the
   * bundled sources (those marked `bundled`, in order) are exactly the
   * library's; else undefined (compile from text).
   */
  attachTo<S extends { file: string; text: string; bundled: boolean }>(
    sources: readonly S[],
  ): (S & Source)[] | undefined {
    const cache = this.cache;
    if (!cache) return undefined;
    const bundled = sources.filter((s) => s.bundled);
    if (bundled.length !== cache.sources.length) return undefined;
    if (!bundled.every((s, i) => s.file === cache.sources[i]!.file && sha256(s.text) === cache.sources[i]!.sha256))
      return undefined;
    this.cache = undefined;
    const modules = deserializeGraph(expandLocations(cache.modules as unknown[]), cache.links) as Module[];
    let next = 0;
    return sources.map((s) => (s.bundled ? { ...s, compiled: modules[next++]! } : s));
  }
}

/** The build-time compile of the bundled library, or undefined when there is none or another compiler wrote it. */
export function loadCompiledCache(file = COMPILED_CACHE_FILE, engine?: string): CompiledLibrary | undefined {
  try {
    if (!existsSync(file)) return undefined;
    const cache = JSON.parse(readTextFile(file)) as CompiledCacheFile;
    if (cache.format !== FORMAT || !Array.isArray(cache.sources) || !Array.isArray(cache.links)) return undefined;
    if (cache.engine !== (engine ?? compilerFingerprint())) return undefined;
    return new CompiledLibrary(cache);
  } catch {
    // An unreadable or damaged cache is no cache: the library is compiled from its sources, as without one.
    return undefined;
  }
}
