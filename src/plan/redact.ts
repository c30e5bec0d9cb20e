import { stripInstanceKeys } from "./address.js";

/**
 * Removes sensitive values from a parsed plan or state, in place, before any
 * rule, report or error message can see them. In place, because the document
 * may be tens of megabytes and only the sensitive parts need touching.
 *
 * Terraform marks sensitivity in masks that mirror a value's shape
 * (`after_sensitive`, `sensitive_values`): `true` at a sensitive leaf or
 * subtree. A raw state file lists sensitive paths instead.
 */

/** What a sensitive value is replaced with. Rules see this string. */
export const REDACTED = "(sensitive value)";

type Json = unknown;
type Obj = Record<string, Json>;

function isObj(v: Json): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Applies a sensitivity mask to a value; returns the (possibly replaced) value. */
export function applyMask(value: Json, mask: Json): Json {
  if (mask === true) return value === null || value === undefined ? value : REDACTED;
  if (Array.isArray(mask) && Array.isArray(value)) {
    for (let i = 0; i < mask.length && i < value.length; i++) value[i] = applyMask(value[i], mask[i]);
    return value;
  }
  if (isObj(mask) && isObj(value)) {
    for (const key of Object.keys(mask)) {
      if (Object.prototype.hasOwnProperty.call(value, key)) value[key] = applyMask(value[key], mask[key]);
    }
  }
  return value;
}

function redactChange(change: Json): void {
  if (!isObj(change)) return;
  change["before"] = applyMask(change["before"], change["before_sensitive"]);
  change["after"] = applyMask(change["after"], change["after_sensitive"]);
}

function redactModuleValues(mod: Json, depth = 0): void {
  if (!isObj(mod) || depth > 200) return;
  const resources = mod["resources"];
  if (Array.isArray(resources)) {
    for (const r of resources) if (isObj(r)) r["values"] = applyMask(r["values"], r["sensitive_values"]);
  }
  const children = mod["child_modules"];
  if (Array.isArray(children)) for (const c of children) redactModuleValues(c, depth + 1);
}

function redactOutputs(outputs: Json): void {
  if (!isObj(outputs)) return;
  for (const out of Object.values(outputs)) {
    if (isObj(out) && out["sensitive"] === true && "value" in out) out["value"] = REDACTED;
  }
}

function redactStateValues(values: Json): void {
  if (!isObj(values)) return;
  redactOutputs(values["outputs"]);
  redactModuleValues(values["root_module"]);
}

/** Redacts a plan (`terraform show -json <planfile>`). */
export function redactPlan(plan: Obj): void {
  for (const key of ["resource_changes", "resource_drift"]) {
    const list = plan[key];
    if (Array.isArray(list)) for (const rc of list) if (isObj(rc)) redactChange(rc["change"]);
  }
  const outputChanges = plan["output_changes"];
  if (isObj(outputChanges)) for (const oc of Object.values(outputChanges)) if (isObj(oc)) redactChange(oc["change"]);
  const planned = plan["planned_values"];
  if (isObj(planned)) {
    redactOutputs(planned["outputs"]);
    redactModuleValues(planned["root_module"]);
  }
  const prior = plan["prior_state"];
  if (isObj(prior)) redactStateValues(prior["values"]);
  redactVariables(plan);
  redactConfigurationConstants(plan);
}

/**
 * Root variables' values are in the plan. Those declared sensitive are
 * redacted; without a configuration section nothing says which are, so all
 * of them are.
 */
function redactVariables(plan: Obj): void {
  const variables = plan["variables"];
  if (!isObj(variables)) return;
  const config = plan["configuration"];
  const declared = isObj(config) && isObj(config["root_module"]) ? config["root_module"]["variables"] : undefined;
  for (const [name, v] of Object.entries(variables)) {
    if (!isObj(v) || !("value" in v)) continue;
    const decl = isObj(declared) ? declared[name] : undefined;
    const known = isObj(declared);
    if (!known || (isObj(decl) && decl["sensitive"] === true)) v["value"] = REDACTED;
  }
  if (isObj(declared)) {
    for (const decl of Object.values(declared)) {
      if (isObj(decl) && decl["sensitive"] === true && "default" in decl) decl["default"] = REDACTED;
    }
  }
}

