import { compareText } from "../policy/compare.js";
import { severityRank, type Severity } from "../policy/types.js";
import type { History, HistoryRecord, HistoryResource } from "./history.js";

/**
 * What a drift history says, computed once for every format of
 * `planguard report`: drift per run by severity, the resources that drift
 * most often, how long each drift stayed open, and what started drifting
 * since the run before. Runs are taken in time order, whatever the file's.
 */

export interface RunPoint {
  time: string;
  drifted: number;
  bySeverity: Record<Severity, number>;
  /** The run's judgement was incomplete (rules failed). */
  incomplete: boolean;
}

export interface FrequentDrifter {
  address: string;
  type: string;
  /** Runs in which it drifted. */
  runs: number;
  highest: Severity;
  lastSeen: string;
}

/** One stretch of consecutive runs in which a resource drifted. */
export interface DriftEpisode {
  address: string;
  type: string;
  /** The first run that saw it. */
  from: string;
  /** The first run that no longer saw it; absent while it is still open. */
  to?: string;
  open: boolean;
  runs: number;
  /** From `from` to `to`, or to the latest run while open. */
  durationMs: number;
  highest: Severity;
}

export interface HistorySummary {
  schemaVersion: 1;
  tool: { name: string; version: string };
  file: string;
  runs: RunPoint[];
  /** Every resource that drifted at least once, most often first. */
  mostDrifting: FrequentDrifter[];
  /** Open episodes first (longest first), then closed ones (longest first). */
  episodes: DriftEpisode[];
  /** Drifting in the latest run and not in the one before (all of them when there is one run). */
  newSincePrevious: HistoryResource[];
  /** Drifting in the run before and no longer in the latest. */
  resolvedSincePrevious: HistoryResource[];
  warnings: string[];
}

const higher = (a: Severity, b: Severity): Severity => (severityRank(a) >= severityRank(b) ? a : b);

export function summarizeHistory(
  history: History,
  file: string,
  tool: { name: string; version: string },
): HistorySummary {
  const runs = [...history.records].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const summary: HistorySummary = {
    schemaVersion: 1,
    tool,
    file,
    runs: runs.map((r) => ({
      time: r.time,
      drifted: r.counts.drifted,
      bySeverity: { ...r.counts.bySeverity },
      incomplete: (r.failures ?? 0) > 0,
    })),
    mostDrifting: mostDrifting(runs),
    episodes: episodes(runs),
    newSincePrevious: [],
    resolvedSincePrevious: [],
    warnings: [...history.warnings],
  };
  const latest = runs.at(-1);
  if (latest) {
    const previous = runs.length > 1 ? runs.at(-2)! : undefined;
    const before = new Set(previous?.resources.map((r) => r.address) ?? []);
    const now = new Set(latest.resources.map((r) => r.address));
    summary.newSincePrevious = latest.resources.filter((r) => !before.has(r.address));
    summary.resolvedSincePrevious = previous?.resources.filter((r) => !now.has(r.address)) ?? [];
  }
  return summary;
}

function mostDrifting(runs: readonly HistoryRecord[]): FrequentDrifter[] {
  const by = new Map<string, FrequentDrifter>();
  for (const run of runs) {
    for (const r of run.resources) {
      const seen = by.get(r.address);
      if (seen) {
        seen.runs++;
        seen.highest = higher(seen.highest, r.severity);
        seen.lastSeen = run.time;
      } else {
        by.set(r.address, { address: r.address, type: r.type, runs: 1, highest: r.severity, lastSeen: run.time });
      }
    }
  }
  return [...by.values()].sort(
    (a, b) => b.runs - a.runs || severityRank(b.highest) - severityRank(a.highest) || compareText(a.address, b.address),
  );
}

function episodes(runs: readonly HistoryRecord[]): DriftEpisode[] {
  const open = new Map<string, DriftEpisode>();
  const done: DriftEpisode[] = [];
  for (const run of runs) {
    const now = new Map(run.resources.map((r) => [r.address, r]));
    for (const [address, episode] of open) {
      if (now.has(address)) continue;
      episode.to = run.time;
      episode.open = false;
      episode.durationMs = Date.parse(run.time) - Date.parse(episode.from);
      done.push(episode);
      open.delete(address);
    }
    for (const r of now.values()) {
      const episode = open.get(r.address);
      if (episode) {
        episode.runs++;
        episode.highest = higher(episode.highest, r.severity);
      } else {
        open.set(r.address, {
          address: r.address,
          type: r.type,
          from: run.time,
          open: true,
          runs: 1,
          durationMs: 0,
          highest: r.severity,
        });
      }
    }
  }
  const last = runs.at(-1);
  const stillOpen = [...open.values()];
  for (const e of stillOpen) e.durationMs = last ? Date.parse(last.time) - Date.parse(e.from) : 0;
  const longest = (a: DriftEpisode, b: DriftEpisode) =>
    b.durationMs - a.durationMs || b.runs - a.runs || compareText(a.address, b.address);
  return [...stillOpen.sort(longest), ...done.sort(longest)];
}

/** "3 d 4 h", "5 h 12 min", "40 min", "0 min" */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} d${hours > 0 ? ` ${hours} h` : ""}`;
  if (hours > 0) return `${hours} h${minutes % 60 > 0 ? ` ${minutes % 60} min` : ""}`;
  return `${minutes} min`;
}
