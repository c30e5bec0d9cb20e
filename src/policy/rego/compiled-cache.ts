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
 * their location, a rule's dynamic head terms): each is written as one graph
 * with links (serializeGraph), so a revived library has the same shape as a
 * fresh compile's, which the build verifies. No object is shared between
 * modules (the build refuses a library where one is).
 *
 * The file is read in parts, so that a scan revives only the modules its
 * plan can need (lazy-library.ts): its first line is the index (the sources
 * and their hashes, and per module what `packages()` lists for it, its gate,
 * what it needs, and the hash of its line: library-index.ts), then one line
 * per module. A module's line is revived when it is needed, after its hash is
 * checked; a damaged line makes the library compile from its sources.
 */
import { nodeCrypto } from "../../node-crypto.js";
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import type { Module } from "../../rego/ast.js";
import { compile, type CompileOptions, type Source } from "../../rego/compiler/compile.js";
import { inputMembersRead } from "../../rego/compiler/input-use.js";
import { compileModules } from "../../rego/index.js";
import { PLANGUARD_BUILTINS } from "./planguard-builtins.js";
import { deserializeGraph, engineFingerprint, NotCacheable, serializeGraph, sha256, type Links } from "./ast-cache.js";
import type { RegoPackageInfo } from "./engine.js";
import { packageInfo } from "./package-info.js";
import { GateReader, modulesNeeded, type Gate } from "./library-index.js";
import { listRegoRules, type RegoRule } from "./rule-list.js";

const FORMAT = 5;
const HERE = path.dirname(fileURLToPath(import.meta.url));
/** dist/policy/rego/bundled-compiled.json (written by the build). */
export const COMPILED_CACHE_FILE = path.join(HERE, "bundled-compiled.json");

/** What compilePolicies compiles with, and so the only options the cache is for. */
export const LIBRARY_OPTIONS: CompileOptions = { regoVersion: "auto", extraBuiltins: PLANGUARD_BUILTINS };

/** The file's first line. */
interface LibraryIndex {
  format: number;
  engine: string;
  /** The sources compiled, in order; `size`: the UTF-8 length of the text, a file's size in bytes. */
  sources: { file: string; sha256: string; size: number }[];
  /** One per source, in order. */
  modules: ModuleEntry[];
  /** What the whole library reads of `input` (inputMembersRead): every scan asks, before any module is needed. */
  inputUse: string[] | "whole";
  /**
   * The library's conftest rules with their metadata, as regoRules lists them (rule-list.ts): every
   * scan lists them, and working out their metadata from the annotations at each start cost more
   * than reading them. The packages above carry no annotations (only that list reads them).
   */
  rules: RegoRule[];
  /** A hash of the code that lists them (ruleListFingerprint): a list made by other code is not used. */
  rulesFrom: string;
}

/** What the index says of one compiled module. */
export interface ModuleEntry {
  /** Where the module's line starts and ends, in bytes after the index's line. */
  at: [number, number];
  /** SHA-256 of the module's line. */
  sha256: string;
  /** What the program's packages() lists for this module. */
  package: RegoPackageInfo;
  gate: Gate;
  /** The modules (indexes) a program must hold to evaluate this one, itself included. */
  needs: number[];
}

/** A module's line: its compiled graph, locations compacted. */
interface ModuleLine {
  ast: unknown;
  links: Links;
}

/** A hash of the compiler and everything it imports (the parser included). */
export function compilerFingerprint(regoDir?: string): string {
  return engineFingerprint(regoDir, "compiler/compile.js");
}

/** @public Where rule-list.ts is, from src/rego or dist/rego (engineFingerprint's directory); scripts/build-cli.mjs imports it from dist/. */
export const RULE_LIST_ENTRY = "../policy/rego/rule-list.js";

