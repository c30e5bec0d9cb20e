import { createHmac, randomBytes } from "node:crypto";
import { REDACTED } from "../plan/redact.js";

/**
 * Telling whether a sensitive value changed without keeping it.
 *
 * The loader replaces every sensitive value with REDACTED before anything
 * else sees the document, so a rotated password looks the same before and
 * after. To still say "(sensitive value changed)", the drift loader walks the
 * redacted document beside an unredacted parse of the same bytes and keeps,
 * for each redacted slot, an HMAC of the original value under a key made
 * fresh for this process. The unredacted parse is then dropped; the digests
 * are compared, never printed, and the key never leaves memory, so they
 * cannot be reversed or matched against a guess from outside.
 *
 * Slots are identified by the redacted document's own container objects
 * (which the model shares, never copies) and the key inside them, so the
 * differ can ask "did this REDACTED change?" wherever it meets one.
 */

const PROCESS_KEY = randomBytes(32);

type Container = object;

export class SensitiveDigests {
  private readonly slots = new WeakMap<Container, Map<string, string>>();

  /** Records digests for every REDACTED slot of `redacted`, reading originals from `raw`. */
  static collect(redacted: unknown, raw: unknown): SensitiveDigests {
    const digests = new SensitiveDigests();
    digests.walk(redacted, raw, 0);
    return digests;
  }

  /** The digest of the original value at container[key], when it was redacted. */
  get(container: unknown, key: string | number): string | undefined {
    if (container === null || typeof container !== "object") return undefined;
    return this.slots.get(container)?.get(String(key));
  }

  private walk(redacted: unknown, raw: unknown, depth: number): void {
    // The loader refuses absurd nesting before this runs; the bound is a second guard.
    if (depth > 500 || redacted === null || typeof redacted !== "object" || raw === null || typeof raw !== "object") return;
    const entries: [string, unknown][] = Array.isArray(redacted) ? redacted.map((v, i) => [String(i), v]) : Object.entries(redacted);
    for (const [key, value] of entries) {
      const original = (raw as Record<string, unknown>)[key];
      if (value === REDACTED && original !== REDACTED) {
        let map = this.slots.get(redacted);
        if (!map) this.slots.set(redacted, (map = new Map()));
        map.set(key, digestOf(original));
      } else if (value !== null && typeof value === "object") {
        this.walk(value, original, depth + 1);
      }
    }
  }
}

/** Whether a document holds any redacted value (else the second parse is skipped). */
export function containsRedacted(value: unknown, depth = 0): boolean {
  if (value === REDACTED) return true;
  if (depth > 500 || value === null || typeof value !== "object") return false;
  const values = Array.isArray(value) ? value : Object.values(value);
  return values.some((v) => containsRedacted(v, depth + 1));
}

function digestOf(value: unknown): string {
  return createHmac("sha256", PROCESS_KEY).update(stableJson(value)).digest("base64");
}

/** JSON with object keys sorted, so equal values digest equally whatever their key order. */
export function stableJson(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
}
