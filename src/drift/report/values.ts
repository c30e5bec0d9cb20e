import type { AttributeChange, DriftedResource, DriftReport } from "../types.js";

/**
 * How a change's values read in every report. A sensitive change never
 * shows a value, whatever the loader left in it; values are compact JSON,
 * cut to a length a table cell can hold.
 */

const SENSITIVE_CHANGED = "(sensitive value changed)";
const KNOWN_AFTER_APPLY = "(known after apply)";
const ABSENT = "(absent)";

const MAX_VALUE_CHARS = 160;

function renderValue(value: unknown, max = MAX_VALUE_CHARS): string {
  const text = value === undefined ? ABSENT : (JSON.stringify(value) ?? String(value));
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

/** The before and after of a change as text, never a sensitive value. */
export function changeValues(c: AttributeChange, max = MAX_VALUE_CHARS): { before: string; after: string } {
  if (c.sensitive) {
    const what =
      c.action === "added"
        ? "(sensitive value added)"
        : c.action === "removed"
          ? "(sensitive value removed)"
          : SENSITIVE_CHANGED;
    return { before: what, after: what };
  }
  return {
    before: "before" in c ? renderValue(c.before, max) : ABSENT,
    after: c.unknown ? KNOWN_AFTER_APPLY : "after" in c ? renderValue(c.after, max) : ABSENT,
  };
}

/** One line: `~ path: before → after`, `+ path: after`, `- path: before`. */
export function changeLine(c: AttributeChange): string {
  const path = c.path || "(the whole object)";
  const plan = c.affectsPlan ? "  [the plan depends on it]" : "";
  if (c.sensitive) return `~ ${path}: ${changeValues(c).after}${plan}`;
  const { before, after } = changeValues(c);
  if (c.action === "added" && !("before" in c)) return `+ ${path}: ${after}${plan}`;
  if (c.action === "removed" && !("after" in c)) return `- ${path}: ${before}${plan}`;
  return `~ ${path}: ${before} → ${after}${plan}`;
}

export const STATUS_TEXT: Record<DriftedResource["status"], string> = {
  changed: "changed outside Terraform",
  deleted: "deleted outside Terraform",
  appeared: "appeared in state",
};

/** "4 drifted resources: 1 high, 1 medium, 2 low (3 changed, 1 deleted)." */
export function summaryLine(report: DriftReport): string {
  const s = report.summary;
  const ignored = s.ignored > 0 ? ` ${s.ignored} more drifted only in ignored attributes.` : "";
  if (s.drifted === 0) return `No drift.${ignored}`;
  const bySeverity = Object.entries(s.bySeverity)
    .filter(([, n]) => n > 0)
    .map(([sev, n]) => `${n} ${sev}`);
  const byStatus = (["changed", "deleted", "appeared"] as const).filter((k) => s[k] > 0).map((k) => `${s[k]} ${k}`);
  const noun = s.drifted === 1 ? "drifted resource" : "drifted resources";
  return `${s.drifted} ${noun}: ${bySeverity.join(", ")} (${byStatus.join(", ")}).${ignored}`;
}

/** What was compared: "plan.json (plan, Terraform 1.9.5)" or "old.json → new.json". */
export function inputsLine(report: DriftReport): string {
  const describe = (i: DriftReport["inputs"][number]) =>
    `${i.file} (${i.kind}${i.terraformVersion ? `, Terraform ${i.terraformVersion}` : ""})`;
  return report.mode === "plan" ? describe(report.inputs[0]!) : report.inputs.map(describe).join(" → ");
}
