import type { Waiver } from "../config/config.js";
import type { Finding, RuleMetadata } from "../policy/types.js";
import { fingerprintOf } from "../policy/fingerprint.js";
import { addressMatcher } from "./address-glob.js";

/**
 * Waivers from the config: a rule (id or alias), a resource address pattern,
 * a reason and an expiry date. A waiver past its date stops suppressing and
 * is itself reported, so that exceptions do not outlive their reason.
 */
export const EXPIRED_WAIVER_RULE: RuleMetadata = {
  id: "PG-CONFIG-001",
  title: "A waiver has expired",
  description:
    "A waiver in the planguard config is past its expiry date, so it no longer suppresses the findings it covered.",
  severity: "low",
  category: "config",
  providers: [],
  resourceTypes: [],
  compliance: [],
  remediation: "Fix the findings the waiver covered, or renew the waiver with a new reason and date.",
  aliases: [],
  language: "typescript",
  origin: "builtin",
};

export interface WaiverOutcome {
  /** Findings for waivers that have expired. */
  expired: Finding[];
}

interface CompiledWaiver {
  waiver: Waiver;
  index: number;
  matchesAddress: (address: string) => boolean;
  expired: boolean;
}

export function applyWaivers(
  findings: Finding[],
  waivers: readonly Waiver[],
  aliasesOf: (ruleId: string) => readonly string[],
  configFile: string,
  today: string,
  /** The line each waiver starts on, so that reports point at it. */
  lineOf: (index: number) => number | undefined = () => undefined,
): WaiverOutcome {
  const compiled: CompiledWaiver[] = waivers.map((waiver, index) => ({
    waiver,
    index,
    matchesAddress: addressMatcher(waiver.resource ?? "*"),
    expired: waiver.expires !== undefined && waiver.expires < today,
  }));
  for (const f of findings) {
    if (f.suppression) continue;
    const ids = [f.ruleId, ...aliasesOf(f.ruleId), ...(f.aliases ?? [])].map((id) => id.toUpperCase());
    const match = compiled.find(
      (w) => !w.expired && ids.includes(w.waiver.rule.toUpperCase()) && w.matchesAddress(f.resource?.address ?? ""),
    );
    if (match) {
      f.suppression = {
        kind: "waiver",
        reason: match.waiver.reason,
        origin: `${placeOf(configFile, lineOf(match.index))} (waivers[${match.index}])`,
      };
      if (match.waiver.expires !== undefined) f.suppression.expires = match.waiver.expires;
    }
  }
  const expired = compiled
    .filter((w) => w.expired)
    .map((w): Finding => {
      const finding: Finding = {
        ruleId: EXPIRED_WAIVER_RULE.id,
        severity: EXPIRED_WAIVER_RULE.severity,
        category: EXPIRED_WAIVER_RULE.category,
        message: `The waiver of ${w.waiver.rule} for ${w.waiver.resource ?? "*"} expired on ${w.waiver.expires} ("${w.waiver.reason}"); it no longer suppresses anything.`,
        fingerprint: fingerprintOf(EXPIRED_WAIVER_RULE.id, `waivers[${w.index}]`, w.waiver.rule),
        file: configFile,
      };
      // Annotations and SARIF point at the waiver itself, not at line 1 of the config.
      const line = lineOf(w.index);
      if (line !== undefined) finding.source = { file: configFile, line };
      return finding;
    });
  return { expired };
}

function placeOf(file: string, line: number | undefined): string {
  return line === undefined ? file : `${file}:${line}`;
}
