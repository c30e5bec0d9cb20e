/**
 * Compiling a test run's policies so that one broken file does not stop the
 * run (`planguard test` on a large library): a file that fails to compile
 * is left out whole, its first error reported, and the rest compiled again.
 * Leaving a file out can break a file that needs it; that file is then left
 * out in turn, with its own error. Nothing is ever half-loaded.
 */
import {
  compileModules,
  RegoError,
  type CompiledPolicies,
  type CompileOptions,
  type RegoVersion,
} from "../../rego/index.js";
import type { InputError } from "../../input-error.js";
import { policyInputError } from "./compile.js";

export interface TestSource {
  file: string;
  text: string;
  regoVersion: RegoVersion;
  /** A file that must compile (the bundled helper library): its error ends the run. */
  required?: boolean;
}

export interface PartialCompile {
  compiled: CompiledPolicies;
  /** One error per file left out, in the order found. */
  broken: InputError[];
}

export function compileLeavingOutBroken(
  sources: readonly TestSource[],
  options: Pick<CompileOptions, "extraBuiltins"> = {},
): PartialCompile {
  let remaining = [...sources];
  const broken: InputError[] = [];
  for (;;) {
    try {
      return { compiled: compileModules(remaining, options), broken };
    } catch (err) {
      if (!(err instanceof RegoError)) throw err;
      const byFile = new Map<string, RegoError[]>();
      for (const e of err.errors) {
        if (e.file === undefined) throw policyInputError(err);
        byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
      }
      const leaveOut = remaining.filter((s) => byFile.has(s.file));
      // An error in no file of ours, or in one that must compile: nothing sensible remains to run.
      if (leaveOut.length === 0 || leaveOut.some((s) => s.required)) throw policyInputError(err);
      for (const s of leaveOut) {
        const errors = byFile.get(s.file)!;
        broken.push(policyInputError(errors.length === 1 ? errors[0]! : RegoError.aggregate(errors)));
      }
      remaining = remaining.filter((s) => !byFile.has(s.file));
    }
  }
}
