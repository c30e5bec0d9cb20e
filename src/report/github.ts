import path from "node:path";
import { severityRank, type Finding, type Severity } from "../policy/types.js";
import type { ScanResult } from "../scan/result.js";
import { relativeUri } from "./sarif.js";
import { countFindings, suppressedText } from "./summary.js";

/**
 * GitHub Actions workflow commands that annotate a pull request. GitHub
 * shows at most 10 annotations of each level per step and drops the rest
 * silently, so the most severe come first, at most 10 per level, and a final
 * notice counts what was left out. Suppressed findings are never annotated
 * one by one, but a notice always says how many there are and by what
 * (inline comments, waivers, the baseline), with where the suppressions are
 * written: a reviewer sees them even when nothing else is left.
 */
export interface GithubOptions {
  baseDir: string;
  perLevel: number;
}

type Level = "error" | "warning" | "notice";

const LEVEL: Record<Severity, Level> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "notice",
  info: "notice",
};

/** Scans and drift reports both carry findings and failures; that is all annotations need. */
export type Annotatable = Pick<ScanResult, "findings" | "failures">;

export function formatGithub(
  result: Annotatable,
  options: GithubOptions = { baseDir: process.cwd(), perLevel: 10 },
): string {
  const active = result.findings
    .filter((f) => !f.suppression && !f.undecided)
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const used: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  const suppression = suppressionNotice(result.findings);
  let left = 0;
  for (const f of active) {
    const level = LEVEL[f.severity];
    // The notices below (what was left out, what was suppressed) take notice slots.
    const cap = level === "notice" ? options.perLevel - 1 - (suppression ? 1 : 0) : options.perLevel;
    if (used[level] >= cap) {
      left++;
      continue;
    }
    used[level]++;
    lines.push(annotation(level, f, options.baseDir));
  }
  for (const failure of result.failures) {
    lines.push(
      `::error title=${escapeProperty(`planguard: rule ${failure.ruleId} failed`)}::${escapeData(failure.message)}`,
    );
  }
  if (suppression) lines.push(suppression);
  if (left > 0) {
    lines.push(
      `::notice title=planguard::${escapeData(`${left} more findings are not annotated (GitHub shows at most ${options.perLevel} per level); see the job summary or the SARIF report.`)}`,
    );
  }
  return lines.length > 0 ? lines.join("\n") + "\n" : "";
}

/** Origins listed in the suppression notice; the job summary lists them all. */
const MAX_ORIGINS = 5;

function suppressionNotice(findings: Annotatable["findings"]): string | undefined {
  const counts = countFindings(findings);
  if (counts.suppressed === 0) return undefined;
  const origins = [
    ...new Set(
      findings.flatMap((f) => (f.suppression ? [`${f.suppression.kind} ${f.suppression.origin ?? ""}`.trim()] : [])),
    ),
  ];
  const listed =
    origins.slice(0, MAX_ORIGINS).join("; ") +
    (origins.length > MAX_ORIGINS ? `; and ${origins.length - MAX_ORIGINS} more` : "");
  return `::notice title=${escapeProperty(`planguard: ${counts.suppressed} finding${counts.suppressed === 1 ? "" : "s"} suppressed`)}::${escapeData(`${suppressedText(counts)} (${listed}).`)}`;
}

function annotation(level: Level, f: Finding, baseDir: string): string {
  const file = f.source?.file ?? relativeUri(f.file, baseDir);
  const props = [`file=${escapeProperty(file.split(path.sep).join("/"))}`, `line=${f.source?.line ?? 1}`];
  if (f.source?.endLine !== undefined) props.push(`endLine=${f.source.endLine}`);
  props.push(`title=${escapeProperty(`${f.ruleId} ${f.resource?.address ?? ""}`.trim())}`);
  return `::${level} ${props.join(",")}::${escapeData(`[${f.severity}] ${f.message}`)}`;
}

/** Message text: %, CR and LF are escaped. */
export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Property values: also : and , which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