/**
 * A literal written in .tf for an attribute the provider marks sensitive
 * (`password = "..."`) appears as a `constant_value` in the configuration;
 * the resource's after_sensitive mask says which attributes those are.
 */
function redactConfigurationConstants(plan: Obj): void {
  const changes = plan["resource_changes"];
  const config = plan["configuration"];
  if (!Array.isArray(changes) || !isObj(config)) return;
  const sensitiveAttrs = new Map<string, Set<string>>();
  for (const rc of changes) {
    if (!isObj(rc) || !isObj(rc["change"])) continue;
    const mask = rc["change"]["after_sensitive"];
    if (!isObj(mask)) continue;
    const attrs = Object.keys(mask).filter((k) => mask[k] === true);
    if (attrs.length === 0) continue;
    const addr = typeof rc["address"] === "string" ? stripInstanceKeys(rc["address"]) : "";
    let set = sensitiveAttrs.get(addr);
    if (!set) sensitiveAttrs.set(addr, (set = new Set()));
    for (const a of attrs) set.add(a);
  }
  if (sensitiveAttrs.size === 0) return;
  walkConfigModules(config["root_module"], "", (prefix, resource) => {
    const local = resource["address"];
    const attrs = typeof local === "string" ? sensitiveAttrs.get(prefix === "" ? local : `${prefix}.${local}`) : undefined;
    const exprs = resource["expressions"];
    if (!attrs || !isObj(exprs)) return;
    for (const a of attrs) {
      const e = exprs[a];
      if (isObj(e) && "constant_value" in e) e["constant_value"] = REDACTED;
    }
  });
}

function walkConfigModules(mod: Json, prefix: string, visit: (prefix: string, resource: Obj) => void, depth = 0): void {
  if (!isObj(mod) || depth > 200) return;
  const resources = mod["resources"];
  if (Array.isArray(resources)) for (const r of resources) if (isObj(r)) visit(prefix, r);
  const calls = mod["module_calls"];
  if (!isObj(calls)) return;
  for (const [name, call] of Object.entries(calls)) {
    if (isObj(call)) walkConfigModules(call["module"], prefix === "" ? `module.${name}` : `${prefix}.module.${name}`, visit, depth + 1);
  }
}

/** Redacts a state as `terraform show -json` prints it. */
export function redactState(state: Obj): void {
  redactStateValues(state["values"]);
}

/** Redacts a raw state file: sensitive paths are listed per instance. */
export function redactRawState(state: Obj): void {
  redactOutputs(state["outputs"]);
  const resources = state["resources"];
  if (!Array.isArray(resources)) return;
  for (const r of resources) {
    if (!isObj(r) || !Array.isArray(r["instances"])) continue;
    for (const inst of r["instances"]) {
      if (!isObj(inst) || !Array.isArray(inst["sensitive_attributes"])) continue;
      for (const path of inst["sensitive_attributes"]) {
        inst["attributes"] = redactPath(inst["attributes"], Array.isArray(path) ? path : [path]);
      }
    }
  }
}

/** Follows a raw-state path ([{type: "get_attr", value: "password"}, ...]). */
function redactPath(value: Json, steps: Json[]): Json {
  if (steps.length === 0) return value === null || value === undefined ? value : REDACTED;
  const [step, ...rest] = steps;
  if (!isObj(step)) return value;
  let key: Json = step["value"];
  if (isObj(key) && "value" in key) key = key["value"];
  if (Array.isArray(value) && typeof key === "number") {
    value[key] = redactPath(value[key], rest);
  } else if (isObj(value) && (typeof key === "string" || typeof key === "number")) {
    const k = String(key);
    if (Object.prototype.hasOwnProperty.call(value, k)) value[k] = redactPath(value[k], rest);
  }
  return value;
}