/** A hash of the code that lists a program's rules and their metadata (rule-list.ts and what it imports). */
function ruleListFingerprint(): string {
  return engineFingerprint(undefined, RULE_LIST_ENTRY);
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
  let lines: string[];
  try {
    lines = modules.map((m) => {
      const graph = serializeGraph(m);
      return asciiJson({ ast: compactLocations([graph.ast])[0], links: graph.links } satisfies ModuleLine);
    });
  } catch (err) {
    if (err instanceof NotCacheable) return { skipped: "a compiled module is not plain JSON (a RegoNumber, say)" };
    throw err;
  }
  const packages = compileModules(plain, LIBRARY_OPTIONS).packages().map(packageInfo);
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(packages)), packages))
    return { skipped: "a package's annotations are not plain JSON" };
  const rules = listRegoRules(packages, "all");
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(rules)), rules))
    return { skipped: "a rule's metadata is not plain JSON" };
  // A package under data.planguard.resources_by_type would make the gates' references defined: no gates then.
  const byTypeShadowed = modules.some((m) => m.pkg[0] === "planguard" && m.pkg[1] === "resources_by_type");
  const needs = modulesNeeded(modules);
  const gates = new GateReader(modules);
  const use = inputMembersRead(modules);
  let offset = 0;
  const at = lines.map((line): [number, number] => [offset, (offset += line.length + 1) - 1]);
  const index: LibraryIndex = {
    format: FORMAT,
    engine,
    sources: plain.map((s) => ({ file: s.file, sha256: sha256(s.text), size: Buffer.byteLength(s.text, "utf8") })),
    modules: modules.map((m, i) => {
      const gate = gates.gateOf(m);
      return {
        at: at[i]!,
        sha256: sha256(lines[i]!),
        package: withoutAnnotations(packages[i]!),
        gate: gate?.length === 0 || !byTypeShadowed ? gate : null,
        needs: needs[i]!,
      };
    }),
    inputUse: use === "whole" ? "whole" : [...use],
    rules,
    rulesFrom: ruleListFingerprint(),
  };
  const json = [asciiJson(index), ...lines].join("\n") + "\n";
  // What a scan would get back must be what a fresh compile gives: the modules and the tree.
  const written = Buffer.from(json, "latin1");
  const library = readLibrary((start, length) => written.subarray(start, start + length), 0, engine);
  const revived = library?.attachTo(plain.map((s) => ({ ...s, bundled: true })));
  if (!revived) return { skipped: "the written library does not read back" };
  const fromCache = compile(revived, LIBRARY_OPTIONS);
  const fresh = compile(plain, LIBRARY_OPTIONS);
  if (!isDeepStrictEqual(fromCache.modules, fresh.modules) || !isDeepStrictEqual(fromCache.tree, fresh.tree)) {
    return { skipped: "the revived modules differ from a fresh compile's" };
  }
  return { json };
}

/** What packages() lists of a package, less the annotations, which only the rules' metadata reads. */
function withoutAnnotations(p: RegoPackageInfo): RegoPackageInfo {
  return { path: p.path, file: p.file, rules: p.rules.map((r) => ({ name: r.name, line: r.line })) };
}

/** JSON with non-ASCII characters (a policy's message) as \u escapes: an ASCII file is read fastest at every start. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
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

/** `length` bytes of the cache from byte `start` (fewer at its end). */
type ReadAt = (start: number, length: number) => Buffer;

/** The build-time compile of the bundled library: its index, and its modules revived one by one when asked. */
export class CompiledLibrary {
  constructor(
    private readonly index: LibraryIndex,
    private readonly readAt: ReadAt,
    /** Where the modules' lines start. */
    private readonly base: number,
    /** The cache file's modification time (ms): when it was built, or installed. */
    private readonly writtenAt: number,
  ) {}

  /** What the index says of each module, in order. */
  get modules(): readonly ModuleEntry[] {
    return this.index.modules;
  }

  /** The library's conftest rules and their metadata, as regoRules lists them: the same objects at each call. */
  rules(): RegoRule[] {
    return this.index.rules;
  }

  /** The input members the whole library reads. */
  inputUse(): ReadonlySet<string> | "whole" {
    return this.index.inputUse === "whole" ? "whole" : new Set(this.index.inputUse);
  }

  /** Whether the bundled sources (those marked `bundled`, in order) are exactly the ones compiled: same files, same SHA-256. */
  compiledFrom(sources: readonly { file: string; text: string; bundled: boolean }[]): boolean {
    const recorded = this.index.sources;
    const bundled = sources.filter((s) => s.bundled);
    return (
      bundled.length === recorded.length &&
      bundled.every((s, i) => s.file === recorded[i]!.file && sha256(s.text) === recorded[i]!.sha256)
    );
  }

