import { ownValue } from "../../plan/own.js";
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import type { PlanguardConfig } from "../../config/config.js";
import { fastGlob } from "../../fast-glob.js";
import { describeFsError, InputError } from "../../input-error.js";
import type { Model } from "../../plan/model.js";
import { MAX_DATA_FILE_BYTES, MAX_POLICY_FILE_BYTES, readTextUpTo } from "../../plan/read-bounded.js";
import type { EvaluationResult, JudgeOptions, RuleFailure } from "../evaluate.js";
import { newFinding } from "../finding.js";
import type { RuleSelection } from "../select.js";
import { conftestResults, exceptedSuffixes } from "./conftest.js";
import { DEFAULT_BUDGET, type EvaluationBudget, type RegoProgram } from "./engine.js";
import { listRegoRules, type RegoRule } from "./rule-list.js";
import { buildPlanguardData } from "./planguard-data.js";
import type { RegoVersion } from "../../rego/parser.js";

/**
 * Rego policies in a scan, under conftest's contract: every deny, violation
 * and warn rule (with an optional _suffix) of the selected packages is
 * evaluated against the plan or state as Terraform wrote it (`input`), with
 * the normalized model as `data.planguard`. Bundled policies (package
 * planguard.*) always run unless --no-bundled; user packages are chosen by
 * --namespace (default main) or --all-namespaces, as in conftest.
 */
export const BUNDLED_POLICY_DIR = bundledPolicyDir();

/**
 * policies/ at the package root: three levels above this module in src/ and
 * dist/ (src/policy/rego/runner.ts), two above the GitHub Action's single-file
 * bundle (dist/action/index.js).
 */
function bundledPolicyDir(): string {
  const candidates = ["../../../policies/", "../../policies/"].map((rel) =>
    fileURLToPath(new URL(rel, import.meta.url)),
  );
  return candidates.find((dir) => existsSync(path.join(dir, "lib", "lib.rego"))) ?? candidates[0]!;
}

export interface PolicySource {
  file: string;
  text: string;
  bundled: boolean;
  /** The syntax the user said (--rego-version); the bundled library is read as v1 or v0 per module. */
  regoVersion?: RegoVersion;
}

export type { RegoRule } from "./rule-list.js";

export interface RegoPolicyOptions {
  namespaces: string[] | "all";
  data: unknown;
  budget?: EvaluationBudget;
}

/** Reads .rego files from files and directories (recursively); tests are left out of scans. */
export async function readPolicies(
  paths: readonly string[],
  bundled: boolean,
  withTests = false,
): Promise<PolicySource[]> {
  const out: PolicySource[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch (err) {
      throw new InputError(p, describeFsError(err));
    }
    const files = isDir
      ? (
          await (
            await fastGlob()
          )(["**/*.rego"], {
            cwd: p,
            absolute: true,
            onlyFiles: true,
            ignore: ["**/node_modules/**"],
          })
        ).sort()
      : [p];
    if (files.length === 0) throw new InputError(p, "holds no .rego files");
    for (const file of files) {
      if (!withTests && file.endsWith("_test.rego")) continue;
      out.push({
        file: bundled ? path.relative(path.dirname(BUNDLED_POLICY_DIR), file) : file,
        text: await readTextUpTo(file, MAX_POLICY_FILE_BYTES, "a policy file"),
        bundled,
      });
    }
  }
  return out;
}

/** Reads --data files (JSON or YAML) and merges them into one `data` document. */
export async function readDataFiles(files: readonly string[]): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = Object.create(null);
  for (const file of files) {
    const value = await readDataFile(file);
    if (value === null || typeof value !== "object" || Array.isArray(value))
      throw new InputError(file, "a data file must hold an object");
    deepMerge(data, value as Record<string, unknown>);
  }
  return data;
}

/** One JSON (by its .json extension) or YAML data file's value. */
export async function readDataFile(file: string): Promise<unknown> {
  const text = await readTextUpTo(file, MAX_DATA_FILE_BYTES, "a data file");
  try {
    return file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new InputError(
      file,
      `invalid ${file.endsWith(".json") ? "JSON" : "YAML"}: ${(err as Error).message.split("\n")[0]}`,
    );
  }
}

