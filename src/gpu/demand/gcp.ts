import { lookupTable } from "../../plan/own.js";
import type { Attributes } from "../../plan/model.js";
import { getPath, maskCovers } from "../../plan/paths.js";
import {
  familyOf,
  gcpAcceleratorModel,
  gcpMachineAccelerators,
  tpuApiAccelerators,
  vertexAcceleratorModel,
} from "../catalog.js";
import { kindOfModel, shortModelName } from "../models.js";
import type { LinkContext, Linked } from "../link.js";
import { list, num, obj, str } from "../values.js";
import {
  afterApply,
  countAt,
  group,
  largest,
  merge,
  modelGroup,
  none,
  scale,
  shapeDemand,
  undecided,
  via,
  type Extractor,
  type GpuDemand,
} from "./groups.js";

/**
 * GPU demand of Google Cloud resources: GCE instances and managed instance
 * groups (through their instance templates and autoscalers), GKE clusters and
 * node pools (per zone), Vertex AI pools, Workbench and Notebooks instances,
 * TPU VMs.
 */

const INSTANCE_TEMPLATE_TYPES: readonly string[] = [
  "google_compute_instance_template",
  "google_compute_region_instance_template",
];

/**
 * Whether a Google resource is the one a reference names. References are
 * written as a bare name, a self link (projects/p/global/instanceTemplates/t,
 * maybe with a ?uniqueId= query) or an id.
 */
function matchesGcpName(values: Attributes, ref: string): boolean {
  if (values["self_link"] === ref || values["id"] === ref) return true;
  const name = str(values["name"]);
  return name !== undefined && (name === ref || name === lastSegment(ref));
}

const lastSegment = (ref: string): string => (ref.split("?")[0] ?? ref).split("/").pop() ?? ref;

/** The instance templates the attribute at `path` of a managed instance group names. */
export function instanceTemplatesOf(ctx: LinkContext, values: Attributes | null, path: string): Linked[] {
  return ctx.linked(path, INSTANCE_TEMPLATE_TYPES, getPath(values, path), matchesGcpName);
}

/** The GKE cluster a node pool's `cluster` names. */
export function clusterOf(ctx: LinkContext, pool: Attributes): Linked | undefined {
  return ctx.linked("cluster", ["google_container_cluster"], str(pool["cluster"]), matchesGcpName)[0];
}

/** The autoscaler of each managed instance group type: a zonal group's is zonal, a regional group's regional. */
const AUTOSCALER_TYPES: Readonly<Record<string, readonly string[]>> = lookupTable({
  google_compute_instance_group_manager: ["google_compute_autoscaler"],
  google_compute_region_instance_group_manager: ["google_compute_region_autoscaler"],
});

/** The autoscalers whose `target` names a managed instance group of `type`. */
export function migAutoscalersOf(ctx: LinkContext, type: string): Linked[] {
  return ctx.referrers(AUTOSCALER_TYPES[type] ?? [], "target", (autoscaler, self) => {
    const target = str(autoscaler["target"]);
    return target !== undefined && matchesGcpName(self, target);
  });
}

