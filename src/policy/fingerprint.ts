import { nodeCrypto } from "../node-crypto.js";

/**
 * A finding's identity across runs: the rule, the resource address and the
 * attribute; never the message (wording may change) or a line number (code
 * moves). Baselines and SARIF partialFingerprints rely on it.
 */
export function fingerprintOf(ruleId: string, address: string | undefined, attribute: string | undefined): string {
  return sha256Hex(`${ruleId}\u0000${address ?? ""}\u0000${attribute ?? ""}`).slice(0, 32);
}

/**
 * One-shot hashing (Node 20.12 and later) costs a third of a Hash object for
 * strings this short, and a large plan has thousands of findings; earlier
 * Node 20 releases lack it. Both give the same digest.
 */
function sha256Hex(text: string): string {
  const crypto = nodeCrypto();
  return typeof crypto.hash === "function"
    ? crypto.hash("sha256", text, "hex")
    : crypto.createHash("sha256").update(text).digest("hex");
}
