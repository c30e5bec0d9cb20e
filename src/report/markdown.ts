import { isSuppressed } from "../policy/finding.js";
import { SEVERITIES, type Finding } from "../policy/types.js";
import type { ScanResult } from "../scan/result.js";
import { mdCode, mdText } from "./markdown-text.js";
import { countFindings, describeModels, formatGpus, locationText, plural, suppressedText } from "./summary.js";

export interface MarkdownOptions {
  /** Stop adding findings past this many characters (a PR comment takes 65,536). */
  maxChars: number;
}

const DEFAULT_MARKDOWN_MAX_CHARS = 60_000;

const ICON: Record<string, string> = { critical: "🟥", high: "🟧", medium: "🟨", low: "🟦", info: "⬜" };

/** A report for job summaries and pull-request comments. */
export function formatMarkdown(
  result: ScanResult,
  options: MarkdownOptions = { maxChars: DEFAULT_MARKDOWN_MAX_CHARS },
): string {
  const counts = countFindings(result.findings);
  const head: string[] = ["## planguard", ""];
  const inputs = result.inputs.map((i) => mdCode(i.file)).join(", ");
  // Suppressions are stated even when nothing is left: a reviewer must see what silenced the scan.
  const suppressed = counts.suppressed > 0 ? ` (${suppressedText(counts)})` : "";
  head.push(
    counts.total === 0
      ? `No findings in ${inputs}${suppressed}.`
      : `**${plural(counts.total, "finding")}** in ${inputs}${suppressed}.`,
    "",
  );
  for (const input of result.inputs)
    for (const w of input.warnings) head.push(`> ⚠️ ${mdCode(input.file)}: ${mdText(w)}`, "");
  if (result.failures.length > 0) {
    head.push(`> ❌ ${result.failures.length} rule(s) failed to run; the scan is incomplete.`, "");
  }
  if (counts.total > 0) {
    head.push("| severity | count |", "| --- | --- |");
    for (const s of SEVERITIES)
      if (counts.bySeverity[s] > 0) head.push(`| ${ICON[s]} ${s} | ${counts.bySeverity[s]} |`);
    head.push("", "| category | count |", "| --- | --- |");
    for (const [c, n] of Object.entries(counts.byCategory).sort((a, b) => b[1] - a[1]))
      head.push(`| ${mdText(c)} | ${n} |`);
    head.push("");
  }
  const gpu = result.gpu;
  const tail: string[] = [];
  if (gpu.before.total > 0 || gpu.after.total > 0) {
    tail.push("### GPUs", "", "| | total | by model | by team |", "| --- | --- | --- | --- |");
    for (const [label, tally] of [
      ["before", gpu.before],
      ["after apply", gpu.after],
    ] as const) {
      const teams =
        Object.entries(tally.byTeam)
          .map(([t, n]) => `${mdText(t)}: ${formatGpus(n)}`)
          .join(", ") || "none";
      tail.push(`| ${label} | ${formatGpus(tally.total)} | ${mdText(describeModels(tally))} | ${teams} |`);
    }
    tail.push("");
  }

  const active = result.findings.filter((f) => !f.suppression);
  const rows: string[] = [];
  if (active.length > 0) {
    const tableHead = [
      "### Findings",
      "",
      "| severity | rule | resource | where | message |",
      "| --- | --- | --- | --- | --- |",
    ];
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
      rows.push(
        "",
        `_${plural(active.length - shown, "more finding")} left out to keep this report under ${options.maxChars} characters; see the SARIF or JSON report for all of them._`,
      );
    }
    rows.push("");
  }
  return [
    ...head,
    ...rows,
    ...suppressedRows(result.findings, options.maxChars - joinedLength(head) - joinedLength(rows) - joinedLength(tail)),
    ...tail,
  ].join("\n");
}

/** Every suppressed finding with what suppressed it and where that is written, as far as the budget goes. */
function suppressedRows(findings: readonly Finding[], budget: number): string[] {
  const suppressed = findings.filter(isSuppressed);
  if (suppressed.length === 0) return [];
  const rows = ["### Suppressed", "", "| rule | resource | by | where | reason |", "| --- | --- | --- | --- | --- |"];
  let used = joinedLength(rows) + 200;
  let shown = 0;
  for (const f of suppressed) {
    const s = f.suppression;
    const row = `| ${mdCode(f.ruleId)} | ${mdCode(f.resource?.address ?? "(plan)")} | ${s.kind} | ${s.origin !== undefined ? mdCode(s.origin) : "—"} | ${mdText(s.reason || "no reason given")} |`;
    if (used + row.length + 1 > budget) break;
    rows.push(row);
    used += row.length + 1;
    shown++;
  }
  if (shown === 0)
    return [
      `_${plural(suppressed.length, "suppressed finding")} not listed to keep this report under its size; see the SARIF or JSON report._`,
      "",
    ];
  if (shown < suppressed.length)
    rows.push(
      "",
      `_${plural(suppressed.length - shown, "more suppressed finding")} left out; see the SARIF or JSON report._`,
    );
  rows.push("");
  return rows;
}

function findingRow(f: Finding): string {
  return `| ${ICON[f.severity]} ${f.severity} | ${mdCode(f.ruleId)} | ${mdCode(f.resource?.address ?? "(plan)")} | ${mdCode(locationText(f))} | ${mdText(f.message)} |`;
}

function joinedLength(lines: string[]): number {
  return lines.reduce((n, l) => n + l.length + 1, 0);
}
