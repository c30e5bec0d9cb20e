import { verdictOf } from "../../scan/verdict.js";
import type { GpuTally } from "../../gpu/summary.js";
import { compareText } from "../../policy/compare.js";
import { isSuppressed } from "../../policy/finding.js";
import {
  CATEGORIES,
  SEVERITIES,
  severityRank,
  type Finding,
  type Severity,
  type Suppression,
} from "../../policy/types.js";
import type { ScanResult } from "../../scan/result.js";
import { countFindings, formatGpus, plural } from "../summary.js";
import { barChart } from "./charts.js";
import { escapeHtml } from "./escape.js";
import { cards, footer, header, notices, tabs, viewSlot, type Tab } from "./layout.js";
import type { SourceLinker } from "./links.js";
import { htmlPage } from "./page.js";
import { noteIndex, optionsOf, type Cell, type TableView } from "./view.js";

export interface HtmlOptions {
  /** The --fail-on threshold the verdict is judged at (default low, as the CLI's). */
  failOn?: Severity;
  /** Links a finding's .tf file:line to the repository's web view. */
  link?: SourceLinker;
}

const SEVERITY_NAMES: Record<Severity, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  info: "Info",
};
export const PAGE_SIZE = 100;

/**
 * The scan as one self-contained HTML page: verdict and counts, findings by
 * category and severity, GPUs before and after, and the findings and
 * suppressed findings as filterable tables.
 */
export function formatHtml(result: ScanResult, options: HtmlOptions = {}): string {
  const failOn = options.failOn ?? "low";
  const counts = countFindings(result.findings);
  const active = result.findings.filter((f) => !f.suppression);
  const suppressed = result.findings.filter(isSuppressed);
  const undecided = active.filter((f) => f.undecided).length;
  const remediation = new Map(result.rules.map((r) => [r.id, r.remediation]));
  const link = options.link;

  const verdict =
    result.failures.length > 0
      ? { tone: "warn" as const, text: `Incomplete: ${plural(result.failures.length, "rule")} failed to run` }
      : verdictOf(result, { failOn, softFail: false }).exitCode === 1
        ? { tone: "fail" as const, text: `Fails: ${plural(failing(active, failOn), "finding")} at or above ${failOn}` }
        : { tone: "pass" as const, text: `Passes at --fail-on ${failOn}` };
  const subtitle = result.inputs.map(
    (i) =>
      `${i.file}: ${i.kind}${i.terraformVersion ? `, Terraform ${i.terraformVersion}` : ""}, ${plural(i.judged, "resource")} judged`,
  );
  const warnings = [
    ...result.inputs.flatMap((i) => i.warnings.map((w) => `${i.file}: ${w}`)),
    ...result.failures.map((f) => `Rule ${f.ruleId} failed to run (${f.origin}): ${f.message}`),
  ];

  const findingsView = findingsTable(active, remediation, link);
  const suppressedView = suppressedTable(suppressed, link);
  const tabList: Tab[] = [
    { id: "findings", label: "Findings", count: active.length, panel: viewSlot(findingsView.id) },
    { id: "suppressed", label: "Suppressed", count: suppressed.length, panel: viewSlot(suppressedView.id) },
  ];

  const body = [
    "<main>",
    header("planguard scan report", subtitle, verdict),
    notices(warnings),
    cards([
      ...SEVERITIES.map((s) => ({ label: SEVERITY_NAMES[s], value: counts.bySeverity[s], swatch: s, name: s })),
      { label: "Suppressed", value: counts.suppressed, name: "suppressed" },
      { label: "Not decided until apply", value: undecided, name: "undecided" },
    ]),
    `<h2>Findings by category and severity</h2>`,
    categoryChart(active),
    gpuSection(result),
    tabs("Findings", tabList),
    "</main>",
    footer(result.tool),
  ].join("\n");
  return htmlPage({ title: `planguard: ${verdict.text}`, body, data: { views: [findingsView, suppressedView] } });
}

