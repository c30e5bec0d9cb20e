import type { NotJudged, ScanResult, ScannedInput } from "../scan/result.js";
import type { Verdict } from "../scan/verdict.js";
import { isSuppressed } from "../policy/finding.js";
import { SEVERITIES, type Finding, type RuleMetadata, type Severity, type Suppression } from "../policy/types.js";
import { DIM, RESET, SEVERITY_COLORS } from "./colors.js";
import { joinPieces } from "./pieces.js";
import { countFindings, describeModels, formatGpus, locationText, plural } from "./summary.js";

export interface TextOptions {
  color: boolean;
  /** The exit code and why: the report's last line, when given. */
  verdict?: Verdict;
  /**
   * full: each finding with where it is, how to fix it and the rule's docs;
   * compact (--compact): one line per finding; quiet (--quiet): the summary
   * and the verdict on one line.
   */
  layout?: "full" | "compact" | "quiet";
}

type Paint = (code: string, s: string) => string;

/** The default report: findings grouped by severity, most severe first. */
export function formatText(result: ScanResult, options: TextOptions = { color: false }): string {
  return joinPieces(textPieces(result, options));
}

/** Lines gathered before they are given as one piece (a large plan's report is ~60,000 lines). */
const LINES_PER_PIECE = 256;

/** formatText's report in pieces of a few hundred lines (src/report/pieces.ts). */
export function* textPieces(result: ScanResult, options: TextOptions = { color: false }): Generator<string> {
  const paint: Paint = (code, s) => (options.color ? code + s + RESET : s);
  const layout = options.layout ?? "full";
  if (layout === "quiet") {
    yield [summaryLine(result), ...(options.verdict ? [options.verdict.reason] : [])].join(" ") + "\n";
    return;
  }
  const rules = new Map(result.rules.map((r) => [r.id, r]));
  // A rule's fix and docs lines are the same under each of its findings (thousands on a large plan).
  const tails = new Map<string, string[]>();
  const ruleLines = (id: string): string[] => {
    let tail = tails.get(id);
    if (!tail) tails.set(id, (tail = ruleTail(rules.get(id), paint)));
    return tail;
  };
  // Each line ends with a newline; a piece is only ever given with lines in it.
  let lines: string[] = [];
  const piece = (): string => {
    // The last newline as an empty last line: join makes one flat string, where join + "\n" made a
    // pair that writePieces' first look at a character had V8 copy into a third (a large report's size).
    lines.push("");
    const text = lines.join("\n");
    lines = [];
    return text;
  };
  for (const input of result.inputs) {
    const version = input.terraformVersion ? `, Terraform ${input.terraformVersion}` : "";
    lines.push(
      `${input.file}: ${input.kind}${version}, ${input.judged} of ${input.resources} resources judged${notJudgedText(input)}`,
    );
    for (const w of input.warnings) lines.push(`  warning: ${w}`);
  }
  lines.push("");

  const { bySeverity, active, suppressed } = groupFindings(result.findings);
  for (const severity of SEVERITIES) {
    const group = bySeverity[severity];
    if (group.length === 0) continue;
    if (layout === "compact") {
      for (const f of group) {
        lines.push(compactLine(f, paint));
        if (lines.length >= LINES_PER_PIECE) yield piece();
      }
      continue;
    }
    lines.push(paint(SEVERITY_COLORS[severity], `${severity.toUpperCase()} (${group.length})`));
    for (let i = 0; i < group.length; i++) {
      pushFindingLines(lines, group[i]!, ruleLines(group[i]!.ruleId), paint);
      if (lines.length >= LINES_PER_PIECE) yield piece();
    }
    lines.push("");
  }
  if (layout === "compact" && active > 0) lines.push("");
  if (suppressed.length > 0 && layout === "full") {
    lines.push(`SUPPRESSED (${suppressed.length})`);
    for (const f of suppressed) {
      const where = f.suppression.origin ? `, ${f.suppression.origin}` : "";
      lines.push(
        `  ${f.ruleId}  ${f.resource?.address ?? ""}  ${paint(DIM, `(${f.suppression.kind}${where}: ${f.suppression.reason || "no reason given"})`)}`,
      );
      if (lines.length >= LINES_PER_PIECE) yield piece();
    }
    lines.push("");
  }
  for (const failure of result.failures) {
    lines.push(
      `ERROR: rule ${failure.ruleId} (${failure.origin}) failed${failure.resource ? ` on ${failure.resource}` : ""}: ${failure.message}`,
    );
  }

  const gpu = result.gpu;
  if (gpu.before.total > 0 || gpu.after.total > 0) {
    lines.push(
      `GPUs: ${formatGpus(gpu.before.total)} before, ${formatGpus(gpu.after.total)} after apply (${describeModels(gpu.after)})`,
    );
  }
  lines.push(summaryLine(result));
  if (options.verdict) lines.push(options.verdict.reason);
  yield piece();
}

