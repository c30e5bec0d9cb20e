import { SourceIndex } from "../source/index.js";
import { sourcesFor, type SourceOptions, type SourceResolver } from "../scan/locate.js";
import type { PlanguardConfig } from "../config/config.js";
import type { RuleFailure } from "../policy/evaluate.js";
import type { TypeScriptRule } from "../policy/rule.js";
import {
  SEVERITIES,
  severityRank,
  type Finding,
  type RuleMetadata,
  type Severity,
  type SourceLocation,
} from "../policy/types.js";
import { BUNDLED_RULES } from "../rules/index.js";
import { byImportance } from "../scan/run.js";
import { TOOL_NAME, VERSION } from "../version.js";
import { byRisk, classify } from "./classify.js";
import { diffValues } from "./diff.js";
import { driftFindings } from "./findings.js";
import { DriftIgnore } from "./ignore.js";
import { loadForDrift, type DriftDocument, type DriftLoadOptions } from "./input.js";
import { compareVerdicts, typeScriptJudge, type SideJudge } from "./judge.js";
import { driftFromPlan, driftFromStates, type DriftSource } from "./pairs.js";
import { DRIFT_RULES } from "./rules.js";
import type { DriftedResource, DriftInput, DriftReport, DriftSummary, ElsewhereVerdict, Verdict } from "./types.js";
import { sideModel } from "./world.js";

/**
 * The drift pipeline: load → pairs (plan's resource_drift, or two states) →
 * attribute diff → judge both worlds → classify → findings → report.
 */

export type DriftTarget = { plan: string } | { baseline: string; current: string };

export interface DriftOptions {
  target: DriftTarget;
  config: PlanguardConfig;
  /** TypeScript rules; the bundled library by default. */
  rules?: readonly TypeScriptRule[];
  /** Further judges (a Rego runner), run beside the TypeScript rules. */
  judges?: readonly SideJudge[];
  load?: DriftLoadOptions;
  /**
   * Where a drifted resource's block is in the .tf sources (the locator in
   * src/source plugs in here); findings and SARIF then point there instead
   * of at the scanned file.
   */
  locate?: Locate;
  /** Where the .tf sources are (or how to find them): builds the locator for `locate` from the plan's configuration. */
  source?: SourceOptions | SourceResolver;
}

export type Locate = (resource: DriftedResource) => SourceLocation | undefined | Promise<SourceLocation | undefined>;

export async function runDrift(options: DriftOptions): Promise<DriftReport> {
  const judges = [typeScriptJudge(options.rules ?? BUNDLED_RULES, options.config), ...(options.judges ?? [])];
  if ("plan" in options.target) {
    const plan = await loadForDrift(options.target.plan, { ...options.load, expect: "plan" });
    const source = driftFromPlan(plan);
    const configuration = plan.loaded.doc["configuration"];
    const locate =
      options.locate ??
      (await locatorFor(
        await sourcesFor(options.source, plan.loaded.file, configuration, () =>
          source.pairs.map((p) => p.resource.address),
        ),
        configuration,
      ));
    return analyse("plan", [describe("plan", plan)], source, plan.loaded.file, options.config, judges, locate);
  }
  const baseline = await loadForDrift(options.target.baseline, { ...options.load, expect: "state" });
  const current = await loadForDrift(options.target.current, { ...options.load, expect: "state" });
  const source = driftFromStates(baseline, current); // may add warnings to the inputs
  const inputs = [describe("baseline", baseline), describe("current", current)];
  const locate =
    options.locate ??
    (await locatorFor(
      await sourcesFor(options.source, current.loaded.file, undefined, () =>
        source.pairs.map((p) => p.resource.address),
      ),
      undefined,
    ));
  return analyse("states", inputs, source, current.loaded.file, options.config, judges, locate);
}

/** A Locate over the .tf sources, when the caller said where they are. */
async function locatorFor(source: SourceOptions | undefined, configuration: unknown): Promise<Locate | undefined> {
  if (!source) return undefined;
  const index = await SourceIndex.build({ ...source, configuration });
  return (r) => index.locate(r.address);
}

