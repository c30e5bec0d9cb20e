/**
 * Provider defaults: an attribute the author left out of the configuration
 * takes the provider's documented default, which is known before apply even
 * when the plan shows it as "known after apply" (the provider computes it).
 * The table is data (provider-defaults.json); this module decides when an
 * entry applies. TypeScript rules reach it through readAttribute (read.ts),
 * Rego rules through planguard.provider_default (lib.effective, lib.undecided).
 */
import { getPath, toSteps, type AttributePath, type PathStep } from "../plan/paths.js";
import table from "./provider-defaults.json" with { type: "json" };

export interface ProviderDefault {
  resource_type: string;
  /** The attribute path without list indexes: "vpc_config.public_access_cidrs". */
  attribute: string;
  value: unknown;
  provider: string;
  versions: string;
  source: string;
  note?: string;
}

export const PROVIDER_DEFAULTS: readonly ProviderDefault[] = table.defaults as ProviderDefault[];

/** Entries by resource type, then by attribute path without list indexes. */
const byTypeAndAttribute = new Map<string, Map<string, ProviderDefault>>();
for (const d of PROVIDER_DEFAULTS) {
  let forType = byTypeAndAttribute.get(d.resource_type);
  if (!forType) byTypeAndAttribute.set(d.resource_type, (forType = new Map()));
  forType.set(d.attribute, d);
}

/** The table's entry for a path (list indexes ignored), if any. */
export function tableEntry(resourceType: string, path: AttributePath): ProviderDefault | undefined {
  // Asked for every resource a rule judges: no arrays or key strings for types without an entry.
  const forType = byTypeAndAttribute.get(resourceType);
  if (forType === undefined) return undefined;
  const steps = toSteps(path);
  let key = "";
  let first = true;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (typeof step !== "string") continue;
    key = first ? step : `${key}.${step}`;
    first = false;
  }
  return forType.get(key);
}

type Obj = Record<string, unknown>;

/**
 * Whether the configuration sets the attribute at `path`: "yes", "no", or
 * "maybe" when it cannot be told. Terraform's JSON lists nested blocks in
 * `expressions` as arrays of expression objects but leaves dynamic blocks
 * out, so a block missing from `expressions` may still be written by a
 * dynamic block: only a missing last step (with every block above it written
 * out) means "no".
 */
export function configuredAt(expressions: Obj | undefined, path: AttributePath): "yes" | "no" | "maybe" {
  if (expressions === undefined) return "maybe";
  const steps: readonly PathStep[] = toSteps(path);
  let cur: unknown = expressions;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const last = i === steps.length - 1;
    if (typeof step === "number") {
      if (Array.isArray(cur)) {
        if (step >= cur.length) return "maybe";
        cur = cur[step];
      } else if (step !== 0) return "maybe";
      continue;
    }
    if (Array.isArray(cur)) {
      // A block list addressed without an index: every block must leave it out.
      const answers = cur.map((b) => configuredAt(isObj(b) ? b : undefined, steps.slice(i)));
      if (answers.includes("yes")) return "yes";
      return answers.length > 0 && answers.every((a) => a === "no") ? "no" : "maybe";
    }
    if (!isObj(cur)) return "maybe";
    if (!Object.hasOwn(cur, step)) return last ? "no" : "maybe";
    cur = cur[step];
  }
  return "yes";
}

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** What a resource looks like to this module: the same for the model and for data.planguard. */
export interface DefaultsSubject {
  type: string;
  after: unknown;
  /** Whether the value at a path is known only after apply. */
  isUnknown(path: AttributePath): boolean;
  /** The resource block's `expressions` from the plan's configuration, when there is one. */
  expressions: Obj | undefined;
}

/**
 * The provider default the attribute takes, or undefined when the planned
 * value stands (known and set), the author set it to something unknown until
 * apply, it cannot be told whether the author set it, or the table has no
 * entry. An explicit null in the configuration is Terraform's "left out".
 */
export function providerDefault(r: DefaultsSubject, path: AttributePath): ProviderDefault | undefined {
  const entry = tableEntry(r.type, path);
  if (!entry) return undefined;
  const unknown = r.isUnknown(path);
  return leftToDefault(unknown, unknown ? undefined : getPath(r.after, path), r.expressions, path) ? entry : undefined;
}

/**
 * When an attribute with a table entry takes the provider's default: its
 * value is known only after apply and the configuration leaves it out, or
 * its planned value is null or missing. `value` is the planned value (not
 * read when unknown); `expressions` the block's, read only when unknown.
 */
export function leftToDefault(
  unknown: boolean,
  value: unknown,
  expressions: Obj | undefined,
  path: AttributePath,
): boolean {
  return unknown ? configuredAt(expressions, path) === "no" : value === undefined || value === null;
}
