import type { PlanguardConfig } from "../config/config.js";
import type { RuleMetadata, Severity } from "./types.js";

/**
 * The config's say over rules: which are disabled (by id or by an alias such
 * as CKV_AWS_3, so a team migrating from Checkov keeps its list) and which
 * severities are overridden.
 */
export class RuleSelection {
  private readonly disabled: Set<string>;
  private readonly severities: Record<string, Severity>;

  constructor(config: PlanguardConfig) {
    this.disabled = new Set((config.rules?.disable ?? []).map((id) => id.toUpperCase()));
    this.severities = config.rules?.severity ?? {};
  }

  isEnabled(meta: RuleMetadata): boolean {
    if (this.disabled.has(meta.id.toUpperCase())) return false;
    return ![...meta.aliases, ...(meta.related ?? [])].some((a) => this.disabled.has(a.toUpperCase()));
  }

  severityOf(meta: RuleMetadata): Severity {
    return this.severities[meta.id] ?? meta.severity;
  }
}
