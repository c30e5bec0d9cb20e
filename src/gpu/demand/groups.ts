import type { Attributes } from "../../plan/model.js";
import { getPath, maskCovers } from "../../plan/paths.js";
import { familyOf } from "../catalog.js";
import type { AcceleratorKind, AcceleratorSpec } from "../models.js";
import type { LinkContext } from "../link.js";
import { num, str } from "../values.js";

/**
 * The shapes every extractor answers with, and the few ways extractors put
 * them together (a shape times a node count, the largest of several options,
 * one part undecided making the whole undecided). The extractors by cloud
 * (aws.ts, gcp.ts, azure.ts, kubernetes.ts, karpenter.ts) build on these;
 * ../demand.ts dispatches to them.
 */

/**
 * How many accelerators a resource asks for, read from one side of a change
 * (before or after). A resource may hold several groups (an endpoint
 * configuration with two production variants, a VM with a machine type that
 * carries GPUs plus a guest_accelerator): one GpuGroup each.
 *
 * Pools count their upper bound (autoscaling max, else the node count): that
 * is what the quota must allow. docs/gpu.md lists how each type is counted.
 */
export interface GpuGroup {
  /** Accelerators for the whole group (per node × nodes). */
  gpus: number;
  perNode: number;
  nodes: number;
  model: string;
  shortModel: string;
  kind: AcceleratorKind;
  /** The machine shape or accelerator type that implies the GPUs. */
  shape: string;
  /** Instance family of the shape (p4d, a2, NCads_A100_v4); absent for Kubernetes requests. */
  family?: string;
  /** The attribute path the shape was read from. */
  attribute: string;
  /**
   * A Kubernetes workload's request (pods × nvidia.com/gpu), which lands on
   * nodes that a node pool already counts: kept apart from cloud capacity.
   */
  workload?: boolean;
  /** The plan does not name the model (a pod without a GPU node selector, a Karpenter limit). */
  unspecifiedModel?: boolean;
  /** An assumption made to count this group, said in reports (GKE's default of 3 zones). */
  assumption?: string;
}

export interface GpuDemand {
  groups: GpuGroup[];
  /** Set when a shape or node count is known only after apply (or nowhere in the plan). */
  undecided?: string;
}

/**
 * Reads one resource type's demand from one side's values and after_unknown
 * mask. `ctx` follows links to other resources; it is absent when the caller
 * asks about a resource on its own (gpuDemandOf).
 */
export type Extractor = (values: Attributes, unknownMask: unknown, ctx: LinkContext | undefined) => GpuDemand;

export const undecided = (why: string): GpuDemand => ({ groups: [], undecided: why });
export const afterApply = (path: string): GpuDemand => undecided(`${path} is known only after apply`);
export const none = (): GpuDemand => ({ groups: [] });

/** A group of `nodes` machines of a catalog shape. */
export function group(spec: AcceleratorSpec, nodes: number, shape: string, attribute: string): GpuGroup {
  return {
    gpus: spec.count * nodes,
    perNode: spec.count,
    nodes,
    model: spec.model,
    shortModel: spec.shortModel,
    kind: spec.kind,
    shape,
    family: familyOf(shape),
    attribute,
  };
}

/**
 * One node's accelerators named by model rather than by a catalog shape: a
 * GCE guest_accelerator block, a Vertex AI machine_spec, a Workbench
 * accelerator config.
 */
export function modelGroup(
  accelerator: { model: string; shortModel: string; kind: AcceleratorKind },
  count: number,
  shape: string,
  family: string,
  attribute: string,
): GpuGroup {
  const { model, shortModel, kind } = accelerator;
  return { gpus: count, perNode: count, nodes: 1, model, shortModel, kind, shape, family, attribute };
}

/** The first node count found along the paths; "unknown" stops at an unknown one. */
export function countAt(
  values: Attributes,
  unknownMask: unknown,
  paths: readonly string[],
): number | { unknown: string } | undefined {
  for (const p of paths) {
    const n = num(getPath(values, p));
    if (n !== undefined) return n;
    if (maskCovers(unknownMask, p)) return { unknown: p };
  }
  return undefined;
}

/** One machine shape × a node count, with unknown handling for both. */
export function shapeDemand(
  values: Attributes,
  unknownMask: unknown,
  shapePath: string,
  lookup: (shape: string) => AcceleratorSpec | undefined,
  nodeCountPaths: readonly string[] = [],
  defaultNodes = 1,
): GpuDemand {
  const shape = str(getPath(values, shapePath));
  if (shape === undefined) return maskCovers(unknownMask, shapePath) ? afterApply(shapePath) : none();
  const spec = lookup(shape);
  if (!spec) return none();
  const n = countAt(values, unknownMask, nodeCountPaths);
  if (typeof n === "object") return afterApply(n.unknown);
  return { groups: [group(spec, n ?? defaultNodes, shape, shapePath)] };
}

/** All parts together; one undecided part makes the whole undecided. */
export function merge(...parts: GpuDemand[]): GpuDemand {
  const out: GpuDemand = { groups: [] };
  for (const p of parts) {
    if (p.undecided) return { groups: [], undecided: p.undecided };
    out.groups.push(...p.groups);
  }
  return out;
}

/** Every group times `nodes` (a pool's size, a zone count), with the assumption that count rests on. */
export function scale(d: GpuDemand, nodes: number, assumption?: string): GpuDemand {
  if (d.undecided) return d;
  return {
    groups: d.groups.map((g) => {
      const out: GpuGroup = { ...g, nodes: g.nodes * nodes, gpus: g.gpus * nodes };
      if (assumption) out.assumption = assumption;
      return out;
    }),
  };
}

/** Groups whose shape was read from another resource point at the attribute that links to it. */
export function via(d: GpuDemand, attribute: string): GpuDemand {
  return d.undecided ? d : { groups: d.groups.map((g) => ({ ...g, attribute })) };
}

/** The largest of several possible demands (an ASG's override types, count-ed templates): the quota must allow it. */
export function largest(options: GpuDemand[]): GpuDemand {
  let best: GpuDemand = none();
  for (const d of options) {
    if (d.undecided) return d;
    if (totalGpus(d) > totalGpus(best)) best = d;
  }
  return best;
}

/** Accelerators of a demand, of the groups `keep` accepts (all by default). */
export function totalGpus(demand: GpuDemand | undefined, keep?: (g: GpuGroup) => boolean): number {
  if (!demand) return 0;
  let sum = 0;
  for (const g of demand.groups) sum += keep && !keep(g) ? 0 : g.gpus;
  return sum;
}
