import type { RuleMetadata, Severity } from "../policy/types.js";

/**
 * The drift findings' own rule ids. A drift that introduces a violation is
 * reported under the violated rule's id as well (see findings.ts).
 */

const DOCS = "https://github.com/planguard/planguard/blob/main/docs/drift.md";

function driftRule(
  id: string,
  title: string,
  severity: Severity,
  description: string,
  remediation: string,
): RuleMetadata {
  return {
    id,
    title,
    description,
    severity,
    category: "drift",
    providers: [],
    resourceTypes: [],
    compliance: [],
    remediation,
    helpUri: `${DOCS}#${id.toLowerCase()}`,
    aliases: [],
    language: "typescript",
    origin: "builtin",
  };
}

export const DRIFT_CHANGED = driftRule(
  "PG-DRIFT-001",
  "Resource changed outside Terraform",
  "low",
  "The resource's attributes in the cloud differ from what Terraform last applied: someone or something changed it by hand, by script or by another tool.",
  "Bring the change into the configuration (and apply), or apply the configuration to undo it; find out who made it and why.",
);

export const DRIFT_DELETED = driftRule(
  "PG-DRIFT-002",
  "Resource deleted outside Terraform",
  "medium",
  "A resource Terraform manages no longer exists: the next apply recreates it, or the configuration should drop it.",
  "Decide whether the resource should exist: apply to recreate it, or remove it from the configuration (and from state with `terraform state rm` or a `removed` block).",
);

export const DRIFT_APPEARED = driftRule(
  "PG-DRIFT-003",
  "Resource appeared in state",
  "low",
  "A resource is in the current state snapshot but was not in the baseline: it was created or imported since.",
  "Check that the resource was created or imported on purpose, and that the configuration describes it.",
);

export const DRIFT_RESOLVED = driftRule(
  "PG-DRIFT-004",
  "Drift resolved a policy violation",
  "info",
  "A change made outside Terraform removed a violation of a policy rule. Good news, but the configuration still says otherwise: the next apply brings the violation back.",
  "Make the same change in the configuration, so the next apply keeps the fix.",
);

export const DRIFT_RULES: readonly RuleMetadata[] = [DRIFT_CHANGED, DRIFT_DELETED, DRIFT_APPEARED, DRIFT_RESOLVED];
