import { severityRank, type Finding, type Severity } from "../policy/types.js";
import type { RuleFailure } from "../policy/evaluate.js";
import { plural } from "../report/summary.js";

/**
 * Why a run exits as it does. The exit code and the sentence that explains
 * it come from one place, so the report's last line cannot disagree with
 * the code the CI job sees.
 */
export interface VerdictOptions {
  failOn: Severity;
  softFail: boolean;
}

export interface Verdict {
  exitCode: 0 | 1 | 2;
  /** "exit 1: 10 findings at or above low" */
  reason: string;
}

export function verdictOf(
  report: { findings: readonly Finding[]; failures: readonly RuleFailure[] },
  options: VerdictOptions,
): Verdict {
  if (report.failures.length > 0) {
    const broken = new Set(report.failures.map((f) => f.ruleId)).size;
    return {
      exitCode: 2,
      reason: `exit 2: the scan is incomplete: ${plural(broken, "rule")} could not run (errors above); the findings come from the rules that did`,
    };
  }
  const min = severityRank(options.failOn);
  const reaching = countReaching(report.findings, min);
  const threshold = `at or above ${options.failOn}`;
  if (reaching === 0)
    return { exitCode: 0, reason: `exit 0: no findings ${threshold}${notCounted(report.findings, min)}` };
  if (options.softFail)
    return { exitCode: 0, reason: `exit 0: ${plural(reaching, "finding")} ${threshold}, but --soft-fail` };
  return { exitCode: 1, reason: `exit 1: ${plural(reaching, "finding")} ${threshold}` };
}

/** Findings that count towards the threshold: active, decided, at or above it. Counted, not listed. */
function countReaching(findings: readonly Finding[], min: number): number {
  let n = 0;
  // Indexed: once per run over every finding, while cold (for...of makes an iterator result per step).
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (!f.suppression && !f.undecided && severityRank(f.severity) >= min) n++;
  }
  return n;
}

/** What did not count towards the threshold, so a pass with findings shown is not a puzzle. */
function notCounted(findings: readonly Finding[], min: number): string {
  let below = 0;
  let undecided = 0;
  let suppressed = 0;
  for (const f of findings) {
    if (f.suppression) suppressed++;
    else if (f.undecided) undecided++;
    else if (severityRank(f.severity) < min) below++;
  }
  const parts = [
    below > 0 ? `${below} below it` : "",
    undecided > 0 ? `${undecided} undecided until apply` : "",
    suppressed > 0 ? `${suppressed} suppressed` : "",
  ].filter((p) => p !== "");
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}
