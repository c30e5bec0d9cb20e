import type { GpuSummary } from "../gpu/summary.js";
import type { DocumentFormat } from "../plan/validate.js";
import type { RuleFailure } from "../policy/evaluate.js";
import type { Finding, RuleMetadata } from "../policy/types.js";

/** Everything a report needs; reports are pure functions of this. */
export interface ScanResult {
  tool: { name: string; version: string };
  inputs: ScannedInput[];
  /** The rules that ran, bundled and user ones. */
  rules: RuleMetadata[];
  findings: Finding[];
  /** Rules that broke; a scan with failures is incomplete and exits 2. */
  failures: RuleFailure[];
  gpu: GpuSummary;
  /**
   * Mistakes that do not stop the scan, each naming its place ("file:line:
   * message"): rule ids the config or an inline ignore names that no rule
   * has, expired inline ignores.
   */
  warnings?: string[];
}

export interface ScannedInput {
  file: string;
  kind: "plan" | "state";
  format: DocumentFormat;
  formatVersion: string;
  terraformVersion?: string;
  resources: number;
  judged: number;
  /** Why the other resources were not judged, by reason, with a few addresses each. */
  notJudged?: NotJudged[];
  warnings: string[];
}

export interface NotJudged {
  /** "will not exist after apply", "forgotten: ...", "data source", "unchanged (--changed-only)" */
  reason: string;
  count: number;
  /** The first few addresses (at most NOT_JUDGED_EXAMPLES). */
  examples: string[];
}

export const NOT_JUDGED_EXAMPLES = 3;
