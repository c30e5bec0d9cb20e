/**
 * The engine's first API, kept for the code written against it (the policy
 * layer, `planguard test`). It delegates to the engine in ../index.ts; new
 * code should import from there.
 *
 * Differences from ../index.ts: modules are read in "auto" syntax (v1, else
 * v0 per module) unless a version is given, and test results name their
 * package `pkg`.
 */
import { compileModules as compileCore, CompiledPolicies as CoreCompiled, runRegoTests, type CompileOptions, type EvaluateOptions, type PackageInfo, type Session } from "../index.js";
import type { Value } from "../value.js";

export { RegoError } from "../errors.js";
export type { EvaluateOptions, PackageInfo, Session } from "../index.js";

export interface ModuleSource {
  file: string;
  text: string;
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

export function compileModules(sources: readonly ModuleSource[], options: CompileOptions = {}): CompiledPolicies {
  const core = compileCore(sources, { regoVersion: "auto", ...options });
  return new CompiledPolicies(core);
}

export class CompiledPolicies {
  constructor(readonly core: CoreCompiled) {}

  packages(): PackageInfo[] {
    return this.core.packages();
  }

  session(options: EvaluateOptions = {}): Session {
    return this.core.session(options);
  }

  evaluate(ref: string, options: EvaluateOptions = {}): Value | undefined {
    return this.core.evaluate(ref, options);
  }

  query(text: string, options: EvaluateOptions = {}): { bindings: Record<string, Value>; value?: Value }[] {
    return this.core.query(text, options).map((r) => (r.expressions.length === 1 ? { bindings: r.bindings, value: r.expressions[0]! } : { bindings: r.bindings }));
  }

  /** Runs every `test_*` rule like `opa test`; `run` filters by "pkg.name" or the full reference. */
  runTests(options: EvaluateOptions & { run?: RegExp } = {}): TestResult[] {
    const run = options.run;
    const results = runRegoTests(this.core, {
      ...(options.data !== undefined ? { data: options.data } : {}),
      ...(options.input !== undefined ? { input: options.input } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}),
      ...(options.print ? { print: options.print } : {}),
    });
    return results
      .filter((r) => !run || run.test(`${r.package}.${r.name}`) || run.test(r.name))
      .map(({ package: pkg, ...rest }) => ({ ...rest, pkg }));
  }
}
