import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "../cli/write.js";
import { describeFsError, InputError } from "../input-error.js";
import { fingerprintOf } from "../policy/fingerprint.js";
import { isSeverity, SEVERITIES, type Severity } from "../policy/types.js";
import type { DriftReport, DriftStatus } from "./types.js";

/**
 * Drift history: one JSON line per `planguard drift --history FILE` run, so
 * a scheduled job can show what keeps drifting. A record holds counts,
 * addresses, statuses, severities and fingerprints, never an attribute value
 * (so never a sensitive one) and never a message. The file is rewritten
 * whole through a temporary file and a rename, so a crash leaves the old
 * history or the new one; a last line cut short (a copy interrupted, a disk
 * that filled up) is dropped with a warning instead of failing the report.
 */

export const HISTORY_VERSION = 1;

export interface HistoryResource {
  address: string;
  type: string;
  status: DriftStatus;
  severity: Severity;
  /** fingerprintOf("drifted-resource", address): the resource's identity across runs. */
  fingerprint: string;
}

export interface HistoryFinding {
  ruleId: string;
  severity: Severity;
  /** The finding's own fingerprint (rule, address, attribute), as in SARIF and baselines. */
  fingerprint: string;
}

export interface HistoryRecord {
  v: typeof HISTORY_VERSION;
  /** When the run finished, ISO 8601 UTC. */
  time: string;
  mode: "plan" | "states";
  /** The files compared, as given on the command line. */
  inputs: string[];
  counts: {
    drifted: number;
    changed: number;
    deleted: number;
    appeared: number;
    ignored: number;
    introduced: number;
    resolved: number;
    bySeverity: Record<Severity, number>;
  };
  /** Rules that failed to run: the judgement of this run was incomplete. */
  failures: number;
  resources: HistoryResource[];
  findings: HistoryFinding[];
}

export function historyRecord(report: DriftReport, time: Date): HistoryRecord {
  const s = report.summary;
  return {
    v: HISTORY_VERSION,
    time: time.toISOString(),
    mode: report.mode,
    inputs: report.inputs.map((i) => i.file),
    counts: {
      drifted: s.drifted,
      changed: s.changed,
      deleted: s.deleted,
      appeared: s.appeared,
      ignored: s.ignored,
      introduced: s.introduced,
      resolved: s.resolved,
      bySeverity: { ...s.bySeverity },
    },
    failures: report.failures.length,
    resources: report.resources.map((r) => ({
      address: r.address,
      type: r.type,
      status: r.status,
      severity: r.severity,
      fingerprint: fingerprintOf("drifted-resource", r.address, undefined),
    })),
    findings: report.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, fingerprint: f.fingerprint })),
  };
}

export interface History {
  records: HistoryRecord[];
  /** A truncated last line that was left out, and similar. */
  warnings: string[];
}

/** Reads a history file; a missing file is an error here (the report needs one). */
export async function readHistory(file: string): Promise<History> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new InputError(file, describeFsError(err));
  }
  return parseHistory(file, text);
}

export function parseHistory(file: string, text: string): History {
  const history: History = { records: [], warnings: [] };
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    // Text after the last newline is a line cut short (or still being written).
    const last = i === lines.length - 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (last) {
        history.warnings.push(`${file}: line ${i + 1} is cut short (an interrupted write?); it is left out`);
        continue;
      }
      if (i === 0)
        throw new InputError(
          file,
          "not a planguard drift history (its first line is not JSON; expected one JSON record per line)",
        );
      throw new InputError(file, `line ${i + 1} is not valid JSON`);
    }
    history.records.push(checkRecord(file, i + 1, value));
  }
  return history;
}

function checkRecord(file: string, line: number, value: unknown): HistoryRecord {
  const where = `line ${line}`;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new InputError(file, `${where} is not a drift history record (not an object)`);
  const r = value as Partial<HistoryRecord>;
  if (r.v !== HISTORY_VERSION) {
    throw new InputError(
      file,
      `${where}: unknown drift history version ${JSON.stringify(r.v ?? null)} (this planguard reads version ${HISTORY_VERSION})`,
    );
  }
  const counts = r.counts;
  if (typeof r.time !== "string" || Number.isNaN(Date.parse(r.time)))
    throw new InputError(file, `${where}: "time" is not a date`);
  if (
    !counts ||
    typeof counts !== "object" ||
    typeof counts.drifted !== "number" ||
    typeof counts.bySeverity !== "object" ||
    counts.bySeverity === null
  ) {
    throw new InputError(file, `${where}: "counts" is missing or malformed`);
  }
  for (const s of SEVERITIES)
    if (typeof counts.bySeverity[s] !== "number")
      throw new InputError(file, `${where}: "counts.bySeverity.${s}" is not a number`);
  if (!Array.isArray(r.resources) || !Array.isArray(r.findings))
    throw new InputError(file, `${where}: "resources" and "findings" must be lists`);
  for (const res of r.resources) {
    if (
      typeof res !== "object" ||
      res === null ||
      typeof res.address !== "string" ||
      !isSeverity(res.severity) ||
      !["changed", "deleted", "appeared"].includes(res.status)
    ) {
      throw new InputError(file, `${where}: a resource entry is malformed`);
    }
  }
  return r as HistoryRecord;
}

/**
 * Appends a record: reads what is there (refusing a file that is not a
 * history), drops a truncated last line, and replaces the file atomically.
 */
export async function appendHistory(file: string, record: HistoryRecord): Promise<string[]> {
  let existing = "";
  try {
    existing = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw new InputError(file, describeFsError(err));
  }
  const { warnings } = parseHistory(file, existing);
  // The old lines are kept as they are; only a cut-short last line goes.
  let kept = existing;
  if (kept !== "" && !kept.endsWith("\n"))
    kept = warnings.length > 0 ? kept.slice(0, kept.lastIndexOf("\n") + 1) : kept + "\n";
  await writeFileAtomic(file, kept + JSON.stringify(record) + "\n");
  return warnings;
}
