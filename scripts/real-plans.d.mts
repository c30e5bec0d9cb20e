import type { Finding, RuleMetadata } from "../src/policy/types.js";
import type { ScanResult, ScannedInput } from "../src/scan/result.js";

export interface Expectation {
  plan: string;
  tool: string;
  check: string;
  resource: string;
  expect: "fail" | "pass";
  basis: string;
  source: string;
}
export type Verdict = "fail" | "pass" | "undecided" | "no equivalent rule";
export const REAL_PLANS_DIR: string;
export const EXPECTATIONS_FILE: string;
export const REAL_PLANS_PAGE: string;
export const NOT_PLAN_OR_STATE: ReadonlySet<string>;
export function listRealPlans(dir?: string): string[];
export function loadExpectations(file?: string): Expectation[];
export function resourceAddresses(planFile: string): Set<string>;
/** What a verdict needs of a scan result. */
export interface VerdictInput {
  rules: ReadonlyArray<Pick<RuleMetadata, "id" | "aliases">>;
  findings: ReadonlyArray<Pick<Finding, "ruleId" | "resource" | "undecided" | "suppression">>;
}
export function verdictOf(
  result: VerdictInput,
  expectation: Pick<Expectation, "check" | "resource">,
): { verdict: Verdict; rules: string[] };
export function outcomeOf(
  expectation: Pick<Expectation, "expect">,
  verdict: Verdict,
): "agrees" | "disagrees" | "not compared";
export function renderRealPlans(
  inputs: Record<string, ScannedInput>,
  rows: Array<Expectation & { verdict: Verdict; rules: string[] }>,
): string;
export function buildRealPlansPage(scan: (file: string) => Promise<ScanResult>): Promise<string>;
