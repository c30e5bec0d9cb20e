import { stripInstanceKeys } from "../plan/address.js";
import type { Attributes, Model, Resource } from "../plan/model.js";

/**
 * Cross-resource look-ups for GPU demand: an autoscaling group's launch
 * template, a managed instance group's instance template and autoscaler, a
 * node pool's cluster. A link is found by the known value of the reference
 * (an id, name or self link of a resource the plan shows), else through the
 * configuration's reference graph (a resource created in the same plan,
 * whose id is known only after apply).
 */

export type Side = "before" | "after";

export interface Linked {
  resource: Resource;
  /** The linked resource's values on the same side. */
  values: Attributes;
  /** Its after_unknown mask (after side only). */
  unknown: unknown;
}

export interface LinkContext {
  /** Resources of `types` that the attribute at `path` refers to. */
  linked(
    path: string,
    types: readonly string[],
    knownRef: unknown,
    matches: (values: Attributes, ref: string) => boolean,
  ): Linked[];
  /** Resources of `types` that refer to this one (through `attributePrefix`, or by `matches`). */
  referrers(
    types: readonly string[],
    attributePrefix: string,
    matches: (values: Attributes, self: Attributes) => boolean,
  ): Linked[];
  /** Whether the configuration sets a top-level attribute (false: the provider computes it). */
  configured(attribute: string): boolean;
}

/** `module.a.aws_launch_template.x` → `aws_launch_template`. */
function typeOfConfigAddress(address: string): string {
  const parts = address.split(".");
  return parts[parts.length - 2] ?? "";
}

/** Resources by type, built once per model: look-ups by known id scan one type, not the whole plan. */
const byTypeCache = new WeakMap<Model, Map<string, Resource[]>>();

function resourcesOfTypes(model: Model, types: readonly string[]): Resource[] {
  let index = byTypeCache.get(model);
  if (!index) {
    index = new Map();
    for (const x of model.resources) {
      const list = index.get(x.type);
      if (list) list.push(x);
      else index.set(x.type, [x]);
    }
    byTypeCache.set(model, index);
  }
  return types.flatMap((t) => index!.get(t) ?? []);
}

/**
 * The links of one resource on one side. Every GPU resource's demand gets
 * one, and most never follow a link: a plain object with methods costs one
 * allocation where closures would cost one per method.
 */
export function linkContext(model: Model, r: Resource, side: Side): LinkContext {
  return new ResourceLinks(model, r, side);
}

class ResourceLinks implements LinkContext {
  constructor(
    private readonly model: Model,
    private readonly r: Resource,
    private readonly side: Side,
  ) {}

  linked(
    path: string,
    types: readonly string[],
    knownRef: unknown,
    matches: (values: Attributes, ref: string) => boolean,
  ): Linked[] {
    if (typeof knownRef === "string" && knownRef !== "") {
      const hits = resourcesOfTypes(this.model, types).filter(
        (x) => this.exists(x) && matches(this.valuesOf(x)!, knownRef),
      );
      if (hits.length > 0) return this.pickInstance(hits).map((x) => this.linkedOf(x));
    }
    // Graph references are written in the configuration, which describes the after side.
    const configPath = path
      .split(".")
      .filter((s) => !/^\d+$/.test(s))
      .join(".");
    const out: Resource[] = [];
    for (const ref of this.model.graph.referencesFrom(this.r.configAddress, configPath)) {
      if (!types.includes(typeOfConfigAddress(ref.to))) continue;
      for (const x of this.model.byConfigAddress(ref.to))
        if (this.exists(x) && this.sameModule(x) && !out.includes(x)) out.push(x);
    }
    return this.pickInstance(out).map((x) => this.linkedOf(x));
  }

  referrers(
    types: readonly string[],
    attributePrefix: string,
    matches: (values: Attributes, self: Attributes) => boolean,
  ): Linked[] {
    const self = this.valuesOf(this.r);
    const out: Resource[] = [];
    if (self) {
      for (const x of resourcesOfTypes(this.model, types))
        if (this.exists(x) && matches(this.valuesOf(x)!, self)) out.push(x);
    }
    for (const ref of this.model.graph.referencesTo(this.r.configAddress)) {
      if (!(ref.attribute === attributePrefix || ref.attribute.startsWith(attributePrefix + "."))) continue;
      if (!types.includes(typeOfConfigAddress(ref.from))) continue;
      for (const x of this.model.byConfigAddress(ref.from)) {
        if (this.exists(x) && this.sameModule(x) && !out.includes(x)) out.push(x);
      }
    }
    return out.map((x) => this.linkedOf(x));
  }

  configured(attribute: string): boolean {
    const expressions = this.model.graph.expressionsOf(this.r.configAddress);
    return expressions === undefined || Object.hasOwn(expressions, attribute);
  }

  private valuesOf(x: Resource): Attributes | null {
    return this.side === "after" ? x.after : x.before;
  }

  private exists(x: Resource): boolean {
    return x.mode === "managed" && !x.deposed && (this.side === "after" ? x.willExist : x.before !== null);
  }

  private linkedOf(x: Resource): Linked {
    return { resource: x, values: this.valuesOf(x)!, unknown: this.side === "after" ? x.afterUnknown : undefined };
  }

  private sameModule(x: Resource): boolean {
    return (
      stripInstanceKeys(x.moduleAddress) !== stripInstanceKeys(this.r.moduleAddress) ||
      x.moduleAddress === this.r.moduleAddress
    );
  }

  private pickInstance(candidates: Resource[]): Resource[] {
    if (candidates.length <= 1 || this.r.index === undefined) return candidates;
    const same = candidates.filter((c) => c.index === this.r.index);
    return same.length > 0 ? same : candidates;
  }
}