/** Active, decided findings at or above the threshold: those that fail the scan. */
function failing(active: readonly Finding[], failOn: Severity): number {
  const min = severityRank(failOn);
  return active.filter((f) => !f.undecided && severityRank(f.severity) >= min).length;
}

function categoryChart(active: readonly Finding[]): string {
  if (active.length === 0) return `<p class="pg-empty">No active findings.</p>`;
  const byCategory = new Map<string, Record<Severity, number>>();
  for (const f of active) {
    let row = byCategory.get(f.category);
    if (!row) byCategory.set(f.category, (row = { critical: 0, high: 0, medium: 0, low: 0, info: 0 }));
    row[f.severity]++;
  }
  // The four pillars first, in their usual order, then any other category.
  const order = [
    ...CATEGORIES.filter((c) => byCategory.has(c)),
    ...[...byCategory.keys()].filter((c) => !(CATEGORIES as readonly string[]).includes(c)).sort(compareText),
  ];
  const chart = barChart(
    {
      title: "Active findings per category",
      categories: order,
      series: SEVERITIES.map((s) => ({ name: s, key: s, values: order.map((c) => byCategory.get(c)![s]) })),
    },
    true,
  );
  return `<div class="pg-grid">${chart}${ruleChart(active)}</div>`;
}

/** The ten rules with the most active findings, by severity. */
function ruleChart(active: readonly Finding[]): string {
  const byRule = new Map<string, Record<Severity, number>>();
  for (const f of active) {
    let row = byRule.get(f.ruleId);
    if (!row) byRule.set(f.ruleId, (row = { critical: 0, high: 0, medium: 0, low: 0, info: 0 }));
    row[f.severity]++;
  }
  const total = (r: Record<Severity, number>): number => SEVERITIES.reduce((n, s) => n + r[s], 0);
  const top = [...byRule.entries()].sort((a, b) => total(b[1]) - total(a[1]) || compareText(a[0], b[0])).slice(0, 10);
  return barChart(
    {
      title: byRule.size > 10 ? `The 10 rules with most findings (of ${byRule.size})` : "Active findings per rule",
      categories: top.map(([id]) => id),
      series: SEVERITIES.map((s) => ({ name: s, key: s, values: top.map(([, r]) => r[s]) })),
    },
    true,
  );
}

function gpuSection(result: ScanResult): string {
  const { before, after, undecided } = result.gpu;
  const head = `<h2>GPUs before and after the plan</h2>`;
  if (
    before.total === 0 &&
    after.total === 0 &&
    before.workloads.total === 0 &&
    after.workloads.total === 0 &&
    undecided.length === 0
  ) {
    return `${head}<p class="pg-empty">No GPUs or other accelerators in the plan.</p>`;
  }
  const delta = after.total - before.total;
  const total = `<p class="pg-gpu-total">Accelerators: <strong data-gpu="before">${formatGpus(before.total)}</strong> before → <strong data-gpu="after">${formatGpus(after.total)}</strong> after (${delta >= 0 ? "+" : ""}${formatGpus(delta)})${after.workloads.total > 0 || before.workloads.total > 0 ? `; Kubernetes workloads request ${formatGpus(before.workloads.total)} → ${formatGpus(after.workloads.total)} on those nodes` : ""}.</p>`;
  const charts = [
    gpuChart("By model", before, after, (t) => t.byModel),
    gpuChart("By team", before, after, (t) => t.byTeam),
    gpuChart("By environment", before, after, (t) => t.byEnvironment),
  ];
  const pending =
    undecided.length === 0
      ? ""
      : `<p class="pg-notice">${escapeHtml(`Known only after apply, not counted: ${undecided.slice(0, 20).join(", ")}${undecided.length > 20 ? ` and ${undecided.length - 20} more` : ""}.`)}</p>`;
  return `${head}${total}${pending}<div class="pg-grid">${charts.join("")}</div>`;
}

