import { fingerprintOf } from "../policy/fingerprint.js";
import type { Category, Finding, FindingResource, Severity } from "../policy/types.js";
import { DRIFT_APPEARED, DRIFT_CHANGED, DRIFT_DELETED, DRIFT_RESOLVED } from "./rules.js";
import type { DriftedResource, ElsewhereVerdict, Verdict } from "./types.js";

/**
 * The drift as findings, the shape SARIF and --fail-on already understand:
 * for each resource one PG-DRIFT-00x finding for what happened, one finding
 * under the violated rule's own id per violation the drift introduced, and
 * one PG-DRIFT-004 (info) per violation it resolved. Messages name
 * attribute paths, never values.
 */

/** Paths named in a message before "and N more". */
const MAX_PATHS_IN_MESSAGE = 5;

interface FindingInput {
  ruleId: string;
  severity: Severity;
  category: Category;
  message: string;
  resource?: FindingResource;
  attribute?: string;
  /** What tells this finding apart from others of its rule on the resource (default: the attribute). */
  fingerprintKey?: string;
  source?: DriftedResource["source"];
}

export function driftFindings(
  resources: readonly DriftedResource[],
  elsewhere: readonly ElsewhereVerdict[],
  file: string,
): Finding[] {
  const out: Finding[] = [];
  for (const r of resources) {
    const resource = { address: r.address, type: r.type, module: r.module };
    const base = r.status === "deleted" ? DRIFT_DELETED : r.status === "appeared" ? DRIFT_APPEARED : DRIFT_CHANGED;
    const common = { resource, ...(r.source ? { source: r.source } : {}) };
    out.push(
      toFinding(
        { ruleId: base.id, severity: base.severity, category: base.category, message: baseMessage(r), ...common },
        file,
      ),
    );
    for (const v of r.introduced) out.push(toFinding({ ...introduced(v, r.address), ...common }, file));
    for (const v of r.resolved) out.push(toFinding({ ...resolved(v, r.address), ...common }, file));
  }
  for (const v of elsewhere) {
    const input = v.change === "introduced" ? introduced(v) : resolved(v);
    if (v.address !== undefined) input.resource = { address: v.address, type: "", module: "" };
    out.push(toFinding(input, file));
  }
  return out;
}

function introduced(v: Verdict, address?: string): FindingInput {
  const where = address !== undefined ? ` on ${address}` : "";
  const input: FindingInput = {
    ruleId: v.ruleId,
    severity: v.severity,
    category: v.category,
    message: `Drift${where} introduces ${v.ruleId} (${v.title}): ${v.message}`,
  };
  if (v.attribute !== undefined) input.attribute = v.attribute;
  return input;
}

function resolved(v: Verdict, address?: string): FindingInput {
  const where = address !== undefined ? ` on ${address}` : "";
  return {
    ruleId: DRIFT_RESOLVED.id,
    severity: DRIFT_RESOLVED.severity,
    category: v.category,
    message: `Drift${where} resolved ${v.ruleId} (${v.title}); the configuration still has the violation.`,
    fingerprintKey: v.ruleId,
  };
}

function baseMessage(r: DriftedResource): string {
  const moved = r.previousAddress !== undefined ? ` (moved from ${r.previousAddress})` : "";
  switch (r.status) {
    case "deleted":
      return `${r.address}${moved} was deleted outside Terraform.`;
    case "appeared":
      return `${r.address} appeared in state since the baseline.`;
    case "changed": {
      const paths = r.changes.map((c) => c.path || "(the whole object)");
      const shown = paths.slice(0, MAX_PATHS_IN_MESSAGE).join(", ");
      const more = paths.length > MAX_PATHS_IN_MESSAGE ? ` and ${paths.length - MAX_PATHS_IN_MESSAGE} more` : "";
      const plan = r.affectsPlan ? " The plan depends on this drift." : "";
      return `${r.address}${moved} was changed outside Terraform: ${shown || "only ignored attributes"}${more}.${plan}`;
    }
  }
}

function toFinding(input: FindingInput, file: string): Finding {
  const f: Finding = {
    ruleId: input.ruleId,
    severity: input.severity,
    category: input.category,
    message: input.message,
    fingerprint: fingerprintOf(input.ruleId, input.resource?.address, input.fingerprintKey ?? input.attribute),
    file,
  };
  if (input.resource) f.resource = input.resource;
  if (input.attribute !== undefined) f.attribute = input.attribute;
  // The locator (src/source) fills DriftedResource.source; findings follow it.
  if (input.source) f.source = input.source;
  return f;
}
