import { lookupTable } from "../plan/own.js";
import type { Attributes, Model, Resource } from "../plan/model.js";
import { getPath } from "../plan/paths.js";
import {
  awsInstanceAccelerators,
  azureVmAccelerators,
  familyOf,
  gcpAcceleratorModel,
  gcpMachineAccelerators,
  kindOfModel,
  shortModelName,
  tpuApiAccelerators,
  vertexAcceleratorModel,
  type AcceleratorKind,
  type AcceleratorSpec,
} from "./catalog.js";
import { linkContext, type LinkContext, type Linked, type Side } from "./link.js";

export type { AcceleratorKind } from "./catalog.js";
export type { Side } from "./link.js";

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

type Extractor = (values: Attributes, unknown: unknown, ctx: LinkContext | undefined) => GpuDemand;

const num = (v: unknown): number | undefined => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  // The Kubernetes provider keeps `replicas` as a string.
  if (typeof v === "string" && /^\d+$/.test(v)) return Number(v);
  return undefined;
};
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

export function isUnknownAt(unknownMask: unknown, path: string): boolean {
  let cur: unknown = unknownMask;
  for (const step of path.split(".")) {
    if (cur === true) return true;
    if (cur === null || typeof cur !== "object") return false;
    cur = (cur as Record<string, unknown>)[step];
  }
  return cur === true;
}

const undecided = (why: string): GpuDemand => ({ groups: [], undecided: why });
const afterApply = (path: string): GpuDemand => undecided(`${path} is known only after apply`);
const none = (): GpuDemand => ({ groups: [] });

