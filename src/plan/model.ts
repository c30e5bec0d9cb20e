import { configAddressOf, formatKey, joinAddress, parseAddress, stripInstanceKeys } from "./address.js";
import { ReferenceGraph, type Reference } from "./graph.js";
import type { DocumentKind, LoadedDocument } from "./document.js";
import { getPath, maskCovers, type AttributePath } from "./paths.js";
import type { DocumentFormat } from "./validate.js";

/**
 * One normalized view of the infrastructure, the same for plans and state.
 * Rules read this, never raw JSON paths. Values are the parsed document's own
 * objects (already redacted), never copies.
 */

export type Attributes = Record<string, unknown>;

export interface Resource {
  /** Full instance address: `module.a["x"].aws_s3_bucket.b[0]`. */
  address: string;
  /** The configuration block's address, without instance keys. */
  configAddress: string;
  /** `module.a["x"]`, "" for the root module. */
  moduleAddress: string;
  mode: "managed" | "data";
  type: string;
  name: string;
  /** The instance key (count or for_each), undefined for a block without one. */
  index: string | number | undefined;
  /** Provider source as Terraform wrote it, e.g. registry.terraform.io/hashicorp/aws. */
  providerName: string;
  /** Short provider name: "aws", "google", "azurerm". */
  provider: string;
  /** Planned actions; for state, `[]`. */
  actions: readonly string[];
  /** The object before the change (null when created); for state, the values. */
  before: Attributes | null;
  /** The object after the change (null when deleted); for state, the values. */
  after: Attributes | null;
  afterUnknown: unknown;
  afterSensitive: unknown;
  beforeSensitive: unknown;
  /** Every resource has all three members, undefined when absent: one shape for all of a plan's resources. */
  previousAddress: string | undefined;
  deposed: string | undefined;
  /** False for pure deletes, forgets and deposed objects: nothing to judge. */
  willExist: boolean;
}

export interface Model {
  file: string;
  kind: DocumentKind;
  format: DocumentFormat;
  formatVersion: string;
  terraformVersion?: string;
  resources: Resource[];
  graph: ReferenceGraph;
  /** The redacted document as Terraform wrote it (Rego policies' `input`). */
  document: Record<string, unknown>;
  warnings: string[];
  byAddress(address: string): Resource | undefined;
  byConfigAddress(configAddress: string): readonly Resource[];
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function buildModel(loaded: LoadedDocument): Model {
  const warnings = [...loaded.warnings];
  const resources =
    loaded.format === "plan"
      ? resourcesFromPlan(loaded.doc, loaded.skipped ?? [], warnings)
      : loaded.format === "state"
        ? resourcesFromStateValues(isObj(loaded.doc["values"]) ? loaded.doc["values"]["root_module"] : undefined)
        : resourcesFromRawState(loaded.doc);
  const configuration = loaded.format === "plan" ? loaded.doc["configuration"] : undefined;
  return assembleModel(loaded, resources, ReferenceGraph.fromConfiguration(configuration), warnings);
}

function assembleModel(
  loaded: LoadedDocument,
  resources: Resource[],
  graph: ReferenceGraph,
  warnings: string[],
): Model {
  // Both look-ups are built when first asked: a plan's resources are tens of thousands of map
  // entries, and a scan may ask for none of them (or only by address).
  let byAddress: Map<string, Resource> | undefined;
  let byConfig: Map<string, Resource[]> | undefined;
  const model: Model = {
    file: loaded.file,
    kind: loaded.kind,
    format: loaded.format,
    formatVersion: loaded.formatVersion,
    resources,
    graph,
    document: loaded.doc,
    warnings,
    byAddress: (a) => (byAddress ??= addressIndex(resources)).get(a),
    byConfigAddress: (a) => (byConfig ??= configAddressIndex(resources)).get(a) ?? [],
  };
  if (loaded.terraformVersion !== undefined) model.terraformVersion = loaded.terraformVersion;
  return model;
}

/** Resources by address. Deposed objects share their address with the current object; the current one wins. */
function addressIndex(resources: readonly Resource[]): Map<string, Resource> {
  const byAddress = new Map<string, Resource>();
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    if (!r.deposed || !byAddress.has(r.address)) byAddress.set(r.address, r);
  }
  return byAddress;
}

