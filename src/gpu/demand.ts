import type { Attributes } from "../plan/model.js";
import { getPath } from "../plan/paths.js";
import {
  awsInstanceAccelerators,
  azureVmAccelerators,
  gcpAcceleratorModel,
  gcpMachineAccelerators,
  shortModelName,
  type AcceleratorSpec,
} from "./catalog.js";

/**
 * How many accelerators a resource asks for, read from one side of a change
 * (before or after). A resource may hold several groups (an endpoint
 * configuration with two production variants, a VM with a machine type that
 * carries GPUs plus a guest_accelerator): one GpuGroup each.
 *
 * Node pools count their upper bound (autoscaling max, else the node count):
 * that is what the quota must allow.
 */
export interface GpuGroup {
  /** Accelerators for the whole group (per node × nodes). */
  gpus: number;
  perNode: number;
  nodes: number;
  model: string;
  shortModel: string;
  /** The machine shape or accelerator type that implies the GPUs. */
  shape: string;
  /** The attribute path the shape was read from. */
  attribute: string;
}

export interface GpuDemand {
  groups: GpuGroup[];
  /** Set when a shape or node count is known only after apply. */
  undecided?: string;
}

type Extractor = (values: Attributes, unknown: unknown) => GpuDemand;

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function isUnknownAt(unknownMask: unknown, path: string): boolean {
  let cur: unknown = unknownMask;
  for (const step of path.split(".")) {
    if (cur === true) return true;
    if (cur === null || typeof cur !== "object") return false;
    cur = (cur as Record<string, unknown>)[step];
  }
  return cur === true;
}

function group(spec: AcceleratorSpec, nodes: number, shape: string, attribute: string): GpuGroup {
  return { gpus: spec.count * nodes, perNode: spec.count, nodes, model: spec.model, shortModel: spec.shortModel, shape, attribute };
}

/** One machine shape × a node count, with unknown handling for both. */
function shapeDemand(
  values: Attributes,
  unknownMask: unknown,
  shapePath: string,
  lookup: (shape: string) => AcceleratorSpec | undefined,
  nodeCountPaths: string[] = [],
): GpuDemand {
  const shape = str(getPath(values, shapePath));
  if (shape === undefined) {
    return isUnknownAt(unknownMask, shapePath) ? { groups: [], undecided: `${shapePath} is known only after apply` } : { groups: [] };
  }
  const spec = lookup(shape);
  if (!spec) return { groups: [] };
  let nodes = 1;
  for (const p of nodeCountPaths) {
    const n = num(getPath(values, p));
    if (n !== undefined) {
      nodes = n;
      break;
    }
    if (isUnknownAt(unknownMask, p)) return { groups: [], undecided: `${p} is known only after apply` };
  }
  return { groups: [group(spec, nodes, shape, shapePath)] };
}

/** google_compute_instance and node pools: implicit GPUs of the machine type plus guest_accelerator blocks. */
function gcpDemand(values: Attributes, unknownMask: unknown, prefix: string, nodeCountPaths: string[]): GpuDemand {
  const base = shapeDemand(values, unknownMask, `${prefix}machine_type`, gcpMachineAccelerators, nodeCountPaths);
  if (base.undecided) return base;
  const nodes = base.groups[0]?.nodes ?? nodesFrom(values, nodeCountPaths);
  const accelerators = getPath(values, `${prefix}guest_accelerator`);
  if (Array.isArray(accelerators)) {
    accelerators.forEach((acc, i) => {
      const type = str(getPath(acc, "type"));
      const count = num(getPath(acc, "count"));
      if (type === undefined || count === undefined || count <= 0) return;
      const model = gcpAcceleratorModel(type) ?? { model: type, shortModel: shortModelName(type) };
      base.groups.push({
        gpus: count * nodes,
        perNode: count,
        nodes,
        model: model.model,
        shortModel: model.shortModel,
        shape: type,
        attribute: `${prefix}guest_accelerator.${i}`,
      });
    });
  }
  return base;
}