function group(spec: AcceleratorSpec, nodes: number, shape: string, attribute: string): GpuGroup {
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

/** The first node count found along the paths; "unknown" stops at an unknown one. */
function countAt(values: Attributes, unknownMask: unknown, paths: readonly string[]): number | { unknown: string } | undefined {
  for (const p of paths) {
    const n = num(getPath(values, p));
    if (n !== undefined) return n;
    if (isUnknownAt(unknownMask, p)) return { unknown: p };
  }
  return undefined;
}

/** One machine shape × a node count, with unknown handling for both. */
function shapeDemand(
  values: Attributes,
  unknownMask: unknown,
  shapePath: string,
  lookup: (shape: string) => AcceleratorSpec | undefined,
  nodeCountPaths: readonly string[] = [],
  defaultNodes = 1,
): GpuDemand {
  const shape = str(getPath(values, shapePath));
  if (shape === undefined) return isUnknownAt(unknownMask, shapePath) ? afterApply(shapePath) : none();
  const spec = lookup(shape);
  if (!spec) return none();
  const n = countAt(values, unknownMask, nodeCountPaths);
  if (typeof n === "object") return afterApply(n.unknown);
  return { groups: [group(spec, n ?? defaultNodes, shape, shapePath)] };
}

function merge(...parts: GpuDemand[]): GpuDemand {
  const out: GpuDemand = { groups: [] };
  for (const p of parts) {
    if (p.undecided) return { groups: [], undecided: p.undecided };
    out.groups.push(...p.groups);
  }
  return out;
}

function scale(d: GpuDemand, nodes: number, assumption?: string): GpuDemand {
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
function via(d: GpuDemand, attribute: string): GpuDemand {
  return d.undecided ? d : { groups: d.groups.map((g) => ({ ...g, attribute })) };
}

/** The largest of several possible demands (an ASG's override types, count-ed templates): the quota must allow it. */
function largest(options: GpuDemand[]): GpuDemand {
  let best: GpuDemand = none();
  for (const d of options) {
    if (d.undecided) return d;
    if (totalGpus(d) > totalGpus(best)) best = d;
  }
  return best;
}

// ---------------------------------------------------------------------------
// GCP

/** Implicit GPUs of a GCE machine type plus explicit guest_accelerator blocks, for one node. */
function gcpNodeDemand(values: Attributes, unknownMask: unknown, prefix: string): GpuDemand {
  const base = shapeDemand(values, unknownMask, `${prefix}machine_type`, gcpMachineAccelerators);
  if (base.undecided) return base;
  // A/G machine types attach their GPUs implicitly, and GKE and GCE repeat them in
  // guest_accelerator; only machine types without implicit GPUs (N1) add explicit ones.
  if (base.groups.length > 0) return base;
  const family = familyOf(str(getPath(values, `${prefix}machine_type`)) ?? "");
  list(getPath(values, `${prefix}guest_accelerator`)).forEach((acc, i) => {
    const type = str(getPath(acc, "type"));
    const count = num(getPath(acc, "count"));
    if (type === undefined || count === undefined || count <= 0) return;
    const model = gcpAcceleratorModel(type) ?? { model: type, shortModel: shortModelName(type), kind: kindOfModel(type) };
    base.groups.push({
      gpus: count,
      perNode: count,
      nodes: 1,
      model: model.model,
      shortModel: model.shortModel,
      kind: model.kind,
      shape: type,
      family,
      attribute: `${prefix}guest_accelerator.${i}`,
    });
  });
  if (isUnknownAt(unknownMask, `${prefix}guest_accelerator`) && base.groups.length === 0) {
    // GKE computes guest_accelerator for A/G machine types; an N1 with an unknown block cannot be judged.
    const machine = str(getPath(values, `${prefix}machine_type`)) ?? "";
    if (/^n1-/.test(machine)) return afterApply(`${prefix}guest_accelerator`);
  }
  return base;
}

const isZone = (location: string): boolean => /^[a-z]+-[a-z]+\d+-[a-z]$/.test(location);
const REGIONAL_DEFAULT_ZONES = 3;

/**
 * Zones a GKE pool spreads over: node_count and max_node_count are per zone.
 * The pool's node_locations, else the cluster's (plus its own zone for a
 * zonal cluster), else 1 for a zonal location and GKE's default of 3 for a
 * regional one.
 */
function gkeZones(pool: Attributes, poolUnknown: unknown, cluster: Linked | undefined, inCluster?: Attributes): { zones: number; assumption?: string } | { unknown: string } {
  const own = list(getPath(pool, "node_locations"));
  if (own.length > 0) return { zones: own.length };
  const clusterValues = inCluster ?? cluster?.values;
  const location = str(getPath(pool, "location")) ?? str(getPath(clusterValues, "location"));
  const clusterZones = list(getPath(clusterValues, "node_locations")).filter((z): z is string => typeof z === "string");
  if (clusterZones.length > 0) {
    return { zones: location && isZone(location) && !clusterZones.includes(location) ? clusterZones.length + 1 : clusterZones.length };
  }
  if (location === undefined) {
    if (isUnknownAt(poolUnknown, "location")) return { unknown: "location" };
    return { zones: 1, assumption: "location not in the plan: counted as one zone" };
  }
  if (isZone(location)) return { zones: 1 };
  return { zones: REGIONAL_DEFAULT_ZONES, assumption: `regional pool in ${location} without node_locations: counted over GKE's default of ${REGIONAL_DEFAULT_ZONES} zones` };
}

/** One GKE node pool (a google_container_node_pool, or a node_pool block of a cluster). */
function gkePool(values: Attributes, unknownMask: unknown, prefix: string, cluster: Linked | undefined, inCluster?: Attributes): GpuDemand {
  const node = gcpNodeDemand(values, unknownMask, `${prefix}node_config.0.`);
  if (node.undecided || node.groups.length === 0) return node;
  const total = num(getPath(values, `${prefix}autoscaling.0.total_max_node_count`));
  if (total !== undefined && total > 0) return scale(node, total);
  const perZone = countAt(values, unknownMask, [`${prefix}autoscaling.0.max_node_count`, `${prefix}node_count`, `${prefix}initial_node_count`]);
  if (typeof perZone === "object") return afterApply(perZone.unknown);
  const poolValues = prefix === "" ? values : (obj(getPath(values, prefix.replace(/\.$/, ""))) ?? {});
  const zones = gkeZones(poolValues, prefix === "" ? unknownMask : undefined, cluster, inCluster);
  if ("unknown" in zones) return afterApply(zones.unknown);
  return scale(node, (perZone ?? 1) * zones.zones, zones.assumption);
}

function gkeCluster(values: Attributes, unknownMask: unknown, ctx: LinkContext | undefined): GpuDemand {
  if (getPath(values, "remove_default_node_pool") === true) return none();
  const pools = list(getPath(values, "node_pool"));
  if (pools.length > 0) return merge(...pools.map((_, i) => gkePool(values, unknownMask, `node_pool.${i}.`, undefined, values)));
  // The default pool: node_config unset by the author means e2-medium.
  if (isUnknownAt(unknownMask, "node_config") && ctx && !ctx.configured("node_config")) return none();
  const node = gcpNodeDemand(values, unknownMask, "node_config.0.");
  if (node.undecided || node.groups.length === 0) return node;
  const perZone = countAt(values, unknownMask, ["initial_node_count"]);
  if (typeof perZone === "object") return afterApply(perZone.unknown);
  const zones = gkeZones({ node_locations: getPath(values, "node_locations"), location: getPath(values, "location") }, undefined, undefined, values);
  if ("unknown" in zones) return afterApply(zones.unknown);
  return scale(node, (perZone ?? 1) * zones.zones, zones.assumption);
}

const templateName = (ref: string): string => (ref.split("?")[0] ?? ref).split("/").pop() ?? ref;
const matchesByName = (field = "name") => (values: Attributes, ref: string) =>
  str(values[field]) !== undefined && (values[field] === ref || values["self_link"] === ref || values["id"] === ref || templateName(ref) === values[field]);

/** A managed instance group: its template's shape × the autoscaler's max, else target_size. */
function gceGroupManager(autoscalerTypes: readonly string[]): Extractor {
  return (values, unknownMask, ctx) => {
    const versions = list(getPath(values, "version"));
    const shapes: GpuDemand[] = [];
    for (let i = 0; i < Math.max(versions.length, 1); i++) {
      const path = versions.length > 0 ? `version.${i}.instance_template` : "instance_template";
      const ref = getPath(values, path);
      if (!ctx) return undecided(`the instance template of ${path} is another resource`);
      const templates = ctx.linked(path, ["google_compute_instance_template", "google_compute_region_instance_template"], ref, matchesByName());
      if (templates.length === 0) {
        if (ref === undefined && !isUnknownAt(unknownMask, path)) continue;
        return undecided(`the instance template named by ${path} is not in the plan`);
      }
      shapes.push(via(largest(templates.map((t) => gcpNodeDemand(t.values, t.unknown, ""))), path));
    }
    const shape = largest(shapes);
    if (shape.undecided || shape.groups.length === 0) return shape;
    const autoscalers = ctx ? ctx.referrers(autoscalerTypes, "target", (a, self) => matchesByName()(self, str(a["target"]) ?? "\u0000")) : [];
    if (autoscalers.length > 0) {
      const maxes = autoscalers.map((a) => num(getPath(a.values, "autoscaling_policy.0.max_replicas")));
      if (maxes.some((m) => m === undefined)) return afterApply("the autoscaler's autoscaling_policy.0.max_replicas");
      return scale(shape, Math.max(...(maxes as number[])));
    }
    const n = countAt(values, unknownMask, ["target_size"]);
    if (typeof n === "object") return afterApply(n.unknown);
    return scale(shape, n ?? 0);
  };
}

/** machine_spec blocks of Vertex AI: explicit accelerators, else the machine type's implicit ones. */
function machineSpec(values: Attributes, unknownMask: unknown, path: string): GpuDemand {
  const type = str(getPath(values, `${path}.accelerator_type`));
  const count = num(getPath(values, `${path}.accelerator_count`));
  const machine = str(getPath(values, `${path}.machine_type`)) ?? "";
  if (type !== undefined && type !== "ACCELERATOR_TYPE_UNSPECIFIED" && count !== undefined && count > 0) {
    const m = vertexAcceleratorModel(type);
    return {
      groups: [{ gpus: count, perNode: count, nodes: 1, model: m.model, shortModel: m.shortModel, kind: m.kind, shape: type, family: familyOf(machine || type), attribute: `${path}.accelerator_type` }],
    };
  }
  if (isUnknownAt(unknownMask, `${path}.accelerator_type`) || isUnknownAt(unknownMask, `${path}.accelerator_count`)) {
    return afterApply(`${path}.accelerator_count`);
  }
  // a2-highgpu-1g carries its A100 whether or not the spec repeats it.
  return shapeDemand(values, unknownMask, `${path}.machine_type`, gcpMachineAccelerators);
}

function vertexDedicated(base: string): Extractor {
  return (values, unknownMask) => {
    const spec = machineSpec(values, unknownMask, `${base}.machine_spec.0`);
    if (spec.undecided || spec.groups.length === 0) return spec;
    const n = countAt(values, unknownMask, [`${base}.max_replica_count`, `${base}.min_replica_count`]);
    if (typeof n === "object") return afterApply(n.unknown);
    return scale(spec, n && n > 0 ? n : 1);
  };
}

/** Notebooks/Workbench accelerator_config blocks: {type: NVIDIA_TESLA_T4, core_count}. */
function acceleratorConfigs(values: Attributes, unknownMask: unknown, path: string, machinePath: string): GpuDemand {
  const out = shapeDemand(values, unknownMask, machinePath, gcpMachineAccelerators);
  if (out.undecided) return out;
  const machine = str(getPath(values, machinePath)) ?? "";
  list(getPath(values, path)).forEach((acc, i) => {
    const type = str(getPath(acc, "type"));
    const count = num(getPath(acc, "core_count"));
    if (type === undefined || count === undefined || count <= 0) return;
    const m = vertexAcceleratorModel(type);
    out.groups.push({ gpus: count, perNode: count, nodes: 1, model: m.model, shortModel: m.shortModel, kind: m.kind, shape: type, family: familyOf(machine || type), attribute: `${path}.${i}` });
  });
  return out;
}

function tpuVm(values: Attributes, unknownMask: unknown): GpuDemand {
  const type = str(getPath(values, "accelerator_type"));
  if (type !== undefined) {
    const spec = tpuApiAccelerators(type);
    if (!spec) return undecided(`the catalog does not say how many chips TPU type ${type} has (only v5e/v6e are verified)`);
    return { groups: [group(spec, 1, type, "accelerator_type")] };
  }
  const cfgType = str(getPath(values, "accelerator_config.0.type"));
  const topology = str(getPath(values, "accelerator_config.0.topology"));
  if (cfgType && topology && /^V(5E|6E|5LITEPOD)$/i.test(cfgType)) {
    const chips = topology.split("x").reduce((p, d) => p * Number(d), 1);
    const spec = tpuApiAccelerators(`${cfgType.toLowerCase()}-${chips}`);
    if (spec && Number.isFinite(chips)) return { groups: [group(spec, 1, `${cfgType.toLowerCase()}-${chips}`, "accelerator_config.0.type")] };
  }
  if (cfgType) return undecided(`the catalog does not say how many chips TPU ${cfgType} ${topology ?? ""} has`);
  return isUnknownAt(unknownMask, "accelerator_type") ? afterApply("accelerator_type") : none();
}

// ---------------------------------------------------------------------------
// AWS

const awsShape = (values: Attributes, unknownMask: unknown, path: string) => shapeDemand(values, unknownMask, path, awsInstanceAccelerators);

const LAUNCH_TEMPLATE_TYPES = ["aws_launch_template"] as const;
const matchesTemplate = (values: Attributes, ref: string) => values["id"] === ref || values["name"] === ref || values["arn"] === ref;

/** The per-instance demand of a launch template: instance_type, else instance_requirements.accelerator_count.max. */
function templateShape(t: Linked): GpuDemand {
  const byType = awsShape(t.values, t.unknown, "instance_type");
  if (byType.undecided || byType.groups.length > 0) return byType;
  if (str(getPath(t.values, "instance_type")) !== undefined) return byType;
  const max = num(getPath(t.values, "instance_requirements.0.accelerator_count.0.max"));
  const min = num(getPath(t.values, "instance_requirements.0.accelerator_count.0.min"));
  if (max === undefined && (min ?? 0) <= 0) return none();
  if (max === undefined) return undecided(`${t.resource.address} asks for instances with at least ${min} accelerators and no maximum`);
  if (max <= 0) return none();
  const makers = list(getPath(t.values, "instance_requirements.0.accelerator_manufacturers")).map(String);
  const names = list(getPath(t.values, "instance_requirements.0.accelerator_names")).map(String);
  const kind: AcceleratorKind = makers.includes("amd")
    ? "amd-gpu"
    : makers.includes("amazon-web-services")
      ? "neuron"
      : makers.includes("habana")
        ? "gaudi"
        : "nvidia-gpu";
  const model = names.length === 1 ? names[0]!.toUpperCase() : "any (instance_requirements)";
  return {
    groups: [
      {
        gpus: max,
        perNode: max,
        nodes: 1,
        model,
        shortModel: model,
        kind,
        shape: "instance_requirements",
        attribute: "instance_requirements.0.accelerator_count.0.max",
        ...(names.length === 1 ? {} : { unspecifiedModel: true }),
      },
    ],
  };
}

function launchTemplates(ctx: LinkContext, values: Attributes, unknownMask: unknown, block: string, idField: string, nameField: string): Linked[] | GpuDemand {
  const idPath = `${block}.${idField}`;
  const namePath = `${block}.${nameField}`;
  const ref = str(getPath(values, idPath)) ?? str(getPath(values, namePath));
  const found = ctx.linked(block, LAUNCH_TEMPLATE_TYPES, ref, matchesTemplate);
  if (found.length > 0) return found;
  if (ref === undefined && !isUnknownAt(unknownMask, idPath) && !isUnknownAt(unknownMask, namePath)) return none();
  return undecided(`the launch template named by ${block} is not in the plan`);
}

function asg(values: Attributes, unknownMask: unknown, ctx: LinkContext | undefined): GpuDemand {
  if (!ctx) return undecided("an autoscaling group's instance type lives in its launch template");
  const max = countAt(values, unknownMask, ["max_size"]);
  if (typeof max === "object") return afterApply(max.unknown);
  const nodes = max ?? 0;
  const mixed = "mixed_instances_policy.0.launch_template.0";
  if (getPath(values, mixed) !== undefined) {
    const overrides = list(getPath(values, `${mixed}.override`));
    const options: GpuDemand[] = [];
    overrides.forEach((o, i) => {
      const type = str(getPath(o, "instance_type"));
      if (type === undefined) return;
      const weight = num(getPath(o, "weighted_capacity")) ?? 1;
      // max_size counts capacity units; an instance of weight w takes w of them.
      const d = awsShape(values, unknownMask, `${mixed}.override.${i}.instance_type`);
      options.push(scale(d, Math.ceil(nodes / Math.max(weight, 1))));
    });
    if (options.length > 0) return largest(options);
    const templates = launchTemplates(ctx, values, unknownMask, `${mixed}.launch_template_specification.0`, "launch_template_id", "launch_template_name");
    if (!Array.isArray(templates)) return templates;
    return via(largest(templates.map((t) => scale(templateShape(t), nodes))), `${mixed}.launch_template_specification`);
  }
  if (getPath(values, "launch_template.0") !== undefined || isUnknownAt(unknownMask, "launch_template")) {
    const templates = launchTemplates(ctx, values, unknownMask, "launch_template.0", "id", "name");
    if (!Array.isArray(templates)) return templates;
    return via(largest(templates.map((t) => scale(templateShape(t), nodes))), "launch_template");
  }
  const lc = getPath(values, "launch_configuration");
  if (lc !== undefined || isUnknownAt(unknownMask, "launch_configuration")) {
    const configs = ctx.linked("launch_configuration", ["aws_launch_configuration"], str(lc), (v, ref) => v["name"] === ref || v["id"] === ref);
    if (configs.length === 0) return lc === null ? none() : undecided("the launch configuration of launch_configuration is not in the plan");
    return via(largest(configs.map((c) => scale(awsShape(c.values, c.unknown, "instance_type"), nodes))), "launch_configuration");
  }
  return none();
}

/** aws_instance: its instance_type, or its launch template's when the instance leaves it unset. */
function awsInstance(values: Attributes, unknownMask: unknown, ctx: LinkContext | undefined): GpuDemand {
  const own = awsShape(values, unknownMask, "instance_type");
  if (!own.undecided || !ctx || getPath(values, "launch_template.0") === undefined) return own;
  if (ctx.configured("instance_type")) return own;
  const templates = launchTemplates(ctx, values, unknownMask, "launch_template.0", "id", "name");
  if (!Array.isArray(templates)) return templates.groups.length === 0 && !templates.undecided ? own : templates;
  return via(largest(templates.map(templateShape)), "launch_template");
}

/** EKS managed node groups: the largest of instance_types (or the launch template's) × scaling_config max. */
function eksNodeGroup(values: Attributes, unknownMask: unknown, ctx: LinkContext | undefined): GpuDemand {
  const n = countAt(values, unknownMask, ["scaling_config.0.max_size", "scaling_config.0.desired_size"]);
  if (typeof n === "object") return afterApply(n.unknown);
  const nodes = n ?? 1;
  const types = list(getPath(values, "instance_types"));
  if (types.length > 0) return largest(types.map((_, i) => scale(awsShape(values, unknownMask, `instance_types.${i}`), nodes)));
  if (ctx && getPath(values, "launch_template.0") !== undefined) {
    const templates = launchTemplates(ctx, values, unknownMask, "launch_template.0", "id", "name");
    if (!Array.isArray(templates)) return templates;
    return via(largest(templates.map((t) => scale(templateShape(t), nodes))), "launch_template");
  }
  if (isUnknownAt(unknownMask, "instance_types") && ctx?.configured("instance_types") !== false) return afterApply("instance_types");
  return none();
}

function sagemakerVariants(field: string): (values: Attributes, unknownMask: unknown) => GpuDemand {
  return (values, unknownMask) => {
    const parts: GpuDemand[] = [];
    list(getPath(values, field)).forEach((_, i) => {
      const base = `${field}.${i}`;
      const managedMax = getPath(values, `${base}.managed_instance_scaling.0.status`) === "ENABLED" ? [`${base}.managed_instance_scaling.0.max_instance_count`] : [];
      parts.push(awsShapeCount(values, unknownMask, `${base}.instance_type`, [...managedMax, `${base}.initial_instance_count`]));
    });
    return merge(...parts);
  };
}

const awsShapeCount = (values: Attributes, unknownMask: unknown, path: string, counts: readonly string[], defaultNodes = 1) =>
  shapeDemand(values, unknownMask, path, awsInstanceAccelerators, counts, defaultNodes);

function emrCluster(values: Attributes, unknownMask: unknown): GpuDemand {
  return merge(
    awsShapeCount(values, unknownMask, "master_instance_group.0.instance_type", ["master_instance_group.0.instance_count"]),
    awsShapeCount(values, unknownMask, "core_instance_group.0.instance_type", ["core_instance_group.0.instance_count"]),
  );
}

// ---------------------------------------------------------------------------
// Azure

const azureShape = (values: Attributes, unknownMask: unknown, path: string, counts: readonly string[] = [], defaultNodes = 1) =>
  shapeDemand(values, unknownMask, path, azureVmAccelerators, counts, defaultNodes);

function scaleSet(skuPath: string): Extractor {
  return (values, unknownMask, ctx) => {
    const sku = azureShape(values, unknownMask, skuPath);
    if (sku.undecided || sku.groups.length === 0) return sku;
    const settings = ctx
      ? ctx.referrers(["azurerm_monitor_autoscale_setting"], "target_resource_id", (a, self) =>
          typeof a["target_resource_id"] === "string" && typeof self["id"] === "string" && a["target_resource_id"].toLowerCase() === self["id"].toLowerCase(),
        )
      : [];
    const maxes: number[] = [];
    for (const s of settings) {
      for (const p of list(getPath(s.values, "profile"))) {
        const m = num(getPath(p, "capacity.0.maximum"));
        if (m === undefined) return afterApply("the autoscale setting's profile capacity maximum");
        maxes.push(m);
      }
    }
    if (maxes.length > 0) return scale(sku, Math.max(...maxes));
    const n = countAt(values, unknownMask, ["instances"]);
    if (typeof n === "object") return afterApply(n.unknown);
    return scale(sku, n ?? 0);
  };
}

/** AKS pools: max_count when the cluster autoscaler runs, else node_count (both cluster-wide, not per zone). */
function aksPool(prefix: string): Extractor {
  return (values, unknownMask) => {
    const autoscaled = getPath(values, `${prefix}auto_scaling_enabled`) === true || getPath(values, `${prefix}enable_auto_scaling`) === true;
    const counts = autoscaled ? [`${prefix}max_count`, `${prefix}node_count`] : [`${prefix}node_count`, `${prefix}max_count`];
    return azureShape(values, unknownMask, `${prefix}vm_size`, counts);
  };
}

// ---------------------------------------------------------------------------
// Kubernetes

/** Extended resources that name accelerators, and what one unit of each is worth. */
export function kubernetesAccelerator(resourceName: string): { kind: AcceleratorKind; perUnit: number } | undefined {
  if (resourceName === "nvidia.com/gpu" || resourceName === "nvidia.com/gpu.shared") return { kind: "nvidia-gpu", perUnit: 1 };
  // MIG slices: nvidia.com/mig-3g.20gb is 3 of the 7 compute slices of an A100/H100.
  const mig = /^nvidia\.com\/mig-(\d+)g\./.exec(resourceName);
  if (mig) return { kind: "nvidia-gpu", perUnit: Number(mig[1]) / 7 };
  if (resourceName === "amd.com/gpu") return { kind: "amd-gpu", perUnit: 1 };
  if (resourceName === "aws.amazon.com/neuron" || resourceName === "aws.amazon.com/neurondevice") return { kind: "neuron", perUnit: 1 };
  // Inferentia2 and Trainium chips hold 2 NeuronCores each.
  if (resourceName === "aws.amazon.com/neuroncore") return { kind: "neuron", perUnit: 0.5 };
  if (resourceName === "habana.ai/gaudi") return { kind: "gaudi", perUnit: 1 };
  if (resourceName === "google.com/tpu") return { kind: "tpu", perUnit: 1 };
  return undefined;
}

function quantity(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\d+(\.\d+)?$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

export interface ContainerGpus {
  container: string;
  attribute: string;
  resource: string;
  limit?: number;
  request?: number;
}

/** Accelerator limits and requests of each container of a pod spec. */
export function containerGpus(values: Attributes, podSpec: string): ContainerGpus[] {
  const out: ContainerGpus[] = [];
  for (const field of ["container", "init_container"]) {
    list(getPath(values, `${podSpec}.${field}`)).forEach((c, i) => {
      const limits = obj(getPath(c, "resources.0.limits")) ?? {};
      const requests = obj(getPath(c, "resources.0.requests")) ?? {};
      for (const name of new Set([...Object.keys(limits), ...Object.keys(requests)])) {
        if (!kubernetesAccelerator(name)) continue;
        const entry: ContainerGpus = { container: str(getPath(c, "name")) ?? `${field}[${i}]`, attribute: `${podSpec}.${field}.${i}.resources.0`, resource: name };
        const l = quantity(limits[name]);
        const r = quantity(requests[name]);
        if (l !== undefined) entry.limit = l;
        if (r !== undefined) entry.request = r;
        out.push(entry);
      }
    });
  }
  return out;
}

/** The model a pod asks for through its node selector, when it names one. */
function selectedModel(values: Attributes, podSpec: string): { model: string; shortModel: string } | undefined {
  const selector = obj(getPath(values, `${podSpec}.node_selector`)) ?? {};
  const gke = str(selector["cloud.google.com/gke-accelerator"]);
  if (gke) return gcpAcceleratorModel(gke) ?? { model: gke, shortModel: shortModelName(gke) };
  const named = str(selector["karpenter.k8s.aws/instance-gpu-name"]) ?? str(selector["nvidia.com/gpu.product"]);
  if (named) {
    const token = /([A-Z]+\d+[A-Z]*)/i.exec(named.replace(/^NVIDIA[-_ ]/i, ""))?.[1];
    return { model: named, shortModel: (token ?? named).toUpperCase() };
  }
  return undefined;
}

/** GPUs per pod: the sum over containers, or the largest init container if that is more (they run before). */
function podDemand(values: Attributes, podSpec: string): GpuGroup[] {
  const byResource = new Map<string, { main: number; init: number; attribute: string }>();
  for (const c of containerGpus(values, podSpec)) {
    const n = c.limit ?? c.request ?? 0;
    const entry = byResource.get(c.resource) ?? { main: 0, init: 0, attribute: c.attribute };
    if (c.attribute.includes(".init_container.")) entry.init = Math.max(entry.init, n);
    else entry.main += n;
    byResource.set(c.resource, entry);
  }
  const model = selectedModel(values, podSpec);
  const groups: GpuGroup[] = [];
  for (const [name, e] of byResource) {
    const acc = kubernetesAccelerator(name)!;
    const perPod = Math.max(e.main, e.init) * acc.perUnit;
    if (perPod <= 0) continue;
    groups.push({
      gpus: perPod,
      perNode: perPod,
      nodes: 1,
      model: model?.model ?? name,
      shortModel: model?.shortModel ?? name,
      kind: acc.kind,
      shape: name,
      attribute: e.attribute,
      workload: true,
      ...(model ? {} : { unspecifiedModel: true }),
    });
  }
  return groups;
}

const HPA_TYPES = ["kubernetes_horizontal_pod_autoscaler", "kubernetes_horizontal_pod_autoscaler_v1", "kubernetes_horizontal_pod_autoscaler_v2", "kubernetes_horizontal_pod_autoscaler_v2beta2"];

function kubernetesWorkload(podSpec: string, replicas: (values: Attributes, unknown: unknown, ctx: LinkContext | undefined) => number | { unknown: string }): Extractor {
  return (values, unknownMask, ctx) => {
    if (isUnknownAt(unknownMask, podSpec)) return afterApply(podSpec);
    const groups = podDemand(values, podSpec);
    if (groups.length === 0) return none();
    const n = replicas(values, unknownMask, ctx);
    if (typeof n === "object") return afterApply(n.unknown);
    return scale({ groups }, n);
  };
}

/** Replicas of a Deployment or StatefulSet: a HorizontalPodAutoscaler's max_replicas when one targets it. */
function scalableReplicas(kind: string) {
  return (values: Attributes, unknownMask: unknown, ctx: LinkContext | undefined): number | { unknown: string } => {
    const name = str(getPath(values, "metadata.0.name"));
    const namespace = str(getPath(values, "metadata.0.namespace")) ?? "default";
    const hpas = ctx
      ? ctx.referrers(HPA_TYPES, "spec", (h) => {
          const target = obj(getPath(h, "spec.0.scale_target_ref.0"));
          return !!target && target["kind"] === kind && target["name"] === name && (str(getPath(h, "metadata.0.namespace")) ?? "default") === namespace;
        })
      : [];
    const hpaMax = hpas.map((h) => num(getPath(h.values, "spec.0.max_replicas"))).filter((m): m is number => m !== undefined);
    const own = num(getPath(values, "spec.0.replicas"));
    if (hpaMax.length > 0) return Math.max(...hpaMax, own ?? 0);
    if (own !== undefined) return own;
    if (isUnknownAt(unknownMask, "spec.0.replicas")) return { unknown: "spec.0.replicas" };
    return 1;
  };
}

const jobParallelism = (base: string) => (values: Attributes) => num(getPath(values, `${base}.parallelism`)) ?? 1;

function daemonSet(values: Attributes, unknownMask: unknown): GpuDemand {
  const groups = podDemand(values, "spec.0.template.0.spec.0");
  if (groups.length === 0) return isUnknownAt(unknownMask, "spec.0.template") ? afterApply("spec.0.template") : none();
  return undecided("a DaemonSet runs one pod on every matching node; the node count is not in the plan");
}

/** A Karpenter NodePool written as a kubernetes_manifest that may launch accelerator nodes. */
export function karpenterNodePool(values: Attributes): { limits?: Record<string, unknown>; gpuRequirement: string } | undefined {
  const manifest = getPath(values, "manifest");
  if (getPath(manifest, "kind") !== "NodePool" || !String(getPath(manifest, "apiVersion") ?? "").startsWith("karpenter.sh/")) return undefined;
  let gpuRequirement: string | undefined;
  for (const req of list(getPath(manifest, "spec.template.spec.requirements"))) {
    const key = String(getPath(req, "key") ?? "");
    const vals = list(getPath(req, "values")).map(String);
    const op = String(getPath(req, "operator") ?? "");
    if (/instance-(gpu|accelerator)-(count|name|manufacturer)$/.test(key) && op !== "DoesNotExist" && !(op === "In" && vals.every((x) => x === "0"))) gpuRequirement = key;
    else if (key === "karpenter.k8s.aws/instance-category" && op === "In" && vals.some((x) => ["g", "p", "inf", "trn", "dl"].includes(x))) gpuRequirement = key;
    else if (key === "karpenter.k8s.aws/instance-family" && op === "In" && vals.some((x) => awsInstanceAccelerators(`${x}.xlarge`) || awsInstanceAccelerators(`${x}.48xlarge`) || awsInstanceAccelerators(`${x}.24xlarge`))) gpuRequirement = key;
  }
  if (!gpuRequirement) return undefined;
  const limits = obj(getPath(manifest, "spec.limits"));
  return limits ? { limits, gpuRequirement } : { gpuRequirement };
}

/** A Karpenter NodePool's accelerator limits are the most it may launch. */
function karpenterDemand(values: Attributes, unknownMask: unknown): GpuDemand {
  if (isUnknownAt(unknownMask, "manifest")) return none();
  const np = karpenterNodePool(values);
  if (!np) return none();
  const groups: GpuGroup[] = [];
  for (const [name, v] of Object.entries(np.limits ?? {})) {
    const acc = kubernetesAccelerator(name);
    const n = quantity(v);
    if (!acc || n === undefined) continue;
    const model = `any (Karpenter NodePool, ${name})`;
    groups.push({ gpus: n * acc.perUnit, perNode: n * acc.perUnit, nodes: 1, model, shortModel: name, kind: acc.kind, shape: name, attribute: `manifest.spec.limits.${name}`, unspecifiedModel: true });
  }
  if (groups.length > 0) return { groups };
  return undecided(`the NodePool may launch accelerator nodes (${np.gpuRequirement}) but spec.limits sets no accelerator limit`);
}

// ---------------------------------------------------------------------------

const POD_TEMPLATE = "spec.0.template.0.spec.0";

// Indexed by the plan's resource types: no prototype, so type "constructor" has no extractor.
const EXTRACTORS: Record<string, Extractor> = lookupTable({
  // AWS
  aws_instance: awsInstance,
  aws_autoscaling_group: asg,
  aws_eks_node_group: eksNodeGroup,
  aws_sagemaker_notebook_instance: (v, u) => awsShape(v, u, "instance_type"),
  aws_sagemaker_endpoint_configuration: (v, u) =>
    merge(sagemakerVariants("production_variants")(v, u), sagemakerVariants("shadow_production_variants")(v, u)),
  aws_emr_cluster: emrCluster,
  aws_emr_instance_group: (v, u) => awsShapeCount(v, u, "instance_type", ["instance_count"]),
  // GCP
  google_compute_instance: (v, u) => gcpNodeDemand(v, u, ""),
  google_compute_instance_group_manager: gceGroupManager(["google_compute_autoscaler"]),
  google_compute_region_instance_group_manager: gceGroupManager(["google_compute_region_autoscaler"]),
  google_container_node_pool: (v, u, ctx) => {
    const cluster = ctx?.linked("cluster", ["google_container_cluster"], str(v["cluster"]), matchesByName())[0];
    return gkePool(v, u, "", cluster);
  },
  google_container_cluster: gkeCluster,
  google_vertex_ai_deployment_resource_pool: vertexDedicated("dedicated_resources.0"),
  google_vertex_ai_endpoint_with_model_garden_deployment: vertexDedicated("deploy_config.0.dedicated_resources.0"),
  google_vertex_ai_persistent_resource: (v, u) =>
    merge(
      ...list(getPath(v, "resource_pools")).map((_, i) => {
        const spec = machineSpec(v, u, `resource_pools.${i}.machine_spec.0`);
        if (spec.undecided || spec.groups.length === 0) return spec;
        const n = countAt(v, u, [`resource_pools.${i}.autoscaling_spec.0.max_replica_count`, `resource_pools.${i}.replica_count`]);
        if (typeof n === "object") return afterApply(n.unknown);
        return scale(spec, n ?? 1);
      }),
    ),
  google_workbench_instance: (v, u) => acceleratorConfigs(v, u, "gce_setup.0.accelerator_configs", "gce_setup.0.machine_type"),
  google_notebooks_instance: (v, u) => acceleratorConfigs(v, u, "accelerator_config", "machine_type"),
  google_tpu_v2_vm: tpuVm,
  // Azure
  azurerm_linux_virtual_machine: (v, u) => azureShape(v, u, "size"),
  azurerm_windows_virtual_machine: (v, u) => azureShape(v, u, "size"),
  azurerm_virtual_machine: (v, u) => azureShape(v, u, "vm_size"),
  azurerm_linux_virtual_machine_scale_set: scaleSet("sku"),
  azurerm_windows_virtual_machine_scale_set: scaleSet("sku"),
  azurerm_orchestrated_virtual_machine_scale_set: scaleSet("sku_name"),
  azurerm_kubernetes_cluster_node_pool: aksPool(""),
  azurerm_kubernetes_cluster: aksPool("default_node_pool.0."),
  azurerm_machine_learning_compute_cluster: (v, u) => azureShape(v, u, "vm_size", ["scale_settings.0.max_node_count"]),
  azurerm_machine_learning_compute_instance: (v, u) => azureShape(v, u, "virtual_machine_size"),
  // Kubernetes workloads (requests on nodes counted above; kept apart)
  kubernetes_deployment: kubernetesWorkload(POD_TEMPLATE, scalableReplicas("Deployment")),
  kubernetes_deployment_v1: kubernetesWorkload(POD_TEMPLATE, scalableReplicas("Deployment")),
  kubernetes_stateful_set: kubernetesWorkload(POD_TEMPLATE, scalableReplicas("StatefulSet")),
  kubernetes_stateful_set_v1: kubernetesWorkload(POD_TEMPLATE, scalableReplicas("StatefulSet")),
  kubernetes_job: kubernetesWorkload(POD_TEMPLATE, jobParallelism("spec.0")),
  kubernetes_job_v1: kubernetesWorkload(POD_TEMPLATE, jobParallelism("spec.0")),
  kubernetes_cron_job: kubernetesWorkload("spec.0.job_template.0.spec.0.template.0.spec.0", jobParallelism("spec.0.job_template.0.spec.0")),
  kubernetes_cron_job_v1: kubernetesWorkload("spec.0.job_template.0.spec.0.template.0.spec.0", jobParallelism("spec.0.job_template.0.spec.0")),
  kubernetes_pod: kubernetesWorkload("spec.0", () => 1),
  kubernetes_pod_v1: kubernetesWorkload("spec.0", () => 1),
  kubernetes_daemonset: daemonSet,
  kubernetes_daemon_set_v1: daemonSet,
  // Karpenter NodePools: their accelerator limits bound the capacity they launch
  kubernetes_manifest: karpenterDemand,
});

/** Resource types whose GPU demand planguard can read. */
export const GPU_RESOURCE_TYPES: readonly string[] = Object.keys(EXTRACTORS);

/** Kubernetes workload types: their GPUs are requests on nodes, not cloud capacity. */
export const KUBERNETES_WORKLOAD_TYPES: readonly string[] = GPU_RESOURCE_TYPES.filter((t) => t.startsWith("kubernetes_") && t !== "kubernetes_manifest");

/** Where the pod spec of a Kubernetes workload type sits. */
export function podSpecPath(type: string): string | undefined {
  if (!KUBERNETES_WORKLOAD_TYPES.includes(type)) return undefined;
  if (type.startsWith("kubernetes_pod")) return "spec.0";
  if (type.startsWith("kubernetes_cron_job")) return "spec.0.job_template.0.spec.0.template.0.spec.0";
  return POD_TEMPLATE;
}

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

/** The GPU demand of one side of a resource, following references to templates, clusters and autoscalers. */
/**
 * Every GPU rule asks for the same resources' demand; computing it (links to
 * templates and autoscalers included) once per resource and side keeps ten
 * rules from doing the work ten times. A resource belongs to one model, so
 * the resource object is the key.
 */
const demandCache: Record<Side, WeakMap<Resource, GpuDemand | null>> = { after: new WeakMap(), before: new WeakMap() };

export function resourceGpuDemand(model: Model, r: Resource, side: Side = "after"): GpuDemand | undefined {
  const extract = EXTRACTORS[r.type];
  const values = side === "after" ? r.after : r.before;
  // Most resources carry no GPUs: answered without touching the cache.
  if (!extract || values === null) return undefined;
  const cache = demandCache[side];
  const hit = cache.get(r);
  if (hit !== undefined) return hit ?? undefined;
  const demand = extract(values, side === "after" ? r.afterUnknown : undefined, linkContext(model, r, side));
  cache.set(r, demand ?? null);
  return demand;
}

export function totalGpus(demand: GpuDemand | undefined, keep?: (g: GpuGroup) => boolean): number {
  if (!demand) return 0;
  let sum = 0;
  for (const g of demand.groups) sum += keep && !keep(g) ? 0 : g.gpus;
  return sum;
}

/** Paths of the tags (AWS, Azure) or labels (GCP, Kubernetes) of a GPU resource type, once per type. */
function labelPaths(type: string): readonly string[] {
  let paths = labelPathsByType.get(type);
  if (!paths) labelPathsByType.set(type, (paths = labelPathsOf(type)));
  return paths;
}

const labelPathsByType = new Map<string, readonly string[]>();

function labelPathsOf(type: string): string[] {
  if (type === "kubernetes_manifest") return ["manifest.metadata.labels", "manifest.spec.template.metadata.labels"];
  if (type.startsWith("kubernetes_")) {
    const pod = podSpecPath(type);
    return pod && pod !== "spec.0" ? ["metadata.0.labels", pod.replace(/\.spec\.0$/, ".metadata.0.labels")] : ["metadata.0.labels"];
  }
  if (type === "google_container_node_pool") return ["node_config.0.resource_labels", "node_config.0.labels"];
  if (type === "google_container_cluster") return ["resource_labels"];
  if (type === "google_compute_instance_group_manager" || type === "google_compute_region_instance_group_manager") return ["all_instances_config.0.labels"];
  if (type.startsWith("google_")) return ["labels", "effective_labels"];
  if (type === "aws_autoscaling_group") return ["tag"];
  return ["tags", "tags_all"];
}

/** Tags (AWS, Azure) or labels (GCP, Kubernetes) of a GPU resource, where the provider keeps them. */
export function ownerLabels(type: string, values: Attributes | null): { labels: Record<string, unknown>; paths: readonly string[] } {
  const paths = labelPaths(type);
  // Keys are the plan's tag names and look-ups the config's tag names: no prototype, so
  // "constructor" or "__proto__" is a tag like any other (held, or absent).
  const labels: Record<string, unknown> = Object.create(null);
  for (const p of paths) {
    const v = getPath(values, p);
    if (Array.isArray(v)) {
      // aws_autoscaling_group: tag { key, value, propagate_at_launch }
      for (const t of v) {
        const tag = obj(t);
        if (tag && typeof tag["key"] === "string") labels[tag["key"]] = tag["value"];
      }
    } else {
      const map = obj(v);
      if (!map) continue;
      for (const k of Object.keys(map)) if (!(k in labels)) labels[k] = map[k];
    }
  }
  return { labels, paths };
}

/**
 * Tags or labels of a resource, falling back to those of the template its
 * instances are made from (a MIG's instance template, an ASG's launch
 * template), which is where teams usually put them.
 */
export function labelsOf(model: Model, r: Resource, side: Side = "after"): OwnerLabels {
  let cached = labelsCache.get(r);
  if (!cached) labelsCache.set(r, (cached = {}));
  return (cached[side] ??= readLabels(model, r, side));
}

/** Tags or labels with the paths they were read from; shared by every caller, so never mutated. */
export interface OwnerLabels {
  readonly labels: Readonly<Record<string, unknown>>;
  readonly paths: readonly string[];
}

/**
 * The GPU rules ask for a resource's labels again and again (its team for
 * each team quota, its environment for each environment quota and for the
 * spot rule, its tags): they depend only on the resource (one model's) and
 * the side, so they are read once, like the demand.
 */
const labelsCache = new WeakMap<Resource, Partial<Record<Side, OwnerLabels>>>();

function readLabels(model: Model, r: Resource, side: Side): OwnerLabels {
  const values = side === "after" ? r.after : r.before;
  const own = ownerLabels(r.type, values);
  let templates: Linked[] = [];
  if (r.type === "google_compute_instance_group_manager" || r.type === "google_compute_region_instance_group_manager") {
    const ref = getPath(values, "version.0.instance_template");
    templates = linkContext(model, r, side).linked("version.0.instance_template", ["google_compute_instance_template", "google_compute_region_instance_template"], ref, matchesByName());
  } else if (r.type === "aws_autoscaling_group" || r.type === "aws_eks_node_group") {
    const block = getPath(values, "launch_template.0") !== undefined ? "launch_template.0" : "mixed_instances_policy.0.launch_template.0.launch_template_specification.0";
    const ref = str(getPath(values, `${block}.id`)) ?? str(getPath(values, `${block}.launch_template_id`)) ?? str(getPath(values, `${block}.name`));
    templates = linkContext(model, r, side).linked(block, LAUNCH_TEMPLATE_TYPES, ref, matchesTemplate);
  }
  for (const t of templates.slice(0, 1)) {
    const inherited = ownerLabels(t.resource.type, t.values).labels;
    for (const [k, v] of Object.entries(inherited)) if (!(k in own.labels)) own.labels[k] = v;
  }
  return own;
}
