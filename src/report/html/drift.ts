import { verdictOf } from "../../scan/verdict.js";
import type { DriftedResource, DriftReport, Verdict } from "../../drift/types.js";
import { changeLine, inputsLine, summaryLine } from "../../drift/report/values.js";
import { compareText } from "../../policy/compare.js";
import { SEVERITIES, type Severity } from "../../policy/types.js";
import { plural } from "../summary.js";
import { barChart } from "./charts.js";
import { cards, footer, header, notices, tabs, viewSlot } from "./layout.js";
import type { SourceLinker } from "./links.js";
import { htmlPage } from "./page.js";
import { PAGE_SIZE, type HtmlOptions } from "./scan.js";
import { optionsOf, type Cell, type TableView } from "./view.js";

const STATUSES = ["changed", "deleted", "appeared"] as const;

/**
 * A drift report as one self-contained HTML page: what drifted, how badly,
 * and each resource's attribute changes and the verdicts the drift changed.
 * Values are the drift report's own: already redacted, never a sensitive one
 * (changeLine prints "(sensitive value changed)" instead).
 */
export function formatDriftHtml(report: DriftReport, options: HtmlOptions = {}): string {
  const failOn = options.failOn ?? "low";
  const s = report.summary;
  const verdict =
    report.failures.length > 0
      ? { tone: "warn" as const, text: `Incomplete: ${plural(report.failures.length, "rule")} failed to run` }
      : verdictOf(report, { failOn, softFail: false }).exitCode === 1
        ? { tone: "fail" as const, text: `Drift at or above ${failOn}` }
        : s.drifted === 0
          ? { tone: "pass" as const, text: "No drift" }
          : { tone: "pass" as const, text: `Drift below --fail-on ${failOn}` };
  const warnings = [
    ...report.inputs.flatMap((i) => i.warnings.map((w) => `${i.file}: ${w}`)),
    ...report.failures.map((f) => `Rule ${f.ruleId} failed to run (${f.origin}): ${f.message}`),
    ...report.elsewhere.map(
      (v) => `Drift ${v.change} ${v.ruleId} on ${v.address ?? "the whole configuration"}: ${v.message}`,
    ),
  ];
  const view = resourcesTable(report.resources, options.link);
  const body = [
    "<main>",
    header("planguard drift report", [`Compared: ${inputsLine(report)}`, summaryLine(report)], verdict),
    notices(warnings),
    cards([
      { label: "Drifted", value: s.drifted, name: "drifted" },
      ...SEVERITIES.map((sev) => ({
        label: sev[0]!.toUpperCase() + sev.slice(1),
        value: s.bySeverity[sev],
        swatch: sev,
        name: sev,
      })),
      { label: "Changed", value: s.changed, name: "changed" },
      { label: "Deleted", value: s.deleted, name: "deleted" },
      { label: "Appeared", value: s.appeared, name: "appeared" },
      { label: "New violations", value: s.introduced, name: "introduced" },
      { label: "Ignored only", value: s.ignored, name: "ignored" },
    ]),
    "<h2>What drifted</h2>",
    charts(report.resources),
    tabs("Drift", [
      { id: "drift", label: "Drifted resources", count: report.resources.length, panel: viewSlot(view.id) },
    ]),
    "</main>",
    footer(report.tool),
  ].join("\n");
  return htmlPage({ title: `planguard drift: ${verdict.text}`, body, data: { views: [view] } });
}

function charts(resources: readonly DriftedResource[]): string {
  if (resources.length === 0) return `<p class="pg-empty">Nothing drifted.</p>`;
  const count = (key: (r: DriftedResource) => string, keys: readonly string[]) =>
    SEVERITIES.map((sev) => ({
      name: sev,
      key: sev,
      values: keys.map((k) => resources.filter((r) => r.severity === sev && key(r) === k).length),
    }));
  const statuses = STATUSES.filter((st) => resources.some((r) => r.status === st));
  const byType = new Map<string, number>();
  for (const r of resources) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
  const types = [...byType.entries()]
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
    .slice(0, 10)
    .map(([t]) => t);
  return `<div class="pg-grid">${barChart({ title: "Drifted resources by what happened", categories: [...statuses], series: count((r) => r.status, statuses) }, true)}${barChart(
    {
      title: byType.size > 10 ? `The 10 resource types drifting most (of ${byType.size})` : "Drifted resources by type",
      categories: types,
      series: count((r) => r.type, types),
    },
    true,
  )}</div>`;
}

function judgement(r: DriftedResource): string[] {
  const line = (kind: string, v: Verdict) => `${kind} ${v.ruleId} (${v.severity}): ${v.message}`;
  return [...r.introduced.map((v) => line("introduced", v)), ...r.resolved.map((v) => line("resolved", v))];
}

function where(r: DriftedResource, link: SourceLinker | undefined): Cell {
  if (!r.source) return null;
  const text = `${r.source.file}:${r.source.line}`;
  const href = link?.(r.source.file, r.source.line, r.source.endLine);
  return href ? [text, href] : text;
}

function resourcesTable(resources: readonly DriftedResource[], link: SourceLinker | undefined): TableView {
  const rows: Cell[][] = resources.map((r) => {
    const changes = r.changes.map(changeLine);
    if (r.ignoredChanges > 0) changes.push(`(${plural(r.ignoredChanges, "ignored change")})`);
    return [
      r.severity satisfies Severity,
      [r.address, ...(r.previousAddress ? [`moved from ${r.previousAddress}`] : []), ...(r.id ? [`id ${r.id}`] : [])],
      r.type,
      r.status,
      changes,
      judgement(r),
      where(r, link),
    ];
  });
  return {
    id: "drift",
    caption: "Drifted resources",
    columns: [
      { label: "Severity", kind: "severity" },
      { label: "Resource", kind: "list", minWidth: 220 },
      { label: "Type", kind: "code", minWidth: 120 },
      { label: "What happened", kind: "text" },
      { label: "Changes", kind: "list", minWidth: 260 },
      { label: "Verdicts changed", kind: "list", minWidth: 200 },
      { label: "Where", kind: "link", minWidth: 150 },
    ],
    filters: [
      { column: 0, label: "Severity", options: optionsOf(rows, 0, SEVERITIES) },
      { column: 3, label: "What happened", options: optionsOf(rows, 3, STATUSES) },
      { column: 2, label: "Type", options: optionsOf(rows, 2) },
    ],
    search: [1, 4, 5],
    rows,
    notes: [],
    pageSize: PAGE_SIZE,
    empty: "No drift: every resource matches its state.",
  };
}