/** Active findings by severity (and how many are active) and the suppressed ones, each in the result's order: one pass. */
function groupFindings(findings: readonly Finding[]): {
  bySeverity: Record<Severity, Finding[]>;
  active: number;
  suppressed: (Finding & { suppression: Suppression })[];
} {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, []])) as unknown as Record<Severity, Finding[]>;
  const suppressed: (Finding & { suppression: Suppression })[] = [];
  let active = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (isSuppressed(f)) {
      suppressed.push(f);
      continue;
    }
    active++;
    // Own members only: a severity no report knows is in no group (and not read off Object.prototype).
    if (Object.hasOwn(bySeverity, f.severity)) bySeverity[f.severity].push(f);
  }
  return { bySeverity, active, suppressed };
}

function pushFindingLines(lines: string[], f: Finding, tail: readonly string[], paint: Paint): void {
  const where = f.resource ? f.resource.address : "(plan)";
  lines.push(
    `  ${f.ruleId}${f.aliases ? ` (also ${f.aliases.join(", ")})` : ""}  ${where}  [${f.category}]`,
    `    ${f.message}`,
    `    ${paint(DIM, `at ${locationText(f)}${f.attribute ? ` (${f.attribute})` : ""}`)}`,
  );
  for (let i = 0; i < tail.length; i++) lines.push(tail[i]!);
}

/** The lines under each finding of a rule: how to fix it and the rule's docs. */
function ruleTail(rule: RuleMetadata | undefined, paint: Paint): string[] {
  if (!rule) return [];
  const tail = [`    fix: ${oneLine(rule.remediation)}`];
  if (rule.helpUri) tail.push(`    ${paint(DIM, `docs: ${rule.helpUri}`)}`);
  return tail;
}

/** --compact: severity, rule, resource, place, message. */
function compactLine(f: Finding, paint: Paint): string {
  const severity = paint(SEVERITY_COLORS[f.severity], f.severity.toUpperCase().padEnd(8));
  return `${severity} ${f.ruleId}  ${f.resource?.address ?? "(plan)"}  ${locationText(f)}  ${oneLine(f.message)}`;
}

/** ", not judged: 1 data source (include_data_sources is off): data.aws_iam_policy_document.x" */
function notJudgedText(input: ScannedInput): string {
  if (!input.notJudged || input.notJudged.length === 0) return "";
  return `; not judged: ${input.notJudged.map(describeNotJudged).join("; ")}`;
}

function describeNotJudged(n: NotJudged): string {
  const more = n.count > n.examples.length ? ` and ${n.count - n.examples.length} more` : "";
  return `${n.count} ${n.reason} (${n.examples.join(", ")}${more})`;
}

/** Remediation written over several lines (a Rego METADATA block) still takes one. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

function summaryLine(result: ScanResult): string {
  const counts = countFindings(result.findings);
  // With a broken rule, "No findings." would read as a clean bill.
  const from = result.failures.length > 0 ? " from the rules that ran" : "";
  const suppressed = counts.suppressed > 0 ? ` (${counts.suppressed} suppressed)` : "";
  if (counts.total === 0) return `No findings${from}${suppressed}.`;
  const parts = SEVERITIES.filter((s) => counts.bySeverity[s] > 0).map((s) => `${counts.bySeverity[s]} ${s}`);
  return `${plural(counts.total, "finding")}${from}: ${parts.join(", ")}${suppressed}.`;
}
