import type { PlanguardConfig } from "../config/config.js";
import type { Finding, RuleMetadata, Severity } from "./types.js";

/**
 * Which rules run and at what severity: the config's `rules.disable` and
 * `rules.severity`, and the command line's --rule / --skip-rule. Every list
 * takes a planguard id or an alias (CKV_AWS_3, AVD-AWS-0026), in any case,
 * so a team migrating from Checkov or Trivy keeps its lists.
 */
export interface CommandLineSelection {
  /** --rule: only these run (empty: all). */
  only?: readonly string[];
  /** --skip-rule: these do not run. */
  skip?: readonly string[];
}

export class RuleSelection {
  private readonly disabled: Set<string>;
  private readonly only: Set<string>;
  private readonly severities: Map<string, Severity>;
  /** severityOf runs once per finding; a plan can have 100k of them. */
  private readonly severityCache = new WeakMap<RuleMetadata, Severity>();

  constructor(config: PlanguardConfig, cli: CommandLineSelection = {}) {
    this.disabled = new Set([...(config.rules?.disable ?? []), ...(cli.skip ?? [])].map(normalize));
    this.only = new Set((cli.only ?? []).map(normalize));
    this.severities = new Map(Object.entries(config.rules?.severity ?? {}).map(([id, s]) => [normalize(id), s]));
  }

  isEnabled(meta: RuleMetadata): boolean {
    // Nothing disabled or selected, as in most runs: every rule runs (and no list is built per rule per scan).
    if (this.disabled.size === 0 && this.only.size === 0) return true;
    // Related ids are not equivalents, but a rule disabled by one stays off, as a suppression by one holds.
    if ([...namesOf(meta), ...(meta.related ?? []).map(normalize)].some((n) => this.disabled.has(n))) return false;
    return (
      this.only.size === 0 ||
      [...namesOf(meta), ...(meta.related ?? []).map(normalize)].some((n) => this.only.has(n)) ||
      // Selected by a narrower check's id: the rule runs, and keepsFinding keeps that check's findings.
      (meta.narrower ?? []).some((n) => this.only.has(normalize(n)))
    );
  }

  /**
   * Whether a finding of an enabled rule stays: a narrower check's id in
   * `rules.disable` or --skip-rule drops the findings that name it, and a
   * rule that runs only because --rule named one of its narrower checks keeps
   * only the findings that name one.
   */
  keepsFinding(meta: RuleMetadata, finding: Pick<Finding, "aliases">): boolean {
    // The common case, on every finding of a large plan: no --rule list, and nothing named that could be disabled.
    if (this.only.size === 0 && (finding.aliases === undefined || this.disabled.size === 0)) return true;
    const named = (finding.aliases ?? []).map(normalize);
    if (named.some((n) => this.disabled.has(n))) return false;
    if (this.only.size === 0) return true;
    if ([...namesOf(meta), ...(meta.related ?? []).map(normalize)].some((n) => this.only.has(n))) return true;
    return named.some((n) => this.only.has(n));
  }

  /** The override keyed by the rule's id wins over one keyed by an alias. */
  severityOf(meta: RuleMetadata): Severity {
    let severity = this.severityCache.get(meta);
    if (severity === undefined) {
      severity = meta.severity;
      for (const name of this.severities.size > 0 ? namesOf(meta) : []) {
        const s = this.severities.get(name);
        if (s !== undefined) {
          severity = s;
          break;
        }
      }
      this.severityCache.set(meta, severity);
    }
    return severity;
  }
}

function namesOf(meta: RuleMetadata): string[] {
  return [meta.id, ...meta.aliases].map(normalize);
}

/**
 * Every name a selection, suppression or waiver may give a rule: its id, its
 * aliases, and the ids of the checks it is related to or covers in part.
 */
export function selectableNames(meta: RuleMetadata): string[] {
  return [meta.id, ...meta.aliases, ...(meta.related ?? []), ...(meta.narrower ?? [])];
}

function normalize(id: string): string {
  return id.trim().toUpperCase();
}
