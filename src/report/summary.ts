import type { GpuTally } from "../gpu/summary.js";
import { SEVERITIES, type Finding, type Severity, type Suppression } from "../policy/types.js";
import { compareText } from "../policy/compare.js";

/** Counts of active (not suppressed) findings, by severity and by category. */
export interface FindingCounts {
  total: number;
  suppressed: number;
  /** Suppressed findings by what suppressed them, so a reviewer sees an inline comment's work as plainly as a waiver's. */
  suppressedBy: Record<Suppression["kind"], number>;
  bySeverity: Record<Severity, number>;
  byCategory: Record<string, number>;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = {
    total: 0,
    suppressed: 0,
    suppressedBy: { inline: 0, waiver: 0, baseline: 0 },
    bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>,
    byCategory: {},
  };
  // Indexed: once per report over every finding, while cold (for...of makes an iterator result per step).
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (f.suppression) {
      counts.suppressed++;
      counts.suppressedBy[f.suppression.kind]++;
      continue;
    }
    counts.total++;
    counts.bySeverity[f.severity]++;
    counts.byCategory[f.category] = (counts.byCategory[f.category] ?? 0) + 1;
  }
  return counts;
}

/** "3 suppressed: 2 inline, 1 baseline", or "" when none is. */
export function suppressedText(counts: FindingCounts): string {
  if (counts.suppressed === 0) return "";
  const kinds = (Object.entries(counts.suppressedBy) as [Suppression["kind"], number][])
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`);
  return `${counts.suppressed} suppressed: ${kinds.join(", ")}`;
}

/** "16 A100, 1 L4" */
export function describeModels(tally: GpuTally): string {
  const parts = Object.entries(tally.byModel)
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
    .map(([model, n]) => `${formatGpus(n)} ${model}`);
  return parts.length > 0 ? parts.join(", ") : "none";
}

export function formatGpus(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** Where a finding points: its .tf source when located, else the scanned file. */
export function locationText(f: Finding): string {
  return f.source ? `${f.source.file}:${f.source.line}` : f.file;
}

/** "1 finding", "2 findings" */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