function gpuChart(
  title: string,
  before: GpuTally,
  after: GpuTally,
  pick: (t: GpuTally) => Record<string, number> | undefined,
): string {
  const b = pick(before) ?? {};
  const a = pick(after) ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort(
    (x, y) => Math.max(a[y] ?? 0, b[y] ?? 0) - Math.max(a[x] ?? 0, b[x] ?? 0) || compareText(x, y),
  );
  if (keys.length === 0)
    return `<figure class="pg-panel"><h3>${escapeHtml(title)}</h3><p class="pg-empty">None.</p></figure>`;
  return barChart(
    {
      title,
      categories: keys,
      series: [
        { name: "before", key: "before", values: keys.map((k) => b[k] ?? 0) },
        { name: "after", key: "after", values: keys.map((k) => a[k] ?? 0) },
      ],
    },
    false,
    true,
  );
}

function location(f: Finding, link: SourceLinker | undefined): Cell {
  if (!f.source) return f.file;
  const text = `${f.source.file}:${f.source.line}`;
  const href = link?.(f.source.file, f.source.line, f.source.endLine);
  return href ? [text, href] : text;
}

function message(f: Finding): string {
  return f.attribute ? `${f.message} (${f.attribute})` : f.message;
}

function findingsTable(
  findings: readonly Finding[],
  remediation: ReadonlyMap<string, string>,
  link: SourceLinker | undefined,
): TableView {
  const notes: string[] = [];
  const noteIds = new Map<string, number>();
  const rows: Cell[][] = findings.map((f) => [
    f.severity,
    f.category,
    f.ruleId,
    f.resource?.address ?? "(the whole plan)",
    message(f),
    location(f, link),
    noteIndex(notes, noteIds, remediation.get(f.ruleId)),
  ]);
  return {
    id: "findings",
    caption: "Active findings",
    columns: [
      { label: "Severity", kind: "severity" },
      { label: "Category", kind: "text", nowrap: true },
      { label: "Rule", kind: "code", nowrap: true },
      { label: "Resource", kind: "code", minWidth: 170 },
      { label: "Finding", kind: "text", minWidth: 220 },
      { label: "Where", kind: "link", minWidth: 160 },
      { label: "Remediation", kind: "note" },
    ],
    filters: [
      { column: 0, label: "Severity", options: optionsOf(rows, 0, SEVERITIES) },
      { column: 1, label: "Category", options: optionsOf(rows, 1, CATEGORIES) },
      { column: 2, label: "Rule", options: optionsOf(rows, 2) },
    ],
    search: [2, 3, 4, 5],
    rows,
    notes,
    pageSize: PAGE_SIZE,
    empty: "No active findings.",
  };
}

function suppressedTable(
  findings: readonly (Finding & { suppression: Suppression })[],
  link: SourceLinker | undefined,
): TableView {
  const rows: Cell[][] = findings.map((f) => [
    f.severity,
    f.ruleId,
    f.resource?.address ?? "(the whole plan)",
    message(f),
    f.suppression.kind,
    f.suppression.reason || "(no reason given)",
    f.suppression.expires ?? "never",
    f.suppression.origin ?? "",
    location(f, link),
  ]);
  return {
    id: "suppressed",
    caption: "Suppressed findings",
    columns: [
      { label: "Severity", kind: "severity" },
      { label: "Rule", kind: "code", nowrap: true },
      { label: "Resource", kind: "code", minWidth: 180 },
      { label: "Finding", kind: "text", minWidth: 200 },
      { label: "Suppressed by", kind: "text" },
      { label: "Reason", kind: "text", minWidth: 140 },
      { label: "Expires", kind: "text", nowrap: true },
      { label: "Written in", kind: "code", minWidth: 140 },
      { label: "Where", kind: "link", minWidth: 160 },
    ],
    filters: [
      { column: 0, label: "Severity", options: optionsOf(rows, 0, SEVERITIES) },
      { column: 4, label: "Suppressed by", options: optionsOf(rows, 4, ["inline", "waiver", "baseline"]) },
      { column: 1, label: "Rule", options: optionsOf(rows, 1) },
    ],
    search: [1, 2, 3, 5, 7],
    rows,
    notes: [],
    pageSize: PAGE_SIZE,
    empty: "No suppressed findings.",
  };
}
