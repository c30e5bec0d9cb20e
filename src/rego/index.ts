/**
 * planguard's Rego engine. Compile modules once, then evaluate references
 * and queries against inputs and data:
 *
 *   const policies = compileModules([{ file: "p.rego", text }]);
 *   policies.evaluate("data.main.deny", { input });          // Value | undefined
 *   policies.query("x := data.main.deny[_]", { input });     // [{ bindings, expressions }]
 *   runRegoTests(policies, { runPattern: "s3" });             // like `opa test`
 *
 * Every problem is a RegoError with OPA's code (rego_parse_error,
 * rego_compile_error, rego_unsafe_var_error, rego_recursion_error,
 * rego_type_error, eval_conflict_error, eval_type_error, eval_builtin_error,
 * eval_cancel_error, eval_depth_error) and, where known, file/line/col.
 */
import type { Annotation, Module, Rule } from "./ast.js";
import type { BuiltinDef } from "./builtins/index.js";
import { compile, type Program, type Source } from "./compiler/compile.js";
import { inputMembersRead, type InputUse } from "./compiler/input-use.js";
import { RegoError, type Location } from "./errors.js";
import { Context } from "./eval/context.js";
import { Evaluator } from "./eval/evaluator.js";
import { parseTerm, type PreparsedModules, type RegoVersion } from "./parser.js";
import type { Value } from "./value.js";

export { RegoError } from "./errors.js";
export type { Value } from "./value.js";
export type { Location } from "./errors.js";
export type { PreparsedModules, RegoVersion } from "./parser.js";
export type { Source } from "./compiler/compile.js";
export type { InputUse } from "./compiler/input-use.js";

export interface CompileOptions {
  /** Syntax of modules that do not import rego.v1. Default "v1"; "auto": v1, else v0 per module. */
  regoVersion?: RegoVersion | "auto";
  /** Default for evaluations: builtin errors fail the query (true) or make the expression undefined (false, OPA's default). */
  strictBuiltinErrors?: boolean;
  /** Builtins to add (or replace) by name. */
  extraBuiltins?: readonly BuiltinDef[];
  /**
   * Modules parsed earlier (planguard's build-time AST cache): a source whose
   * text one of them matches is not parsed again. The other cache, modules
   * as an earlier compile left them, comes with each source (`Source.compiled`).
   */
  preparsed?: PreparsedModules;
}

export interface EvaluateOptions {
  input?: Value;
  /** The base `data` document (rules live beside it). */
  data?: Value;
  /** Time budget (default 30 s): of one evaluate or query, or of everything a session evaluates. */
  timeoutMs?: number;
  /** Maximum nesting of rule and function evaluations (default 2000). */
  maxDepth?: number;
  /**
   * Where `print` writes; without it print output is dropped. Like OPA's
   * print hook, it gets each line and the location of the print call.
   */
  print?: (line: string, loc: Location) => void;
  /** Where `trace(note)` records its notes (OPA's Note events); without it they are dropped. */
  note?: (message: string) => void;
  strictBuiltinErrors?: boolean;
  /** false: evaluate by the general search only (see EvalOptions.shortcuts); for tests. */
  shortcuts?: boolean;
}

/** Annotation keys as written in the METADATA block, plus the resolved scope. */
export type AnnotationInfo = Record<string, unknown> & {
  scope: string;
  title?: string;
  description?: string;
  custom?: Record<string, unknown>;
};

export interface RuleInfo {
  /** Path under the package, dotted: "deny", "a.b". */
  name: string;
  /** Absolute path: "data.main.deny". */
  ref: string;
  kind: "complete" | "set" | "object" | "function";
  isDefault: boolean;
  file: string;
  line: number;
  col: number;
  /** The rule's own annotation, else a `document`-scope one of its path. */
  annotation?: AnnotationInfo;
}

export interface PackageInfo {
  /** Dotted, without "data.": "planguard.aws.s3". */
  path: string;
  /** One entry per module: a package spread over files is listed once per file. */
  file: string;
  /** The package's annotation, else the nearest `subpackages` one above it. */
  annotation?: AnnotationInfo;
  rules: RuleInfo[];
}

export interface QueryResult {
  /** Variables the query bound (wildcards and unbound ones left out). */
  bindings: Record<string, Value>;
  /** The value of each expression, in the order written (true for =, := and others). */
  expressions: Value[];
}

export interface TestOutput {
  kind: "print" | "note";
  text: string;
}

export interface TestResult {
  name: string;
  package: string;
  file: string;
  line: number;
  status: "pass" | "fail" | "error";
  error?: string;
  durationMs: number;
  /** What the test printed and the notes its `trace` calls recorded, in order. */
  output: TestOutput[];
}

