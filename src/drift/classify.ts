import type { PathStep } from "../plan/paths.js";
import { REDACTED } from "../plan/redact.js";
import { severityRank, type Severity } from "../policy/types.js";
import type { DriftIgnore } from "./ignore.js";
import type { DriftPair, RelevantAttribute } from "./pairs.js";
import type { AttributeChange, DriftedResource, Verdict } from "./types.js";
import { compareText } from "../policy/compare.js";

/**
 * One drifted resource as reported: its changes minus the ignored ones, the
 * verdicts its drift changed, whether the plan depends on it, and how
 * severe it is. Returns undefined when there is nothing to report.
 *
 * Severity: a plain change or an appearance is low; a deletion at least
 * medium; a drift that introduces a violation takes that rule's severity.
 * A resolved violation does not raise it. An ignored attribute never hides
 * a drift that changes a rule's verdict.
 */
export function classify(
  pair: DriftPair,
  changes: readonly AttributeChange[],
  verdicts: { introduced: Verdict[]; resolved: Verdict[] },
  ignore: DriftIgnore,
  relevant: readonly RelevantAttribute[],
): { resource?: DriftedResource; ignoredOnly: boolean } {
  const r = pair.resource;
  const kept = changes.filter((c) => !ignore.ignores(r.type, c.steps));
  const ignoredChanges = changes.length - kept.length;
  const verdictChanged = verdicts.introduced.length + verdicts.resolved.length > 0;
  if (pair.status === "changed" && kept.length === 0 && !verdictChanged) return { ignoredOnly: ignoredChanges > 0 };

  const relevantHere = relevant.filter((ra) => ra.resource === r.address || ra.resource === pair.previousAddress);
  for (const c of kept) if (relevantHere.some((ra) => overlaps(ra.attribute, c.steps))) c.affectsPlan = true;
  const affectsPlan = pair.status === "changed" ? kept.some((c) => c.affectsPlan) : relevantHere.length > 0;

  const base: Severity = pair.status === "deleted" ? "medium" : "low";
  const severity = verdicts.introduced.reduce<Severity>(
    (s, v) => (severityRank(v.severity) > severityRank(s) ? v.severity : s),
    base,
  );
  const resource: DriftedResource = {
    address: r.address,
    type: r.type,
    module: r.moduleAddress,
    provider: r.provider,
    status: pair.status,
    severity,
    affectsPlan,
    changes: kept,
    ignoredChanges,
    introduced: verdicts.introduced,
    resolved: verdicts.resolved,
  };
  if (pair.previousAddress !== undefined) resource.previousAddress = pair.previousAddress;
  const id = pair.after.values?.["id"] ?? pair.before.values?.["id"];
  if (typeof id === "string" && id !== REDACTED) resource.id = id;
  return { resource, ignoredOnly: false };
}

/** One path lies within the other: drift of `tags` affects a plan reading `tags.Owner`, and the reverse. */
function overlaps(a: readonly PathStep[], b: readonly PathStep[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (String(a[i]) !== String(b[i])) return false;
  return true;
}

/** Most severe first; then more introduced violations, deletions before changes, and the address. */
export function byRisk(a: DriftedResource, b: DriftedResource): number {
  const statusOrder = { deleted: 0, changed: 1, appeared: 2 } as const;
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    b.introduced.length - a.introduced.length ||
    Number(b.affectsPlan) - Number(a.affectsPlan) ||
    statusOrder[a.status] - statusOrder[b.status] ||
    compareText(a.address, b.address)
  );
}
