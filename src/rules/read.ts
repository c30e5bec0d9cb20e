import type { Reference } from "../plan/graph.js";
import { attr, isUnknown, referencesFrom, type Model, type Resource } from "../plan/model.js";
import type { AttributePath } from "../plan/paths.js";
import { providerDefault, tableEntry, type DefaultsSubject, type ProviderDefault } from "./defaults.js";
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
  // Left out of the configuration: the provider's documented default, known now (provider-defaults.json).
  // Most questions have no entry (a type's table covers a few attributes): they make no subject.
  const byDefault =
    tableEntry(r.type, path) !== undefined ? providerDefault(defaultsSubject(model, r), path) : undefined;
  if (byDefault) return { state: "known", value: byDefault.value, default: byDefault };
  if (isUnknown(r, path)) {
    const steps = toSteps(path);
    const configPath = steps.filter((s) => typeof s === "string").join(".");
    const expressions = model.graph.expressionsOf(r.configAddress);
    // Without the block's configuration nothing says who sets it: assume the author did.
    const configured = expressions === undefined || Object.hasOwn(expressions, String(steps[0]));
    return { state: "unknown", references: referencesFrom(model, r, configPath), configured };
  }
  const value = attr(r, path);
  if (value === undefined || value === null) return { state: "absent" };
  return { state: "known", value };
}

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

/** A resource as the defaults table sees it: its planned value, mask and configuration block. */
function defaultsSubject(model: Model, r: Resource): DefaultsSubject {
  return {
    type: r.type,
    after: r.after,
    isUnknown: (path) => isUnknown(r, path),
    expressions: model.graph.expressionsOf(r.configAddress),
  };
}
