import { SEVERITIES, type Finding } from "../policy/types.js";
import type { ScanResult } from "../scan/result.js";
import { mdCode, mdText } from "./markdown-text.js";
import { countFindings, describeModels, formatGpus, locationText, plural } from "./summary.js";

export interface MarkdownOptions {
  /** Stop adding findings past this many characters (a PR comment takes 65,536). */
  maxChars: number;
}

export const DEFAULT_MARKDOWN_MAX_CHARS = 60_000;

const ICON: Record<string, string> = { critical: "🟥", high: "🟧", medium: "🟨", low: "🟦", info: "⬜" };

/** A report for job summaries and pull-request comments. */
export function formatMarkdown(result: ScanResult, options: MarkdownOptions = { maxChars: DEFAULT_MARKDOWN_MAX_CHARS }): string {
  const counts = countFindings(result.findings);
  const head: string[] = ["## planguard", ""];
  head.push(
    counts.total === 0
      ? `No findings in ${result.inputs.map((i) => mdCode(i.file)).join(", ")}.`
      : `**${plural(counts.total, "finding")}** in ${result.inputs.map((i) => mdCode(i.file)).join(", ")}` +
          (counts.suppressed > 0 ? ` (${counts.suppressed} suppressed)` : "") +
          ".",
    "",
  );
  for (const input of result.inputs) for (const w of input.warnings) head.push(`> ⚠️ ${mdCode(input.file)}: ${mdText(w)}`, "");
  if (result.failures.length > 0) {
    head.push(`> ❌ ${result.failures.length} rule(s) failed to run; the scan is incomplete.`, "");
  }
  if (counts.total > 0) {
    head.push("| severity | count |", "| --- | --- |");
    for (const s of SEVERITIES) if (counts.bySeverity[s] > 0) head.push(`| ${ICON[s]} ${s} | ${counts.bySeverity[s]} |`);
    head.push("", "| category | count |", "| --- | --- |");
    for (const [c, n] of Object.entries(counts.byCategory).sort((a, b) => b[1] - a[1])) head.push(`| ${mdText(c)} | ${n} |`);
    head.push("");
  }
  const gpu = result.gpu;
  const tail: string[] = [];
  if (gpu.before.total > 0 || gpu.after.total > 0) {
    tail.push("### GPUs", "", "| | total | by model | by team |", "| --- | --- | --- | --- |");
    for (const [label, tally] of [["before", gpu.before], ["after apply", gpu.after]] as const) {
      const teams = Object.entries(tally.byTeam).map(([t, n]) => `${mdText(t)}: ${formatGpus(n)}`).join(", ") || "none";
      tail.push(`| ${label} | ${formatGpus(tally.total)} | ${mdText(describeModels(tally))} | ${teams} |`);
    }
    tail.push("");
  }

  const active = result.findings.filter((f) => !f.suppression);
  const rows: string[] = [];
  if (active.length > 0) {
    const tableHead = ["### Findings", "", "| severity | rule | resource | where | message |", "| --- | --- | --- | --- | --- |"];
    let used = joinedLength(head) + joinedLength(tail) + joinedLength(tableHead) + 200;
    let shown = 0;
    for (const f of active) {
      const row = findingRow(f);
      if (used + row.length + 1 > options.maxChars) break;
      rows.push(row);
      used += row.length + 1;
      shown++;
    }
    rows.unshift(...tableHead);
    if (shown < active.length) {
      rows.push("", `_${plural(active.length - shown, "more finding")} left out to keep this report under ${options.maxChars} characters; see the SARIF or JSON report for all of them._`);
    }
    rows.push("");
  }
  return [...head, ...rows, ...tail].join("\n");
}

function findingRow(f: Finding): string {
  return `| ${ICON[f.severity]} ${f.severity} | ${mdCode(f.ruleId)} | ${mdCode(f.resource?.address ?? "(plan)")} | ${mdCode(locationText(f))} | ${mdText(f.message)} |`;
}

function joinedLength(lines: string[]): number {
  return lines.reduce((n, l) => n + l.length + 1, 0);
}
