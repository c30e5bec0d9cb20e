import { formatDuration, type HistorySummary } from "../../drift/history-summary.js";
import { SEVERITIES } from "../../policy/types.js";
import { columnChart } from "./charts.js";
import { escapeHtml } from "./escape.js";
import { cards, footer, header, notices, tabs, viewSlot } from "./layout.js";
import { htmlPage } from "./page.js";
import { PAGE_SIZE } from "./scan.js";
import { optionsOf, type TableView } from "./view.js";

/** A run's time as people read it: "2026-12-07 03:17 UTC". */
const when = (iso: string): string => iso.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC");

/**
 * The drift history as one self-contained page: drift per run by severity,
 * what is new since the run before, what is still drifting and for how
 * long, and what drifts most often.
 */
export function formatHistoryHtml(summary: HistorySummary): string {
  const runs = summary.runs;
  const latest = runs.at(-1);
  const open = summary.episodes.filter((e) => e.open);
  const verdict = !latest
    ? { tone: "warn" as const, text: "No runs recorded yet" }
    : latest.drifted === 0
      ? { tone: "pass" as const, text: "No drift in the latest run" }
      : { tone: "fail" as const, text: `${latest.drifted} drifting in the latest run` };
  const subtitle = latest
    ? [
        `${summary.file}: ${runs.length} run${runs.length === 1 ? "" : "s"} from ${when(runs[0]!.time)} to ${when(latest.time)}`,
      ]
    : [summary.file];

  const views: TableView[] = [newView(summary), openView(summary), frequentView(summary), episodesView(summary)];
  const body = [
    "<main>",
    header("planguard drift history", subtitle, verdict),
    notices(summary.warnings),
    cards([
      { label: "Runs", value: runs.length, name: "runs" },
      { label: "Drifting now", value: latest?.drifted ?? 0, name: "drifting" },
      { label: "New since previous run", value: summary.newSincePrevious.length, name: "new" },
      { label: "No longer drifting", value: summary.resolvedSincePrevious.length, name: "resolved" },
      {
        label: "Oldest open drift",
        value: open.length > 0 ? formatDuration(open[0]!.durationMs) : "none",
        name: "oldest",
      },
      { label: "Resources ever drifted", value: summary.mostDrifting.length, name: "ever" },
    ]),
    "<h2>Drift over time</h2>",
    runs.length === 0
      ? `<p class="pg-empty">No runs yet: run <code>planguard drift … --history ${escapeHtml(summary.file)}</code> on a schedule.</p>`
      : `<div class="pg-grid">${columnChart({
          title: "Drifted resources per run, by severity",
          categories: runs.map((r) => when(r.time).slice(0, 10)),
          series: SEVERITIES.map((s) => ({ name: s, key: s, values: runs.map((r) => r.bySeverity[s]) })),
        })}</div>`,
    tabs("Drift history", [
      { id: "new", label: "New since previous run", count: summary.newSincePrevious.length, panel: viewSlot("new") },
      { id: "open", label: "Still drifting", count: open.length, panel: viewSlot("open") },
      { id: "frequent", label: "Drifting most often", count: summary.mostDrifting.length, panel: viewSlot("frequent") },
      {
        id: "episodes",
        label: "Every drift and how long it stayed open",
        count: summary.episodes.length,
        panel: viewSlot("episodes"),
      },
    ]),
    "</main>",
    footer(summary.tool),
  ].join("\n");
  return htmlPage({ title: `planguard drift history: ${verdict.text}`, body, data: { views } });
}

function newView(summary: HistorySummary): TableView {
  const rows = summary.newSincePrevious.map((r) => [r.severity, r.address, r.type, r.status]);
  return {
    id: "new",
    caption: "Resources drifting since the previous run",
    columns: [
      { label: "Severity", kind: "severity" },
      { label: "Resource", kind: "code" },
      { label: "Type", kind: "code" },
      { label: "What happened", kind: "text" },
    ],
    filters: [{ column: 0, label: "Severity", options: optionsOf(rows, 0, SEVERITIES) }],
    search: [1, 2],
    rows,
    notes: [],
    pageSize: PAGE_SIZE,
    empty: "Nothing started drifting since the previous run.",
  };
}

function openView(summary: HistorySummary): TableView {
  const rows = summary.episodes
    .filter((e) => e.open)
    .map((e) => [e.highest, e.address, when(e.from), formatDuration(e.durationMs), e.runs]);
  return {
    id: "open",
    caption: "Drift still open",
    columns: [
      { label: "Highest severity", kind: "severity" },
      { label: "Resource", kind: "code" },
      { label: "Drifting since", kind: "text" },
      { label: "For", kind: "text" },
      { label: "Runs", kind: "text" },
    ],
    filters: [{ column: 0, label: "Severity", options: optionsOf(rows, 0, SEVERITIES) }],
    search: [1],
    rows,
    notes: [],
    pageSize: PAGE_SIZE,
    empty: "Nothing is drifting now.",
  };
}

function frequentView(summary: HistorySummary): TableView {
  const total = summary.runs.length;
  const rows = summary.mostDrifting.map((d) => [
    d.highest,
    d.address,
    d.type,
    `${d.runs} of ${total}`,
    when(d.lastSeen),
  ]);
  return {
    id: "frequent",
    caption: "Resources by how often they drifted",
    columns: [
      { label: "Highest severity", kind: "severity" },
      { label: "Resource", kind: "code" },
      { label: "Type", kind: "code" },
      { label: "Runs drifted", kind: "text" },
      { label: "Last seen", kind: "text" },
    ],
    filters: [
      { column: 0, label: "Severity", options: optionsOf(rows, 0, SEVERITIES) },
      { column: 2, label: "Type", options: optionsOf(rows, 2) },
    ],
    search: [1, 2],
    rows,
    notes: [],
    pageSize: PAGE_SIZE,
    empty: "No resource has drifted yet.",
  };
}

function episodesView(summary: HistorySummary): TableView {
  const rows = summary.episodes.map((e) => [
    e.highest,
    e.address,
    e.open ? "open" : "resolved",
    when(e.from),
    e.to ? when(e.to) : "",
    formatDuration(e.durationMs),
    e.runs,
  ]);
  return {
    id: "episodes",
    caption: "Every drift and how long it stayed open",
    columns: [
      { label: "Highest severity", kind: "severity" },
      { label: "Resource", kind: "code" },
      { label: "State", kind: "text" },
      { label: "From", kind: "text" },
      { label: "Resolved by the run of", kind: "text" },
      { label: "Open for", kind: "text" },
      { label: "Runs", kind: "text" },
    ],
    filters: [
      { column: 2, label: "State", options: optionsOf(rows, 2, ["open", "resolved"]) },
      { column: 0, label: "Severity", options: optionsOf(rows, 0, SEVERITIES) },
    ],
    search: [1],
    rows,
    notes: [],
    pageSize: PAGE_SIZE,
    empty: "No drift recorded.",
  };
}
