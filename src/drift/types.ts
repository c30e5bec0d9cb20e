import type { DocumentFormat } from "../plan/validate.js";
import type { RuleFailure } from "../policy/evaluate.js";
import type { Category, Finding, RuleMetadata, Severity, SourceLocation } from "../policy/types.js";
import type { PathStep } from "../plan/paths.js";

/**
 * The drift report: what changed outside Terraform, judged by the same rules
 * as `scan`. Every formatter (text, JSON, Markdown, SARIF) is a pure function
 * of a DriftReport. The JSON report is this object; docs/drift.md documents it.
 */

/** What happened to a resource outside Terraform. */
export type DriftStatus = "changed" | "deleted" | "appeared";

/** One attribute-level difference. */
export interface AttributeChange {
  /**
   * Where, for people: `ingress.0.cidr_blocks`, `tags.Owner`, and for lists
   * matched by a natural key, `setting[name="env"].value`.
   */
  path: string;
  /** Where, for programs: the real steps into the value (list indexes of the side that has the element). */
  steps: PathStep[];
  /** changed: on both sides; added: only after; removed: only before. */
  action: "changed" | "added" | "removed";
  /** Absent when removed-from, sensitive, or unknown. Already redacted by the loader. */
  before?: unknown;
  after?: unknown;
  /** The value is sensitive on either side: neither value is shown. */
  sensitive?: true;
  /** The value after is known only after apply. */
  unknown?: true;
  /** The plan's relevant_attributes name this attribute: the drift affects the plan. */
  affectsPlan?: true;
}

/** A rule whose verdict on the resource the drift changed. */
export interface Verdict {
  ruleId: string;
  title: string;
  severity: Severity;
  category: Category;
  /** The rule's own message (on the after side when introduced, before when resolved). */
  message: string;
  attribute?: string;
}

/** A changed verdict on a resource that did not drift (or on the plan as a whole). */
export interface ElsewhereVerdict extends Verdict {
  change: "introduced" | "resolved";
  address?: string;
}

export interface DriftedResource {
  address: string;
  /** The address before a `moved` block, when the plan says so. */
  previousAddress?: string;
  type: string;
  /** The cloud's id for it (the `id` attribute), to find it in a console; absent when not known. */
  id?: string;
  /** Module address, "" for the root module. */
  module: string;
  provider: string;
  status: DriftStatus;
  /** The highest of: the drift itself (low; medium when deleted) and the violations it introduces. */
  severity: Severity;
  /** Some drifted attribute is among the plan's relevant_attributes. */
  affectsPlan: boolean;
  changes: AttributeChange[];
  /** Changes left out by `drift.ignore` (and the defaults). */
  ignoredChanges: number;
  /** Violations present after the drift and not before. */
  introduced: Verdict[];
  /** Violations present before the drift and gone after it. */
  resolved: Verdict[];
  /** The .tf block, once a locator fills it in (src/source); reports fall back to the scanned file. */
  source?: SourceLocation;
}

export interface DriftInput {
  role: "plan" | "baseline" | "current";
  file: string;
  kind: "plan" | "state";
  format: DocumentFormat;
  formatVersion: string;
  terraformVersion?: string;
  warnings: string[];
}

export interface DriftSummary {
  /** Resources reported (after ignores). */
  drifted: number;
  changed: number;
  deleted: number;
  appeared: number;
  /** Resources whose every change was ignored (and whose drift changed no verdict). */
  ignored: number;
  affectingPlan: number;
  introduced: number;
  resolved: number;
  bySeverity: Record<Severity, number>;
  /** The most severe resource, null when nothing drifted. */
  highest: Severity | null;
}

export interface DriftReport {
  schemaVersion: 1;
  tool: { name: string; version: string };
  /** From a plan's resource_drift, or between two state snapshots. */
  mode: "plan" | "states";
  inputs: DriftInput[];
  summary: DriftSummary;
  /** Most severe first. */
  resources: DriftedResource[];
  /** Rule outcomes that the drift changed on resources that did not drift themselves (whole-model rules such as GPU totals). */
  elsewhere: ElsewhereVerdict[];
  /** The same drift as findings (for SARIF and --fail-on), most severe first. */
  findings: Finding[];
  /** Rules that broke while judging; the judgement is then incomplete. */
  failures: RuleFailure[];
  /** Metadata of every rule a finding names (PG-DRIFT-* and judged rules). */
  rules: RuleMetadata[];
}
