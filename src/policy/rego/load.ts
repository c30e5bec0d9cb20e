import { BUNDLED_POLICY_DIR, readDataFiles, readPolicies, regoRules, type RegoPolicyOptions, type RegoRule } from "./runner.js";
import { loadAstCache } from "./ast-cache.js";
import { compilePolicies } from "./compile.js";
import type { EvaluationBudget, RegoProgram } from "./engine.js";

/** What a scan needs to run Rego policies. */
export interface RegoPolicies {
  program: RegoProgram;
  rules: RegoRule[];
  options: RegoPolicyOptions;
}

export interface PolicyFlags {
  /** --policy files and directories. */
  paths: string[];
  /** --data files. */
  dataFiles: string[];
  /** --namespace values, or "all" for --all-namespaces. */
  namespaces: string[] | "all";
  /** false with --no-bundled. */
  bundled: boolean;
  /** Time budget and depth limit of evaluation, per plan. */
  budget?: EvaluationBudget;
}

/** Reads and compiles the bundled and the user's policies; undefined when there are none. */
export async function loadRegoPolicies(flags: PolicyFlags): Promise<RegoPolicies | undefined> {
  const sources = [...(flags.bundled ? await readPolicies([BUNDLED_POLICY_DIR], true) : []), ...(await readPolicies(flags.paths, false))];
  if (sources.length === 0) return undefined;
  const program = compilePolicies(sources, flags.bundled ? loadAstCache() : undefined);
  const data = await readDataFiles(flags.dataFiles);
  return { program, rules: regoRules(program, flags.namespaces), options: { namespaces: flags.namespaces, data, ...(flags.budget ? { budget: flags.budget } : {}) } };
}
