import { nodeCrypto } from "../node-crypto.js";

/**
 * Telling whether a sensitive value changed without keeping it.
 *
 * The loader replaces every sensitive value with REDACTED before anything
 * else sees the document, so a rotated password looks the same before and
 * after. To still say "(sensitive value changed)", redaction records, for
 * each slot it blanks, an HMAC of the original value under a key made fresh
 * for this process. The digests are compared, never printed, and the key
 * never leaves memory, so they cannot be reversed or matched against a guess
 * from outside.
 *
 * Slots are identified by the redacted document's own container objects
 * (which the model shares, never copies) and the key inside them, so the
 * differ can ask "did this REDACTED change?" wherever it meets one.
 */

/** Made when the first value is redacted, not at start-up (most plans and every --help need none). */
let processKey: Buffer | undefined;

type Container = object;

export class SensitiveDigests {
  private readonly slots = new WeakMap<Container, Map<string, string>>();

  /** Records the digest of the original value at container[key], which redaction is about to blank. */
  record(container: object, key: string | number, original: unknown): void {
    let map = this.slots.get(container);
    if (!map) this.slots.set(container, (map = new Map()));
    map.set(String(key), digestOf(original));
  }

  /** The digest of the original value at container[key], when it was redacted. */
  get(container: unknown, key: string | number): string | undefined {
    if (container === null || typeof container !== "object") return undefined;
    return this.slots.get(container)?.get(String(key));
  }
}

/** For readers that never compare secrets (a scan): records nothing, answers nothing. */
export class DiscardedDigests extends SensitiveDigests {
  override record(): void {
    // A scan never compares sensitive values, so there is nothing to keep.
  }
}

function digestOf(value: unknown): string {
  return nodeCrypto()
    .createHmac("sha256", (processKey ??= nodeCrypto().randomBytes(32)))
    .update(stableJson(value))
    .digest("base64");
}

/** JSON with object keys sorted, so equal values digest equally whatever their key order. */
export function stableJson(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
}