  /**
   * Whether the bundled policy files on disk are the ones compiled, told
   * mostly without reading them: the same paths in the same order, each of
   * the recorded size, and each either last modified no later than this
   * cache file (written after the sources by the build; npm installs a
   * package's files with one time) or, when modified since, of the
   * recorded SHA-256 (`textOf` reads its text then). An edit, an added or a
   * removed file changes the list, a size or a modification time. See
   * docs/DESIGN.md ("The library revived lazily") for what this misses.
   */
  listedFrom(
    files: readonly { file: string; size: number; mtimeMs: number }[],
    textOf: (i: number) => string,
  ): boolean {
    const recorded = this.index.sources;
    if (files.length !== recorded.length) return false;
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      const r = recorded[i]!;
      if (f.file !== r.file || f.size !== r.size) return false;
    }
    // Hashed only when touched after the build: a checkout, an editor's save that changed nothing.
    return files.every((f, i) => f.mtimeMs <= this.writtenAt || sha256(textOf(i)) === recorded[i]!.sha256);
  }

  /**
   * Module `i` as the build's compile left it, a fresh object graph each
   * time. Throws DamagedLibrary when its line is not the one indexed.
   */
  module(i: number): Module {
    const [start, end] = this.index.modules[i]!.at;
    return this.revive(i, this.readAt(this.base + start, end - start + 1), 0);
  }

  /** Module `i` from its line at `offset` in `bytes`. */
  private revive(i: number, bytes: Buffer, offset: number): Module {
    const [start, end] = this.index.modules[i]!.at;
    const length = end - start;
    if (bytes[offset + length] !== 10) throw new DamagedLibrary();
    const text = bytes.toString("latin1", offset, offset + length);
    if (nodeCrypto().createHash("sha256").update(text, "latin1").digest("hex") !== this.index.modules[i]!.sha256)
      throw new DamagedLibrary();
    const parsed = JSON.parse(text) as ModuleLine;
    return deserializeGraph(expandLocations([parsed.ast])[0], parsed.links) as Module;
  }

  /**
   * The sources with every bundled module's compiled form attached, when the
   * bundled sources are exactly the library's; else undefined (compile from text).
   */
  attachTo<S extends { file: string; text: string; bundled: boolean }>(
    sources: readonly S[],
  ): (S & Source)[] | undefined {
    if (!this.compiledFrom(sources)) return undefined;
    let modules: Module[];
    try {
      // Every line, read at once.
      const last = this.index.modules[this.index.modules.length - 1];
      const all = this.readAt(this.base, last ? last.at[1] + 1 : 0);
      modules = this.index.modules.map((m, i) => this.revive(i, all, m.at[0]));
    } catch (err) {
      if (err instanceof DamagedLibrary) return undefined;
      throw err;
    }
    let next = 0;
    return sources.map((s) => (s.bundled ? { ...s, compiled: modules[next++]! } : s));
  }
}

/** A module's line is not what the index recorded (or is missing): the file was damaged or changed after the build. */
export class DamagedLibrary extends Error {}

/**
 * The build-time compile of the bundled library, or undefined when there is
 * none or another compiler wrote it. Only the index is read here (~0.3 of
 * 2.5 MB); each module's line when it is revived.
 */
export function loadCompiledCache(file = COMPILED_CACHE_FILE, engine?: string): CompiledLibrary | undefined {
  try {
    if (!existsSync(file)) return undefined;
    return readLibrary(fileReader(file), statSync(file).mtimeMs, engine);
  } catch {
    // An unreadable or damaged cache is no cache: the library is compiled from its sources, as without one.
    return undefined;
  }
}

/** Reads parts of a file, opening it for each read (a file replaced meanwhile fails the lines' hashes). */
function fileReader(file: string): ReadAt {
  return (start, length) => {
    const fd = openSync(file, "r");
    try {
      const buffer = Buffer.allocUnsafe(length);
      let got = 0;
      while (got < length) {
        const n = readSync(fd, buffer, got, length - got, start + got);
        if (n === 0) break;
        got += n;
      }
      return buffer.subarray(0, got);
    } finally {
      closeSync(fd);
    }
  };
}

const INDEX_CHUNK = 512 * 1024;

/** The library behind `readAt`, or undefined when it is of another format or compiler; throws when damaged. */
function readLibrary(readAt: ReadAt, writtenAt: number, engine?: string): CompiledLibrary | undefined {
  // The index is the first line: read in chunks until its end.
  let head = readAt(0, INDEX_CHUNK);
  let firstLineEnd = head.indexOf(10);
  while (firstLineEnd === -1) {
    const more = readAt(head.length, INDEX_CHUNK);
    if (more.length === 0) return undefined;
    const at = more.indexOf(10);
    if (at !== -1) firstLineEnd = head.length + at;
    head = Buffer.concat([head, more]);
  }
  // The build writes ASCII, which latin1 decodes as it is and fastest (read-text.ts); other bytes fail the hashes.
  const index = JSON.parse(head.toString("latin1", 0, firstLineEnd)) as LibraryIndex;
  if (index.format !== FORMAT || !Array.isArray(index.sources) || !Array.isArray(index.modules)) return undefined;
  if (index.modules.length !== index.sources.length) return undefined;
  if (index.engine !== (engine ?? compilerFingerprint())) return undefined;
  if (!Array.isArray(index.rules) || index.rulesFrom !== ruleListFingerprint()) return undefined;
  return new CompiledLibrary(index, readAt, firstLineEnd + 1, writtenAt);
}
