import type { PlanguardConfig } from "../config/config.js";
import type { RootBackend } from "../governance/backend.js";
import type { Model, Resource } from "../plan/model.js";
import { toFinding } from "./finding.js";
import {
  type CheckResult,
  type ModelRule,
  outcomesOf,
  type ResourceRule,
  type RuleContext,
  type TypeScriptRule,
} from "./rule.js";
import type { RuleSelection } from "./select.js";
import type { Finding } from "./types.js";

/** A rule that broke while running: the scan is then incomplete, and says so. */
export interface RuleFailure {
  ruleId: string;
  origin: string;
  resource?: string;
  message: string;
}

export interface EvaluationResult {
  findings: Finding[];
  failures: RuleFailure[];
}

export interface JudgeOptions {
  /** Pull-request mode: only resources the plan creates, updates or replaces. */
  changedOnly?: boolean;
  /** The root module's backend from its .tf files, passed on to the rules (RuleContext.backend). */
  backend?: RootBackend;
}

/** Which resources are judged: those that will exist after apply, managed ones unless asked. */
export function isJudged(r: Resource, config: PlanguardConfig, options: JudgeOptions = {}): boolean {
  if (!r.willExist || (r.mode !== "managed" && config.include_data_sources !== true)) return false;
  return !options.changedOnly || isChanged(r);
}

/** Created, updated or replaced by the plan. State resources have no actions. */
export function isChanged(r: Resource): boolean {
  return r.actions.includes("create") || r.actions.includes("update");
}

/**
 * Runs TypeScript rules over a model in one pass: rules are indexed by
 * resource type, so each resource meets only the rules for its type.
 */
export function evaluateTypeScriptRules(
  model: Model,
  rules: readonly TypeScriptRule[],
  config: PlanguardConfig,
  selection: RuleSelection,
  judge: JudgeOptions = {},
): EvaluationResult {
  const active = rules.filter((r) => selection.isEnabled(r.meta));
  const result: EvaluationResult = { findings: [], failures: [] };
  const ctx: RuleContext = judge.backend === undefined ? { model, config } : { model, config, backend: judge.backend };
  judgeResources(
    // A rule that can find nothing in this model (its own scan-wide question says so) meets no resource.
    active.filter((r): r is ResourceRule => r.kind === "resource" && (r.runsWhen === undefined || r.runsWhen(ctx))),
    ctx,
    selection,
    judge,
    result,
  );
  for (const rule of active.filter((r): r is ModelRule => r.kind === "model")) {
    try {
      addFindings(result, rule, rule.check(ctx), model.file, selection);
    } catch (err) {
      result.failures.push(failure(rule, err));
    }
  }
  return result;
}

/**
 * The resource rules over every judged resource. A function of its own: the
 * optimizer compiles this long loop while it runs, and code after the loop
 * that has not run yet would throw that work away.
 */
function judgeResources(
  rules: readonly ResourceRule[],
  ctx: RuleContext,
  selection: RuleSelection,
  judge: JudgeOptions,
  result: EvaluationResult,
): void {
  const index = new RuleIndex(rules);
  const { model, config } = ctx;
  // Index loops: this one runs tens of thousands of times, much of it before the optimizer steps in.
  const resources = model.resources;
  // A plan lists a block's instances together, so a type's rules are looked up once per run of that type.
  let lastType: string | undefined;
  let forType: readonly ResourceRule[] = [];
  for (let i = 0; i < resources.length; i++) {
    const resource = resources[i]!;
    if (!isJudged(resource, config, judge)) continue;
    if (resource.type !== lastType) {
      lastType = resource.type;
      forType = index.rulesFor(lastType);
    }
    for (let j = 0; j < forType.length; j++) {
      const rule = forType[j]!;
      try {
        addFindings(result, rule, rule.check(resource, ctx), model.file, selection, resource);
      } catch (err) {
        result.failures.push(failure(rule, err, resource.address));
      }
    }
  }
}

/**
 * The findings of one check. Most checks of a plan find nothing, so this
 * returns before anything is allocated, and walks lists by index (no
 * iterators while the code is still cold). A resource rule's outcomes are
 * about the resource judged.
 */
function addFindings(
  result: EvaluationResult,
  rule: TypeScriptRule,
  checked: CheckResult,
  file: string,
  selection: RuleSelection,
  resource?: Resource,
): void {
  const outcomes = outcomesOf(checked);
  if (outcomes.length === 0) return;
  const severity = selection.severityOf(rule.meta);
  for (const outcome of outcomes) {
    const finding = toFinding(rule.meta, outcome, file, severity, resource);
    if (selection.keepsFinding(rule.meta, finding)) result.findings.push(finding);
  }
}

function failure(rule: TypeScriptRule, err: unknown, resource?: string): RuleFailure {
  const f: RuleFailure = {
    ruleId: rule.meta.id,
    origin: rule.meta.origin,
    message: err instanceof Error ? err.message : String(err),
  };
  if (resource !== undefined) f.resource = resource;
  return f;
}

/** Resource rules by type, including rules that match types by pattern. */
class RuleIndex {
  private readonly byType = new Map<string, ResourceRule[]>();
  private readonly patterned: ResourceRule[];

  constructor(private readonly rules: readonly ResourceRule[]) {
    this.patterned = rules.filter((r) => r.resourceTypePattern !== undefined);
  }

  rulesFor(type: string): readonly ResourceRule[] {
    let list = this.byType.get(type);
    if (!list) {
      list = this.rules.filter(
        (r) => r.meta.resourceTypes.includes(type) || (this.patterned.includes(r) && r.resourceTypePattern!.test(type)),
      );
      this.byType.set(type, list);
    }
    return list;
  }
}
