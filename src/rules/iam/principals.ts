import type { InternetThreshold } from "../address-space.js";
import { conditionNarrowsCaller } from "./condition-narrowing.js";
import type { Statement } from "./policy-document.js";

/**
 * Whether a statement's Principal is everyone: "*", {"AWS": "*"} or a list
 * containing "*" (under any principal type).
 */
function isPublicPrincipal(principal: unknown): boolean {
  if (principal === "*") return true;
  if (!principal || typeof principal !== "object") return false;
  for (const value of Object.values(principal as Record<string, unknown>)) {
    const list = Array.isArray(value) ? value : [value];
    if (list.includes("*")) return true;
  }
  return false;
}

/** An Allow statement that admits every caller, and how. */
export interface PublicGrant {
  statement: Statement;
  /** "principal": Principal "*"; "not-principal": NotPrincipal, every principal but the ones it names. */
  via: "principal" | "not-principal";
}

/**
 * The Allow statements that let every caller act: a public Principal (or a
 * NotPrincipal) whose Condition does not narrow who the caller is (see
 * conditionNarrowsCaller: aws:SecureTransport or sts:ExternalId alone leave
 * it public; aws:PrincipalOrgID or aws:SourceVpce do not).
 */
export function publicGrants(statements: readonly Statement[], threshold?: InternetThreshold): PublicGrant[] {
  const out: PublicGrant[] = [];
  for (const s of statements) {
    if (s.effect !== "Allow") continue;
    const via = isPublicPrincipal(s.principals)
      ? "principal"
      : s.notPrincipal !== undefined && s.principals === undefined
        ? "not-principal"
        : undefined;
    if (via && !conditionNarrowsCaller(s.condition, threshold)) out.push({ statement: s, via });
  }
  return out;
}
