import { toJSON, type Value } from "../value.js";
import type { Body } from "./ast.js";
import { Compiled, RegoCompileError, type RuleGroup } from "./compile.js";
import { Evaluator, RegoEvalError, varsIn } from "./eval.js";
import { RegoSyntaxError } from "./lexer.js";
import { parseModule, parseQuery } from "./parser.js";

/**
 * planguard's Rego engine: compile modules once, then evaluate references,
 * queries and `test_*` rules against inputs and data.
 */
export interface ModuleSource {
  file: string;
  text: string;
}

/** A parse, compile or evaluation error, located where the engine knows. */
export class RegoError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly col?: number,
  ) {
    super(message);
  }

  /** `file:line:col: code: message`, as OPA prints it. */
  describe(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}${this.col ? `:${this.col}` : ""}` : ""}: ` : "";
    return `${where}${this.code}: ${this.message}`;
  }
}

export interface EvaluateOptions {
  input?: Value;
  data?: Value;
  timeoutMs?: number;
  maxDepth?: number;
  strict?: boolean;
  print?: (line: string) => void;
}

export interface PackageInfo {
  path: string;
  file: string;
  annotation?: Record<string, unknown>;
  rules: { name: string; line: number; annotation?: Record<string, unknown> }[];
}

export interface TestResult {
  name: string;
  pkg: string;
  file: string;
  line: number;
  status: "pass" | "fail" | "error";
  error?: string;
  durationMs: number;
}

export function compileModules(sources: readonly ModuleSource[]): CompiledPolicies {
  const modules = sources.map((s) => {
    try {
      return parseModule(s.file, s.text);
    } catch (err) {
      if (err instanceof RegoSyntaxError) throw new RegoError("rego_parse_error", err.message, s.file, err.line, err.col);
      throw err;
    }
  });
  try {
    return new CompiledPolicies(new Compiled(modules));
  } catch (err) {
    if (err instanceof RegoCompileError) throw new RegoError(err.code, err.message, err.file, err.line, err.col);
    throw err;
  }
}

export class CompiledPolicies {
  constructor(private readonly compiled: Compiled) {}

  packages(): PackageInfo[] {
    const out: PackageInfo[] = [];
    for (const m of this.compiled.modules) {
      const info: PackageInfo = {
        path: m.pkg.join("."),
        file: m.file,
        rules: m.rules.map((r) => ({ name: r.path.join("."), line: r.loc.line, ...(r.annotation ? { annotation: r.annotation } : {}) })),
      };
      if (m.annotation) info.annotation = m.annotation;
      out.push(info);
    }
    return out;
  }

  /** A session shares rule values across evaluations with the same input and data. */
  session(options: EvaluateOptions = {}): Session {
    return new Session(this.compiled.withBase(options.data), options);
  }

  evaluate(ref: string, options: EvaluateOptions = {}): Value | undefined {
    return this.session(options).evaluate(ref);
  }

  /** Runs every rule named test_* like `opa test`. */
  runTests(options: EvaluateOptions & { run?: RegExp } = {}): TestResult[] {
    const results: TestResult[] = [];
    const withData = this.compiled.withBase(options.data);
    for (const m of this.compiled.modules) {
      for (const r of m.rules) {
        const name = r.path.join(".");
        if (!name.startsWith("test_") || r.kind !== "complete") continue;
        const pkg = m.pkg.join(".");
        if (options.run && !options.run.test(`${pkg}.${name}`) && !options.run.test(name)) continue;
        const start = performance.now();
        const result: TestResult = { name, pkg, file: m.file, line: r.loc.line, status: "fail", durationMs: 0 };
        try {
          const value = new Session(withData, options).evaluate(`data.${pkg}.${name}`);
          result.status = value !== undefined && value !== false ? "pass" : "fail";
        } catch (err) {
          result.status = "error";
          result.error = err instanceof RegoError ? err.describe() : (err as Error).message;
        }
        result.durationMs = performance.now() - start;
        if (!results.some((x) => x.pkg === pkg && x.name === name)) results.push(result);
      }
    }
    return results;
  }

  /** Evaluates a query; each result is the query's variable bindings, or its value when it has none. */
  query(text: string, options: EvaluateOptions = {}): { bindings: Record<string, unknown>; value?: unknown }[] {
    let body: Body;
    try {
      body = parseQuery(text);
    } catch (err) {
      if (err instanceof RegoSyntaxError) throw new RegoError("rego_parse_error", err.message, "query", err.line, err.col);
      throw err;
    }
    return new Session(this.compiled.withBase(options.data), options).query(body);
  }
}

