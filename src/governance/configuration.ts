import type { Model } from "../plan/model.js";

/**
 * Reading the plan's `configuration` block: provider configurations and
 * module calls, which the resource model does not carry. A state has no
 * configuration, so every list here is empty for states.
 */

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** What can be known of one configuration expression at plan time. */
export type ConfigValue =
  | { state: "known"; value: unknown }
  | { state: "unknown"; references: string[] }
  | { state: "absent" };

export interface ProviderConfig {
  /** The provider_config key: "aws", "aws.west", "module.net:google". */
  key: string;
  /** Local name: "aws", "google", "azurerm". */
  name: string;
  fullName: string;
  /** Absent when no `required_providers` entry or `version` argument constrains it. */
  versionConstraint?: string;
  /** Module the configuration is declared in; "" for the root module. */
  moduleAddress: string;
  expressions: Obj;
}

export interface ModuleCall {
  /** module.a.module.b */
  address: string;
  source: string;
  versionConstraint?: string;
}

export interface ConfiguredResource {
  /** Configuration address, with its module path. */
  address: string;
  mode: string;
  type: string;
  moduleAddress: string;
  expressions: Obj;
}

function configurationOf(model: Model): Obj | undefined {
  const c = model.document["configuration"];
  return isObj(c) ? c : undefined;
}

export function providerConfigs(model: Model): ProviderConfig[] {
  const pc = configurationOf(model)?.["provider_config"];
  if (!isObj(pc)) return [];
  const out: ProviderConfig[] = [];
  for (const [key, value] of Object.entries(pc)) {
    if (!isObj(value)) continue;
    const name = typeof value["name"] === "string" ? value["name"] : key.replace(/^.*:/, "").split(".")[0]!;
    const config: ProviderConfig = {
      key,
      name,
      fullName: typeof value["full_name"] === "string" ? value["full_name"] : name,
      moduleAddress: typeof value["module_address"] === "string" ? value["module_address"] : "",
      expressions: isObj(value["expressions"]) ? value["expressions"] : {},
    };
    if (typeof value["version_constraint"] === "string" && value["version_constraint"].trim() !== "")
      config.versionConstraint = value["version_constraint"];
    out.push(config);
  }
  return out;
}

/** Every module call, depth first, with its full address. */
export function moduleCalls(model: Model): ModuleCall[] {
  const out: ModuleCall[] = [];
  const walk = (mod: unknown, prefix: string): void => {
    if (!isObj(mod) || !isObj(mod["module_calls"])) return;
    for (const [name, call] of Object.entries(mod["module_calls"])) {
      if (!isObj(call)) continue;
      const address = `${prefix}module.${name}`;
      const entry: ModuleCall = { address, source: typeof call["source"] === "string" ? call["source"] : "" };
      if (typeof call["version_constraint"] === "string" && call["version_constraint"].trim() !== "")
        entry.versionConstraint = call["version_constraint"];
      out.push(entry);
      walk(call["module"], `${address}.`);
    }
  };
  walk(configurationOf(model)?.["root_module"], "");
  return out;
}

/** Every resource and data block of the configuration, in every module. */
export function configuredResources(model: Model): ConfiguredResource[] {
  const out: ConfiguredResource[] = [];
  const walk = (mod: unknown, prefix: string): void => {
    if (!isObj(mod)) return;
    if (Array.isArray(mod["resources"])) {
      for (const r of mod["resources"]) {
        if (!isObj(r) || typeof r["address"] !== "string") continue;
        out.push({
          address: `${prefix}${r["address"]}`,
          mode: String(r["mode"] ?? "managed"),
          type: String(r["type"] ?? ""),
          moduleAddress: prefix.replace(/\.$/, ""),
          expressions: isObj(r["expressions"]) ? r["expressions"] : {},
        });
      }
    }
    if (isObj(mod["module_calls"])) {
      for (const [name, call] of Object.entries(mod["module_calls"]))
        if (isObj(call)) walk(call["module"], `${prefix}module.${name}.`);
    }
  };
  walk(configurationOf(model)?.["root_module"], "");
  return out;
}

/**
 * The value of an expression: its constant, or a root variable's value when
 * the expression is exactly `var.x` in the root module. Anything computed
 * (locals, data sources, other resources) is unknown: a guess could put a
 * plan in the wrong environment.
 */
export function expressionValue(model: Model, expression: unknown, moduleAddress = ""): ConfigValue {
  if (!isObj(expression)) return { state: "absent" };
  if ("constant_value" in expression)
    return expression["constant_value"] === null
      ? { state: "absent" }
      : { state: "known", value: expression["constant_value"] };
  const refs = Array.isArray(expression["references"])
    ? expression["references"].filter((r): r is string => typeof r === "string")
    : [];
  if (refs.length === 0) return { state: "absent" };
  const variable = refs.length === 1 && moduleAddress === "" ? /^var\.([A-Za-z_][\w-]*)$/.exec(refs[0]!) : null;
  if (variable) {
    const vars = model.document["variables"];
    const entry = isObj(vars) ? vars[variable[1]!] : undefined;
    if (isObj(entry) && "value" in entry && entry["value"] !== null) return { state: "known", value: entry["value"] };
  }
  return { state: "unknown", references: refs };
}

/** The first element of a nested block list in a configuration (`assume_role { ... }`). */
export function nestedBlock(expressions: Obj, name: string): Obj | undefined {
  const v = expressions[name];
  if (Array.isArray(v)) return isObj(v[0]) ? v[0] : undefined;
  return isObj(v) ? v : undefined;
}