/** Resources by their block's address, in the model's order. */
function configAddressIndex(resources: readonly Resource[]): Map<string, Resource[]> {
  const byConfig = new Map<string, Resource[]>();
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    const list = byConfig.get(r.configAddress);
    if (list) list.push(r);
    else byConfig.set(r.configAddress, [r]);
  }
  return byConfig;
}

function shortProviderName(providerName: string, type: string): string {
  // The last segment of the source address, else the type's prefix (asked for every resource: no arrays).
  const last = providerName.slice(providerName.lastIndexOf("/") + 1);
  if (last !== "") return last;
  const underscore = type.indexOf("_");
  return underscore < 0 ? type : type.slice(0, underscore);
}

function resourcesFromPlan(plan: Obj, skippedMembers: readonly string[], warnings: string[]): Resource[] {
  const changes = plan["resource_changes"];
  const out: Resource[] = [];
  if (Array.isArray(changes)) {
    // Indexed: this runs once per resource, mostly before the optimizer steps in, where each step of
    // for...of is an iterator result object.
    for (let i = 0; i < changes.length; i++) {
      const rc: unknown = changes[i];
      if (isObj(rc)) out.push(resourceFromChange(rc));
    }
  }
  if (out.length === 0 && skippedMembers.includes("planned_values")) {
    // Only a plan read streaming gets here (see parseDocument): too large to read twice.
    warnings.push(
      "resource_changes lists no resource and planned_values was not read: resources it may hold are not judged",
    );
  }
  fillMissingAfter(plan, out, warnings);
  const unlisted = plannedWithoutChange(plan, out);
  if (unlisted.length > 0) {
    const examples = unlisted
      .slice(0, 3)
      .map((r) => r.address)
      .join(", ");
    warnings.push(
      `${unlisted.length} resource(s) in planned_values have no resource_changes entry (${examples}${unlisted.length > 3 ? ", ..." : ""}); judged from their planned values, without knowing which values are unknown until apply`,
    );
    out.push(...unlisted);
  }
  return out;
}

/**
 * A create or update whose `after` is null: Terraform writes the planned
 * object there (at least `{}`), but trimmed plans (Checkov's test plans, for
 * one) leave it null beside the values in planned_values. Reading it as "will
 * not exist" would skip a resource the plan creates; its planned values are
 * taken instead, with a warning.
 */
function fillMissingAfter(plan: Obj, resources: Resource[], warnings: string[]): void {
  const missing = resources.filter(
    (r) => r.after === null && r.deposed === undefined && r.actions.some((a) => a === "create" || a === "update"),
  );
  if (missing.length === 0) return;
  const planned = isObj(plan["planned_values"]) ? plannedEntries(plan["planned_values"]["root_module"]) : [];
  const values = new Map(planned.map((p) => [p["address"], p["values"]]));
  const filled: string[] = [];
  for (const r of missing) {
    const after = values.get(r.address);
    if (!isObj(after)) continue;
    r.after = after;
    r.willExist = true;
    filled.push(r.address);
  }
  if (filled.length < missing.length) {
    const left = missing.filter((r) => r.after === null).map((r) => r.address);
    warnings.push(
      `${left.length} created or updated resource(s) have no \`after\` in resource_changes and no planned values (${left.slice(0, 3).join(", ")}${left.length > 3 ? ", ..." : ""}): not judged`,
    );
  }
  if (filled.length > 0) {
    warnings.push(
      `${filled.length} created or updated resource(s) have no \`after\` in resource_changes (${filled.slice(0, 3).join(", ")}${filled.length > 3 ? ", ..." : ""}); judged from their planned values`,
    );
  }
}

/**
 * Resources that planned_values holds and resource_changes does not list.
 * Terraform lists every planned resource in resource_changes (no-ops too),
 * but plans trimmed by hand or by other tools (Trivy's test plans, for one)
 * carry an empty resource_changes beside a full planned_values: judging
 * nothing would report a clean plan that is not. Other scanners read
 * planned_values for them; so does planguard, with a warning. The schema
 * checked planned_values' entries, or tolerate.ts left it out with a warning.
 * Limit: a plan that leaves some resources out of resource_changes while
 * listing as many others that planned_values lacks is not noticed.
 */
