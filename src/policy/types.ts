/**
 * The policy contract: what every rule, whatever its language, declares about
 * itself and what it yields. See DESIGN.md, "The policy contract".
 */

// Severity sits below both the policy contract and the config (which sets severities per rule).
import type { Severity } from "../severity.js";

export { isSeverity, SEVERITIES, type Severity, severityRank } from "../severity.js";

/** The pillars of the bundled library (governance: environments, state, reproducibility); user policies may name others. */
export const CATEGORIES = ["encryption", "iam", "network", "gpu", "governance"] as const;
export type Category = (typeof CATEGORIES)[number] | (string & {});

export type PolicyLanguage = "typescript" | "rego" | "wasm";

export interface ComplianceMapping {
  /** e.g. "CIS AWS Foundations 1.5" */
  framework: string;
  /** e.g. "2.2.1" */
  control: string;
}

export interface RuleMetadata {
  /** Stable forever once released, e.g. "PG-AWS-EBS-001". */
  id: string;
  title: string;
  description: string;
  severity: Severity;
  category: Category;
  /** Terraform provider names: "aws", "google", "azurerm". Empty: any. */
  providers: string[];
  /** Resource types the rule judges. Empty for plan-wide rules. */
  resourceTypes: string[];
  compliance: ComplianceMapping[];
  remediation: string;
  helpUri?: string;
  /** Equivalent ids in other scanners (CKV_AWS_3, AVD-AWS-0026): the same check. */
  aliases: string[];
  /**
   * Ids of other scanners' checks on the same subject that decide differently
   * (stricter, looser, another condition). Suppressions and `rules.disable`
   * accept them, but they are not equivalents.
   */
  related?: string[];
  /**
   * Ids of other scanners' checks that decide a narrower question than the
   * rule (CKV_GCP_2, port 22 from 0.0.0.0/0, beside a rule on every
   * administrative port). Each finding that is also such a check's finding
   * names it in `Finding.aliases`; suppressions, waivers and `rules.disable`
   * naming one act on those findings only.
   */
  narrower?: string[];
  /**
   * Provider defaults the rule assumes for attributes left out of the
   * configuration, as "resource_type attribute" keys of
   * src/rules/provider-defaults.json.
   */
  defaults?: string[];
  language: PolicyLanguage;
  /** Where the rule is defined, for error messages: a file, or "builtin". */
  origin: string;
}

export interface FindingResource {
  address: string;
  type: string;
  /** Module address ("module.a.module.b"), "" for the root module. */
  module: string;
}

export interface SourceLocation {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  endLine?: number;
}

export interface Suppression {
  kind: "inline" | "waiver" | "baseline";
  reason: string;
  /** Where the suppression is written (a .tf line, the config file). */
  origin?: string;
  /** YYYY-MM-DD, the last day it applies, when it has one (waivers, inline comments). */
  expires?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  category: Category;
  /** One sentence a reviewer can act on. Never a sensitive value. */
  message: string;
  resource?: FindingResource;
  /** Dotted path inside the resource, e.g. "ingress.0.cidr_blocks". */
  attribute?: string;
  source?: SourceLocation;
  /** Stable across runs for the same rule + resource + attribute. */
  fingerprint: string;
  /** The plan or state file the finding came from. */
  file: string;
  /** True when the rule could not decide because a value is known only after apply. */
  undecided?: boolean;
  /** The ids of the rule's `narrower` list whose check this finding is also a finding of. */
  aliases?: string[];
  /** Set when a suppression applies; suppressed findings stay in reports. */
  suppression?: Suppression;
}
