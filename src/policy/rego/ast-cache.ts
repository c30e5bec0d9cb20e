/**
 * The bundled policies, parsed at build time (`npm run build` runs
 * ast-cache-build.ts), so that a scan does not lex and parse ~117 modules
 * cold (~100 ms, most of it V8 warming up the parser) but reads one JSON
 * file (~30 ms).
 *
 * Never stale: a module is taken from the cache only when its file name,
 * syntax version and SHA-256 of its text are those it was parsed from, and the
 * whole cache only when it was written by the same parser (a hash of the
 * parser's code and of everything it imports, and of the yaml version).
 * Anything else is parsed as usual. The AST is the parser's output, before
 * the compiler resolves it in place; each cached module is handed out once,
 * as a fresh object graph with its shared objects (rule.module, an
 * annotation's `custom` in its `raw`) linked again.
 */
import { nodeCrypto } from "../../node-crypto.js";
import { existsSync, readFileSync } from "node:fs";
// A namespace import: the Action bundle's banner declares its own createRequire.
import * as nodeModule from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import type { Module } from "../../rego/ast.js";
import { parseModule, type PreparsedModules, type RegoVersion } from "../../rego/parser.js";

const FORMAT = 1;
const HERE = path.dirname(fileURLToPath(import.meta.url));
/** dist/policy/rego/bundled-ast.json (written by the build). */
export const AST_CACHE_FILE = path.join(HERE, "bundled-ast.json");
const REGO_DIR = path.resolve(HERE, "../../rego");

/** Set by the command-line bundle's build (esbuild `define`); undeclared everywhere else. */
declare const PLANGUARD_ENGINE_FINGERPRINTS: Readonly<Record<string, string>> | undefined;

type Key = string | number;
/** [where an object first is, another place it is]: the JSON holds it once. */
export type Links = [Key[], Key[]][];
interface CacheEntry {
  file: string;
  version: RegoVersion;
  sha256: string;
  ast: unknown;
  links: Links;
}
interface CacheFile {
  format: number;
  engine: string;
  modules: CacheEntry[];
}

export function sha256(text: string): string {
  return nodeCrypto().createHash("sha256").update(text).digest("hex");
}

/**
 * A hash of the parser: parser.js and every file it imports (relative
 * imports, followed transitively), and the yaml package's version. With
 * another `entry` (compiled-cache.ts: compiler/compile.js), of that file and
 * what it imports.
 */
export function engineFingerprint(regoDir = REGO_DIR, entry = "parser.js"): string {
  // The command-line bundle has no rego/ tree beside it to hash: its build hashed
  // tsc's dist/rego of the same source and wrote the results in (scripts/build-cli.mjs).
  if (regoDir === REGO_DIR && typeof PLANGUARD_ENGINE_FINGERPRINTS !== "undefined") {
    const built = PLANGUARD_ENGINE_FINGERPRINTS[entry];
    if (built !== undefined) return built;
  }
  const hash = nodeCrypto().createHash("sha256").update(`format ${FORMAT}\n`);
  const seen = new Set<string>();
  const queue = [path.join(regoDir, entry)];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    // In dist the code is .js; run from src (tests), the same imports name .ts files.
    const actual = existsSync(file) ? file : file.replace(/\.js$/, ".ts");
    const code = readFileSync(actual, "utf8");
    hash.update(`${path.relative(regoDir, file)}\n${code.length}\n${code}`);
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g))
      queue.push(path.resolve(path.dirname(file), m[1]!));
  }
  const yamlVersion = (nodeModule.createRequire(import.meta.url)("yaml/package.json") as { version: string }).version;
  return hash.update(`yaml ${yamlVersion}\n`).digest("hex");
}

export class NotCacheable extends Error {}

/** The module as plain JSON, with its shared objects as links; throws NotCacheable when JSON would not give it back. */
export function serializeModule(m: Module): { ast: unknown; links: Links } {
  return serializeGraph(m);
}

/** Puts the shared objects back in place (`ast` is consumed). */
export function deserializeModule(ast: unknown, links: Links): Module {
  return deserializeGraph(ast, links) as Module;
}

/**
 * Any graph of plain objects, arrays and JSON scalars (cycles and shared
 * objects included) as plain JSON and links; throws NotCacheable when JSON
 * would not give it back.
 */