/** Implicit GPUs of a GCE machine type plus explicit guest_accelerator blocks, for one node. */
function gcpNodeDemand(values: Attributes, unknownMask: unknown, prefix: string): GpuDemand {
  const base = shapeDemand(values, unknownMask, `${prefix}machine_type`, gcpMachineAccelerators);
  if (base.undecided) return base;
  // A/G machine types attach their GPUs implicitly, and GKE and GCE repeat them in
  // guest_accelerator; only machine types without implicit GPUs (N1) add explicit ones.
  if (base.groups.length > 0) return base;
  const machine = str(getPath(values, `${prefix}machine_type`)) ?? "";
  const family = familyOf(machine);
  list(getPath(values, `${prefix}guest_accelerator`)).forEach((acc, i) => {
    const type = str(getPath(acc, "type"));
    const count = num(getPath(acc, "count"));
    if (type === undefined || count === undefined || count <= 0) return;
    const model = gcpAcceleratorModel(type) ?? {
      model: type,
      shortModel: shortModelName(type),
      kind: kindOfModel(type),
    };
    base.groups.push(modelGroup(model, count, type, family, `${prefix}guest_accelerator.${i}`));
  });
  // GKE computes guest_accelerator for A/G machine types; an N1 with an unknown block cannot be judged.
  if (maskCovers(unknownMask, `${prefix}guest_accelerator`) && base.groups.length === 0 && /^n1-/.test(machine)) {
    return afterApply(`${prefix}guest_accelerator`);
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
function gkeZones(
  pool: Attributes,
  poolUnknown: unknown,
  cluster: Linked | undefined,
  inCluster?: Attributes,
): { zones: number; assumption?: string } | { unknown: string } {
  const own = list(getPath(pool, "node_locations"));
  if (own.length > 0) return { zones: own.length };
  const clusterValues = inCluster ?? cluster?.values;
  const location = str(getPath(pool, "location")) ?? str(getPath(clusterValues, "location"));
  const clusterZones = list(getPath(clusterValues, "node_locations")).filter((z): z is string => typeof z === "string");
  if (clusterZones.length > 0) {
    return {
      zones:
        location && isZone(location) && !clusterZones.includes(location)
          ? clusterZones.length + 1
          : clusterZones.length,
    };
  }
  if (location === undefined) {
    if (maskCovers(poolUnknown, "location")) return { unknown: "location" };
    return { zones: 1, assumption: "location not in the plan: counted as one zone" };
  }
  if (isZone(location)) return { zones: 1 };
  return {
    zones: REGIONAL_DEFAULT_ZONES,
    assumption: `regional pool in ${location} without node_locations: counted over GKE's default of ${REGIONAL_DEFAULT_ZONES} zones`,
  };
}

/** One GKE node pool (a google_container_node_pool, or a node_pool block of a cluster). */
function gkePool(
  values: Attributes,
  unknownMask: unknown,
  prefix: string,
  cluster: Linked | undefined,
  inCluster?: Attributes,
): GpuDemand {
  const node = gcpNodeDemand(values, unknownMask, `${prefix}node_config.0.`);
  if (node.undecided || node.groups.length === 0) return node;
  const total = num(getPath(values, `${prefix}autoscaling.0.total_max_node_count`));
  if (total !== undefined && total > 0) return scale(node, total);
  const perZone = countAt(values, unknownMask, [
    `${prefix}autoscaling.0.max_node_count`,
    `${prefix}node_count`,
    `${prefix}initial_node_count`,
  ]);
  if (typeof perZone === "object") return afterApply(perZone.unknown);
  const poolValues = prefix === "" ? values : (obj(getPath(values, prefix.replace(/\.$/, ""))) ?? {});
  const zones = gkeZones(poolValues, prefix === "" ? unknownMask : undefined, cluster, inCluster);
  if ("unknown" in zones) return afterApply(zones.unknown);
  return scale(node, (perZone ?? 1) * zones.zones, zones.assumption);
}

function gkeCluster(values: Attributes, unknownMask: unknown, ctx: LinkContext | undefined): GpuDemand {
  if (getPath(values, "remove_default_node_pool") === true) return none();
  const pools = list(getPath(values, "node_pool"));
  if (pools.length > 0)
    return merge(...pools.map((_, i) => gkePool(values, unknownMask, `node_pool.${i}.`, undefined, values)));
  // The default pool: node_config unset by the author means e2-medium.
  if (maskCovers(unknownMask, "node_config") && ctx && !ctx.configured("node_config")) return none();
  const node = gcpNodeDemand(values, unknownMask, "node_config.0.");
  if (node.undecided || node.groups.length === 0) return node;
  const perZone = countAt(values, unknownMask, ["initial_node_count"]);
  if (typeof perZone === "object") return afterApply(perZone.unknown);
  const zones = gkeZones(
    { node_locations: getPath(values, "node_locations"), location: getPath(values, "location") },
    undefined,
    undefined,
    values,
  );
  if ("unknown" in zones) return afterApply(zones.unknown);
  return scale(node, (perZone ?? 1) * zones.zones, zones.assumption);
}

function gkeNodePool(values: Attributes, unknownMask: unknown, ctx: LinkContext | undefined): GpuDemand {
  return gkePool(values, unknownMask, "", ctx && clusterOf(ctx, values));
}

/** A managed instance group: its template's shape × the autoscaler's max, else target_size. */
function gceGroupManager(type: string): Extractor {
  return (values, unknownMask, ctx) => {
    const versions = list(getPath(values, "version"));
    const shapes: GpuDemand[] = [];
    for (let i = 0; i < Math.max(versions.length, 1); i++) {
      const path = versions.length > 0 ? `version.${i}.instance_template` : "instance_template";
      if (!ctx) return undecided(`the instance template of ${path} is another resource`);
      const templates = instanceTemplatesOf(ctx, values, path);
      if (templates.length === 0) {
        if (getPath(values, path) === undefined && !maskCovers(unknownMask, path)) continue;
        return undecided(`the instance template named by ${path} is not in the plan`);
      }
      shapes.push(via(largest(templates.map((t) => gcpNodeDemand(t.values, t.unknown, ""))), path));
    }
    const shape = largest(shapes);
    if (shape.undecided || shape.groups.length === 0) return shape;
    const autoscalers = ctx ? migAutoscalersOf(ctx, type) : [];
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
    return {
      groups: [
        modelGroup(vertexAcceleratorModel(type), count, type, familyOf(machine || type), `${path}.accelerator_type`),
      ],
    };
  }
  if (maskCovers(unknownMask, `${path}.accelerator_type`) || maskCovers(unknownMask, `${path}.accelerator_count`)) {
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

function vertexPersistentResource(values: Attributes, unknownMask: unknown): GpuDemand {
  return merge(
    ...list(getPath(values, "resource_pools")).map((_, i) => {
      const spec = machineSpec(values, unknownMask, `resource_pools.${i}.machine_spec.0`);
      if (spec.undecided || spec.groups.length === 0) return spec;
      const n = countAt(values, unknownMask, [
        `resource_pools.${i}.autoscaling_spec.0.max_replica_count`,
        `resource_pools.${i}.replica_count`,
      ]);
      if (typeof n === "object") return afterApply(n.unknown);
      return scale(spec, n ?? 1);
    }),
  );
}

/** Notebooks/Workbench accelerator_config blocks: {type: NVIDIA_TESLA_T4, core_count}. */
function acceleratorConfigs(path: string, machinePath: string): Extractor {
  return (values, unknownMask) => {
    const out = shapeDemand(values, unknownMask, machinePath, gcpMachineAccelerators);
    if (out.undecided) return out;
    const machine = str(getPath(values, machinePath)) ?? "";
    list(getPath(values, path)).forEach((acc, i) => {
      const type = str(getPath(acc, "type"));
      const count = num(getPath(acc, "core_count"));
      if (type === undefined || count === undefined || count <= 0) return;
      out.groups.push(modelGroup(vertexAcceleratorModel(type), count, type, familyOf(machine || type), `${path}.${i}`));
    });
    return out;
  };
}

function tpuVm(values: Attributes, unknownMask: unknown): GpuDemand {
  const type = str(getPath(values, "accelerator_type"));
  if (type !== undefined) {
    const spec = tpuApiAccelerators(type);
    if (!spec)
      return undecided(`the catalog does not say how many chips TPU type ${type} has (only v5e/v6e are verified)`);
    return { groups: [group(spec, 1, type, "accelerator_type")] };
  }
  const cfgType = str(getPath(values, "accelerator_config.0.type"));
  const topology = str(getPath(values, "accelerator_config.0.topology"));
  if (cfgType && topology && /^V(5E|6E|5LITEPOD)$/i.test(cfgType)) {
    const chips = topology.split("x").reduce((p, d) => p * Number(d), 1);
    const spec = tpuApiAccelerators(`${cfgType.toLowerCase()}-${chips}`);
    if (spec && Number.isFinite(chips))
      return { groups: [group(spec, 1, `${cfgType.toLowerCase()}-${chips}`, "accelerator_config.0.type")] };
  }
  if (cfgType) return undecided(`the catalog does not say how many chips TPU ${cfgType} ${topology ?? ""} has`);
  return maskCovers(unknownMask, "accelerator_type") ? afterApply("accelerator_type") : none();
}

export const GCP_EXTRACTORS: Readonly<Record<string, Extractor>> = lookupTable<Extractor>({
  google_compute_instance: (v, u) => gcpNodeDemand(v, u, ""),
  google_compute_instance_group_manager: gceGroupManager("google_compute_instance_group_manager"),
  google_compute_region_instance_group_manager: gceGroupManager("google_compute_region_instance_group_manager"),
  google_container_node_pool: gkeNodePool,
  google_container_cluster: gkeCluster,
  google_vertex_ai_deployment_resource_pool: vertexDedicated("dedicated_resources.0"),
  google_vertex_ai_endpoint_with_model_garden_deployment: vertexDedicated("deploy_config.0.dedicated_resources.0"),
  google_vertex_ai_persistent_resource: vertexPersistentResource,
  google_workbench_instance: acceleratorConfigs("gce_setup.0.accelerator_configs", "gce_setup.0.machine_type"),
  google_notebooks_instance: acceleratorConfigs("accelerator_config", "machine_type"),
  google_tpu_v2_vm: tpuVm,
});
