import { createHash } from "node:crypto";

/**
 * A finding's identity across runs: the rule, the resource address and the
 * attribute; never the message (wording may change) or a line number (code
 * moves). Baselines and SARIF partialFingerprints rely on it.
 */
export function fingerprintOf(ruleId: string, address: string | undefined, attribute: string | undefined): string {
  return createHash("sha256")
    .update(`${ruleId}\u0000${address ?? ""}\u0000${attribute ?? ""}`)
    .digest("hex")
    .slice(0, 32);
}
