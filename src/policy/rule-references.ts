import { selectableNames } from "./select.js";
import type { RuleMetadata } from "./types.js";
import type { ConfigPath, ConfigSource, PlanguardConfig } from "../config/config.js";

/**
 * Rule ids the config names that no rule has, as id or alias: a typo in
 * `rules.disable` disables nothing, in `rules.severity` changes nothing, in
 * a waiver waives nothing, all silently. Each becomes a warning naming the
 * line. Warnings, not errors: a config shared by several pipelines may name
 * a rule that only some of them load (a --policy directory).
 */
export function unknownRuleReferences(
  config: PlanguardConfig,
  source: ConfigSource,
  known: readonly RuleMetadata[],
): string[] {
  // A config that names no rule (none disabled, no severity set, no waiver) refers to nothing unknown.
  if (
    !config.rules?.disable?.length &&
    Object.keys(config.rules?.severity ?? {}).length === 0 &&
    !config.waivers?.length
  )
    return [];
  const names = new Set(known.flatMap(selectableNames).map((n) => n.toUpperCase()));
  // A severity is the whole rule's: only its id and its aliases (equivalents) set one.
  const severityNames = new Set(known.flatMap((r) => [r.id, ...r.aliases]).map((n) => n.toUpperCase()));
  const warnings: string[] = [];
  const check = (id: string, at: ConfigPath, label: string, effect: string) => {
    if (names.has(id.trim().toUpperCase())) return;
    const hint = closest(id, known);
    warnings.push(
      `${source.placeOf(at)}: ${label} "${id}" is no rule id or alias planguard knows${hint ? ` (did you mean ${hint}?)` : ""}; it ${effect}`,
    );
  };
  for (const [i, id] of (config.rules?.disable ?? []).entries())
    check(id, ["rules", "disable", i], `rules.disable[${i}]`, "disables nothing");
  for (const id of Object.keys(config.rules?.severity ?? {})) {
    if (names.has(id.trim().toUpperCase()) && !severityNames.has(id.trim().toUpperCase())) {
      const rule = known.find((r) => selectableNames(r).some((n) => n.toUpperCase() === id.trim().toUpperCase()));
      warnings.push(
        `${source.placeOf(["rules", "severity", id])}: rules.severity "${id}" names a check that ${rule?.id ?? "a rule"} is related to or covers in part, not an equivalent; set the severity by the rule's id (${rule?.id ?? "see planguard rules"}); it changes no severity`,
      );
      continue;
    }
    check(id, ["rules", "severity", id], "rules.severity", "changes no severity");
  }
  for (const [i, w] of (config.waivers ?? []).entries())
    check(w.rule, ["waivers", i, "rule"], `waivers[${i}].rule`, "waives nothing");
  return warnings;
}

/** The known id nearest a mistyped one, when it is a near miss (at most two edits). */
export function closest(id: string, known: readonly RuleMetadata[]): string | undefined {
  const wanted = id.trim().toUpperCase();
  let best: { id: string; distance: number } | undefined;
  for (const r of known) {
    for (const name of selectableNames(r)) {
      const d = editDistance(wanted, name.toUpperCase(), 2);
      if (d <= 2 && (!best || d < best.distance)) best = { id: name, distance: d };
    }
  }
  return best?.id;
}

/** Levenshtein distance, given up past `limit` (returns limit + 1). */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      rowMin = Math.min(rowMin, row[j]!);
    }
    if (rowMin > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length]!;
}