/** Everything after loading; exported for tests that build a DriftSource by hand. */
async function analyse(
  mode: DriftReport["mode"],
  inputs: DriftInput[],
  source: DriftSource,
  file: string,
  config: PlanguardConfig,
  judges: readonly SideJudge[],
  locate?: Locate,
): Promise<DriftReport> {
  const ignore = new DriftIgnore(config.drift?.ignore, config.drift?.default_ignore !== false);
  // A deleted or appeared resource is reported whole; listing its every attribute would bury the rest.
  const diffs = source.pairs.map((pair) => ({
    pair,
    changes: pair.status === "changed" ? diffValues(pair.before, pair.after) : [],
  }));
  // Only resources that really differ are judged as drifted; a state pair lists every resource.
  const candidates = diffs.filter((d) => d.pair.status !== "changed" || d.changes.length > 0);
  const drifted = new Set(candidates.map((d) => d.pair.resource.address));

  const rules: RuleMetadata[] = judges.flatMap((j) => j.rules);
  const judged = judgeWorlds(source, file, drifted, judges, rules, candidates.length > 0);

  const resources: DriftedResource[] = [];
  let ignored = 0;
  for (const { pair, changes } of candidates) {
    const verdicts = judged.verdicts.get(pair.resource.address) ?? { introduced: [], resolved: [] };
    const result = classify(pair, changes, verdicts, ignore, source.relevant);
    if (result.resource) resources.push(result.resource);
    else if (result.ignoredOnly) ignored++;
  }
  resources.sort(byRisk);
  if (locate) {
    for (const r of resources) {
      const where = await locate(r);
      if (where) r.source = where;
    }
  }
  const findings: Finding[] = driftFindings(resources, judged.elsewhere, file).sort(byImportance);
  const named = new Set(findings.map((f) => f.ruleId));
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    mode,
    inputs,
    summary: summarize(resources, ignored, judged.elsewhere),
    resources,
    elsewhere: judged.elsewhere,
    findings,
    failures: judged.failures,
    rules: uniqueById([...DRIFT_RULES, ...rules]).filter((r) => named.has(r.id)),
  };
}

interface Judged {
  verdicts: Map<string, { introduced: Verdict[]; resolved: Verdict[] }>;
  elsewhere: ElsewhereVerdict[];
  failures: RuleFailure[];
}

/** Every judge on the world before and after; their verdict changes, merged by address. */
function judgeWorlds(
  source: DriftSource,
  file: string,
  drifted: ReadonlySet<string>,
  judges: readonly SideJudge[],
  rules: readonly RuleMetadata[],
  needed: boolean,
): Judged {
  const judged: Judged = { verdicts: new Map(), elsewhere: [], failures: [] };
  if (!needed) return judged;
  const before = sideModel(file, source.beforeWorld, source.configuration, source.terraformVersion);
  const after = sideModel(file, source.afterWorld, source.configuration, source.terraformVersion);
  for (const judge of judges) {
    const b = judge.judge(before);
    const a = judge.judge(after);
    // A rule that breaks usually breaks on both sides; say so once.
    const seen = new Set(judged.failures.map((f) => `${f.ruleId}\u0000${f.resource ?? ""}\u0000${f.message}`));
    for (const f of [...b.failures, ...a.failures]) {
      const key = `${f.ruleId}\u0000${f.resource ?? ""}\u0000${f.message}`;
      if (!seen.has(key)) judged.failures.push(f);
      seen.add(key);
    }
    const changes = compareVerdicts(b.findings, a.findings, drifted, rules);
    for (const kind of ["introduced", "resolved"] as const) {
      for (const [address, verdicts] of changes[kind]) {
        let entry = judged.verdicts.get(address);
        if (!entry) judged.verdicts.set(address, (entry = { introduced: [], resolved: [] }));
        entry[kind].push(...verdicts);
      }
    }
    judged.elsewhere.push(...changes.elsewhere);
  }
  return judged;
}

function describe(role: DriftInput["role"], d: DriftDocument): DriftInput {
  const input: DriftInput = {
    role,
    file: d.loaded.file,
    kind: d.loaded.kind,
    format: d.loaded.format,
    formatVersion: d.loaded.formatVersion,
    warnings: d.loaded.warnings,
  };
  if (d.loaded.terraformVersion !== undefined) input.terraformVersion = d.loaded.terraformVersion;
  return input;
}

function summarize(
  resources: readonly DriftedResource[],
  ignored: number,
  elsewhere: readonly ElsewhereVerdict[],
): DriftSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let highest: Severity | null = null;
  for (const r of resources) {
    bySeverity[r.severity]++;
    if (highest === null || severityRank(r.severity) > severityRank(highest)) highest = r.severity;
  }
  const count = (status: DriftedResource["status"]) => resources.filter((r) => r.status === status).length;
  return {
    drifted: resources.length,
    changed: count("changed"),
    deleted: count("deleted"),
    appeared: count("appeared"),
    ignored,
    affectingPlan: resources.filter((r) => r.affectsPlan).length,
    introduced:
      resources.reduce((n, r) => n + r.introduced.length, 0) +
      elsewhere.filter((v) => v.change === "introduced").length,
    resolved:
      resources.reduce((n, r) => n + r.resolved.length, 0) + elsewhere.filter((v) => v.change === "resolved").length,
    bySeverity,
    highest,
  };
}

function uniqueById(rules: readonly RuleMetadata[]): RuleMetadata[] {
  const seen = new Map<string, RuleMetadata>();
  for (const r of rules) if (!seen.has(r.id)) seen.set(r.id, r);
  return [...seen.values()];
}
