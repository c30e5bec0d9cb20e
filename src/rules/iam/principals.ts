import type { Statement } from "./policy-document.js";

/**
 * Whether a statement's Principal is everyone: "*", {"AWS": "*"} or a list
 * containing "*". A Condition may narrow a public principal (to an org, a
 * source VPC, an account), so callers treat conditioned statements apart.
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

export function publicAllowStatements(statements: readonly Statement[]): Statement[] {
  return statements.filter((s) => s.effect === "Allow" && !s.hasCondition && isPublicPrincipal(s.principals));
}
