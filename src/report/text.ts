import type { ScanResult } from "../scan/result.js";
import { SEVERITIES, type Finding } from "../policy/types.js";
import { DIM, RESET, SEVERITY_COLORS } from "./colors.js";
import { countFindings, describeModels, formatGpus, locationText, plural } from "./summary.js";

export interface TextOptions {
  color: boolean;
}


/** The default report: findings grouped by severity, most severe first. */
export function formatText(result: ScanResult, options: TextOptions = { color: false }): string {
  const paint = (code: string, s: string) => (options.color ? code + s + RESET : s);
  const lines: string[] = [];
  for (const input of result.inputs) {
    const version = input.terraformVersion ? `, Terraform ${input.terraformVersion}` : "";
    lines.push(`${input.file}: ${input.kind}${version}, ${input.judged} of ${input.resources} resources judged`);
    for (const w of input.warnings) lines.push(`  warning: ${w}`);
  }
  lines.push("");

  const active = result.findings.filter((f) => !f.suppression);
  for (const severity of SEVERITIES) {
    const group = active.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(paint(SEVERITY_COLORS[severity], `${severity.toUpperCase()} (${group.length})`));
    for (const f of group) lines.push(...findingLines(f, paint));
    lines.push("");
  }
  const suppressed = result.findings.filter((f) => f.suppression);
  if (suppressed.length > 0) {
    lines.push(`SUPPRESSED (${suppressed.length})`);
    for (const f of suppressed) lines.push(`  ${f.ruleId}  ${f.resource?.address ?? ""}  ${paint(DIM, `(${f.suppression!.kind}: ${f.suppression!.reason || "no reason given"})`)}`);
    lines.push("");
  }
  for (const failure of result.failures) {
    lines.push(`ERROR: rule ${failure.ruleId} (${failure.origin}) failed${failure.resource ? ` on ${failure.resource}` : ""}: ${failure.message}`);
  }

  const gpu = result.gpu;
  if (gpu.before.total > 0 || gpu.after.total > 0) {
    lines.push(`GPUs: ${formatGpus(gpu.before.total)} before, ${formatGpus(gpu.after.total)} after apply (${describeModels(gpu.after)})`);
  }
  lines.push(summaryLine(result));
  return lines.join("\n") + "\n";
}

function findingLines(f: Finding, paint: (code: string, s: string) => string): string[] {
  const where = f.resource ? f.resource.address : "(plan)";
  return [
    `  ${f.ruleId}  ${where}  [${f.category}]`,
    `    ${f.message}`,
    `    ${paint(DIM, `at ${locationText(f)}${f.attribute ? ` (${f.attribute})` : ""}`)}`,
  ];
}

function summaryLine(result: ScanResult): string {
  const counts = countFindings(result.findings);
  if (counts.total === 0) return `No findings${counts.suppressed > 0 ? ` (${counts.suppressed} suppressed)` : ""}.`;
  const parts = SEVERITIES.filter((s) => counts.bySeverity[s] > 0).map((s) => `${counts.bySeverity[s]} ${s}`);
  return `${plural(counts.total, "finding")}: ${parts.join(", ")}${counts.suppressed > 0 ? ` (${counts.suppressed} suppressed)` : ""}.`;
}
