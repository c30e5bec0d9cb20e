import type { Reference } from "../plan/graph.js";
import { attr, isUnknown, referencesFrom, type Model, type Resource } from "../plan/model.js";
import type { AttributePath } from "../plan/paths.js";
import { leftToDefault, tableEntry, type ProviderDefault } from "./defaults.js";
import { toSteps } from "../plan/paths.js";

/**
 * What a rule can know about one attribute after the change: a value, or a
 * value known only after apply (with the resources its expression refers to,
 * so `kms_key_id = aws_kms_key.k.arn` can count as "a customer key"), or
 * nothing at all.
 */
export type AttributeReading =
  | {
      state: "known";
      value: unknown;
      /** Set when the value is the provider's documented default for an attribute the configuration leaves out. */
      default?: ProviderDefault;
    }
  | {
      state: "unknown";
      references: Reference[];
      /**
       * False when the configuration does not set the attribute at all: the
       * provider computes it (a default security group, a default key
       * policy), so there is nothing the author wrote to judge.
       */
      configured: boolean;
    }
  | { state: "absent" };

export function readAttribute(model: Model, r: Resource, path: AttributePath): AttributeReading {
  // Each question is answered once (the mask, the value, the table): rules ask this for every
  // resource they judge. The table has an entry for few attributes (provider-defaults.json).
  const entry = tableEntry(r.type, path);
  if (isUnknown(r, path)) {
    const expressions = model.graph.expressionsOf(r.configAddress);
    // Left out of the configuration: the provider's documented default, known now.
    if (entry !== undefined && leftToDefault(true, undefined, expressions, path)) return knownDefault(entry);
    const steps = toSteps(path);
    const configPath = steps.filter((s) => typeof s === "string").join(".");
    // Without the block's configuration nothing says who sets it: assume the author did.
    const configured = expressions === undefined || Object.hasOwn(expressions, String(steps[0]));
    return { state: "unknown", references: referencesFrom(model, r, configPath), configured };
  }
  const value = attr(r, path);
  if (entry !== undefined && leftToDefault(false, value, undefined, path)) return knownDefault(entry);
  if (value === undefined || value === null) return ABSENT;
  return { state: "known", value };
}

function knownDefault(entry: ProviderDefault): AttributeReading {
  return { state: "known", value: entry.value, default: entry };
}

/** Nothing to read: one answer for every such question. */
const ABSENT: AttributeReading = Object.freeze({ state: "absent" });

/** True for a non-empty string, list or map; the usual meaning of "is set". */
export function isSet(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

/** A JSON object (a block, a policy statement's map), not null or a list. */
export function isMap(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

/** The blocks of a nested block list (`ingress`, `rule`), each with its index. */
export function blocks(r: Resource, path: string): { block: Record<string, unknown>; index: number }[] {
  const list = attr(r, path);
  if (!Array.isArray(list)) return [];
  const out: { block: Record<string, unknown>; index: number }[] = [];
  list.forEach((b, index) => {
    if (isMap(b)) out.push({ block: b, index });
  });
  return out;
}

/** The value of an attribute when it is known, else undefined. */
export function readKnown(model: Model, r: Resource, path: AttributePath): unknown {
  const reading = readAttribute(model, r, path);
  return reading.state === "known" ? reading.value : undefined;
}