function plannedWithoutChange(plan: Obj, listed: readonly Resource[]): Resource[] {
  const planned = plan["planned_values"];
  if (!isObj(planned)) return [];
  const entries = plannedEntries(planned["root_module"]);
  // Each planned entry is a distinct address that exists after apply. Only when there are more of them
  // than listed resources that will exist must one be missing: then (and only then, since hashing every
  // address costs a third of the model on a large plan) find which.
  let existing = 0;
  for (const r of listed) if (r.willExist) existing++;
  if (entries.length <= existing) return [];
  const known = new Set(listed.map((r) => r.address));
  return entries.filter((e) => !known.has(e["address"] as string)).map(resourceFromStateEntry);
}

/** The raw resource entries of a planned_values (or state values) module tree, in order. */
function plannedEntries(rootModule: unknown): Obj[] {
  const out: Obj[] = [];
  const stack: unknown[] = [rootModule];
  while (stack.length > 0) {
    const mod = stack.pop();
    if (!isObj(mod)) continue;
    const list = mod["resources"];
    if (Array.isArray(list)) for (const r of list) if (isObj(r)) out.push(r);
    const children = mod["child_modules"];
    if (Array.isArray(children)) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

/** A resource_changes (or resource_drift) entry as a Resource. */
export function resourceFromChange(rc: Obj): Resource {
  const change = rc["change"] as Obj;
  const actions = (change["actions"] as string[]) ?? [];
  const address = rc["address"] as string;
  const type = rc["type"] as string;
  const providerName = typeof rc["provider_name"] === "string" ? rc["provider_name"] : "";
  const deposed = typeof rc["deposed"] === "string" ? rc["deposed"] : undefined;
  const after = isObj(change["after"]) ? change["after"] : null;
  const r: Resource = {
    address,
    configAddress: configAddressOf(address),
    moduleAddress: typeof rc["module_address"] === "string" ? rc["module_address"] : moduleOf(address),
    mode: rc["mode"] === "data" ? "data" : "managed",
    type,
    name: rc["name"] as string,
    providerName,
    provider: shortProviderName(providerName, type),
    actions,
    before: isObj(change["before"]) ? change["before"] : null,
    after,
    afterUnknown: change["after_unknown"],
    afterSensitive: change["after_sensitive"],
    beforeSensitive: change["before_sensitive"],
    willExist: after !== null && deposed === undefined && !isRemoval(actions),
    // The optional members in the literal (undefined when absent): every resource one shape, one object.
    index: rc["index"] as string | number | undefined,
    previousAddress: typeof rc["previous_address"] === "string" ? rc["previous_address"] : undefined,
    deposed,
  };
  return r;
}

function isRemoval(actions: readonly string[]): boolean {
  return actions.length === 1 && (actions[0] === "delete" || actions[0] === "forget");
}

function moduleOf(address: string): string {
  // parseAddress reads a module path only from a leading `module.`: without one, an address (or
  // something that is not one) is in the root module. Most resources of a plan are; parsing each
  // of their addresses was most of the model's time on a plan of many small resources.
  if (!address.startsWith("module.")) return "";
  const parsed = parseAddress(address);
  if (!parsed) return "";
  return parsed.modules.map((m) => "module." + m.name + (m.key !== undefined ? formatKey(m.key) : "")).join(".");
}

/** Resources of a state's (or planned_values') module tree. */
export function resourcesFromStateValues(rootModule: unknown): Resource[] {
  return plannedEntries(rootModule).map(resourceFromStateEntry);
}

function resourceFromStateEntry(r: Obj): Resource {
  const address = r["address"] as string;
  const type = r["type"] as string;
  const providerName = typeof r["provider_name"] === "string" ? r["provider_name"] : "";
  const values = isObj(r["values"]) ? r["values"] : null;
  const res: Resource = {
    address,
    configAddress: configAddressOf(address),
    moduleAddress: moduleOf(address),
    mode: r["mode"] === "data" ? "data" : "managed",
    type,
    name: r["name"] as string,
    providerName,
    provider: shortProviderName(providerName, type),
    actions: [],
    before: values,
    after: values,
    afterUnknown: undefined,
    afterSensitive: r["sensitive_values"],
    beforeSensitive: r["sensitive_values"],
    willExist: values !== null,
    index: r["index"] as string | number | undefined,
    previousAddress: undefined,
    deposed: undefined,
  };
  return res;
}

/** Resources of a raw state file (version 4). */
function resourcesFromRawState(state: Obj): Resource[] {
  const out: Resource[] = [];
  const list = state["resources"];
  if (!Array.isArray(list)) return out;
  for (const r of list) {
    if (!isObj(r) || !Array.isArray(r["instances"])) continue;
    const mode = r["mode"] === "data" ? "data" : "managed";
    const type = r["type"] as string;
    const name = r["name"] as string;
    const modulePrefix = typeof r["module"] === "string" ? r["module"] : "";
    const providerName = providerFromRawState(r["provider"]);
    for (const inst of r["instances"]) {
      if (!isObj(inst)) continue;
      const key = inst["index_key"] as string | number | undefined;
      const local = (mode === "data" ? "data." : "") + `${type}.${name}` + (key !== undefined ? formatKey(key) : "");
      const address = joinAddress(modulePrefix, local);
      const values = isObj(inst["attributes"]) ? inst["attributes"] : null;
      const deposed = typeof inst["deposed"] === "string" ? inst["deposed"] : undefined;
      const res: Resource = {
        address,
        configAddress: configAddressOf(address),
        moduleAddress: modulePrefix,
        mode,
        type,
        name,
        providerName,
        provider: shortProviderName(providerName, type),
        actions: [],
        before: values,
        after: values,
        afterUnknown: undefined,
        afterSensitive: undefined,
        beforeSensitive: undefined,
        willExist: values !== null && deposed === undefined,
        index: key,
        previousAddress: undefined,
        deposed,
      };
      out.push(res);
    }
  }
  return out;
}

/** `provider["registry.terraform.io/hashicorp/aws"].east` → registry.terraform.io/hashicorp/aws */
function providerFromRawState(p: unknown): string {
  if (typeof p !== "string") return "";
  const m = /provider\["([^"]+)"\]/.exec(p);
  return m ? m[1]! : p;
}

// ---------------------------------------------------------------------------
// Questions rules ask about a resource

/** Whether the value at a path is known only after apply. */
export function isUnknown(r: Resource, path: AttributePath): boolean {
  return maskCovers(r.afterUnknown, path);
}

/** Whether the value at a path (after the change) is sensitive. */
export function isSensitive(r: Resource, path: AttributePath): boolean {
  return maskCovers(r.afterSensitive, path);
}

/** The value after the change at a path, or undefined. */
export function attr(r: Resource, path: AttributePath): unknown {
  return getPath(r.after, path);
}

/** Resource blocks this resource's attribute (or any attribute) refers to. */
export function referencesFrom(model: Model, r: Resource, attributePrefix?: string): Reference[] {
  return model.graph.referencesFrom(r.configAddress, attributePrefix);
}

/**
 * Resources that refer to this one, optionally only those of a type and
 * through an attribute: "which SSE configurations point at this bucket".
 * A reference from a block in a module instance is matched to instances
 * of the same module instance where both sit in one module.
 */
export function referrersOf(model: Model, r: Resource, type?: string, attributePrefix?: string): Resource[] {
  const out: Resource[] = [];
  for (const ref of model.graph.referencesTo(r.configAddress)) {
    if (
      attributePrefix !== undefined &&
      !(ref.attribute === attributePrefix || ref.attribute.startsWith(attributePrefix + "."))
    )
      continue;
    for (const other of model.byConfigAddress(ref.from)) {
      if (type !== undefined && other.type !== type) continue;
      if (!other.willExist) continue;
      const sameModuleBlock = stripInstanceKeys(other.moduleAddress) === stripInstanceKeys(r.moduleAddress);
      if (!sameModuleBlock || other.moduleAddress === r.moduleAddress) out.push(other);
    }
  }
  return out;
}
