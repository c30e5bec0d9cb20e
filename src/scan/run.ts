import type { PlanguardConfig } from "../config/config.js";
import { summarizeGpus } from "../gpu/summary.js";
import { loadDocument, type LoadOptions } from "../plan/load.js";
import { buildModel, type Model } from "../plan/model.js";
import { evaluateTypeScriptRules, isJudged } from "../policy/evaluate.js";
import type { TypeScriptRule } from "../policy/rule.js";
import { RuleSelection } from "../policy/select.js";
import { severityRank, type Finding } from "../policy/types.js";
import { BUNDLED_RULES } from "../rules/index.js";
import { TOOL_NAME, VERSION } from "../version.js";
import type { ScanResult, ScannedInput } from "./result.js";

export interface ScanOptions {
  files: string[];
  config: PlanguardConfig;
  /** TypeScript rules to run; the bundled library by default. */
  rules?: readonly TypeScriptRule[];
  load?: LoadOptions;
}

/** The pipeline: load → model → evaluate, for each file, then one result. */
export async function runScan(options: ScanOptions): Promise<ScanResult> {
  const rules = options.rules ?? BUNDLED_RULES;
  const selection = new RuleSelection(options.config);
  const result: ScanResult = {
    tool: { name: TOOL_NAME, version: VERSION },
    inputs: [],
    rules: rules.filter((r) => selection.isEnabled(r.meta)).map((r) => r.meta),
    findings: [],
    failures: [],
    gpu: summarizeGpus([]),
  };
  const models: Model[] = [];
  for (const file of options.files) {
    const model = buildModel(await loadDocument(file, options.load));
    models.push(model);
    result.inputs.push(describeInput(model, options.config));
    const evaluation = evaluateTypeScriptRules(model, rules, options.config, selection);
    result.findings.push(...evaluation.findings);
    result.failures.push(...evaluation.failures);
  }
  result.gpu = summarizeGpus(models);
  result.findings.sort(byImportance);
  return result;
}

function describeInput(model: Model, config: PlanguardConfig): ScannedInput {
  const input: ScannedInput = {
    file: model.file,
    kind: model.kind,
    format: model.format,
    formatVersion: model.formatVersion,
    resources: model.resources.length,
    judged: model.resources.filter((r) => isJudged(r, config)).length,
    warnings: model.warnings,
  };
  if (model.terraformVersion !== undefined) input.terraformVersion = model.terraformVersion;
  return input;
}

/** Most severe first, then by rule and resource, so output order is stable. */
export function byImportance(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    a.ruleId.localeCompare(b.ruleId) ||
    (a.resource?.address ?? "").localeCompare(b.resource?.address ?? "") ||
    (a.attribute ?? "").localeCompare(b.attribute ?? "")
  );
}
