import { formatKey } from "../plan/address.js";
import { buildModel, resourceFromChange, resourcesFromStateValues, type Resource } from "../plan/model.js";
import type { PathStep } from "../plan/paths.js";
import type { DiffSide } from "./diff.js";
import type { DriftDocument } from "./input.js";
import type { SensitiveDigests } from "../plan/sensitive-digests.js";
import type { DriftStatus } from "./types.js";
import { worldWith, type WorldResource } from "./world.js";

/**
 * Where drift comes from, reduced to one shape: for each resource that may
 * have drifted, its values before and after, and the two worlds around it
 * (every resource as it stood before and after) for the rules to judge.
 */

export interface DriftPair {
  /** Metadata (address, type, module, provider) from whichever side has the resource. */
  resource: Resource;
  previousAddress?: string;
  status: DriftStatus;
  before: DiffSide;
  after: DiffSide;
}

/** `relevant_attributes`: drift Terraform used to plan the changes. */
export interface RelevantAttribute {
  resource: string;
  attribute: PathStep[];
}

export interface DriftSource {
  pairs: DriftPair[];
  beforeWorld: WorldResource[];
  afterWorld: WorldResource[];
  configuration?: unknown;
  relevant: RelevantAttribute[];
  terraformVersion?: string;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Only managed, current objects drift; data sources are re-read every run, deposed objects are Terraform's own. */
function counts(r: Resource): boolean {
  return r.mode === "managed" && r.deposed === undefined;
}

/** Drift recorded in a plan's `resource_drift` (ordinary and -refresh-only plans alike). */
export function driftFromPlan(plan: DriftDocument): DriftSource {
  const doc = plan.loaded.doc;
  const digests = plan.digests;
  const pairs: DriftPair[] = [];
  const beforeSwap = new Map<string, WorldResource | null>();
  const afterSwap = new Map<string, WorldResource | null>();
  const entries = Array.isArray(doc["resource_drift"]) ? doc["resource_drift"] : [];
  for (const rc of entries) {
    if (!isObj(rc) || !isObj(rc["change"])) continue;
    const r = resourceFromChange(rc);
    if (!counts(r) || r.actions.includes("no-op") || r.actions.includes("read")) continue;
    const status: DriftStatus = r.before === null ? "appeared" : r.after === null ? "deleted" : "changed";
    const pair: DriftPair = {
      resource: r,
      status,
      before: side(r.before, r.beforeSensitive, undefined, digests),
      after: side(r.after, r.afterSensitive, r.afterUnknown, digests),
    };
    if (r.previousAddress !== undefined) pair.previousAddress = r.previousAddress;
    pairs.push(pair);
    beforeSwap.set(r.address, r.before ? { resource: r, values: r.before, sensitive: r.beforeSensitive } : null);
    afterSwap.set(r.address, r.after ? { resource: r, values: r.after, sensitive: r.afterSensitive } : null);
  }
  // prior_state is the state as refreshed: the world after the drift.
  const prior =
    isObj(doc["prior_state"]) && isObj(doc["prior_state"]["values"])
      ? doc["prior_state"]["values"]["root_module"]
      : undefined;
  const base = resourcesFromStateValues(prior).filter(counts).flatMap(worldEntry);
  const source: DriftSource = {
    pairs,
    beforeWorld: worldWith(base, beforeSwap),
    afterWorld: worldWith(base, afterSwap),
    configuration: doc["configuration"],
    relevant: relevantAttributes(doc["relevant_attributes"]),
  };
  if (plan.loaded.terraformVersion !== undefined) source.terraformVersion = plan.loaded.terraformVersion;
  return source;
}

/** Drift between two state snapshots (show -json state or raw .tfstate, in any mix). */
export function driftFromStates(baseline: DriftDocument, current: DriftDocument): DriftSource {
  const before = snapshot(baseline);
  const after = snapshot(current);
  const afterByAddress = new Map(after.map((r) => [r.address, r]));
  const beforeAddresses = new Set(before.map((r) => r.address));
  const pairs: DriftPair[] = [];
  for (const b of before) {
    const a = afterByAddress.get(b.address);
    pairs.push({
      resource: a ?? b,
      status: a ? "changed" : "deleted",
      before: side(b.after, b.afterSensitive, undefined, baseline.digests),
      after: side(a ? a.after : null, a?.afterSensitive, undefined, current.digests),
    });
  }
  for (const a of after) {
    if (beforeAddresses.has(a.address)) continue;
    pairs.push({
      resource: a,
      status: "appeared",
      before: side(null, undefined, undefined, baseline.digests),
      after: side(a.after, a.afterSensitive, undefined, current.digests),
    });
  }
  const source: DriftSource = {
    pairs,
    beforeWorld: before.flatMap(worldEntry),
    afterWorld: after.flatMap(worldEntry),
    relevant: [],
  };
  const version = current.loaded.terraformVersion ?? baseline.loaded.terraformVersion;
  if (version !== undefined) source.terraformVersion = version;
  return source;
}

/**
 * The managed resources of a snapshot, by an address that names the instance.
 * Terraform 0.12's show -json (format 0.1) wrote `null_resource.baz` for every
 * instance of a counted resource, with the key only in `index`; the key is
 * added back. It also left the module path out of child modules' addresses,
 * which cannot be repaired here: when addresses still repeat, the input says
 * so, and the raw .tfstate of the same state is the better snapshot.
 */
function snapshot(d: DriftDocument): Resource[] {
  const out: Resource[] = [];
  const seen = new Set<string>();
  let repeated = 0;
  for (const r of buildModel(d.loaded).resources.filter(counts)) {
    const address = r.index !== undefined && !r.address.endsWith("]") ? r.address + formatKey(r.index) : r.address;
    if (seen.has(address)) {
      repeated++;
      continue;
    }
    seen.add(address);
    out.push(address === r.address ? r : { ...r, address });
  }
  if (repeated > 0) {
    d.loaded.warnings.push(
      `${repeated} resource address(es) repeat in this snapshot (old show -json output leaves module paths out); only the first of each is compared: compare the raw state files (terraform state pull) instead`,
    );
  }
  return out;
}

function side(values: Obj | null, sensitive: unknown, unknown: unknown, digests: SensitiveDigests): DiffSide {
  const s: DiffSide = { values, sensitive, digests };
  if (unknown !== undefined) s.unknown = unknown;
  return s;
}

function worldEntry(r: Resource): WorldResource[] {
  return r.after ? [{ resource: r, values: r.after, sensitive: r.afterSensitive }] : [];
}

function relevantAttributes(value: unknown): RelevantAttribute[] {
  if (!Array.isArray(value)) return [];
  const out: RelevantAttribute[] = [];
  for (const entry of value) {
    if (!isObj(entry) || typeof entry["resource"] !== "string" || !Array.isArray(entry["attribute"])) continue;
    const steps = entry["attribute"].filter((s): s is PathStep => typeof s === "string" || typeof s === "number");
    out.push({ resource: entry["resource"], attribute: steps });
  }
  return out;
}