function nodesFrom(values: Attributes, paths: string[]): number {
  for (const p of paths) {
    const n = num(getPath(values, p));
    if (n !== undefined) return n;
  }
  return 1;
}

const EXTRACTORS: Record<string, Extractor> = {
  aws_instance: (v, u) => shapeDemand(v, u, "instance_type", awsInstanceAccelerators),
  aws_sagemaker_notebook_instance: (v, u) => shapeDemand(v, u, "instance_type", awsInstanceAccelerators),
  aws_eks_node_group: (v, u) =>
    shapeDemand(v, u, "instance_types.0", awsInstanceAccelerators, ["scaling_config.0.max_size", "scaling_config.0.desired_size"]),
  aws_sagemaker_endpoint_configuration: (v, u) => {
    const variants = getPath(v, "production_variants");
    const out: GpuDemand = { groups: [] };
    if (!Array.isArray(variants)) return out;
    for (let i = 0; i < variants.length; i++) {
      const d = shapeDemand(v, u, `production_variants.${i}.instance_type`, awsInstanceAccelerators, [
        `production_variants.${i}.initial_instance_count`,
      ]);
      if (d.undecided) return d;
      out.groups.push(...d.groups);
    }
    return out;
  },
  google_compute_instance: (v, u) => gcpDemand(v, u, "", []),
  google_container_node_pool: (v, u) =>
    gcpDemand(v, u, "node_config.0.", ["autoscaling.0.max_node_count", "autoscaling.0.total_max_node_count", "node_count", "initial_node_count"]),
  azurerm_linux_virtual_machine: (v, u) => shapeDemand(v, u, "size", azureVmAccelerators),
  azurerm_windows_virtual_machine: (v, u) => shapeDemand(v, u, "size", azureVmAccelerators),
  azurerm_virtual_machine: (v, u) => shapeDemand(v, u, "vm_size", azureVmAccelerators),
  azurerm_kubernetes_cluster_node_pool: (v, u) => shapeDemand(v, u, "vm_size", azureVmAccelerators, ["max_count", "node_count"]),
  azurerm_kubernetes_cluster: (v, u) =>
    shapeDemand(v, u, "default_node_pool.0.vm_size", azureVmAccelerators, ["default_node_pool.0.max_count", "default_node_pool.0.node_count"]),
  azurerm_machine_learning_compute_cluster: (v, u) =>
    shapeDemand(v, u, "vm_size", azureVmAccelerators, ["scale_settings.0.max_node_count"]),
};

/** Resource types whose GPU demand planguard can read. */
export const GPU_RESOURCE_TYPES: readonly string[] = Object.keys(EXTRACTORS);

/** The GPU demand of one side of a resource; undefined for types that carry no GPUs. */
export function gpuDemandOf(type: string, values: Attributes | null, unknownMask?: unknown): GpuDemand | undefined {
  const extract = EXTRACTORS[type];
  if (!extract || values === null) return undefined;
  return extract(values, unknownMask);
}

export function totalGpus(demand: GpuDemand | undefined): number {
  return demand ? demand.groups.reduce((sum, g) => sum + g.gpus, 0) : 0;
}

/** Tags (AWS, Azure) or labels (GCP) of a GPU resource, where the provider keeps them. */
export function ownerLabels(type: string, values: Attributes | null): { labels: Record<string, unknown>; paths: string[] } {
  const paths = type.startsWith("google_")
    ? type === "google_container_node_pool"
      ? ["node_config.0.resource_labels", "node_config.0.labels"]
      : ["labels", "effective_labels"]
    : ["tags", "tags_all"];
  const labels: Record<string, unknown> = {};
  for (const p of paths) {
    const v = getPath(values, p);
    if (v && typeof v === "object" && !Array.isArray(v)) Object.assign(labels, v);
  }
  return { labels, paths };
}
