import { severityRank, type Finding, type RuleMetadata, type Severity } from "../policy/types.js";
import type { RuleFailure } from "../policy/evaluate.js";
import type { ScanResult } from "../scan/result.js";
import { joinPieces } from "./pieces.js";
import { relativeUri } from "./sarif.js";
import { locationText } from "./summary.js";

/**
 * JUnit XML, the test report GitLab (artifacts:reports:junit), Jenkins
 * (junit step) and Azure Pipelines (PublishTestResults) read. One test suite
 * per scanned file; in it a failed test case per finding that fails the
 * scan, a skipped one per suppressed finding, a passed one (with the finding
 * as output) per finding that does not fail it (below --fail-on, or
 * undecided until apply), and a passed one per rule with no finding there.
 * Rules that could not run are errors in a suite of their own. Every value
 * from the plan, the config or a policy is escaped.
 */
export interface JunitOptions {
  /** Findings at or above it are failures, as they fail the exit code. */
  failOn: Severity;
  /** Paths relative to it (the repository root). */
  baseDir: string;
}

export function formatJunitXml(result: ScanResult, options: JunitOptions): string {
  return joinPieces(junitXmlPieces(result, options));
}

/** formatJunitXml's report in pieces of a few hundred lines (src/report/pieces.ts): a large plan's is megabytes. */
export function junitXmlPieces(result: ScanResult, options: JunitOptions): Iterable<string> {
  const rules = new Map(result.rules.map((r) => [r.id, r]));
  const byFile = new Map<string, Finding[]>();
  for (const input of result.inputs) byFile.set(input.file, []);
  for (const f of result.findings) {
    let list = byFile.get(f.file);
    if (!list) byFile.set(f.file, (list = []));
    list.push(f);
  }
  const inputFiles = new Set(result.inputs.map((i) => i.file));
  const suites: Suite[] = [];
  for (const [file, findings] of byFile) {
    const cases = findings.map((f) => findingCase(f, rules.get(f.ruleId), options));
    // Scanned files also list the rules that found nothing there, so a CI page shows what passed.
    if (inputFiles.has(file)) {
      const found = new Set(findings.map((f) => f.ruleId));
      for (const rule of result.rules)
        if (!found.has(rule.id)) cases.push({ name: `${rule.id} ${rule.title}`, classname: rule.id });
    }
    suites.push({ name: relativeUri(file, options.baseDir), cases });
  }
  if (result.failures.length > 0)
    suites.push({ name: "planguard: rules that could not run", cases: result.failures.map(failureCase) });
  return render(result, suites);
}

interface Case {
  name: string;
  classname: string;
  file?: string;
  line?: number;
  outcome?: { kind: "failure" | "error" | "skipped"; message: string; type?: string; text?: string };
  output?: string;
}

interface Suite {
  name: string;
  cases: Case[];
}

function findingCase(f: Finding, rule: RuleMetadata | undefined, options: JunitOptions): Case {
  const c: Case = {
    name: `${f.ruleId} ${f.resource?.address ?? "(plan)"}${f.attribute ? ` ${f.attribute}` : ""}`,
    classname: f.ruleId,
    file: f.source?.file ?? relativeUri(f.file, options.baseDir),
    line: f.source?.line ?? 1,
  };
  const details = [
    `[${f.severity}] ${f.message}`,
    `resource: ${f.resource?.address ?? "(plan)"}`,
    `at: ${locationText(f)}${f.attribute ? ` (${f.attribute})` : ""}`,
    ...(rule ? [`fix: ${rule.remediation.replace(/\s+/g, " ").trim()}`] : []),
    ...(rule?.helpUri ? [`docs: ${rule.helpUri}`] : []),
  ].join("\n");
  if (f.suppression) {
    c.outcome = {
      kind: "skipped",
      message: `suppressed (${f.suppression.kind}${f.suppression.origin ? `, ${f.suppression.origin}` : ""}): ${f.suppression.reason || "no reason given"}`,
    };
  } else if (!f.undecided && severityRank(f.severity) >= severityRank(options.failOn)) {
    c.outcome = { kind: "failure", message: f.message, type: f.severity, text: details };
  } else {
    // Reported, but not failing the scan: below --fail-on, or undecided until apply.
    c.output = details;
  }
  return c;
}

function failureCase(failure: RuleFailure): Case {
  return {
    name: `${failure.ruleId}${failure.resource ? ` ${failure.resource}` : ""}`,
    classname: failure.ruleId,
    outcome: {
      kind: "error",
      message: `rule ${failure.ruleId} failed: ${failure.message}`,
      type: "rule-error",
      text: failure.origin,
    },
  };
}

/** Lines gathered before they are given as one piece. */
const LINES_PER_PIECE = 256;

function* render(result: ScanResult, suites: readonly Suite[]): Generator<string> {
  const count = (cases: readonly Case[], kind?: "failure" | "error" | "skipped") =>
    cases.filter((c) => (kind ? c.outcome?.kind === kind : true)).length;
  const all = suites.flatMap((s) => s.cases);
  const totals = (cases: readonly Case[]) =>
    `tests="${count(cases)}" failures="${count(cases, "failure")}" errors="${count(cases, "error")}" skipped="${count(cases, "skipped")}" time="0"`;
  // Each line ends with a newline; a piece is only ever given with lines in it.
  let out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${attr(result.tool.name)}" ${totals(all)}>`];
  for (const suite of suites) {
    out.push(`  <testsuite name="${attr(suite.name)}" ${totals(suite.cases)}>`);
    for (const c of suite.cases) {
      out.push(...renderCase(c));
      if (out.length < LINES_PER_PIECE) continue;
      yield linesText(out);
      out = [];
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  yield linesText(out);
}

/**
 * Lines as text, each ending with a newline. The last newline is an empty
 * last line, so that join makes one flat string: join + "\n" makes a pair
 * that V8 copies into a third when the writer first reads a character of it.
 */
function linesText(lines: string[]): string {
  lines.push("");
  return lines.join("\n");
}

function renderCase(c: Case): string[] {
  const place = `${c.file !== undefined ? ` file="${attr(c.file)}"` : ""}${c.line !== undefined ? ` line="${c.line}"` : ""}`;
  const open = `    <testcase name="${attr(c.name)}" classname="${attr(c.classname)}"${place} time="0"`;
  if (!c.outcome && c.output === undefined) return [`${open}/>`];
  const lines = [`${open}>`];
  if (c.outcome) {
    const type = c.outcome.type !== undefined ? ` type="${attr(c.outcome.type)}"` : "";
    const head = `      <${c.outcome.kind} message="${attr(c.outcome.message)}"${type}`;
    lines.push(c.outcome.text !== undefined ? `${head}>${text(c.outcome.text)}</${c.outcome.kind}>` : `${head}/>`);
  }
  if (c.output !== undefined) lines.push(`      <system-out>${text(c.output)}</system-out>`);
  lines.push("    </testcase>");
  return lines;
}

/**
 * Characters XML 1.0 cannot carry at all (most control characters, lone
 * surrogates, U+FFFE/U+FFFF) become U+FFFD: an escape cannot save them and
 * one would make the whole report unreadable.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: names the characters XML 1.0 allows, so the others can be dropped
const NOT_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function text(s: string): string {
  return s.replace(NOT_XML, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Attribute values: also quotes, and line breaks and tabs, which parsers would turn into spaces. */
function attr(s: string): string {
  return text(s)
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}
