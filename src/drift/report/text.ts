import type { Severity } from "../../policy/types.js";
import { RESET, SEVERITY_COLORS } from "../../report/colors.js";
import type { DriftReport } from "../types.js";
import { changeLine, inputsLine, STATUS_TEXT, summaryLine } from "./values.js";

export interface DriftTextOptions {
  color: boolean;
}

/** The terminal report: one block per drifted resource, most severe first. */
export function formatDriftText(report: DriftReport, options: DriftTextOptions = { color: false }): string {
  const paint = (sev: Severity, s: string) => (options.color ? SEVERITY_COLORS[sev] + s + RESET : s);
  const lines: string[] = [`planguard drift: ${inputsLine(report)}`];
  for (const input of report.inputs) for (const w of input.warnings) lines.push(`  warning: ${input.file}: ${w}`);
  lines.push("");
  for (const r of report.resources) {
    const moved = r.previousAddress !== undefined ? ` (moved from ${r.previousAddress})` : "";
    const plan = r.affectsPlan ? "  [affects the plan]" : "";
    const id = r.id !== undefined ? ` (${r.id})` : "";
    lines.push(
      `${paint(r.severity, r.severity.toUpperCase().padEnd(8))}${r.address}${id}${moved}  ${STATUS_TEXT[r.status]}${plan}`,
    );
    for (const v of r.introduced) lines.push(`  introduces ${v.ruleId} (${v.severity}): ${v.message}`);
    for (const v of r.resolved) lines.push(`  resolves ${v.ruleId} (${v.title})`);
    for (const c of r.changes) lines.push(`  ${changeLine(c)}`);
    if (r.ignoredChanges > 0)
      lines.push(`  (${r.ignoredChanges} ignored attribute change${r.ignoredChanges === 1 ? "" : "s"})`);
    lines.push("");
  }
  for (const v of report.elsewhere) {
    lines.push(
      `${v.change === "introduced" ? "introduced" : "resolved"} elsewhere: ${v.ruleId} on ${v.address ?? "the whole configuration"}: ${v.message}`,
    );
  }
  for (const f of report.failures)
    lines.push(`ERROR: rule ${f.ruleId} failed${f.resource ? ` on ${f.resource}` : ""}: ${f.message}`);
  lines.push(summaryLine(report));
  return lines.join("\n") + "\n";
}
