import type { ConfigSource, PlanguardConfig } from "../config/config.js";
import { unknownRuleReferences } from "../policy/rule-references.js";
import { DRIFT_RULES } from "../drift/rules.js";
import { summarizeGpus } from "../gpu/summary.js";
import type { LoadOptions } from "../plan/document.js";
import { loadDocument } from "../plan/load.js";
import { MEMBERS_A_SCAN_DOES_NOT_NEED } from "../plan/tolerate.js";
import { buildModel, type Model, type Resource } from "../plan/model.js";
import { readRootBackend, type RootBackend } from "../governance/backend.js";
import { requireEnvironment } from "../governance/environments.js";
import { applyBaseline } from "../filter/baseline.js";
import { applyWaivers, EXPIRED_WAIVER_RULE } from "../filter/waivers.js";
import { evaluateTypeScriptRules, isChanged, isJudged, type JudgeOptions } from "../policy/evaluate.js";
import type { TypeScriptRule } from "../policy/rule.js";
import { RuleSelection, selectableNames, type CommandLineSelection } from "../policy/select.js";
import type { RegoPolicies } from "../policy/rego/load.js";
import { evaluateRegoRules } from "../policy/rego/runner.js";
import type { WasmPolicy } from "../policy/wasm.js";
import { severityRank, type Finding, type RuleMetadata } from "../policy/types.js";
import { BUNDLED_RULES } from "../rules/index.js";
import { TOOL_NAME, VERSION } from "../version.js";
import { locateFindings, sourcesFor, type InlineChecks, type SourceOptions, type SourceResolver } from "./locate.js";
import { NOT_JUDGED_EXAMPLES, type NotJudged, type ScanResult, type ScannedInput } from "./result.js";
import { compareText } from "../policy/compare.js";

export interface ScanOptions {
  files: string[];
  config: PlanguardConfig;
  /** Where the config came from, for waiver locations (as it is shown: relative to the repository root). */
  configFile?: string;
  /** The config's lines, so that waivers and mistakes point at theirs. */
  configSource?: ConfigSource;
  /** --rule / --skip-rule. */
  selection?: CommandLineSelection;
  /** Check the rule ids the config and inline ignores name (off when the bundled library is not loaded: its ids would look unknown). */
  checkRuleIds?: boolean;
  /** Fingerprints of accepted findings (--baseline) and the file they came from. */
  baseline?: { file: string; fingerprints: ReadonlySet<string> };
  /** Pull-request mode (--changed-only). */
  changedOnly?: boolean;
  /** YYYY-MM-DD; waivers expire after it. Today by default. */
  today?: string;
  /** Where the .tf sources are (or how to find them for each file); findings then point at their blocks. */
  source?: SourceOptions | SourceResolver;
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
  const selection = new RuleSelection(options.config, options.selection);
  const known = [...rules, ...(options.rego?.rules ?? []), ...(options.wasm ?? []).flatMap((w) => w.rules)].map(
    (r) => r.meta,
  );
  const result: ScanResult = {
    tool: { name: TOOL_NAME, version: VERSION },
    inputs: [],
    // Each rule as it ran: a severity override reaches every report (SARIF's security-severity too).
    rules: known.filter((meta) => selection.isEnabled(meta)).map((meta) => withSeverity(meta, selection)),
    findings: [],
    failures: [],
    gpu: summarizeGpus([]),
  };
  const warnings: string[] = (result.warnings = []);
  const checkIds = options.checkRuleIds !== false;
  // One config serves scan and drift: the drift rules' ids are known to it too.
  if (checkIds && options.configSource)
    warnings.push(
      ...unknownRuleReferences(options.config, options.configSource, [...known, EXPIRED_WAIVER_RULE, ...DRIFT_RULES]),
    );
  // Built when a .tf comment first names a rule to suppress: most scans have none.
  let knownNames: Set<string> | undefined;
  const isKnown = (id: string): boolean =>
    (knownNames ??= new Set([...known, EXPIRED_WAIVER_RULE].flatMap(selectableNames).map((n) => n.toUpperCase()))).has(
      id.toUpperCase(),
    );
  const inline: InlineChecks | undefined = checkIds ? { isKnown, warnings, reported: new Set() } : undefined;
  const models: Model[] = [];
  // The backend is its root module's: read once per root module (plans of one scan usually share it).
  const backends = new Map<string, Promise<RootBackend | undefined>>();
  const backendOf = (source: SourceOptions) =>
    backends.get(source.sourceDir) ??
    backends.set(source.sourceDir, readRootBackend(source.sourceDir, source.repoRoot)).get(source.sourceDir)!;
  const progress = options.progress ?? (() => undefined);
  // A scan never compares secrets (drift does), and leaves out what none of its policies reads.
  const load: LoadOptions = {
    skipMembers: unreadMembers(options),
    tolerate: toleratedMembers(options),
    digestSecrets: false,
    ...options.load,
  };
  for (const file of options.files) {
    progress(`reading ${file}`);
    const model = buildModel(await loadDocument(file, load));
    // With environments declared, a plan whose environment cannot be told is an input error, not a silent pass.
    requireEnvironment(model, options.config);
    const source = await sourcesFor(options.source, model.file, model.document["configuration"], () =>
      model.resources.map((r) => r.address),
    );
    const backend = source ? await backendOf(source) : undefined;
    const judge: JudgeOptions = { changedOnly: options.changedOnly === true, ...(backend ? { backend } : {}) };
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
    if (source) {
      progress(`locating ${evaluation.findings.length} findings in the .tf sources`);
      await locateFindings(evaluation.findings, model, source, aliasesOf(result.rules), today(options), inline);
    }
    appendAll(result.findings, evaluation.findings);
    appendAll(result.failures, evaluation.failures);
  }
  result.gpu = summarizeGpus(models, options.config.gpu);
  applyFilters(result, options);
  result.findings.sort(byImportance);
  return result;
}