/**
 * A module's own `regoVersion` overrides the options' (the bundled library
 * beside a user's v0 files); its `compiled` module, when usable, is taken
 * instead of compiling its text (see Source).
 */
export function compileModules(modules: readonly Source[], options: CompileOptions = {}): CompiledPolicies {
  const program = compile(modules, {
    ...(options.regoVersion ? { regoVersion: options.regoVersion } : {}),
    ...(options.extraBuiltins ? { extraBuiltins: options.extraBuiltins } : {}),
    ...(options.preparsed ? { preparsed: options.preparsed } : {}),
  });
  return new CompiledPolicies(program, options.strictBuiltinErrors ?? false);
}

export class CompiledPolicies {
  constructor(
    /** The compiled program (rule tree, modules); for tools inside the engine. */
    readonly program: Program,
    private readonly strictDefault: boolean,
  ) {}

  packages(): PackageInfo[] {
    return this.program.modules.map((m) => {
      const info: PackageInfo = { path: m.pkg.join("."), file: m.file, rules: m.rules.map((r) => this.ruleInfo(r)) };
      const a = this.packageAnnotation(m);
      if (a) info.annotation = a;
      return info;
    });
  }

  /** The rules of one package (dotted path without "data."), across its files. */
  rules(pkg: string): RuleInfo[] {
    return this.program.modules
      .filter((m) => m.pkg.join(".") === pkg)
      .flatMap((m) => m.rules.map((r) => this.ruleInfo(r)));
  }

  private ruleInfo(r: Rule): RuleInfo {
    const name = r.path.slice(r.module.pkg.length).join(".");
    const kind =
      r.head.kind === "function"
        ? "function"
        : r.head.kind === "contains"
          ? "set"
          : r.dynamic.length > 0
            ? "object"
            : "complete";
    const info: RuleInfo = {
      name,
      ref: ["data", ...r.path].join("."),
      kind,
      isDefault: r.isDefault,
      file: r.module.file,
      line: r.loc.line,
      col: r.loc.col,
    };
    const own =
      r.annotations.find((a) => a.scope === "rule") ??
      r.annotations.find((a) => a.scope === "document") ??
      this.documentAnnotation(r);
    if (own) info.annotation = annotationInfo(own);
    return info;
  }

  private documentAnnotation(r: Rule): Annotation | undefined {
    const node = this.program.tree.get(r.path);
    if (!node) return undefined;
    const rules = [
      ...node.complete,
      ...node.multi,
      ...node.dynamic,
      ...node.functions,
      ...(node.defaultRule ? [node.defaultRule] : []),
    ];
    for (const other of rules) {
      const a = other.annotations.find((x) => x.scope === "document");
      if (a) return a;
    }
    return undefined;
  }

  private packageAnnotation(m: Module): AnnotationInfo | undefined {
    const own = m.annotations.find((a) => a.scope === "package" || a.scope === "subpackages");
    if (own) return annotationInfo(own);
    // The nearest package above with a `subpackages` annotation.
    let best: { depth: number; a: Annotation } | undefined;
    for (const other of this.program.modules) {
      if (other.pkg.length >= m.pkg.length || !other.pkg.every((p, i) => m.pkg[i] === p)) continue;
      const a = other.annotations.find((x) => x.scope === "subpackages");
      if (a && (!best || other.pkg.length > best.depth)) best = { depth: other.pkg.length, a };
    }
    return best ? annotationInfo(best.a) : undefined;
  }

  /** The top-level members of `input` the policies can read ("whole" when they use input as a whole). */
  inputMembersRead(): InputUse {
    return inputMembersRead(this.program.modules);
  }

  /** Evaluations that share rule values: same input and data, one memo. */
  session(options: EvaluateOptions = {}): Session {
    return new Session(this.program, options, options.strictBuiltinErrors ?? this.strictDefault);
  }

  /** The value of a reference such as "data.main.deny"; undefined when undefined. */
  evaluate(ref: string, options: EvaluateOptions = {}): Value | undefined {
    return this.session(options).evaluate(ref);
  }

  /** All results of a query, as OPA gives them. */
  query(text: string, options: EvaluateOptions = {}): QueryResult[] {
    return this.session(options).query(text);
  }
}

export class Session {
  private readonly root: Context;
  /** One time budget for everything evaluated in the session (a scan's session is one plan). */
  private readonly deadline: number;

  constructor(
    private readonly program: Program,
    private readonly options: EvaluateOptions,
    private readonly strict: boolean,
  ) {
    this.root = new Context(options.input, options.data ?? {});
    this.deadline = Date.now() + (options.timeoutMs ?? 30_000);
  }

