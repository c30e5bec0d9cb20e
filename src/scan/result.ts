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
}

export interface ScannedInput {
  file: string;
  kind: "plan" | "state";
  format: DocumentFormat;
  formatVersion: string;
  terraformVersion?: string;
  resources: number;
  judged: number;
  warnings: string[];
}
