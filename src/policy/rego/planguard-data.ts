import type { PlanguardConfig } from "../../config/config.js";
import type { Model, Resource } from "../../plan/model.js";
import { isJudged, type JudgeOptions } from "../evaluate.js";

/**
 * `data.planguard`: the normalized model as a Rego document, so policies can
 * be unknown-aware and reference-aware without knowing Terraform's JSON.
 * Built once per model; resource values are shared, not copied.
 * The contract is documented in docs/policy-authoring.md.
 */
export interface PlanguardData {
  resources: RegoResource[];
  resources_by_type: Record<string, RegoResource[]>;
  references: Record<string, { attribute: string; to: string }[]>;
  referrers: Record<string, { attribute: string; from: string; from_type: string }[]>;
  config: PlanguardConfig;
}

export interface RegoResource {
  address: string;
  config_address: string;
  module: string;
  type: string;
  name: string;
  mode: string;
  provider: string;
  actions: readonly string[];
  after: Record<string, unknown> | null;
  before: Record<string, unknown> | null;
  /** The after_unknown mask itself (shared, not copied); {} when there is none. */
  after_unknown: Record<string, unknown>;
  /** The resource block's `expressions` from the plan's configuration (shared), or null without one. */
  expressions: Record<string, unknown> | null;
  unknown_paths: string[];
}

/** The mask of a resource without one (state, or a plan without after_unknown). */
const NO_UNKNOWNS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

export function buildPlanguardData(model: Model, config: PlanguardConfig, judge: JudgeOptions = {}): PlanguardData {
  const resources: RegoResource[] = [];
  const byType: Record<string, RegoResource[]> = Object.create(null);
  const references: PlanguardData["references"] = Object.create(null);
  const referrers: PlanguardData["referrers"] = Object.create(null);
  // Indexed: once per resource, mostly before the optimizer steps in (for...of makes an iterator result per step).
  const all = model.resources;
  for (let i = 0; i < all.length; i++) {
    const r = all[i]!;
    if (!isJudged(r, config, judge)) continue;
    const rr = toRegoResource(r, model.graph.expressionsOf(r.configAddress) ?? null);
    resources.push(rr);
    (byType[r.type] ??= []).push(rr);
    if (!(r.configAddress in references)) {
      references[r.configAddress] = model.graph
        .referencesFrom(r.configAddress)
        .map((ref) => ({ attribute: ref.attribute, to: ref.to }));
      referrers[r.configAddress] = model.graph.referencesTo(r.configAddress).map((ref) => ({
        attribute: ref.attribute,
        from: ref.from,
        from_type: typeOfConfigAddress(ref.from),
      }));
    }
  }
  return { resources, resources_by_type: byType, references, referrers, config };
}

function toRegoResource(r: Resource, expressions: Record<string, unknown> | null): RegoResource {
  const rr = {
    address: r.address,
    config_address: r.configAddress,
    module: r.moduleAddress,
    type: r.type,
    name: r.name,
    mode: r.mode,
    provider: r.provider,
    actions: r.actions,
    after: r.after,
    before: r.before,
    after_unknown: isMask(r.afterUnknown) ? r.afterUnknown : NO_UNKNOWNS,
    expressions,
  } as RegoResource;
  // unknown_paths is listed on first read only: few policies read it
  // (lib.is_unknown reads after_unknown), and listing every mask costs more
  // than building the rest of data.planguard. An own enumerable property, as
  // the engine and JSON.stringify expect; the list replaces the getter.
  Object.defineProperty(rr, "unknown_paths", LAZY_UNKNOWN_PATHS);
  return rr;
}

const LAZY_UNKNOWN_PATHS: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: RegoResource): string[] {
    const value = unknownPaths(this.after_unknown);
    Object.defineProperty(this, "unknown_paths", { value, enumerable: true, writable: true, configurable: true });
    return value;
  },
};

function isMask(mask: unknown): mask is Record<string, unknown> {
  return typeof mask === "object" && mask !== null && !Array.isArray(mask);
}

/** The dotted paths marked `true` in an after_unknown mask. */
export function unknownPaths(mask: unknown): string[] {
  const out: string[] = [];
  const stack: [unknown, string][] = [[mask, ""]];
  while (stack.length > 0) {
    const [node, prefix] = stack.pop()!;
    if (node === true) {
      if (prefix !== "") out.push(prefix);
      continue;
    }
    if (node === null || typeof node !== "object") continue;
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
    for (const [k, v] of entries) stack.push([v, prefix === "" ? k : `${prefix}.${k}`]);
  }
  return out.sort();
}

/** `module.a.data.aws_x.y` → `aws_x`. */
function typeOfConfigAddress(address: string): string {
  const parts = address.split(".");
  return parts[parts.length - 2] ?? "";
}