  private evaluator(): Evaluator {
    return new Evaluator(this.program, this.root, {
      strict: this.strict,
      timeoutMs: this.options.timeoutMs ?? 30_000,
      deadline: this.deadline,
      maxDepth: this.options.maxDepth ?? 2_000,
      print: this.options.print,
      note: this.options.note,
      nowNs: BigInt(Date.now()) * 1_000_000n,
      shortcuts: this.options.shortcuts,
    });
  }

  evaluate(ref: string): Value | undefined {
    const path = parseDataRef(ref);
    const ev = this.evaluator();
    return guard(ev, () => ev.valueAt(path));
  }

  query(text: string): QueryResult[] {
    const q = this.program.compileQuery(text);
    const ev = this.evaluator();
    const results: QueryResult[] = [];
    guard(ev, () =>
      ev.runQuery(q.body, q.slots, (frame, values) => {
        const bindings: Record<string, Value> = {};
        q.slotNames.forEach((name, slot) => {
          const v = frame[slot];
          if (v !== undefined && name !== "_" && !name.startsWith("$"))
            Object.defineProperty(bindings, name, { value: v, enumerable: true, writable: true, configurable: true });
        });
        // Expressions the compiler added (index -1) are none of the query's own.
        const written = q.body.filter((lit) => lit.index === undefined || lit.index >= 0);
        results.push({ bindings, expressions: written.map((_, i) => values[i] ?? true) });
        return false;
      }),
    );
    return results;
  }
}

/** "data.a.b" or "data.a[\"b-c\"]" as a path under data. */
function parseDataRef(ref: string): string[] {
  if (/^data(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(ref)) return ref.split(".").slice(1);
  const t = parseTerm(ref, "ref");
  const head = t.type === "ref" ? t.head : t;
  const path = t.type === "ref" ? t.path : [];
  if (head.type !== "var" || head.name !== "data" || !path.every((p) => p.type === "scalar")) {
    throw new RegoError("rego_parse_error", `not a reference into data: ${ref}`);
  }
  return path.map((p) => String((p as { value: unknown }).value));
}

/** Stack exhaustion becomes an error naming the rule, never a crash. */
function guard<T>(ev: Evaluator, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof RangeError) {
      const rule = ev.currentRuleName();
      throw new RegoError(
        "eval_depth_error",
        `evaluation nested too deeply (stack exhausted)${rule ? ` in ${rule}` : ""}`,
      );
    }
    throw err;
  }
}

function annotationInfo(a: Annotation): AnnotationInfo {
  return { ...a.raw, scope: a.scope } as AnnotationInfo;
}

/**
 * Runs every `test_*` rule like `opa test`: pass when defined and not false.
 * Each result carries what its test printed and the notes of its `trace`
 * calls (OPA's test runner captures both per test).
 */
export function runRegoTests(
  compiled: CompiledPolicies,
  options: { runPattern?: string | RegExp; data?: Value; input?: Value; timeoutMs?: number; maxDepth?: number } = {},
): TestResult[] {
  // Matched against "data.<package>.<test>", as `opa test --run` does.
  const pattern =
    options.runPattern === undefined
      ? undefined
      : typeof options.runPattern === "string"
        ? new RegExp(options.runPattern)
        : options.runPattern;
  const results: TestResult[] = [];
  const seen = new Set<string>();
  for (const m of compiled.program.modules) {
    for (const r of m.rules) {
      const last = r.path[r.path.length - 1] ?? "";
      if (!last.startsWith("test_") || r.head.kind === "function" || r.dynamic.length > 0) continue;
      const ref = ["data", ...r.path].join(".");
      if (seen.has(ref) || (pattern && !pattern.test(ref))) continue;
      seen.add(ref);
      const result: TestResult = {
        name: r.path.slice(m.pkg.length).join("."),
        package: m.pkg.join("."),
        file: m.file,
        line: r.loc.line,
        status: "fail",
        durationMs: 0,
        output: [],
      };
      const start = performance.now();
      try {
        const opts: EvaluateOptions = {};
        if (options.input !== undefined) opts.input = options.input;
        if (options.data !== undefined) opts.data = options.data;
        if (options.timeoutMs !== undefined) opts.timeoutMs = options.timeoutMs;
        if (options.maxDepth !== undefined) opts.maxDepth = options.maxDepth;
        opts.print = (text) => result.output.push({ kind: "print", text });
        opts.note = (text) => result.output.push({ kind: "note", text });
        const value = compiled.evaluate(ref, opts);
        result.status = value !== undefined && value !== false ? "pass" : "fail";
      } catch (err) {
        result.status = "error";
        result.error = err instanceof RegoError ? err.describe() : err instanceof Error ? err.message : String(err);
      }
      result.durationMs = performance.now() - start;
      results.push(result);
    }
  }
  return results;
}
