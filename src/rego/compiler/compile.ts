/**
 * The compiler: parsed modules in, a checked rule tree out. Passes, in
 * order: parse; place every rule in the tree (static head path + dynamic
 * rest); kind/arity/default conflicts; name resolution (slots, globals,
 * calls); safety with body reordering; recursion. All problems found are
 * reported together, sorted by place.
 */
import type { Body, Module, Rule } from "../ast.js";
import { BUILTINS, type BuiltinDef } from "../builtins/index.js";
import { RegoError } from "../errors.js";
import { parseModule, parseQuery, type PreparsedModules, type RegoVersion } from "../parser.js";
import { checkRecursion } from "./recursion.js";
import { Resolver, type BuiltinArity } from "./resolve.js";
import { SafetyChecker } from "./safety.js";
import { RuleTree } from "./tree.js";
import { compareStrings } from "../value.js";

export interface CompileOptions {
  /**
   * Syntax of modules that do not say (`import rego.v1` always means v1).
   * Default v1. "auto" reads each module as v1 and, when that fails to
   * parse, as v0 (conftest-style leniency for mixed policy libraries).
   */
  regoVersion?: RegoVersion | "auto";
  /** Builtins beyond OPA's (or replacing them), e.g. planguard helpers. */
  extraBuiltins?: readonly BuiltinDef[];
  /** Modules parsed earlier (the build's AST cache), taken instead of parsing a source whose text they match. */
  preparsed?: PreparsedModules;
}

export interface CompiledQuery {
  body: Body;
  slots: number;
  slotNames: string[];
}

export class Program {
  constructor(
    readonly modules: Module[],
    readonly tree: RuleTree,
    readonly builtins: ReadonlyMap<string, BuiltinDef>,
    private readonly version: RegoVersion,
  ) {}

  /** Compiles a query against the program (no package: only input and data are global). */
  compileQuery(text: string): CompiledQuery {
    const parsed = parseQuery(text, "query", "v1");
    for (const [i, lit] of parsed.entries()) lit.index = i;
    const resolver = new Resolver(undefined, new Set(), this.tree, arityOf(this.builtins), true);
    const resolved = resolver.resolveQuery(parsed);
    const safety = new SafetyChecker(
      resolver.ownSlots,
      (t) => (t.target ? resolver.arityOf(t.target) : undefined),
      resolved.slotNames,
    );
    safety.body(resolved.body, new Set());
    const errors = [...resolver.problems(), ...safety.errors];
    if (errors.length) throw RegoError.aggregate(sortErrors(errors));
    void this.version;
    return resolved;
  }
}

function arityOf(builtins: ReadonlyMap<string, BuiltinDef>): BuiltinArity {
  return { arity: (name) => builtins.get(name)?.arity };
}

/** A module's text, and optionally what an earlier compile made of it (see `compile`). */
export interface Source {
  file: string;
  text: string;
  /**
   * The module as an earlier compile of the same sources left it (resolved,
   * checked, reordered), given as a fresh object graph. It is taken as it is,
   * without running the per-rule passes again, when every module compiled now
   * is in a package apart from the precompiled ones' (see `precompiledUsable`);
   * otherwise the text is compiled. Whoever passes it vouches that it came
   * from this compiler's code, with the same options, with all precompiled
   * modules compiled together, and that none of them names in a `with` a path
   * of data that a module compiled now could define.
   */
  compiled?: Module;
  /** This source's syntax, over the options' (a user's policies beside the bundled library). */
  regoVersion?: RegoVersion | "auto";
}

export function compile(sources: readonly Source[], options: CompileOptions = {}): Program {
  try {
    return compileChecked(sources, options);
  } catch (err) {
    // Absurdly nested source exhausts the stack of a recursive pass: an error, never a crash.
    if (err instanceof RangeError) throw new RegoError("rego_compile_error", "policy nested too deeply to compile");
    throw err;
  }
}

