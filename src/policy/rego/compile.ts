import { InputError } from "../../input-error.js";
import {
  compileModules,
  RegoError,
  type CompiledPolicies,
  type PreparsedModules,
  type Session,
  type Source,
} from "../../rego/index.js";
import { LIBRARY_OPTIONS, type CompiledLibrary } from "./compiled-cache.js";
import type { Value } from "../../rego/value.js";
import type { EvaluationBudget, RegoPackageInfo, RegoProgram } from "./engine.js";
import type { PolicySource } from "./runner.js";
import { packageInfo } from "./package-info.js";

/**
 * The embedded engine behind the RegoProgram interface. Evaluations with the
 * same input and data share one session, so a helper rule or function is
 * computed once per plan, not once per policy.
 */
export function compilePolicies(
  sources: readonly PolicySource[],
  preparsed?: PreparsedModules,
  library?: CompiledLibrary,
): RegoProgram {
  let compiled: CompiledPolicies;
  try {
    // The bundled library compiled at build time (compiled-cache.ts) is taken when it is exactly this one.
    const withLibrary: readonly Source[] = library?.attachTo(sources) ?? sources;
    // Each module is read as v1, and as v0 when it is not v1: libraries in the wild are both.
    // Modules parsed at build time (ast-cache.ts) are taken as they are when their text is unchanged.
    // Builtin errors make an expression undefined (OPA's default).
    compiled = compileModules(withLibrary, {
      ...LIBRARY_OPTIONS,
      ...(preparsed ? { preparsed } : {}),
      strictBuiltinErrors: false,
    });
  } catch (err) {
    if (err instanceof RegoError) throw policyInputError(err);
    throw err;
  }
  return new EngineProgram(compiled);
}

/**
 * A compile error as one line for the user, as OPA prints one
 * (`file:line:col: code: message`): the first problem, and how many more
 * there are (a compile may report several).
 */
export function policyInputError(err: RegoError): InputError {
  const first = err.errors[0] ?? err;
  const more = err.errors.length > 1 ? ` (and ${err.errors.length - 1} more)` : "";
  const where = `${first.file ?? "policy"}${first.line ? `:${first.line}:${first.col ?? 0}` : ""}`;
  return new InputError(where, `${first.code}: ${first.message.split("\n")[0]}${more}`);
}

class EngineProgram implements RegoProgram {
  private last: { input: unknown; data: unknown; session: Session } | undefined;
  /** The program never changes, so neither do its packages (asked for at load and for each plan). */
  private packageList: readonly RegoPackageInfo[] | undefined;
  /** Likewise the input members its modules read. */
  private inputUse: ReadonlySet<string> | "whole" | undefined;

  constructor(private readonly compiled: CompiledPolicies) {}

  packages(): RegoPackageInfo[] {
    this.packageList ??= this.listPackages();
    return [...this.packageList];
  }

  private listPackages(): RegoPackageInfo[] {
    return this.compiled.packages().map(packageInfo);
  }

  inputMembersRead(): ReadonlySet<string> | "whole" {
    // A walk of every module (~2-3% of an empty plan's scan); a scan asks twice (what to skip, what to tolerate).
    this.inputUse ??= this.compiled.inputMembersRead();
    return this.inputUse;
  }

  canFire(): boolean {
    return true;
  }

  evaluate(ref: string, input: unknown, data: unknown, budget: EvaluationBudget): Value | undefined {
    if (!this.last || this.last.input !== input || this.last.data !== data) {
      this.last = {
        input,
        data,
        session: this.compiled.session({
          input: input as Value,
          data: data as Value,
          timeoutMs: budget.timeoutMs,
          maxDepth: budget.maxDepth,
        }),
      };
    }
    try {
      return this.last.session.evaluate(ref);
    } catch (err) {
      if (err instanceof RegoError) throw new Error(err.describe());
      throw err;
    }
  }
}
