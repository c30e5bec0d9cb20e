/**
 * Readers for plan values of unknown shape: each gives the value when it has
 * the expected type, else undefined (or an empty list), so that a hostile or
 * half-known plan reads as "not set" instead of throwing.
 */

/** A finite number; the Kubernetes provider keeps counts such as `replicas` as digit strings. */
export const num = (v: unknown): number | undefined => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\d+$/.test(v)) return Number(v);
  return undefined;
};

/** A non-empty string. */
export const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** A list (blocks and sets are lists in plan JSON); anything else reads as empty. */
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A map or object block. */
export const obj = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
