import { stripInstanceKeys } from "./address.js";
import { SensitiveDigests } from "./sensitive-digests.js";

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

/**
 * Blanks one slot, container[key], recording a digest of what it held so a
 * changed secret can still be told from an unchanged one.
 */
function blank(container: Obj | Json[], key: string | number, digests: SensitiveDigests): void {
  const original = (container as Record<string | number, Json>)[key];
  if (original === null || original === undefined || original === REDACTED) return;
  digests.record(container, key, original);
  (container as Record<string | number, Json>)[key] = REDACTED;
}

/**
 * Applies a sensitivity mask to the value at container[key]. Masks nest as
 * deep as the values they mirror, which the plan's author controls: walked
 * with a stack, so no depth runs out of call stack and none is skipped.
 */
function applyMaskAt(container: Obj | Json[], key: string | number, mask: Json, digests: SensitiveDigests): void {
  // Most masks are false or {}: answered before the stack is made.
  if (mask === true) {
    blank(container, key, digests);
    return;
  }
  if (typeof mask !== "object" || mask === null || isEmpty(mask)) return;
  const todo: [Obj | Json[], string | number, Json][] = [[container, key, mask]];
  while (todo.length > 0) {
    const [where, at, m] = todo.pop()!;
    if (m === true) {
      blank(where, at, digests);
      continue;
    }
    // Most of a mask is false, {} and []: nothing below them to blank.
    if (typeof m !== "object" || m === null) continue;
    const value = (where as Record<string | number, Json>)[at];
    if (typeof value !== "object" || value === null) continue;
    if (Array.isArray(m)) {
      if (!Array.isArray(value)) continue;
      for (let i = 0; i < m.length && i < value.length; i++) if (m[i] !== false) todo.push([value, i, m[i]]);
    } else if (!Array.isArray(value)) {
      for (const k in m) {
        const sub = (m as Obj)[k];
        if (sub !== false && Object.hasOwn(m, k) && Object.hasOwn(value, k)) todo.push([value as Obj, k, sub]);
      }
    }
  }
}

/** An object or array without members (a mask with nothing below it). */
function isEmpty(m: object): boolean {
  if (Array.isArray(m)) return m.length === 0;
  for (const k in m) if (Object.hasOwn(m, k)) return false;
  return true;
}

function redactChange(change: Json, d: SensitiveDigests): void {
  if (!isObj(change)) return;
  applyMaskAt(change, "before", change["before_sensitive"], d);
  applyMaskAt(change, "after", change["after_sensitive"], d);
}

/** A module tree of values (`child_modules`), at any depth. */
function redactModuleValues(root: Json, d: SensitiveDigests): void {
  const todo: Json[] = [root];
  while (todo.length > 0) {
    const mod = todo.pop();
    if (!isObj(mod)) continue;
    const resources = mod["resources"];
    if (Array.isArray(resources)) {
      for (let i = 0; i < resources.length; i++) {
        const r: Json = resources[i];
        if (isObj(r)) applyMaskAt(r, "values", r["sensitive_values"], d);
      }
    }
    const children = mod["child_modules"];
    if (Array.isArray(children)) for (const c of children) todo.push(c);
  }
}

function redactOutputs(outputs: Json, d: SensitiveDigests): void {
  if (!isObj(outputs)) return;
  for (const out of Object.values(outputs)) {
    if (isObj(out) && out["sensitive"] === true && "value" in out) blank(out, "value", d);
  }
}

function redactStateValues(values: Json, d: SensitiveDigests): void {
  if (!isObj(values)) return;
  redactOutputs(values["outputs"], d);
  redactModuleValues(values["root_module"], d);
}

/** Redacts a plan (`terraform show -json <planfile>`). */
export function redactPlan(plan: Obj, d: SensitiveDigests = new SensitiveDigests()): SensitiveDigests {
  // The top-level attributes each resource change marks sensitive, noted in the same pass (for
  // redactConfigurationConstants): a plan's changes are walked once.
  const sensitiveAttrs = new Map<string, Set<string>>();
  for (const key of ["resource_changes", "resource_drift"]) {
    const list = plan[key];
    if (!Array.isArray(list)) continue;
    const changes = key === "resource_changes";
    // Indexed, as every loop over a plan's resources here: it runs once, mostly before the optimizer
    // steps in, where each step of for...of is an iterator result object.
    for (let i = 0; i < list.length; i++) {
      const rc: Json = list[i];
      if (!isObj(rc)) continue;
      redactChange(rc["change"], d);
      if (changes) noteSensitiveAttributes(rc, sensitiveAttrs);
    }
  }
  // Changes Terraform deferred (1.9+, -allow-deferral) carry their values and masks one level down.
  const deferred = plan["deferred_changes"];
  if (Array.isArray(deferred)) {
    for (const dc of deferred)
      if (isObj(dc) && isObj(dc["resource_change"])) redactChange(dc["resource_change"]["change"], d);
  }
  const outputChanges = plan["output_changes"];
  if (isObj(outputChanges)) for (const oc of Object.values(outputChanges)) if (isObj(oc)) redactChange(oc["change"], d);
  const planned = plan["planned_values"];
  if (isObj(planned)) {
    redactOutputs(planned["outputs"], d);
    redactModuleValues(planned["root_module"], d);
  }
  const prior = plan["prior_state"];
  if (isObj(prior)) redactStateValues(prior["values"], d);
  redactVariables(plan, d);
  redactConfigurationConstants(plan, sensitiveAttrs, d);
  return d;
}

