import { lookupTable } from "../plan/own.js";
import type { Attributes, Model, Resource } from "../plan/model.js";
import { AWS_EXTRACTORS } from "./demand/aws.js";
import { AZURE_EXTRACTORS } from "./demand/azure.js";
import { GCP_EXTRACTORS } from "./demand/gcp.js";
import type { Extractor, GpuDemand } from "./demand/groups.js";
import { KARPENTER_EXTRACTORS } from "./demand/karpenter.js";
import { KUBERNETES_EXTRACTORS } from "./demand/kubernetes.js";
import { linkContext, type Side } from "./link.js";

/**
 * How many accelerators a resource asks for: the entry point of GPU demand.
 * Each cloud's extractors live in demand/ (one module per cloud, plus
 * Kubernetes workloads and Karpenter node pools); this module picks the one
 * for a resource type and keeps each resource's answer.
 */

// What the rules, the summary and the scope read, from one place.
export { totalGpus, type GpuDemand, type GpuGroup } from "./demand/groups.js";
export { containerGpus, KUBERNETES_WORKLOAD_TYPES, podSpecPath } from "./demand/kubernetes.js";
export { karpenterNodePool } from "./demand/karpenter.js";
export { labelsOf, ownerLabels } from "./labels.js";

// Indexed by the plan's resource types: no prototype, so type "constructor" has no extractor.
const EXTRACTORS: Readonly<Record<string, Extractor>> = lookupTable({
  ...AWS_EXTRACTORS,
  ...GCP_EXTRACTORS,
  ...AZURE_EXTRACTORS,
  // Kubernetes workloads: requests on nodes counted above, kept apart.
  ...KUBERNETES_EXTRACTORS,
  // Karpenter NodePools: their accelerator limits bound the capacity they launch.
  ...KARPENTER_EXTRACTORS,
});

/** Resource types whose GPU demand planguard can read. */
export const GPU_RESOURCE_TYPES: readonly string[] = Object.keys(EXTRACTORS);

/**
 * The GPU demand of one side of a resource on its own; undefined for types
 * that carry no GPUs. Types whose shape lives in another resource (an ASG's
 * launch template, a MIG's instance template) need `resourceGpuDemand`.
 */
export function gpuDemandOf(type: string, values: Attributes | null, unknownMask?: unknown): GpuDemand | undefined {
  const extract = EXTRACTORS[type];
  if (!extract || values === null) return undefined;
  return extract(values, unknownMask, undefined);
}

/**
 * Every GPU rule asks for the same resources' demand; computing it (links to
 * templates and autoscalers included) once per resource and side keeps ten
 * rules from doing the work ten times. A resource belongs to one model, so
 * the resource object is the key.
 */
const demandCache: Record<Side, WeakMap<Resource, GpuDemand>> = { after: new WeakMap(), before: new WeakMap() };

/** The GPU demand of one side of a resource, following references to templates, clusters and autoscalers. */
export function resourceGpuDemand(model: Model, r: Resource, side: Side = "after"): GpuDemand | undefined {
  const extract = EXTRACTORS[r.type];
  const values = side === "after" ? r.after : r.before;
  // Most resources carry no GPUs: answered without touching the cache.
  if (!extract || values === null) return undefined;
  const cache = demandCache[side];
  let demand = cache.get(r);
  if (demand === undefined)
    cache.set(
      r,
      (demand = extract(values, side === "after" ? r.afterUnknown : undefined, linkContext(model, r, side))),
    );
  return demand;
}
