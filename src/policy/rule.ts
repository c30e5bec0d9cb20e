import type { Model, Resource } from "../plan/model.js";
import type { PlanguardConfig } from "../config/config.js";
import type { RootBackend } from "../governance/backend.js";
import type { Category, ComplianceMapping, RuleMetadata, Severity } from "./types.js";

/**
 * The TypeScript rule API. A rule declares its metadata and a check. A check
 * returns what it found: nothing (pass), `fail(...)`, or `unknown(...)` when
 * the value it needs is known only after apply. An unknown never fails a
 * resource; it is reported at info severity so the reviewer can see it.
 */

export interface Outcome {
  kind: "fail" | "unknown";
  message: string;
  attribute?: string;
  /** For plan-wide rules: the resource the outcome is about. */
  resource?: Resource;
  /** Ids of the rule's `narrower` checks this outcome is also a finding of. */
  aliases?: readonly string[];
}

export function fail(message: string, attribute?: string): Outcome {
  return attribute === undefined ? { kind: "fail", message } : { kind: "fail", message, attribute };
}

export function unknown(message: string, attribute?: string): Outcome {
  return attribute === undefined ? { kind: "unknown", message } : { kind: "unknown", message, attribute };
}

export interface RuleContext {
  model: Model;
  config: PlanguardConfig;
  /** The root module's state backend, when the scan knows where the .tf sources are (src/governance/backend.ts). */
  backend?: RootBackend;
}

// biome-ignore lint/suspicious/noConfusingVoidType: a check with nothing to say may simply end (a function returning void)
export type CheckResult = Outcome | readonly Outcome[] | undefined | void;

/** A rule judged once per resource of the listed types. */
export interface ResourceRule {
  kind: "resource";
  meta: RuleMetadata;
  /** Types matched by name pattern as well (google_*_iam_member), beyond meta.resourceTypes. */
  resourceTypePattern?: RegExp;
  /**
   * Asked once per model before any resource meets the rule: false when the
   * rule finds nothing in this scan whatever the resource (an environment
   * rule without `environments` in the config). The check still answers
   * alone (nothing, then); this spares a call per resource of its types.
   */
  runsWhen?(ctx: RuleContext): boolean;
  check(resource: Resource, ctx: RuleContext): CheckResult;
}

/** A rule over the whole model (GPU totals, cross-resource analysis). */
export interface ModelRule {
  kind: "model";
  meta: RuleMetadata;
  check(ctx: RuleContext): CheckResult;
}

export type TypeScriptRule = ResourceRule | ModelRule;

interface MetadataInput {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  category: Category;
  remediation: string;
  providers?: string[];
  resourceTypes?: string[];
  compliance?: ComplianceMapping[];
  aliases?: string[];
  related?: string[];
  narrower?: string[];
  defaults?: string[];
  helpUri?: string;
}

const DOCS_BASE = "https://github.com/planguard/planguard/blob/main/docs/rules.md";

/** A bundled rule's section of docs/rules.md (the anchor GitHub gives its heading). */
export function bundledRuleDocs(id: string): string {
  return `${DOCS_BASE}#${id.toLowerCase()}`;
}

function metadata(input: MetadataInput): RuleMetadata {
  return {
    id: input.id,
    title: input.title,
    description: input.description,
    severity: input.severity,
    category: input.category,
    providers: input.providers ?? [],
    resourceTypes: input.resourceTypes ?? [],
    compliance: input.compliance ?? [],
    remediation: input.remediation,
    helpUri: input.helpUri ?? bundledRuleDocs(input.id),
    aliases: input.aliases ?? [],
    ...(input.related ? { related: input.related } : {}),
    ...(input.narrower ? { narrower: input.narrower } : {}),
    ...(input.defaults ? { defaults: input.defaults } : {}),
    language: "typescript",
    origin: "builtin",
  };
}

export function resourceRule(
  input: MetadataInput & {
    resourceTypes: string[];
    resourceTypePattern?: RegExp;
    runsWhen?: ResourceRule["runsWhen"];
    check: ResourceRule["check"];
  },
): ResourceRule {
  const rule: ResourceRule = { kind: "resource", meta: metadata(input), check: input.check };
  if (input.resourceTypePattern) rule.resourceTypePattern = input.resourceTypePattern;
  if (input.runsWhen) rule.runsWhen = input.runsWhen;
  return rule;
}

export function modelRule(input: MetadataInput & { check: ModelRule["check"] }): ModelRule {
  return { kind: "model", meta: metadata(input), check: input.check };
}

/** What most checks say: one list for all of them, not a new empty one per resource. */
const NO_OUTCOMES: readonly Outcome[] = Object.freeze([]);

/** What a check said, as a list: nothing, one outcome or several. */
export function outcomesOf(result: CheckResult): readonly Outcome[] {
  if (result === undefined) return NO_OUTCOMES;
  return Array.isArray(result) ? result : [result as Outcome];
}
