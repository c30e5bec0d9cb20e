/**
 * The compiler: parsed modules in, a checked rule tree out. Passes, in
 * order: parse; place every rule in the tree (static head path + dynamic
 * rest); kind/arity/default conflicts; name resolution (slots, globals,
 * calls); safety with body reordering; recursion. All problems found are
 * reported together, sorted by place.
 */
import type { Body, Module, Rule, Term } from "../ast.js";
import { BUILTINS, type BuiltinDef } from "../builtins/index.js";
import { RegoError } from "../errors.js";
import { parseModule, parseQuery, type RegoVersion } from "../parser.js";
import { checkRecursion } from "./recursion.js";
import { Resolver, SPECIAL_CALLS, type BuiltinArity } from "./resolve.js";
import { SafetyChecker } from "./safety.js";
import { RuleTree } from "./tree.js";

export interface CompileOptions {
  /**
   * Syntax of modules that do not say (`import rego.v1` always means v1).
   * Default v1. "auto" reads each module as v1 and, when that fails to
   * parse, as v0 (conftest-style leniency for mixed policy libraries).
   */
  regoVersion?: RegoVersion | "auto";
  /** Builtins beyond OPA's (or replacing them), e.g. planguard helpers. */
  extraBuiltins?: readonly BuiltinDef[];
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
    parsed.forEach((lit, i) => (lit.index = i));
    const resolver = new Resolver(undefined, new Set(), this.tree, arityOf(this.builtins), true);
    const resolved = resolver.resolveQuery(parsed);
    const safety = new SafetyChecker(resolver.ownSlots, (t) => (t.target ? resolver.arityOf(t.target) : undefined), resolved.slotNames);
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

export function compile(sources: readonly { file: string; text: string }[], options: CompileOptions = {}): Program {
  try {
    return compileChecked(sources, options);
  } catch (err) {
    // Absurdly nested source exhausts the stack of a recursive pass: an error, never a crash.
    if (err instanceof RangeError) throw new RegoError("rego_compile_error", "policy nested too deeply to compile");
    throw err;
  }
}

function compileChecked(sources: readonly { file: string; text: string }[], options: CompileOptions): Program {
  const requested = options.regoVersion ?? "v1";
  const version: RegoVersion = requested === "auto" ? "v1" : requested;
  const builtins = new Map(BUILTINS);
  for (const b of options.extraBuiltins ?? []) builtins.set(b.name, b);

  const errors: RegoError[] = [];
  const modules: Module[] = [];
  for (const s of sources) {
    try {
      modules.push(parseModule(s.file, s.text, version));
    } catch (err) {
      if (err instanceof RangeError) {
        errors.push(new RegoError("rego_parse_error", "expression nested too deeply", { file: s.file }));
        continue;
      }
      if (!(err instanceof RegoError)) throw err;
      if (requested !== "auto") {
        errors.push(err);
        continue;
      }
      try {
        modules.push(parseModule(s.file, s.text, "v0"));
      } catch {
        errors.push(err);
      }
    }
  }
  if (errors.length) throw RegoError.aggregate(sortErrors(errors));

  const tree = new RuleTree();
  const roots = new Map<string, Set<string>>();
  for (const m of modules) {
    tree.ensure(m.pkg).modules.push(m);
    const key = m.pkg.join(".");
    const names = roots.get(key) ?? new Set<string>();
    for (const r of m.rules) names.add(String((r.head.ref[0] as { value: string }).value));
    roots.set(key, names);
  }
  for (const m of modules) {
    for (const r of m.rules) {
      placeRule(r, m);
      try {
        tree.add(r);
      } catch (err) {
        if (err instanceof RegoError) errors.push(err);
        else throw err;
      }
    }
  }
  errors.push(...tree.checkConflicts());
  if (errors.length) throw RegoError.aggregate(sortErrors(errors));

  const arity = arityOf(builtins);
  for (const m of modules) {
    const resolver = new Resolver(m, roots.get(m.pkg.join("."))!, tree, arity, m.regoVersion === "v1");
    checkImports(m, roots.get(m.pkg.join("."))!, errors);
    for (const r of m.rules) {
      resolver.resolveRule(r);
      // The dynamic head terms, now resolved (placeRule saw them as parsed).
      r.dynamic = r.head.ref.slice(r.head.ref.length - r.dynamic.length);
      const safety = new SafetyChecker(resolver.ownSlots, (t) => (t.target ? resolver.arityOf(t.target) : undefined), r.slotNames);
      safety.checkRule(r);
      errors.push(...safety.errors);
    }
    errors.push(...resolver.problems());
  }
  if (errors.length) throw RegoError.aggregate(sortErrors(dedupe(errors)));
  errors.push(...checkRecursion(tree));
  if (errors.length) throw RegoError.aggregate(sortErrors(errors));
  return new Program(modules, tree, builtins, version);
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
  return [...errors].sort((a, b) => (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
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

export { SPECIAL_CALLS };
export type { Term };
