import type { PlanguardConfig } from "../config/config.js";
import { summarizeGpus } from "../gpu/summary.js";
import { loadDocument, type LoadOptions } from "../plan/load.js";
import { buildModel, type Model } from "../plan/model.js";
import { readRootBackend } from "../governance/backend.js";
import { requireEnvironment } from "../governance/environments.js";
import { applyBaseline } from "../filter/baseline.js";
import { applyWaivers, EXPIRED_WAIVER_RULE } from "../filter/waivers.js";
import { evaluateTypeScriptRules, isJudged, type JudgeOptions } from "../policy/evaluate.js";
import type { TypeScriptRule } from "../policy/rule.js";
import { RuleSelection } from "../policy/select.js";
import type { RegoPolicies } from "../policy/rego/load.js";
import { evaluateRegoRules } from "../policy/rego/runner.js";
import type { WasmPolicy } from "../policy/wasm.js";
import { severityRank, type Finding, type RuleMetadata } from "../policy/types.js";
import { BUNDLED_RULES } from "../rules/index.js";
import { TOOL_NAME, VERSION } from "../version.js";
import { locateFindings, type SourceOptions } from "./locate.js";
import type { ScanResult, ScannedInput } from "./result.js";
import { compareText } from "../policy/compare.js";

export interface ScanOptions {
  files: string[];
  config: PlanguardConfig;
  /** Where the config came from, for waiver locations. */
  configFile?: string;
  /** Fingerprints of accepted findings (--baseline) and the file they came from. */
  baseline?: { file: string; fingerprints: ReadonlySet<string> };
  /** Pull-request mode (--changed-only). */
  changedOnly?: boolean;
  /** YYYY-MM-DD; waivers expire after it. Today by default. */
  today?: string;
  /** Where the .tf sources are; findings then point at their blocks. */
  source?: SourceOptions;
  /** Rego policies (bundled and the user's), compiled. */
  rego?: RegoPolicies;
  /** Policies pre-compiled to WebAssembly with `opa build -t wasm`. */
  wasm?: readonly WasmPolicy[];
  /** Told what the scan is doing, for a progress line. */
  progress?: (message: string) => void;
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
    rules: [...rules, ...(options.rego?.rules ?? []), ...(options.wasm ?? []).flatMap((w) => w.rules)].filter((r) => selection.isEnabled(r.meta)).map((r) => r.meta),
    findings: [],
    failures: [],
    gpu: summarizeGpus([]),
  };
  const models: Model[] = [];
  // The backend is the root module's, the same for every plan of the scan: read once.
  const backend = options.source ? await readRootBackend(options.source.sourceDir) : undefined;
  const judge: JudgeOptions = { changedOnly: options.changedOnly === true, ...(backend ? { backend } : {}) };
  const progress = options.progress ?? (() => undefined);
  // A scan never compares secrets (drift does), and leaves out what none of its policies reads.
  const load: LoadOptions = { skipMembers: unreadMembers(options), digestSecrets: false, ...options.load };
  for (const file of options.files) {
    progress(`reading ${file}`);
    const model = buildModel(await loadDocument(file, load));
    // With environments declared, a plan whose environment cannot be told is an input error, not a silent pass.
    requireEnvironment(model, options.config);
    progress(`judging ${model.resources.length} resources of ${file}`);
    models.push(model);
    result.inputs.push(describeInput(model, options.config, judge));
    const evaluation = evaluateTypeScriptRules(model, rules, options.config, selection, judge);
    if (options.rego) {
      const { program, rules: regoRules, options: regoOptions } = options.rego;
      const rego = evaluateRegoRules(program, regoRules, model, options.config, selection, regoOptions, judge);
      appendAll(evaluation.findings, rego.findings);
      appendAll(evaluation.failures, rego.failures);
    }
    for (const bundle of options.wasm ?? []) {
      const wasm = bundle.evaluate(model, selection);
      appendAll(evaluation.findings, wasm.findings);
      appendAll(evaluation.failures, wasm.failures);
    }
    if (options.source) progress(`locating ${evaluation.findings.length} findings in the .tf sources`);
    if (options.source) await locateFindings(evaluation.findings, model, options.source, aliasesOf(result.rules), today(options));
    appendAll(result.findings, evaluation.findings);
    appendAll(result.failures, evaluation.failures);
  }
  result.gpu = summarizeGpus(models);
  applyFilters(result, options);
  result.findings.sort(byImportance);
  return result;
}

/** planned_values and prior_state repeat the plan's resources; the model and the TypeScript rules do not read them. */
export const REPEATED_MEMBERS = ["planned_values", "prior_state"];

/** The members of a plan that no policy of this scan reads, which the loader may leave out. */
function unreadMembers(options: ScanOptions): string[] {
  // A compiled WebAssembly bundle cannot be looked into.
  if ((options.wasm ?? []).length > 0) return [];
  const read = options.rego?.program.inputMembersRead() ?? new Set<string>();
  if (read === "whole") return [];
  return REPEATED_MEMBERS.filter((k) => !read.has(k));
}

function today(options: ScanOptions): string {
  return options.today ?? new Date().toISOString().slice(0, 10);
}

function aliasesOf(rules: readonly RuleMetadata[]): (ruleId: string) => readonly string[] {
  const aliases = new Map(rules.map((r) => [r.id, r.aliases]));
  return (id) => aliases.get(id) ?? [];
}

/** The filter stage: waivers, then the baseline (inline suppressions came with locate). Suppressed findings stay in the result. */
function applyFilters(result: ScanResult, options: ScanOptions): void {
  const waivers = options.config.waivers ?? [];
  if (waivers.length > 0) {
    const { expired } = applyWaivers(result.findings, waivers, aliasesOf(result.rules), options.configFile ?? ".planguard.yaml", today(options));
    if (expired.length > 0) {
      result.findings.push(...expired);
      result.rules.push(EXPIRED_WAIVER_RULE);
    }
  }
  if (options.baseline) applyBaseline(result.findings, options.baseline.fingerprints, options.baseline.file);
}

function describeInput(model: Model, config: PlanguardConfig, judge: JudgeOptions): ScannedInput {
  const input: ScannedInput = {
    file: model.file,
    kind: model.kind,
    format: model.format,
    formatVersion: model.formatVersion,
    resources: model.resources.length,
    judged: model.resources.filter((r) => isJudged(r, config, judge)).length,
    warnings: model.warnings,
  };
  if (model.terraformVersion !== undefined) input.terraformVersion = model.terraformVersion;
  return input;
}

/** Most severe first, then by rule and resource, so output order is stable. */
export function byImportance(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.resource?.address ?? "", b.resource?.address ?? "") ||
    compareText(a.attribute ?? "", b.attribute ?? "")
  );
}

/** push(...items) passes every item as an argument, which overflows the stack past ~100k findings. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
