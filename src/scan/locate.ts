import { InputError } from "../input-error.js";
import type { Model } from "../plan/model.js";
import type { Finding } from "../policy/types.js";
import { SourceIndex, type InlineSuppression } from "../source/index.js";

/**
 * The locate stage: each finding gets the .tf file and line of its resource
 * block (or of the attribute inside it), and inline suppression comments in
 * the source apply to it, matched by rule id or by the rule's Checkov and
 * Trivy aliases.
 */
export interface SourceOptions {
  sourceDir: string;
  repoRoot: string;
}

/**
 * Finds the sources of one scanned document from what it says about its
 * root module (src/source/root-module.ts), when no directory was named;
 * undefined when there are none to be found.
 */
export type SourceResolver = (
  file: string,
  configuration: unknown,
  addresses: readonly string[],
) => Promise<SourceOptions | undefined>;

/** The sources of one document: the options as given, or the resolver's answer. */
export async function sourcesFor(
  source: SourceOptions | SourceResolver | undefined,
  file: string,
  configuration: unknown,
  addresses: () => readonly string[],
): Promise<SourceOptions | undefined> {
  return typeof source === "function" ? source(file, configuration, addresses()) : source;
}

/**
 * What the locate stage says about the suppression comments it reads: a
 * planguard:ignore naming no rule (a typo suppresses nothing, silently
 * otherwise) and an expired one that no longer hides its finding. Checkov,
 * Trivy and tfsec comments may be meant for those tools, so their ids are
 * not checked.
 */
export interface InlineChecks {
  /** Whether an id or alias names a rule planguard has, run or not. */
  isKnown(id: string): boolean;
  /** Filled in, each comment once, as "file:line: message". */
  warnings: string[];
  /** Comments already warned about (file:line:id). */
  reported: Set<string>;
}

export async function locateFindings(
  findings: readonly Finding[],
  model: Model,
  source: SourceOptions,
  aliasesOf: (ruleId: string) => readonly string[],
  today: string,
  checks?: InlineChecks,
): Promise<void> {
  // Nothing of this file to place (a clean plan): no .tf files are listed or read.
  if (!findings.some((f) => f.resource && f.file === model.file)) return;
  const index = await SourceIndex.build({ ...source, configuration: model.document["configuration"] });
  for (const f of findings) {
    if (!f.resource || f.file !== model.file) continue;
    const where = index.locate(f.resource.address, f.attribute);
    if (where) f.source = where;
    const suppressions = index.inlineSuppressions(f.resource.address);
    if (checks) checkSuppressions(suppressions, checks);
    if (f.suppression) continue;
    const ids = new Set([f.ruleId, ...aliasesOf(f.ruleId), ...(f.aliases ?? [])].map((id) => id.toUpperCase()));
    const mine = suppressions.filter((s) => ids.has(s.ruleId.toUpperCase()));
    const match = mine.find((s) => s.expires === undefined || s.expires >= today);
    if (match) {
      f.suppression = { kind: "inline", reason: match.reason, origin: `${match.file}:${match.line}` };
      if (match.expires !== undefined) f.suppression.expires = match.expires;
    } else if (checks) {
      for (const s of mine)
        once(
          checks,
          s,
          `the inline ignore of ${s.ruleId} expired on ${s.expires}; ${f.resource.address} is reported again`,
        );
    }
  }
}

function checkSuppressions(suppressions: readonly InlineSuppression[], checks: InlineChecks): void {
  for (const s of suppressions) {
    // A date that is no day: refused like any bad input, rather than guessed at.
    if (s.problem) throw new InputError(`${s.file}:${s.line}`, `the inline ignore of ${s.ruleId}: ${s.problem}`);
    if (s.form === "planguard" && !checks.isKnown(s.ruleId))
      once(
        checks,
        s,
        `planguard:ignore names "${s.ruleId}", no rule id or alias planguard knows; it suppresses nothing`,
      );
  }
}

function once(checks: InlineChecks, s: InlineSuppression, message: string): void {
  const key = `${s.file}:${s.line}:${s.ruleId}`;
  if (checks.reported.has(key)) return;
  checks.reported.add(key);
  checks.warnings.push(`${s.file}:${s.line}: ${message}`);
}
