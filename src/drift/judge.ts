import type { PlanguardConfig } from "../config/config.js";
import type { Model } from "../plan/model.js";
import { evaluateTypeScriptRules, type EvaluationResult } from "../policy/evaluate.js";
import type { RegoPolicies } from "../policy/rego/load.js";
import { evaluateRegoRules } from "../policy/rego/runner.js";
import type { TypeScriptRule } from "../policy/rule.js";
import { RuleSelection } from "../policy/select.js";
import type { Finding, RuleMetadata } from "../policy/types.js";
import type { ElsewhereVerdict, Verdict } from "./types.js";

/**
 * Judging drift: the rules run on the world before the drift and on the
 * world after it; a violation only after is introduced by the drift, one
 * only before is resolved by it.
 *
 * A judge is anything that turns a Model into findings: the TypeScript
 * rules, and the Rego policies (reading `model.document`, a plan in
 * Terraform's shape, see world.ts).
 */
export interface SideJudge {
  /** The rules the judge runs, for the report's rule metadata. */
  readonly rules: readonly RuleMetadata[];
  judge(side: Model): EvaluationResult;
}

export function typeScriptJudge(rules: readonly TypeScriptRule[], config: PlanguardConfig): SideJudge {
  const selection = new RuleSelection(config);
  return {
    rules: rules.filter((r) => selection.isEnabled(r.meta)).map((r) => r.meta),
    judge: (side) => evaluateTypeScriptRules(side, rules, config, selection),
  };
}

export function regoJudge(rego: RegoPolicies, config: PlanguardConfig): SideJudge {
  const selection = new RuleSelection(config);
  return {
    rules: rego.rules.filter((r) => selection.isEnabled(r.meta)).map((r) => r.meta),
    judge: (side) => evaluateRegoRules(rego.program, rego.rules, side, config, selection, rego.options),
  };
}

export interface VerdictChanges {
  /** By resource address. */
  introduced: Map<string, Verdict[]>;
  resolved: Map<string, Verdict[]>;
  /** Changes on resources that did not drift, or on no resource. */
  elsewhere: ElsewhereVerdict[];
}

/**
 * Which verdicts differ between the sides. A verdict is a rule on a resource:
 * the attribute is left out on purpose, because list positions move when
 * drift adds a block, and "still violates, at another index" is no change.
 * Undecided outcomes (values known only after apply) decide nothing.
 */
export function compareVerdicts(
  before: readonly Finding[],
  after: readonly Finding[],
  drifted: ReadonlySet<string>,
  rules: readonly RuleMetadata[],
): VerdictChanges {
  const titles = new Map(rules.map((r) => [r.id, r.title]));
  const beforeIndex = indexByVerdict(before);
  const afterIndex = indexByVerdict(after);
  const changes: VerdictChanges = { introduced: new Map(), resolved: new Map(), elsewhere: [] };
  const record = (kind: "introduced" | "resolved", f: Finding) => {
    const verdict = toVerdict(f, titles.get(f.ruleId) ?? f.ruleId);
    const address = f.resource?.address;
    if (address !== undefined && drifted.has(address)) {
      const map = changes[kind];
      const list = map.get(address);
      if (list) list.push(verdict);
      else map.set(address, [verdict]);
    } else {
      changes.elsewhere.push({ ...verdict, change: kind, ...(address !== undefined ? { address } : {}) });
    }
  };
  for (const [key, f] of afterIndex) if (!beforeIndex.has(key)) record("introduced", f);
  for (const [key, f] of beforeIndex) if (!afterIndex.has(key)) record("resolved", f);
  return changes;
}

/** The first decided finding of each rule on each resource. */
function indexByVerdict(findings: readonly Finding[]): Map<string, Finding> {
  const index = new Map<string, Finding>();
  for (const f of findings) {
    if (f.undecided) continue;
    const key = `${f.ruleId}\u0000${f.resource?.address ?? ""}`;
    if (!index.has(key)) index.set(key, f);
  }
  return index;
}

function toVerdict(f: Finding, title: string): Verdict {
  const v: Verdict = { ruleId: f.ruleId, title, severity: f.severity, category: f.category, message: f.message };
  if (f.attribute !== undefined) v.attribute = f.attribute;
  return v;
}