function compileChecked(sources: readonly Source[], options: CompileOptions): Program {
  const requested = options.regoVersion ?? "v1";
  const version: RegoVersion = requested === "auto" ? "v1" : requested;
  const builtins = new Map(BUILTINS);
  for (const b of options.extraBuiltins ?? []) builtins.set(b.name, b);

  const errors: RegoError[] = [];
  // By source index; precompiled modules are parsed only when they cannot be used.
  const modules: (Module | undefined)[] = sources.map(() => undefined);
  const parseAt = (i: number): void => {
    const s = sources[i]!;
    const own = s.regoVersion ?? requested;
    const m = parseSource(s, own, own === "auto" ? "v1" : own, errors, options.preparsed);
    if (m) modules[i] = m;
  };
  sources.forEach((s, i) => {
    if (!s.compiled) parseAt(i);
  });
  const precompiled = new Set<Module>();
  const usable = precompiledUsable(sources, modules);
  for (const [i, s] of sources.entries()) {
    if (!s.compiled) continue;
    if (!usable) {
      parseAt(i);
      continue;
    }
    modules[i] = s.compiled;
    precompiled.add(s.compiled);
  }
  if (errors.length) throw RegoError.aggregate(sortErrors(errors));
  const all = modules as Module[];

  const tree = new RuleTree();
  const roots = new Map<string, Set<string>>();
  for (const m of all) {
    tree.ensure(m.pkg).modules.push(m);
    const key = m.pkg.join(".");
    const names = roots.get(key) ?? new Set<string>();
    for (const r of m.rules) names.add(String((r.head.ref[0] as { value: string }).value));
    roots.set(key, names);
  }
  for (const m of all) {
    for (const r of m.rules) {
      // A precompiled rule has its place already (and its dynamic head terms resolved).
      if (!precompiled.has(m)) placeRule(r, m);
      try {
        tree.add(r);
      } catch (err) {
        if (err instanceof RegoError) errors.push(err);
        else throw err;
      }
    }
  }
  // The checks over the whole tree were made when the precompiled modules were compiled together.
  const compiledNow = all.filter((m) => !precompiled.has(m));
  if (compiledNow.length === 0) return new Program(all, tree, builtins, version);
  errors.push(...tree.checkConflicts());
  if (errors.length) throw RegoError.aggregate(sortErrors(errors));

  const arity = arityOf(builtins);
  for (const m of compiledNow) {
    const resolver = new Resolver(m, roots.get(m.pkg.join("."))!, tree, arity, m.regoVersion === "v1");
    checkImports(m, roots.get(m.pkg.join("."))!, errors);
    for (const r of m.rules) {
      resolver.resolveRule(r);
      // The dynamic head terms, now resolved (placeRule saw them as parsed).
      r.dynamic = r.head.ref.slice(r.head.ref.length - r.dynamic.length);
      const safety = new SafetyChecker(
        resolver.ownSlots,
        (t) => (t.target ? resolver.arityOf(t.target) : undefined),
        r.slotNames,
      );
      safety.checkRule(r);
      errors.push(...safety.errors);
    }
    errors.push(...resolver.problems());
  }
  if (errors.length) throw RegoError.aggregate(sortErrors(dedupe(errors)));
  // Over the whole tree: a cycle may pass through precompiled rules (one that iterates `data`, say).
  errors.push(...checkRecursion(tree));
  if (errors.length) throw RegoError.aggregate(sortErrors(errors));
  return new Program(all, tree, builtins, version);
}

/**
 * Parses a source as `requested` says ("auto": v1, else v0); a problem goes
 * to `errors`. When the other version would have read the file, the error
 * says so: a v0 library run without `--rego-version v0` is the usual case.
 */