export function serializeGraph(root: unknown): { ast: unknown; links: Links } {
  const seen = new Map<object, Key[]>();
  const links: Links = [];
  const walk = (v: unknown, at: Key[]): unknown => {
    if (v === null || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") {
      if (!Number.isFinite(v) || Object.is(v, -0)) throw new NotCacheable();
      return v;
    }
    if (typeof v !== "object") throw new NotCacheable();
    const first = seen.get(v);
    if (first) {
      links.push([first, at]);
      return 0;
    }
    seen.set(v, at);
    if (Array.isArray(v)) {
      if (Object.getPrototypeOf(v) !== Array.prototype || Reflect.ownKeys(v).length !== v.length + 1)
        throw new NotCacheable();
      const out: unknown[] = [];
      for (let i = 0; i < v.length; i++) {
        if (!(i in v) || v[i] === undefined) throw new NotCacheable();
        out.push(walk(v[i], [...at, i]));
      }
      return out;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype) throw new NotCacheable();
    const keys = Object.keys(v);
    if (Reflect.ownKeys(v).length !== keys.length) throw new NotCacheable();
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const x = (v as Record<string, unknown>)[k];
      if (k === "__proto__" || x === undefined) throw new NotCacheable();
      out[k] = walk(x, [...at, k]);
    }
    return out;
  };
  const ast = walk(root, []);
  return { ast, links };
}

/** serializeGraph's graph again, its shared objects in place (`ast` is consumed). */
export function deserializeGraph(ast: unknown, links: Links): unknown {
  const get = (p: readonly Key[], n: number): unknown => {
    let o = ast as Record<Key, unknown>;
    for (let i = 0; i < n; i++) o = o[p[i]!] as Record<Key, unknown>;
    return o;
  };
  for (const [from, to] of links) {
    const parent = get(to, to.length - 1) as Record<Key, unknown>;
    parent[to[to.length - 1]!] = get(from, from.length);
  }
  return ast;
}

/** Parses as compile's "auto" does: v1, else v0. */
function parseAuto(file: string, text: string): { module: Module; version: RegoVersion } {
  try {
    return { module: parseModule(file, text, "v1"), version: "v1" };
  } catch {
    // Not v1: try v0, whose error (if it fails too) is the one that surfaces.
    return { module: parseModule(file, text, "v0"), version: "v0" };
  }
}

/** The cache's text for these sources; modules that do not parse, or do not survive JSON, are left out. */
export function buildAstCache(
  sources: readonly { file: string; text: string }[],
  engine = engineFingerprint(),
): { json: string; cached: number; skipped: string[] } {
  const modules: CacheEntry[] = [];
  const skipped: string[] = [];
  for (const s of sources) {
    try {
      const { module, version } = parseAuto(s.file, s.text);
      const { ast, links } = serializeModule(module);
      // What a scan would get back must be what the parser gives.
      const back = deserializeModule(JSON.parse(JSON.stringify(ast)), links);
      if (!isDeepStrictEqual(back, parseModule(s.file, s.text, version))) throw new NotCacheable();
      modules.push({ file: s.file, version, sha256: sha256(s.text), ast, links });
    } catch {
      // Not cacheable exactly (or not parseable): a scan parses this module from its text, which reports any error.
      skipped.push(s.file);
    }
  }
  const cache: CacheFile = { format: FORMAT, engine, modules };
  return { json: JSON.stringify(cache), cached: modules.length, skipped };
}

/** Hands out each cached module once, when file, version and text match. */
class CachedModules implements PreparsedModules {
  private readonly byFile = new Map<string, CacheEntry>();

  constructor(entries: readonly CacheEntry[]) {
    for (const e of entries) this.byFile.set(e.file, e);
  }

  take(file: string, text: string, version: RegoVersion): Module | undefined {
    const e = this.byFile.get(file);
    if (!e || e.version !== version || e.sha256 !== sha256(text)) return undefined;
    this.byFile.delete(file);
    return deserializeModule(e.ast, e.links);
  }
}

/** The build-time parse of the bundled policies, or undefined when there is none or it is not this parser's. */
export function loadAstCache(file = AST_CACHE_FILE, engine?: string): PreparsedModules | undefined {
  try {
    if (!existsSync(file)) return undefined;
    const cache = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
    if (cache.format !== FORMAT || !Array.isArray(cache.modules)) return undefined;
    if (cache.engine !== (engine ?? engineFingerprint())) return undefined;
    return new CachedModules(cache.modules);
  } catch {
    // An unreadable or damaged cache is no cache: the policies are parsed from their sources, as without one.
    return undefined;
  }
}

/**
 * loadAstCache, read only when a module of one of `files` is first parsed:
 * a scan that takes the compiled library (compiled-cache.ts) parses none of
 * the bundled modules, and its own modules need no cache.
 */
export function loadAstCacheWhenParsing(
  files: ReadonlySet<string>,
  load: () => PreparsedModules | undefined = () => loadAstCache(),
): PreparsedModules {
  let cache: PreparsedModules | undefined;
  let loaded = false;
  return {
    take(file, text, version) {
      if (!files.has(file)) return undefined;
      if (!loaded) {
        cache = load();
        loaded = true;
      }
      return cache?.take(file, text, version);
    },
  };
}