export class Session {
  private readonly evaluator: Evaluator;
  private readonly ctx;

  constructor(compiled: Compiled, options: EvaluateOptions) {
    this.evaluator = new Evaluator(compiled, {
      ...(options.input !== undefined ? { input: options.input } : {}),
      strict: options.strict ?? false,
      deadline: Date.now() + (options.timeoutMs ?? 30_000),
      maxDepth: options.maxDepth ?? 5_000,
      ...(options.print ? { print: options.print } : {}),
      nowNs: BigInt(Date.now()) * 1_000_000n,
    });
    this.ctx = this.evaluator.rootContext();
  }

  evaluate(ref: string): Value | undefined {
    const path = ref.split(".");
    if (path[0] !== "data") throw new RegoError("rego_parse_error", `a reference must start with data: ${ref}`);
    return guard(() => this.evaluator.valueAt(path.slice(1), this.ctx));
  }

  /** Query results as Rego values: the variables' bindings, and the value of a single expression. */
  queryValues(text: string): { bindings: Map<string, Value>; value?: Value }[] {
    let body: Body;
    try {
      body = parseQuery(text);
    } catch (err) {
      if (err instanceof RegoSyntaxError) throw new RegoError("rego_parse_error", err.message, "query", err.line, err.col);
      throw err;
    }
    const names = queryVars(body);
    return guard(() => {
      const out: { bindings: Map<string, Value>; value?: Value }[] = [];
      const single = body.length === 1 && body[0]!.kind === "expr" ? body[0]! : undefined;
      // A single expression is its value, false included (a body would drop a false result).
      if (single && single.kind === "expr" && !single.negated && single.withs.length === 0 && names.length === 0) {
        for (const [v] of this.evaluator.evalTerm(single.term, null, this.ctx, null)) out.push({ bindings: new Map(), value: v });
        return out;
      }
      for (const env of this.evaluator.query(body, this.ctx)) {
        const bindings = new Map<string, Value>();
        for (const n of names) {
          const v = this.evaluator.readBinding(env, n);
          if (v !== undefined) bindings.set(n, v);
        }
        const result: { bindings: Map<string, Value>; value?: Value } = { bindings };
        if (single && single.kind === "expr") {
          for (const [v] of this.evaluator.evalTerm(single.term, env, this.ctx, null)) {
            result.value = v;
            break;
          }
        }
        out.push(result);
      }
      return out;
    });
  }

  query(body: Body): { bindings: Record<string, unknown>; value?: unknown }[] {
    const names = new Set<string>();
    for (const lit of body) {
      if (lit.kind === "expr") varsIn(lit.term, []).forEach((v) => names.add(v));
      if (lit.kind === "unify" || lit.kind === "assign") [...varsIn(lit.left), ...varsIn(lit.right)].forEach((v) => names.add(v));
      if (lit.kind === "somein") varsIn(lit.value).forEach((v) => names.add(v));
    }
    return guard(() => {
      const out: { bindings: Record<string, unknown>; value?: unknown }[] = [];
      const single = body.length === 1 && body[0]!.kind === "expr" ? body[0]! : undefined;
      for (const env of this.evaluator.query(body, this.ctx)) {
        const bindings: Record<string, unknown> = {};
        for (const n of names) {
          const v = this.evaluator.readBinding(env, n);
          if (v !== undefined && n !== "input" && n !== "data") bindings[n] = toJSON(v);
        }
        const result: { bindings: Record<string, unknown>; value?: unknown } = { bindings };
        if (single && single.kind === "expr") {
          for (const [v] of this.evaluator.evalTerm(single.term, env, this.ctx, null)) {
            result.value = toJSON(v);
            break;
          }
        }
        out.push(result);
      }
      return out;
    });
  }
}

/** The variables a query binds (not input, data or `_`). */
function queryVars(body: Body): string[] {
  const names = new Set<string>();
  for (const lit of body) {
    if (lit.kind === "expr") varsIn(lit.term, []).forEach((v) => names.add(v));
    if (lit.kind === "unify" || lit.kind === "assign") [...varsIn(lit.left), ...varsIn(lit.right)].forEach((v) => names.add(v));
    if (lit.kind === "somein") varsIn(lit.value).forEach((v) => names.add(v));
  }
  names.delete("input");
  names.delete("data");
  return [...names].filter((n) => !n.startsWith("__"));
}

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RegoEvalError) throw new RegoError(err.code, err.message, err.loc?.file, err.loc?.line, err.loc?.col);
    if (err instanceof RangeError) throw new RegoError("eval_depth_error", "evaluation nested too deeply (stack exhausted)");
    throw err;
  }
}

export type { RuleGroup };