function parseSource(
  s: Source,
  requested: RegoVersion | "auto",
  version: RegoVersion,
  errors: RegoError[],
  preparsed: PreparsedModules | undefined,
): Module | undefined {
  try {
    return parseModule(s.file, s.text, version, preparsed);
  } catch (err) {
    if (err instanceof RangeError) {
      errors.push(new RegoError("rego_parse_error", "expression nested too deeply", { file: s.file }));
      return undefined;
    }
    if (!(err instanceof RegoError)) throw err;
    const other: RegoVersion = version === "v1" ? "v0" : "v1";
    let otherParses = false;
    try {
      const m = parseModule(s.file, s.text, other, preparsed);
      if (requested === "auto") return m;
      otherParses = true;
    } catch (second) {
      if (second instanceof RangeError || !(second instanceof RegoError)) throw second;
    }
    errors.push(otherParses ? withVersionHint(err, other) : err);
    return undefined;
  }
}

/** `err` with a pointer to the syntax the file is written in. */
function withVersionHint(err: RegoError, other: RegoVersion): RegoError {
  const hint =
    other === "v0"
      ? "the file is Rego v0 syntax: pass --rego-version v0"
      : "the file is Rego v1 syntax: leave out --rego-version v0";
  return new RegoError(err.code, `${err.message} (${hint})`, { file: err.file, line: err.line, col: err.col });
}

/**
 * Whether the precompiled modules can be taken as they are beside the
 * modules parsed now (`parsed`, by source index; all of them parsed). What
 * resolving a module reads besides its own text is the rule names of its
 * package and the tree's functions at the paths it calls; a module compiled
 * now can change neither when its package is not that of a precompiled
 * module, nor below or above one (a rule's path starts with its package).
 * A module that failed to parse counts as clashing: its errors are reported
 * as a full compile would.
 */
function precompiledUsable(sources: readonly Source[], parsed: readonly (Module | undefined)[]): boolean {
  const packages = new Set<string>();
  for (const s of sources) if (s.compiled) packages.add(packageKey(s.compiled.pkg));
  if (packages.size === 0) return false;
  return sources.every((s, i) => {
    if (s.compiled) return true;
    const m = parsed[i];
    return m !== undefined && !packageRelated(m.pkg, packages);
  });
}

/** Whether `pkg` is one of `packages`, or under or above one of them. */
function packageRelated(pkg: readonly string[], packages: ReadonlySet<string>): boolean {
  for (let n = 0; n <= pkg.length; n++) if (packages.has(packageKey(pkg.slice(0, n)))) return true;
  const own = packageKey(pkg);
  for (const p of packages) if (p.startsWith(own)) return true;
  return false;
}

/** A package path as a string no two paths share (names may hold dots when quoted). */
function packageKey(pkg: readonly string[]): string {
  return pkg.map((name) => `${name}\u0000`).join("");
}

/** A rule's place in the tree: the package, then the head's leading constant names. */
function placeRule(r: Rule, m: Module): void {
  const ref = r.head.ref;
  const staticPart: string[] = [];
  let i = 0;
  for (; i < ref.length; i++) {
    const t = ref[i]!;
    if (t.type !== "scalar" || typeof t.value !== "string") break;
    staticPart.push(t.value);
  }
  r.path = [...m.pkg, ...staticPart];
  r.dynamic = ref.slice(i);
}

function checkImports(m: Module, roots: ReadonlySet<string>, errors: RegoError[]): void {
  const seen = new Map<string, string>();
  for (const imp of m.imports) {
    if (imp.path[0] !== "data" && imp.path[0] !== "input") continue;
    const prev = seen.get(imp.alias);
    if (prev !== undefined) {
      errors.push(new RegoError("rego_compile_error", `import must not shadow import ${prev}`, imp.loc));
    }
    seen.set(imp.alias, imp.path.join("."));
    // A rule named like an import alias is allowed; references in the module mean the import (as OPA).
    void roots;
  }
}

function sortErrors(errors: RegoError[]): RegoError[] {
  return [...errors].sort(
    (a, b) =>
      compareStrings(a.file ?? "", b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0),
  );
}

function dedupe(errors: RegoError[]): RegoError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.file}:${e.line}:${e.col}:${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
