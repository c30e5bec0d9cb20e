import { SensitiveDigests } from "../plan/sensitive-digests.js";
import type { LoadedDocument } from "../plan/document.js";
import { buildModel, type Model, type Resource } from "../plan/model.js";

/**
 * One side of the drift (before or after) as a Model of its own, so that
 * every rule runner judges it the way `scan` judges a plan.
 *
 * The side is written as a small plan document in Terraform's own shape:
 * each resource a `no-op` entry of `resource_changes` whose before and after
 * are the side's values. The TypeScript evaluator reads the Model built from
 * it; a Rego runner (whose `input` is the plan JSON) can read `document`
 * unchanged, so both judge the same thing through the same door.
 */

/** A resource as it stands on one side. */
export interface WorldResource {
  resource: Resource;
  values: Record<string, unknown>;
  /** The side's sensitivity mask (before_sensitive, after_sensitive, sensitive_values). */
  sensitive: unknown;
}

export function sideModel(
  file: string,
  world: readonly WorldResource[],
  configuration: unknown,
  terraformVersion?: string,
): Model {
  const doc: Record<string, unknown> = {
    format_version: "1.2",
    resource_changes: world.map(changeEntry),
  };
  if (terraformVersion !== undefined) doc["terraform_version"] = terraformVersion;
  // The configuration gives the reference graph (which SSE block points at
  // which bucket); both sides share it, as the drift did not change the code.
  if (configuration !== undefined) doc["configuration"] = configuration;
  const loaded: LoadedDocument = {
    file,
    kind: "plan",
    format: "plan",
    formatVersion: "1.2",
    doc,
    sizeBytes: 0,
    warnings: [],
    digests: new SensitiveDigests(),
    skipped: [],
  };
  if (terraformVersion !== undefined) loaded.terraformVersion = terraformVersion;
  return buildModel(loaded);
}

function changeEntry(w: WorldResource): Record<string, unknown> {
  const r = w.resource;
  const mask = w.sensitive ?? {};
  const entry: Record<string, unknown> = {
    address: r.address,
    module_address: r.moduleAddress,
    mode: r.mode,
    type: r.type,
    name: r.name,
    provider_name: r.providerName,
    change: {
      actions: ["no-op"],
      before: w.values,
      after: w.values,
      after_unknown: {},
      before_sensitive: mask,
      after_sensitive: mask,
    },
  };
  if (r.index !== undefined) entry["index"] = r.index;
  return entry;
}

/**
 * The resources of a world that drift replaces, adds or removes: the base
 * (the state around the drifted resources) with some addresses swapped.
 */
export function worldWith(
  base: readonly WorldResource[],
  replace: ReadonlyMap<string, WorldResource | null>,
): WorldResource[] {
  const out: WorldResource[] = [];
  const seen = new Set<string>();
  for (const w of base) {
    seen.add(w.resource.address);
    // null in `replace` removes the resource, so has() decides, not ??.
    const swapped = replace.has(w.resource.address) ? replace.get(w.resource.address) : w;
    if (swapped) out.push(swapped);
  }
  for (const [address, w] of replace) if (!seen.has(address) && w) out.push(w);
  return out;
}
