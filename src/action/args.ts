import { existsSync } from "node:fs";
import path from "node:path";
import { DEFAULT_CONFIG_FILE } from "../config/config.js";
import { getBooleanInput, getInput, getListInput } from "./inputs.js";

/**
 * The Action's inputs, read and checked, and the planguard command line
 * they become. Inputs a mode does not use are refused rather than ignored:
 * a `baseline` silently dropped in drift mode would look applied.
 */
export type Mode = "scan" | "drift";

export interface ActionInputs {
  mode: Mode;
  plans: string[];
  failOn: string;
  softFail: boolean;
  sarifFile: string;
  annotations: boolean;
  jobSummary: boolean;
  /** The config file used (named in the summary), or undefined for none. */
  config?: string;
  sourceDir: string;
  /** The environment the plan is for; empty detects it from the plan (the workflow should say: SECURITY.md). */
  environment: string;
  /** The scan-only inputs, as given. */
  scan: {
    policy: string[];
    regoVersion: string;
    data: string[];
    namespace: string[];
    bundle: string[];
    rules: string[];
    skipRules: string[];
    changedOnly: boolean;
    noBundled: boolean;
    baseline: string;
  };
}

/** An input that is wrong: the message names it. */
export class ActionInputError extends Error {}

/** Inputs only `planguard scan` reads, with how to tell that one was set (GitHub passes every default). */
const SCAN_ONLY: Record<string, (i: ActionInputs["scan"]) => boolean> = {
  policy: (i) => i.policy.length > 0,
  // The default is v1: only v0 was asked for.
  "rego-version": (i) => i.regoVersion !== "" && i.regoVersion !== "v1",
  data: (i) => i.data.length > 0,
  namespace: (i) => i.namespace.length > 0,
  bundle: (i) => i.bundle.length > 0,
  rules: (i) => i.rules.length > 0,
  "skip-rules": (i) => i.skipRules.length > 0,
  "changed-only": (i) => i.changedOnly,
  "no-bundled": (i) => i.noBundled,
  baseline: (i) => i.baseline !== "",
};

/** Reads the inputs; call after changing to working-directory, since paths are relative to it. */
export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const read = <T>(f: () => T): T => {
    try {
      return f();
    } catch (err) {
      throw new ActionInputError(err instanceof Error ? err.message : String(err));
    }
  };
  const mode = getInput("mode", env) || "scan";
  if (mode !== "scan" && mode !== "drift")
    throw new ActionInputError(`input "mode" must be scan or drift (got "${mode}")`);
  const plans = getListInput("plan", env);
  if (plans.length === 0) throw new ActionInputError('input "plan" is required: the JSON of `terraform show -json`');
  // planguard drift compares one refresh-only plan with its prior state; several would be a usage error later.
  if (mode === "drift" && plans.length > 1)
    throw new ActionInputError(
      `input "plan" takes one refresh-only plan in drift mode (got ${plans.length}); run the action once per plan`,
    );
  const scan: ActionInputs["scan"] = {
    policy: getListInput("policy", env),
    regoVersion: getInput("rego-version", env),
    data: getListInput("data", env),
    namespace: getListInput("namespace", env),
    bundle: getListInput("bundle", env),
    rules: getListInput("rules", env),
    skipRules: getListInput("skip-rules", env),
    changedOnly: read(() => getBooleanInput("changed-only", false, env)),
    noBundled: read(() => getBooleanInput("no-bundled", false, env)),
    baseline: getInput("baseline", env),
  };
  if (mode === "drift") {
    const set = Object.keys(SCAN_ONLY).filter((name) => SCAN_ONLY[name]!(scan));
    if (set.length > 0)
      throw new ActionInputError(
        `input${set.length > 1 ? "s" : ""} ${set.map((n) => `"${n}"`).join(", ")} apply to mode: scan only; drift mode would ignore ${set.length > 1 ? "them" : "it"}`,
      );
  }
  const config = getInput("config", env) || findConfig(plans[0]!);
  return {
    mode,
    plans,
    failOn: getInput("fail-on", env),
    softFail: read(() => getBooleanInput("soft-fail", false, env)),
    sarifFile: getInput("sarif-file", env) || "planguard.sarif",
    annotations: read(() => getBooleanInput("annotations", true, env)),
    jobSummary: read(() => getBooleanInput("job-summary", true, env)),
    ...(config !== undefined ? { config } : {}),
    sourceDir: getInput("source-dir", env),
    environment: getInput("environment", env),
    scan,
  };
}

/**
 * The config beside the root module the plan came from (the plan's
 * directory), else the one in the working directory, else none: with
 * `plan: infra/plan.json`, `infra/.planguard.yaml` holds that module's
 * waivers and GPU quotas.
 */
function findConfig(plan: string): string | undefined {
  const candidates =
    plan === "-" ? [DEFAULT_CONFIG_FILE] : [path.join(path.dirname(plan), DEFAULT_CONFIG_FILE), DEFAULT_CONFIG_FILE];
  return candidates.find((file) => existsSync(file));
}

/** Where this run writes its reports (a directory of its own), before the SARIF is copied to `sarif-file`. */
export interface RunFiles {
  sarif: string;
  json: string;
  markdown: string;
}

/**
 * The planguard command line. `ruleFlags` says whether this build's scan
 * command has --rule/--skip-rule; without them the rules and skip-rules
 * inputs are refused, never dropped.
 */
export function commandLine(inputs: ActionInputs, files: RunFiles, ruleFlags: boolean): string[] {
  const args = [
    inputs.mode,
    ...inputs.plans,
    "-o",
    `sarif=${files.sarif}`,
    "-o",
    `json=${files.json}`,
    "-o",
    `markdown=${files.markdown}`,
  ];
  args.push("--format", inputs.annotations ? "github" : "text");
  if (inputs.failOn !== "") args.push("--fail-on", inputs.failOn);
  if (inputs.softFail) args.push("--soft-fail");
  if (inputs.config !== undefined) args.push("--config", inputs.config);
  if (inputs.sourceDir !== "") args.push("--source-dir", inputs.sourceDir);
  // The workflow knows which environment it deploys; the plan under review should not choose (SECURITY.md).
  if (inputs.environment !== "") args.push("--environment", inputs.environment);
  if (inputs.mode === "scan") {
    const s = inputs.scan;
    for (const p of s.policy) args.push("--policy", p);
    if (s.regoVersion !== "") args.push("--rego-version", s.regoVersion);
    for (const d of s.data) args.push("--data", d);
    for (const n of s.namespace) args.push("--namespace", n);
    for (const b of s.bundle) args.push("--bundle", b);
    if (s.noBundled) args.push("--no-bundled");
    if (s.changedOnly) args.push("--changed-only");
    if (s.baseline !== "") args.push("--baseline", s.baseline);
    if ((s.rules.length > 0 || s.skipRules.length > 0) && !ruleFlags) {
      throw new ActionInputError(
        'inputs "rules" and "skip-rules" need planguard scan --rule/--skip-rule, which this build lacks; use rules.disable in the config',
      );
    }
    for (const r of s.rules) args.push("--rule", r);
    for (const r of s.skipRules) args.push("--skip-rule", r);
  }
  return args;
}