/**
 * Root variables' values are in the plan. Those declared sensitive are
 * redacted; without a configuration section nothing says which are, so all
 * of them are.
 */
function redactVariables(plan: Obj, d: SensitiveDigests): void {
  const variables = plan["variables"];
  if (!isObj(variables)) return;
  const config = plan["configuration"];
  const declared = isObj(config) && isObj(config["root_module"]) ? config["root_module"]["variables"] : undefined;
  for (const [name, v] of Object.entries(variables)) {
    if (!isObj(v) || !("value" in v)) continue;
    const decl = isObj(declared) ? declared[name] : undefined;
    const known = isObj(declared);
    if (!known || (isObj(decl) && decl["sensitive"] === true)) blank(v, "value", d);
  }
  if (isObj(declared)) {
    for (const decl of Object.values(declared)) {
      if (isObj(decl) && decl["sensitive"] === true && "default" in decl) blank(decl, "default", d);
    }
  }
}

/**
 * The top-level attributes a resource change's after_sensitive mask marks
 * (`password`), by the resource's configuration address.
 */
function noteSensitiveAttributes(rc: Obj, sensitiveAttrs: Map<string, Set<string>>): void {
  const change = rc["change"];
  if (!isObj(change)) return;
  const mask = change["after_sensitive"];
  if (!isObj(mask)) return;
  // Nearly every mask marks no top-level attribute: no array per resource, and the address is
  // stripped only for one that does.
  let set: Set<string> | undefined;
  for (const k in mask) {
    if (mask[k] !== true || !Object.hasOwn(mask, k)) continue;
    if (set === undefined) {
      const addr = typeof rc["address"] === "string" ? stripInstanceKeys(rc["address"]) : "";
      set = sensitiveAttrs.get(addr);
      if (!set) sensitiveAttrs.set(addr, (set = new Set()));
    }
    set.add(k);
  }
}

/**
 * A literal written in .tf for an attribute the provider marks sensitive
 * (`password = "..."`) appears as a `constant_value` in the configuration;
 * the resource's after_sensitive mask says which attributes those are
 * (`sensitiveAttrs`, noted while the changes were redacted).
 */
function redactConfigurationConstants(plan: Obj, sensitiveAttrs: Map<string, Set<string>>, d: SensitiveDigests): void {
  const config = plan["configuration"];
  if (sensitiveAttrs.size === 0 || !isObj(config)) return;
  walkConfigModules(config["root_module"], (prefix, resource) => {
    const local = resource["address"];
    const attrs =
      typeof local === "string" ? sensitiveAttrs.get(prefix === "" ? local : `${prefix}.${local}`) : undefined;
    const exprs = resource["expressions"];
    if (!attrs || !isObj(exprs)) return;
    for (const a of attrs) {
      const e = exprs[a];
      if (isObj(e) && "constant_value" in e) blank(e, "constant_value", d);
    }
  });
}

function walkConfigModules(root: Json, visit: (prefix: string, resource: Obj) => void): void {
  const todo: [Json, string][] = [[root, ""]];
  while (todo.length > 0) {
    const [mod, prefix] = todo.pop()!;
    if (!isObj(mod)) continue;
    const resources = mod["resources"];
    if (Array.isArray(resources))
      for (let i = 0; i < resources.length; i++) {
        const r: Json = resources[i];
        if (isObj(r)) visit(prefix, r);
      }
    const calls = mod["module_calls"];
    if (!isObj(calls)) continue;
    for (const [name, call] of Object.entries(calls)) {
      if (isObj(call)) todo.push([call["module"], prefix === "" ? `module.${name}` : `${prefix}.module.${name}`]);
    }
  }
}

/** Redacts a state as `terraform show -json` prints it. */
export function redactState(state: Obj, d: SensitiveDigests = new SensitiveDigests()): SensitiveDigests {
  redactStateValues(state["values"], d);
  return d;
}

/** Redacts a raw state file: sensitive paths are listed per instance. */
export function redactRawState(state: Obj, d: SensitiveDigests = new SensitiveDigests()): SensitiveDigests {
  redactOutputs(state["outputs"], d);
  const resources = state["resources"];
  if (!Array.isArray(resources)) return d;
  for (const r of resources) {
    if (!isObj(r) || !Array.isArray(r["instances"])) continue;
    for (const inst of r["instances"]) {
      if (!isObj(inst) || !Array.isArray(inst["sensitive_attributes"])) continue;
      for (const path of inst["sensitive_attributes"])
        redactPath(inst, "attributes", Array.isArray(path) ? path : [path], d);
    }
  }
  return d;
}

/** Follows a raw-state path ([{type: "get_attr", value: "password"}, ...]) from container[key]; a loop, as paths may be long. */
function redactPath(container: Obj | Json[], key: string | number, steps: Json[], d: SensitiveDigests): void {
  let where = container;
  let at = key;
  for (const step of steps) {
    const value = (where as Record<string | number, Json>)[at];
    if (!isObj(step)) return;
    let next: Json = step["value"];
    if (isObj(next) && "value" in next) next = next["value"];
    if (Array.isArray(value) && typeof next === "number" && next < value.length) {
      where = value;
      at = next;
    } else if (
      isObj(value) &&
      (typeof next === "string" || typeof next === "number") &&
      Object.hasOwn(value, String(next))
    ) {
      where = value;
      at = String(next);
    } else return;
  }
  blank(where, at, d);
}