/**
 * Merges a data document into `data`. The documents come from the pull
 * request: a key "__proto__", "constructor" or "prototype" is an ordinary
 * member, so look-ups are own-property only and writes define a property
 * (an assignment to "__proto__" would replace the target's prototype, and one
 * through an inherited object would write onto every object in the process).
 */
function deepMerge(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(from)) {
    const cur = ownValue(into, k);
    if (isPlainObject(cur) && isPlainObject(v)) {
      deepMerge(cur, v);
    } else {
      Object.defineProperty(into, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The conftest rules of the packages a scan evaluates, with their metadata: as listed ahead by a
 * program that knows them (the bundled library compiled at build time), else from its packages.
 */
export function regoRules(program: RegoProgram, namespaces: string[] | "all"): RegoRule[] {
  return program.rulesAhead?.() ?? listRegoRules(program.packages(), namespaces);
}

/** Evaluates the Rego rules over one model. */
export function evaluateRegoRules(
  program: RegoProgram,
  rules: readonly RegoRule[],
  model: Model,
  config: PlanguardConfig,
  selection: RuleSelection,
  options: RegoPolicyOptions,
  judge: JudgeOptions = {},
): EvaluationResult {
  const result: EvaluationResult = { findings: [], failures: [] };
  const active = rules.filter((r) => selection.isEnabled(r.meta));
  if (active.length === 0) return result;
  const data = { ...(options.data as Record<string, unknown>), planguard: buildPlanguardData(model, config, judge) };
  const budget = options.budget ?? DEFAULT_BUDGET;
  const packagesWithExceptions = new Set(
    program
      .packages()
      .filter((p) => p.rules.some((r) => r.name === "exception"))
      .map((p) => p.path),
  );
  const exceptions = new Map<string, Set<string>>();
  for (const rule of active) {
    // A bundled package whose every rule body iterates resource types this plan does not hold.
    if (!program.canFire(rule.pkg, data)) continue;
    try {
      let excepted = exceptions.get(rule.pkg);
      if (!excepted) {
        excepted = packagesWithExceptions.has(rule.pkg)
          ? exceptedSuffixes(program.evaluate(`data.${rule.pkg}.exception`, model.document, data, budget))
          : new Set();
        exceptions.set(rule.pkg, excepted);
      }
      if (excepted.has(rule.suffix)) continue;
      const value = program.evaluate(`data.${rule.pkg}.${rule.name}`, model.document, data, budget);
      const results = conftestResults(value);
      for (let i = 0; i < results.length; i++) {
        const r = results[i]!;
        const meta = r.id ? { ...rule.meta, id: r.id } : rule.meta;
        // Made from the result's parts, with no outcome object between: this runs for every finding.
        const resource =
          r.resource === undefined
            ? undefined
            : (model.byAddress(r.resource) ?? { address: r.resource, type: typeOf(r.resource), moduleAddress: "" });
        const severity = r.severity ?? selection.severityOf(meta);
        // An attribute given as an empty list joins to "": no attribute, as before.
        const attribute = r.attribute || undefined;
        const finding = newFinding(meta, "fail", r.msg, model.file, severity, resource, attribute, r.aliases);
        if (selection.keepsFinding(meta, finding)) result.findings.push(finding);
      }
    } catch (err) {
      result.failures.push(failure(rule, err));
      // The time budget is per plan: once spent, every further rule would fail the same way.
      if (err instanceof Error && err.message.includes("eval_cancel_error")) break;
    }
  }
  return result;
}

function typeOf(address: string): string {
  const parts = address.replace(/\[[^\]]*\]/g, "").split(".");
  return parts[parts.length - 2] ?? "";
}

function failure(rule: RegoRule, err: unknown): RuleFailure {
  return {
    ruleId: rule.meta.id,
    origin: `${rule.meta.origin} (${rule.pkg}.${rule.name})`,
    message: err instanceof Error ? err.message : String(err),
  };
}
