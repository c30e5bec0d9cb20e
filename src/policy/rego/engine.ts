import type { Value } from "../../rego/value.js";
import type { RegoRule } from "./rule-list.js";

/**
 * The part of the Rego engine (src/rego) the policy layer uses. Keeping it
 * this narrow keeps the conftest contract and the engine apart: either can
 * change without the other noticing.
 */
export interface RegoAnnotation {
  title?: string;
  description?: string;
  custom?: Record<string, unknown>;
}

export interface RegoRuleInfo {
  name: string;
  line: number;
  annotation?: RegoAnnotation;
}

export interface RegoPackageInfo {
  /** Dotted package path without `data.`: "planguard.encryption.aws.efs_encrypted". */
  path: string;
  file: string;
  annotation?: RegoAnnotation;
  rules: RegoRuleInfo[];
}

export interface EvaluationBudget {
  timeoutMs: number;
  maxDepth: number;
}

export interface RegoProgram {
  packages(): RegoPackageInfo[];
  /** The top-level members of `input` the policies can read; "whole" when they use input as a whole. */
  inputMembersRead(): ReadonlySet<string> | "whole";
  /**
   * false when the conftest rules (deny, violation, warn) of this package
   * cannot yield anything with this `data` (the plan holds none of the
   * resource types their every body iterates: lazy-library.ts), so that they
   * need not be evaluated; true when they may.
   */
  canFire(pkg: string, data: unknown): boolean;
  /**
   * The conftest rules regoRules lists, when the program knows them ahead: the bundled library
   * compiled at build time lists them there (compiled-cache.ts), since working out 280 rules'
   * metadata was a fixed cost of every scan; its packages() then carry no annotations. Only for a
   * program of bundled packages, which every set of namespaces selects. Without it, regoRules
   * lists them from packages().
   */
  rulesAhead?(): RegoRule[];
  /** The value of a reference such as "data.main.deny"; undefined when undefined. Throws RegoEvalError. */
  evaluate(ref: string, input: unknown, data: unknown, budget: EvaluationBudget): Value | undefined;
}

/** The budget of a scan without --policy-timeout / --policy-max-depth: the CLI's and the engine's defaults. */
export const DEFAULT_BUDGET: EvaluationBudget = { timeoutMs: 30_000, maxDepth: 2_000 };
