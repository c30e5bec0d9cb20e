import { SEVERITIES } from "../../policy/types.js";
import { formatDuration, type HistorySummary } from "../history-summary.js";

/**
 * The drift history for a job summary or an issue: the latest runs as a
 * table, what is new, what drifts most, and the open drifts with their age.
 * Long lists are cut to keep it well under GitHub's 65,536 characters; the
 * JSON report has everything.
 */

const MAX_RUNS = 30;
const MAX_ROWS = 25;

const code = (s: string) => "`" + s.replace(/`/g, "'").replace(/[\r\n|]/g, " ") + "`";
const day = (iso: string) => iso.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC");

export function formatHistoryMarkdown(summary: HistorySummary): string {
  const out: string[] = ["## planguard drift history", ""];
  const runs = summary.runs;
  if (runs.length === 0) {
    out.push(`No runs recorded in ${code(summary.file)} yet.`, "");
    return out.join("\n");
  }
  const latest = runs.at(-1)!;
  const open = summary.episodes.filter((e) => e.open);
  out.push(
    `${runs.length} run${runs.length === 1 ? "" : "s"} from ${day(runs[0]!.time)} to ${day(latest.time)}. ` +
      `The latest found ${latest.drifted} drifted resource${latest.drifted === 1 ? "" : "s"}; ` +
      `${summary.newSincePrevious.length} newly drifting, ${summary.resolvedSincePrevious.length} no longer drifting since the run before.`,
    "",
  );
  for (const w of summary.warnings) out.push(`> ⚠️ ${w}`, "");

  out.push(
    "### Drift per run",
    "",
    `| run | drifted | ${SEVERITIES.join(" | ")} |`,
    `| --- | ---: | ${SEVERITIES.map(() => "---:").join(" | ")} |`,
  );
  const shown = runs.slice(-MAX_RUNS).reverse();
  for (const r of shown)
    out.push(
      `| ${day(r.time)}${r.incomplete ? " (incomplete)" : ""} | ${r.drifted} | ${SEVERITIES.map((s) => r.bySeverity[s]).join(" | ")} |`,
    );
  if (runs.length > shown.length) out.push("", `_${runs.length - shown.length} older runs are left out._`);
  out.push("");

  out.push("### Newly drifting since the previous run", "");
  if (summary.newSincePrevious.length === 0) out.push("None.", "");
  else {
    out.push("| severity | resource | what happened |", "| --- | --- | --- |");
    for (const r of summary.newSincePrevious.slice(0, MAX_ROWS))
      out.push(`| ${r.severity} | ${code(r.address)} | ${r.status} |`);
    more(out, summary.newSincePrevious.length);
  }

  out.push("### Still drifting", "");
  if (open.length === 0) out.push("Nothing: every drift seen has been resolved.", "");
  else {
    out.push("| resource | drifting since | for | runs | highest |", "| --- | --- | --- | ---: | --- |");
    for (const e of open.slice(0, MAX_ROWS))
      out.push(`| ${code(e.address)} | ${day(e.from)} | ${formatDuration(e.durationMs)} | ${e.runs} | ${e.highest} |`);
    more(out, open.length);
  }

  out.push("### Drifting most often", "");
  out.push("| resource | runs drifted | of | highest | last seen |", "| --- | ---: | ---: | --- | --- |");
  for (const d of summary.mostDrifting.slice(0, MAX_ROWS))
    out.push(`| ${code(d.address)} | ${d.runs} | ${runs.length} | ${d.highest} | ${day(d.lastSeen)} |`);
  more(out, summary.mostDrifting.length);

  const closed = summary.episodes.filter((e) => !e.open);
  if (closed.length > 0) {
    out.push(
      "### Resolved drift: how long it stayed open",
      "",
      "| resource | from | to | open for | runs |",
      "| --- | --- | --- | --- | ---: |",
    );
    for (const e of closed.slice(0, MAX_ROWS))
      out.push(`| ${code(e.address)} | ${day(e.from)} | ${day(e.to!)} | ${formatDuration(e.durationMs)} | ${e.runs} |`);
    more(out, closed.length);
  }
  return out.join("\n");
}

function more(out: string[], total: number): void {
  if (total > MAX_ROWS) out.push("", `_${total - MAX_ROWS} more are left out; the JSON report has all of them._`);
  out.push("");
}
