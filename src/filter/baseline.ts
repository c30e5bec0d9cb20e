import { InputError } from "../input-error.js";
import { MAX_BASELINE_BYTES, readTextUpTo } from "../plan/read-bounded.js";
import type { Finding } from "../policy/types.js";
import { compareText } from "../policy/compare.js";

/**
 * A baseline records the findings a team has accepted for now, by
 * fingerprint; with it, a scan fails only on new findings. Findings in the
 * baseline stay in every report, marked as suppressed by the baseline.
 */
export interface BaselineFile {
  planguardBaseline: 1;
  createdAt: string;
  findings: { fingerprint: string; ruleId: string; address?: string }[];
}

export function buildBaseline(findings: readonly Finding[], now: Date): BaselineFile {
  const seen = new Set<string>();
  const entries: BaselineFile["findings"] = [];
  for (const f of findings) {
    if (f.undecided || seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    entries.push(
      f.resource
        ? { fingerprint: f.fingerprint, ruleId: f.ruleId, address: f.resource.address }
        : { fingerprint: f.fingerprint, ruleId: f.ruleId },
    );
  }
  entries.sort((a, b) => compareText(a.ruleId, b.ruleId) || compareText(a.address ?? "", b.address ?? ""));
  return { planguardBaseline: 1, createdAt: now.toISOString(), findings: entries };
}

export async function readBaseline(file: string): Promise<Set<string>> {
  const text = await readTextUpTo(file, MAX_BASELINE_BYTES, "a baseline");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(file, "not a planguard baseline: invalid JSON (write one with --write-baseline)");
  }
  const d = data as Partial<BaselineFile> | null;
  if (d?.planguardBaseline !== 1 || !Array.isArray(d.findings)) {
    throw new InputError(file, "not a planguard baseline (write one with --write-baseline)");
  }
  return new Set(d.findings.map((f) => f?.fingerprint).filter((f): f is string => typeof f === "string"));
}

export function applyBaseline(findings: Finding[], fingerprints: ReadonlySet<string>, file: string): void {
  for (const f of findings) {
    if (!f.suppression && fingerprints.has(f.fingerprint))
      f.suppression = { kind: "baseline", reason: "in the baseline", origin: file };
  }
}
