import type { Severity } from "../../policy/types.js";
import type { DriftedResource, DriftReport } from "../types.js";
import { mdCode, mdText } from "../../report/markdown-text.js";
import { changeValues, inputsLine, STATUS_TEXT, summaryLine } from "./values.js";

/**
 * A report for an issue body or a job summary: a table of drifted resources,
 * then each resource's attribute changes. GitHub caps an issue body at
 * 65,536 characters; past `maxChars` the details stop and say what is left out.
 */

export interface DriftMarkdownOptions {
  maxChars: number;
}

const DEFAULT_DRIFT_MARKDOWN_MAX_CHARS = 60_000;

const ICON: Record<Severity, string> = { critical: "🟥", high: "🟧", medium: "🟨", low: "🟦", info: "⬜" };

export function formatDriftMarkdown(
  report: DriftReport,
  options: DriftMarkdownOptions = { maxChars: DEFAULT_DRIFT_MARKDOWN_MAX_CHARS },
): string {
  const head: string[] = [
    "## planguard drift",
    "",
    `${summaryLine(report)} Compared: ${code(inputsLine(report))}.`,
    "",
  ];
  for (const input of report.inputs)
    for (const w of input.warnings) head.push(`> ⚠️ ${code(input.file)}: ${cell(w)}`, "");
  if (report.failures.length > 0)
    head.push(`> ❌ ${report.failures.length} rule(s) failed to run; the judgement is incomplete.`, "");
  if (report.resources.length > 0) {
    head.push("| severity | resource | what happened | judgement | changes |", "| --- | --- | --- | --- | --- |");
    // The table itself stays within half the budget, so thousands of drifted resources still fit an issue.
    let tableChars = 0;
    let rows = 0;
    for (const r of report.resources) {
      const row = summaryRow(r);
      if (tableChars + row.length + 1 > options.maxChars / 2) break;
      head.push(row);
      tableChars += row.length + 1;
      rows++;
    }
    if (rows < report.resources.length)
      head.push(
        "",
        `_${report.resources.length - rows} more drifted resources (the least severe) are left out of this table; the JSON report has all of them._`,
      );
    head.push("");
  }
  for (const v of report.elsewhere) {
    head.push(
      `- Drift ${v.change} ${code(v.ruleId)} on ${code(v.address ?? "the whole configuration")}: ${cell(v.message)}`,
    );
  }
  if (report.elsewhere.length > 0) head.push("");

  const out = [...head];
  let used = out.reduce((n, l) => n + l.length + 1, 0);
  let shown = 0;
  for (const r of report.resources) {
    const section = details(r);
    const size = section.reduce((n, l) => n + l.length + 1, 0);
    if (used + size + 300 > options.maxChars) break;
    out.push(...section);
    used += size;
    shown++;
  }
  if (shown < report.resources.length) {
    out.push(
      `_The details of ${report.resources.length - shown} more resources are left out to keep this report under ${options.maxChars} characters; the JSON report has all of them._`,
      "",
    );
  }
  return out.join("\n");
}

function summaryRow(r: DriftedResource): string {
  const judgement = [
    ...r.introduced.map((v) => `introduces ${code(v.ruleId)} (${v.severity})`),
    ...r.resolved.map((v) => `resolves ${code(v.ruleId)}`),
  ];
  const plan = r.affectsPlan ? " (affects the plan)" : "";
  return `| ${ICON[r.severity]} ${r.severity} | ${code(r.address)} | ${STATUS_TEXT[r.status]}${plan} | ${judgement.join("; ") || "—"} | ${r.changes.length} |`;
}

function details(r: DriftedResource): string[] {
  const moved = r.previousAddress !== undefined ? ` (moved from ${code(r.previousAddress)})` : "";
  const lines = [`### ${ICON[r.severity]} ${code(r.address)}${moved}: ${STATUS_TEXT[r.status]}`, ""];
  const id = r.id !== undefined ? ` (id ${code(r.id)})` : "";
  if (r.status === "deleted")
    lines.push(
      `The resource${id} no longer exists: the next apply recreates it unless the configuration drops it.`,
      "",
    );
  if (r.status === "appeared")
    lines.push(`The resource${id} is in the current state but was not in the baseline: created or imported since.`, "");
  if (r.status === "changed" && id !== "")
    lines.push(`The resource${id} differs from what Terraform last recorded.`, "");
  for (const v of r.introduced)
    lines.push(`- **Introduces ${cell(v.ruleId)}** (${v.severity}, ${cell(v.category)}): ${cell(v.message)}`);
  for (const v of r.resolved)
    lines.push(`- Resolves ${cell(v.ruleId)} (${cell(v.title)}); the configuration still has the violation.`);
  if (r.introduced.length + r.resolved.length > 0) lines.push("");
  if (r.changes.length > 0) {
    lines.push("| attribute | change | before | after |", "| --- | --- | --- | --- |");
    for (const c of r.changes) {
      const { before, after } = changeValues(c);
      const plan = c.affectsPlan ? " ⚠️ plan depends on it" : "";
      const show = (s: string) => (c.sensitive || s.startsWith("(") ? cell(s) : code(s));
      lines.push(`| ${code(c.path || "(the whole object)")} | ${c.action}${plan} | ${show(before)} | ${show(after)} |`);
    }
    lines.push("");
  }
  if (r.ignoredChanges > 0) lines.push(`_${r.ignoredChanges} change(s) to ignored attributes not shown._`, "");
  return lines;
}

const code = mdCode;
const cell = mdText;