/**
 * planned_values and prior_state repeat the plan's resources; the model and the TypeScript rules do not read them.
 * @public bench/run.js imports it from dist/, which knip does not follow.
 */
export const REPEATED_MEMBERS = ["planned_values", "prior_state"];

/** The members of a plan that no policy of this scan reads, which the loader may leave out. */
function unreadMembers(options: ScanOptions): string[] {
  // A compiled WebAssembly bundle cannot be looked into.
  if ((options.wasm ?? []).length > 0) return [];
  const read = options.rego?.program.inputMembersRead() ?? new Set<string>();
  if (read === "whole") return [];
  return REPEATED_MEMBERS.filter((k) => !read.has(k));
}

/** Members no rule reads: of an unexpected shape, they are left out with a warning, not refused. */
function toleratedMembers(options: ScanOptions): string[] {
  const read =
    (options.wasm ?? []).length > 0 ? "whole" : (options.rego?.program.inputMembersRead() ?? new Set<string>());
  if (read === "whole") return [];
  return MEMBERS_A_SCAN_DOES_NOT_NEED.filter((k) => !read.has(k));
}

function today(options: ScanOptions): string {
  return options.today ?? new Date().toISOString().slice(0, 10);
}

function withSeverity(meta: RuleMetadata, selection: RuleSelection): RuleMetadata {
  const severity = selection.severityOf(meta);
  return severity === meta.severity ? meta : { ...meta, severity };
}

function aliasesOf(rules: readonly RuleMetadata[]): (ruleId: string) => readonly string[] {
  // Related ids are not equivalents, but a suppression written with one is honoured.
  const aliases = new Map(rules.map((r) => [r.id, [...r.aliases, ...(r.related ?? [])]]));
  return (id) => aliases.get(id) ?? [];
}

/** The filter stage: waivers, then the baseline (inline suppressions came with locate). Suppressed findings stay in the result. */
function applyFilters(result: ScanResult, options: ScanOptions): void {
  const waivers = options.config.waivers ?? [];
  if (waivers.length > 0) {
    const configFile = options.configSource?.file ?? options.configFile ?? ".planguard.yaml";
    const lineOf = (index: number) => options.configSource?.lineOf(["waivers", index]);
    const { expired } = applyWaivers(
      result.findings,
      waivers,
      aliasesOf(result.rules),
      configFile,
      today(options),
      lineOf,
    );
    if (expired.length > 0) {
      result.findings.push(...expired);
      result.rules.push(EXPIRED_WAIVER_RULE);
    }
  }
  if (options.baseline) applyBaseline(result.findings, options.baseline.fingerprints, options.baseline.file);
}

function describeInput(model: Model, config: PlanguardConfig, judge: JudgeOptions): ScannedInput {
  let judged = 0;
  const notJudged = new Map<string, NotJudged>();
  // Indexed: one pass over every resource of the plan, mostly before the optimizer has compiled it.
  const resources = model.resources;
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    if (isJudged(r, config, judge)) {
      judged++;
      continue;
    }
    const reason = whyNotJudged(r, judge);
    let entry = notJudged.get(reason);
    if (!entry) notJudged.set(reason, (entry = { reason, count: 0, examples: [] }));
    entry.count++;
    if (entry.examples.length < NOT_JUDGED_EXAMPLES) entry.examples.push(r.address);
  }
  const input: ScannedInput = {
    file: model.file,
    kind: model.kind,
    format: model.format,
    formatVersion: model.formatVersion,
    resources: model.resources.length,
    judged,
    warnings: model.warnings,
  };
  if (notJudged.size > 0) input.notJudged = [...notJudged.values()];
  if (model.terraformVersion !== undefined) input.terraformVersion = model.terraformVersion;
  return input;
}

/** The reasons of isJudged, in its order. */
function whyNotJudged(r: Resource, judge: JudgeOptions): string {
  // `forget` drops the object from state but keeps it in the cloud: it leaves Terraform's care.
  if (r.actions.length === 1 && r.actions[0] === "forget") return "forgotten: removed from state, kept in the cloud";
  if (!r.willExist) return "will not exist after apply";
  if (r.mode !== "managed") return "data source (include_data_sources is off)";
  if (judge.changedOnly && !isChanged(r)) return "unchanged (--changed-only)";
  return "not judged";
}

/** Most severe first, then by rule and resource, so output order is stable. */
export function byImportance(a: Finding, b: Finding): number {
  return (
    // Most comparisons are of findings of one severity (a rule's): answered without ranking either.
    (a.severity === b.severity ? 0 : severityRank(b.severity) - severityRank(a.severity)) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.resource?.address ?? "", b.resource?.address ?? "") ||
    compareText(a.attribute ?? "", b.attribute ?? "")
  );
}

/** push(...items) passes every item as an argument, which overflows the stack past ~100k findings. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  // Indexed: this runs once per scan, unoptimized, where each for...of step is an iterator result.
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
}
