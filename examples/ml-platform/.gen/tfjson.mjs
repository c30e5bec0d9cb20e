import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Helpers that reproduce how Terraform 1.9 marshals a plan (internal/command/jsonplan,
// jsonstate, jsonconfig): unknown and sensitive masks, cty's sorted object keys, Go's
// HTML-safe string escaping and the order of resource_changes. Plain Node ESM, no deps.
//
// A resource's "full" value is written with markers:
//   U      unknown primitive          UL  unknown list/set/block list    UM  unknown map/object
//   sens(v) a value marked sensitive (by the provider schema or a sensitive variable)

export const U = Object.freeze({ __unknown: "primitive" });
export const UL = Object.freeze({ __unknown: "list" });
export const UM = Object.freeze({ __unknown: "map" });
export const sens = (v) => ({ __sensitive: v });

const isUnknown = (v) => v !== null && typeof v === "object" && "__unknown" in v;
const isSens = (v) => v !== null && typeof v === "object" && "__sensitive" in v;
const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const sortedKeys = (o) => Object.keys(o).sort();

/** cty object/map attributes are marshalled in sorted order. */
export function sortDeep(v) {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (isObj(v)) {
    const out = {};
    for (const k of sortedKeys(v)) out[k] = sortDeep(v[k]);
    return out;
  }
  return v;
}

/** omitUnknowns: unknown attributes disappear, unknown list elements become null. */
export function known(v) {
  if (isSens(v)) return known(v.__sensitive);
  if (isUnknown(v)) return undefined;
  if (Array.isArray(v)) return v.map((e) => { const k = known(e); return k === undefined ? null : k; });
  if (isObj(v)) {
    const out = {};
    for (const k of sortedKeys(v)) { const kv = known(v[k]); if (kv !== undefined) out[k] = kv; }
    return out;
  }
  return v;
}

/** unknownAsBool */
export function unknownMask(v) {
  if (isSens(v)) return unknownMask(v.__sensitive);
  if (v === null) return false;
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.map(unknownMask);
  if (isObj(v)) {
    const out = {};
    for (const k of sortedKeys(v)) { const m = unknownMask(v[k]); if (m !== false) out[k] = m; }
    return out;
  }
  return false;
}

/** jsonstate.SensitiveAsBool */
export function sensitiveMask(v) {
  if (isSens(v)) return true;
  if (v === null) return false;
  if (isUnknown(v)) return v.__unknown === "list" ? [] : v.__unknown === "map" ? {} : false;
  if (Array.isArray(v)) return v.map(sensitiveMask);
  if (isObj(v)) {
    const out = {};
    for (const k of sortedKeys(v)) { const m = sensitiveMask(v[k]); if (m !== false) out[k] = m; }
    return out;
  }
  return false;
}

/** Go's encoding/json escapes <, >, & and U+2028/2029 inside strings; Terraform prints one line. */
export function goJson(v) {
  return JSON.stringify(v)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029") + "\n";
}

/** The string form of a resource instance address. */
export function address(r) {
  const key = r.index === undefined ? "" : typeof r.index === "number" ? `[${r.index}]` : `["${r.index}"]`;
  const local = `${r.mode === "data" ? "data." : ""}${r.type}.${r.name}${key}`;
  return r.module ? `${r.module}.${local}` : local;
}

/** module.a["x"].module.b -> [{name:"a", key:"x"}, {name:"b"}] */
function moduleSteps(m) {
  if (!m) return [];
  const steps = [];
  const re = /module\.([A-Za-z0-9_-]+)(?:\[(?:"([^"]*)"|(\d+))\])?/g;
  let x;
  while ((x = re.exec(m))) steps.push({ name: x[1], key: x[2] !== undefined ? x[2] : x[3] !== undefined ? Number(x[3]) : undefined });
  return steps;
}

function keyLess(a, b) {
  // addrs.InstanceKeyLess: no key < int key < string key
  const rank = (k) => (k === undefined ? 0 : typeof k === "number" ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) < rank(b);
  return a < b;
}

/** addrs.AbsResourceInstance.Less, used to sort resource_changes. */
export function compareInstances(a, b) {
  const less = (x, y) => {
    const mx = moduleSteps(x.module), my = moduleSteps(y.module);
    if (mx.length !== my.length) return mx.length < my.length;
    for (let i = 0; i < mx.length; i++) {
      if (mx[i].name !== my[i].name) return mx[i].name < my[i].name;
      if (mx[i].key !== my[i].key) return keyLess(mx[i].key, my[i].key);
    }
    if (x.mode !== y.mode) return x.mode === "data";
    if (x.type !== y.type) return x.type < y.type;
    if (x.name !== y.name) return x.name < y.name;
    if (x.index !== y.index) return keyLess(x.index, y.index);
    return false;
  };
  return less(a, b) ? -1 : less(b, a) ? 1 : 0;
}

const byAddress = (a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);

const PROVIDERS = {
  aws: "registry.terraform.io/hashicorp/aws",
  google: "registry.terraform.io/hashicorp/google",
};
export const providerName = (p) => PROVIDERS[p] ?? p;

/**
 * One resource instance of a plan:
 *   { module?, mode="managed", type, name, index?, provider, schema_version,
 *     actions, before? (full value, prior state), after? (full value with markers),
 *     action_reason?, previous_address? }
 */
export function resourceChange(r) {
  const rc = { address: address(r) };
  if (r.previous_address) rc.previous_address = r.previous_address;
  if (r.module) rc.module_address = r.module;
  rc.mode = r.mode ?? "managed";
  rc.type = r.type;
  rc.name = r.name;
  if (r.index !== undefined) rc.index = r.index;
  rc.provider_name = providerName(r.provider);
  const before = r.before ?? null;
  const after = r.after ?? null;
  rc.change = {
    actions: r.actions,
    before: before === null ? null : known(before),
    after: after === null ? null : known(after),
    after_unknown: after === null ? {} : unknownMask(after),
    before_sensitive: before === null ? false : sensitiveMask(before),
    after_sensitive: after === null ? false : sensitiveMask(after),
  };
  if (r.replace_paths) rc.change.replace_paths = r.replace_paths;
  if (r.action_reason) rc.action_reason = r.action_reason;
  return rc;
}

/** A resource as it appears in planned_values (from the planned new value) or in a state. */
export function stateResource(r, value, extra = {}) {
  const out = { address: address(r), mode: r.mode ?? "managed", type: r.type, name: r.name };
  if (r.index !== undefined) out.index = r.index;
  out.provider_name = providerName(r.provider);
  out.schema_version = r.schema_version;
  out.values = known(value);
  out.sensitive_values = sensitiveMask(value);
  if (extra.depends_on && extra.depends_on.length) out.depends_on = extra.depends_on;
  return out;
}

/** Group resources into root_module / child_modules (state and planned_values layout). */
export function moduleTree(entries) {
  // entries: [{ module: "" | "module.x[..]", resource }]
  const byModule = new Map();
  for (const e of entries) {
    const m = e.module ?? "";
    if (!byModule.has(m)) byModule.set(m, []);
    byModule.get(m).push(e.resource);
  }
  const root = {};
  const rootRes = (byModule.get("") ?? []).sort(byAddress);
  if (rootRes.length) root.resources = rootRes;
  // Only one level of nesting is used by these examples.
  const children = [...byModule.keys()].filter((m) => m !== "").sort();
  if (children.length) {
    root.child_modules = children.map((m) => ({ resources: byModule.get(m).sort(byAddress), address: m }));
  }
  return root;
}

/** An expression as jsonconfig marshals it. */
export const c = (v) => ({ constant_value: v });
export const ref = (...refs) => ({ references: refs });
/** A reference to an attribute of a resource: ["aws_kms_key.k.arn", "aws_kms_key.k"] */
export const attr = (resource, ...path) => {
  const out = [];
  for (let i = path.length; i > 0; i--) out.push(`${resource}.${path.slice(0, i).join(".")}`);
  out.push(resource);
  return out;
};

/** A configuration resource block. */
export function configResource({ module: _m, mode = "managed", type, name, provider_config_key, expressions, schema_version, count_expression, for_each_expression, depends_on }) {
  const out = {
    address: `${mode === "data" ? "data." : ""}${type}.${name}`,
    mode,
    type,
    name,
    provider_config_key,
  };
  if (expressions && Object.keys(expressions).length) out.expressions = sortDeep(expressions);
  out.schema_version = schema_version;
  if (count_expression) out.count_expression = count_expression;
  if (for_each_expression) out.for_each_expression = for_each_expression;
  if (depends_on) out.depends_on = depends_on;
  return out;
}

/** jsonconfig sorts managed resources by address, then appends data resources sorted by address. */
export function sortConfigResources(list) {
  const managed = list.filter((r) => r.mode === "managed").sort(byAddress);
  const data = list.filter((r) => r.mode === "data").sort(byAddress);
  return [...managed, ...data];
}

/** The type of a value as ctyjson.MarshalType prints it (strings, numbers, bools, maps, tuples). */
export function ctyType(v) {
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return ["tuple", v.map(ctyType)];
  if (isObj(v)) {
    const o = {};
    for (const k of sortedKeys(v)) o[k] = ctyType(v[k]);
    return ["object", o];
  }
  return "dynamic";
}

/** Everything a plan needs; the caller provides values already in Terraform's terms. */
export function buildPlan({ terraform_version, variables, changes, outputs, prior_state, configuration, timestamp }) {
  const sortedChanges = [...changes].sort(compareInstances);
  const plannedEntries = sortedChanges
    .filter((r) => !(r.actions.length === 1 && r.actions[0] === "delete"))
    .map((r) => ({ module: r.module ?? "", resource: stateResource(r, r.after) }));

  const plannedOutputs = {};
  const outputChanges = {};
  for (const name of Object.keys(outputs ?? {}).sort()) {
    const o = outputs[name];
    const value = o.value; // may contain markers; undefined/U = unknown
    const wholly = value !== undefined && unknownMask(value) === false;
    const po = { sensitive: !!o.sensitive };
    if (wholly) { po.type = o.type ?? ctyType(value); po.value = value; }
    plannedOutputs[name] = po;
    const oc = { actions: o.actions ?? ["create"], before: o.before ?? null };
    if (value !== undefined && !(value && value.__unknown)) oc.after = known(value);
    oc.after_unknown = wholly ? false : value === undefined || (value && value.__unknown) ? true : unknownMask(value);
    oc.before_sensitive = !!o.sensitive;
    oc.after_sensitive = !!o.sensitive;
    outputChanges[name] = oc;
  }

  const plan = {
    format_version: "1.2",
    terraform_version,
  };
  if (variables && Object.keys(variables).length) {
    plan.variables = {};
    for (const k of Object.keys(variables).sort()) plan.variables[k] = { value: sortDeep(variables[k]) };
  }
  plan.planned_values = {};
  if (Object.keys(plannedOutputs).length) plan.planned_values.outputs = plannedOutputs;
  plan.planned_values.root_module = moduleTree(plannedEntries);
  plan.resource_changes = sortedChanges.map(resourceChange);
  if (Object.keys(outputChanges).length) plan.output_changes = outputChanges;
  if (prior_state) plan.prior_state = prior_state;
  plan.configuration = configuration;
  plan.timestamp = timestamp;
  plan.applyable = true;
  plan.complete = true;
  plan.errored = false;
  return plan;
}

/** `terraform show -json` of a state (or a plan's prior_state). */
export function buildState({ terraform_version, outputs, entries }) {
  const values = {};
  if (outputs && Object.keys(outputs).length) {
    values.outputs = {};
    for (const k of Object.keys(outputs).sort()) {
      const o = outputs[k];
      values.outputs[k] = { sensitive: !!o.sensitive, value: o.value, type: o.type ?? ctyType(o.value) };
    }
  }
  values.root_module = moduleTree(entries.map((e) => ({ module: e.r.module ?? "", resource: stateResource(e.r, e.value, e) })));
  return { format_version: "1.0", terraform_version, values };
}

/**
 * Writes a generator's files into `outDir`, or with --check on the command line compares them
 * instead: a test runs the check, so a hand edit of a generated fixture (lost at the next
 * regeneration) fails it. `label` names the fixture in messages ("fixtures/plans/twins").
 */
export function writeOrCheck(outDir, label, generator, outputs, summary) {
  if (process.argv.includes("--check")) {
    const read = (file) => (existsSync(join(outDir, file)) ? readFileSync(join(outDir, file), "utf8") : undefined);
    const stale = Object.keys(outputs).filter((file) => read(file) !== outputs[file]);
    for (const file of stale) console.error(`${label}/${file} is not what ${generator} writes: edit the generator and run it`);
    process.exitCode = stale.length > 0 ? 1 : 0;
  } else {
    for (const [file, text] of Object.entries(outputs)) writeFileSync(join(outDir, file), text);
    console.log(summary);
  }
}
