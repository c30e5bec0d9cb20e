import type { Attributes, Model, Resource } from "../plan/model.js";
import { getPath, maskCovers } from "../plan/paths.js";
import { launchTemplateBlock, launchTemplateRef, LAUNCH_TEMPLATE_TYPES, matchesLaunchTemplate } from "./demand/aws.js";
import { autoscaleSettingsOf } from "./demand/azure.js";
import { clusterOf, instanceTemplatesOf, migAutoscalersOf } from "./demand/gcp.js";
import { karpenterNodePool } from "./demand/karpenter.js";
import { horizontalAutoscalersOf, horizontalScaleKind } from "./demand/kubernetes.js";
import { linkContext, type LinkContext, type Linked } from "./link.js";
import { list, num, str } from "./values.js";

/**
 * How a GPU resource buys its capacity (spot or on demand), whether it
 * autoscales without a bound, and whether its nodes get public addresses.
 * Each answer names the attribute it was read from, for the finding.
 */

function launchTemplatesOf(ctx: LinkContext, r: Resource): { templates: Linked[]; block: string } {
  const block = launchTemplateBlock(r.after);
  if (getPath(r.after, block) === undefined) return { templates: [], block };
  return {
    templates: ctx.linked(block, LAUNCH_TEMPLATE_TYPES, launchTemplateRef(r.after, block), matchesLaunchTemplate),
    block,
  };
}

// ---------------------------------------------------------------------------
// Spot or on demand

export type Purchase =
  | { kind: "spot" }
  | { kind: "on-demand"; attribute: string; detail: string }
  | { kind: "unknown"; attribute: string }
  | { kind: "not-applicable" };

const onDemand = (attribute: string, detail: string): Purchase => ({ kind: "on-demand", attribute, detail });

function templateMarket(t: Linked): "spot" | "on-demand" | "unknown" {
  if (maskCovers(t.unknown, "instance_market_options")) return "unknown";
  return getPath(t.values, "instance_market_options.0.market_type") === "spot" ? "spot" : "on-demand";
}

function gceScheduling(values: Attributes, unknownMask: unknown, prefix = ""): "spot" | "on-demand" | "unknown" {
  const preemptible = getPath(values, `${prefix}scheduling.0.preemptible`);
  const model = getPath(values, `${prefix}scheduling.0.provisioning_model`);
  if (preemptible === true || model === "SPOT") return "spot";
  if (
    maskCovers(unknownMask, `${prefix}scheduling`) ||
    maskCovers(unknownMask, `${prefix}scheduling.0.provisioning_model`)
  )
    return "unknown";
  return "on-demand";
}

function fromMarket(m: "spot" | "on-demand" | "unknown", attribute: string, detail: string): Purchase {
  return m === "spot"
    ? { kind: "spot" }
    : m === "unknown"
      ? { kind: "unknown", attribute }
      : onDemand(attribute, detail);
}

export function purchaseOf(model: Model, r: Resource): Purchase {
  const v = r.after;
  if (!v) return { kind: "not-applicable" };
  const u = r.afterUnknown;
  const ctx = linkContext(model, r, "after");
  switch (r.type) {
    case "aws_instance": {
      const market = getPath(v, "instance_market_options.0.market_type");
      if (market === "spot") return { kind: "spot" };
      if (maskCovers(u, "instance_market_options.0.market_type"))
        return { kind: "unknown", attribute: "instance_market_options" };
      const { templates } = launchTemplatesOf(ctx, r);
      if (templates.length > 0 && market === undefined) {
        return fromMarket(
          templates
            .map(templateMarket)
            .reduce((a, b) =>
              a === "on-demand" || b === "on-demand"
                ? "on-demand"
                : a === "unknown" || b === "unknown"
                  ? "unknown"
                  : "spot",
            ),
          "launch_template",
          "its launch template does not ask for the spot market",
        );
      }
      return onDemand("instance_market_options", 'no instance_market_options with market_type = "spot"');
    }
    case "aws_autoscaling_group": {
      const dist = "mixed_instances_policy.0.instances_distribution.0";
      if (getPath(v, "mixed_instances_policy.0") !== undefined) {
        const base = getPath(v, `${dist}.on_demand_base_capacity`);
        const pct = getPath(v, `${dist}.on_demand_percentage_above_base_capacity`);
        if (
          maskCovers(u, dist) ||
          maskCovers(u, `${dist}.on_demand_base_capacity`) ||
          maskCovers(u, `${dist}.on_demand_percentage_above_base_capacity`)
        ) {
          return { kind: "unknown", attribute: dist };
        }
        // AWS defaults: base 0, 100% on demand above it.
        const basis = typeof base === "number" ? base : 0;
        const percent = typeof pct === "number" ? pct : 100;
        if (basis === 0 && percent === 0) return { kind: "spot" };
        return onDemand(
          `${dist}.on_demand_percentage_above_base_capacity`,
          `on_demand_base_capacity = ${basis}, on_demand_percentage_above_base_capacity = ${percent}`,
        );
      }
      const { templates } = launchTemplatesOf(ctx, r);
      if (templates.length === 0) return { kind: "unknown", attribute: "launch_template" };
      const markets = templates.map(templateMarket);
      if (markets.includes("on-demand"))
        return onDemand(
          "launch_template",
          "its launch template does not ask for the spot market and there is no mixed_instances_policy",
        );
      return markets.includes("unknown") ? { kind: "unknown", attribute: "launch_template" } : { kind: "spot" };
    }
    case "aws_eks_node_group": {
      const ct = getPath(v, "capacity_type");
      if (ct === "SPOT") return { kind: "spot" };
      if (ct === undefined || ct === null) {
        if (maskCovers(u, "capacity_type") && ctx.configured("capacity_type"))
          return { kind: "unknown", attribute: "capacity_type" };
        return onDemand("capacity_type", "capacity_type defaults to ON_DEMAND");
      }
      return onDemand("capacity_type", `capacity_type = ${String(ct)}`);
    }
    case "google_compute_instance":
      return fromMarket(
        gceScheduling(v, u),
        "scheduling",
        'scheduling is neither preemptible nor provisioning_model = "SPOT"',
      );
    case "google_compute_instance_group_manager":
    case "google_compute_region_instance_group_manager": {
      const templates = instanceTemplatesOf(ctx, r.after, "version.0.instance_template");
      if (templates.length === 0) return { kind: "unknown", attribute: "version.0.instance_template" };
      const markets = templates.map((t) => gceScheduling(t.values, t.unknown));
      if (markets.includes("on-demand"))
        return onDemand(
          "version.0.instance_template",
          "its instance template's scheduling is neither preemptible nor SPOT",
        );
      return markets.includes("unknown")
        ? { kind: "unknown", attribute: "version.0.instance_template" }
        : { kind: "spot" };
    }
    case "google_container_node_pool": {
      if (getPath(v, "node_config.0.spot") === true || getPath(v, "node_config.0.preemptible") === true)
        return { kind: "spot" };
      if (maskCovers(u, "node_config.0.spot") || maskCovers(u, "node_config"))
        return { kind: "unknown", attribute: "node_config.0.spot" };
      return onDemand("node_config.0.spot", "node_config sets neither spot nor preemptible");
    }
    case "google_container_cluster": {
      const pools = list(getPath(v, "node_pool"));
      const configs = pools.length > 0 ? pools.map((_, i) => `node_pool.${i}.node_config.0`) : ["node_config.0"];
      for (const c of configs) {
        if (getPath(v, `${c}.spot`) !== true && getPath(v, `${c}.preemptible`) !== true)
          return onDemand(`${c}.spot`, `${c} sets neither spot nor preemptible`);
      }
      return { kind: "spot" };
    }
    case "google_tpu_v2_vm": {
      if (getPath(v, "scheduling_config.0.preemptible") === true || getPath(v, "scheduling_config.0.spot") === true)
        return { kind: "spot" };
      return onDemand("scheduling_config", "scheduling_config sets neither spot nor preemptible");
    }
    case "azurerm_linux_virtual_machine":
    case "azurerm_windows_virtual_machine":
    case "azurerm_linux_virtual_machine_scale_set":
    case "azurerm_windows_virtual_machine_scale_set":
    case "azurerm_orchestrated_virtual_machine_scale_set":
    case "azurerm_kubernetes_cluster_node_pool": {
      const p = getPath(v, "priority");
      if (p === "Spot") return { kind: "spot" };
      if (maskCovers(u, "priority")) return { kind: "unknown", attribute: "priority" };
      return onDemand("priority", `priority = ${typeof p === "string" ? p : "Regular"}`);
    }
    case "azurerm_kubernetes_cluster":
      return onDemand(
        "default_node_pool",
        "an AKS default node pool cannot use spot VMs; move the GPUs to a spot node pool",
      );
    case "azurerm_machine_learning_compute_cluster": {
      const p = getPath(v, "vm_priority");
      if (p === "LowPriority") return { kind: "spot" };
      return onDemand("vm_priority", `vm_priority = ${typeof p === "string" ? p : "Dedicated"}`);
    }
    default:
      // SageMaker endpoints, Vertex AI pools, notebooks and Kubernetes workloads have no spot switch here.
      return { kind: "not-applicable" };
  }
}

// ---------------------------------------------------------------------------
// Autoscaling

export interface Scaling {
  /** The pool's size can change between a minimum and a maximum. */
  autoscaled: boolean;
  /** False when nothing in the plan bounds how far it can grow. */
  bounded: boolean;
  attribute: string;
}

const positive = (v: unknown): boolean => (num(v) ?? 0) > 0;

export function scalingOf(model: Model, r: Resource): Scaling | undefined {
  const v = r.after;
  if (!v) return undefined;
  const ctx = linkContext(model, r, "after");
  const range = (min: unknown, max: unknown, attribute: string): Scaling => ({
    autoscaled: num(max) === undefined || num(min) !== num(max),
    bounded: num(max) !== undefined,
    attribute,
  });
  switch (r.type) {
    case "aws_autoscaling_group":
      return range(getPath(v, "min_size"), getPath(v, "max_size"), "max_size");
    case "aws_eks_node_group":
      return range(
        getPath(v, "scaling_config.0.min_size"),
        getPath(v, "scaling_config.0.max_size"),
        "scaling_config.0.max_size",
      );
    case "google_container_node_pool": {
      const a = getPath(v, "autoscaling.0");
      if (a === undefined) return { autoscaled: false, bounded: true, attribute: "node_count" };
      return {
        autoscaled: true,
        bounded: positive(getPath(a, "max_node_count")) || positive(getPath(a, "total_max_node_count")),
        attribute: "autoscaling.0.max_node_count",
      };
    }
    case "google_container_cluster": {
      const pools = list(getPath(v, "node_pool"));
      for (let i = 0; i < pools.length; i++) {
        const a = getPath(v, `node_pool.${i}.autoscaling.0`);
        if (
          a !== undefined &&
          !positive(getPath(a, "max_node_count")) &&
          !positive(getPath(a, "total_max_node_count"))
        ) {
          return { autoscaled: true, bounded: false, attribute: `node_pool.${i}.autoscaling.0.max_node_count` };
        }
      }
      return {
        autoscaled: pools.some((p) => getPath(p, "autoscaling.0") !== undefined),
        bounded: true,
        attribute: "node_pool",
      };
    }
    case "google_compute_instance_group_manager":
    case "google_compute_region_instance_group_manager": {
      return { autoscaled: migAutoscalersOf(ctx, r.type).length > 0, bounded: true, attribute: "target_size" };
    }
    case "azurerm_kubernetes_cluster_node_pool":
    case "azurerm_kubernetes_cluster": {
      const p = r.type === "azurerm_kubernetes_cluster" ? "default_node_pool.0." : "";
      const on = getPath(v, `${p}auto_scaling_enabled`) === true || getPath(v, `${p}enable_auto_scaling`) === true;
      return { autoscaled: on, bounded: !on || positive(getPath(v, `${p}max_count`)), attribute: `${p}max_count` };
    }
    case "azurerm_machine_learning_compute_cluster":
      return range(
        getPath(v, "scale_settings.0.min_node_count"),
        getPath(v, "scale_settings.0.max_node_count"),
        "scale_settings.0.max_node_count",
      );
    case "azurerm_linux_virtual_machine_scale_set":
    case "azurerm_windows_virtual_machine_scale_set":
    case "azurerm_orchestrated_virtual_machine_scale_set": {
      return { autoscaled: autoscaleSettingsOf(ctx).length > 0, bounded: true, attribute: "instances" };
    }
    case "google_vertex_ai_deployment_resource_pool":
    case "google_vertex_ai_endpoint_with_model_garden_deployment": {
      const base =
        r.type === "google_vertex_ai_deployment_resource_pool"
          ? "dedicated_resources.0"
          : "deploy_config.0.dedicated_resources.0";
      const max = num(getPath(v, `${base}.max_replica_count`));
      return {
        autoscaled: max !== undefined && max !== num(getPath(v, `${base}.min_replica_count`)),
        bounded: true,
        attribute: `${base}.max_replica_count`,
      };
    }
    case "kubernetes_manifest": {
      const np = karpenterNodePool(v);
      if (!np) return undefined;
      return {
        autoscaled: true,
        bounded: np.limits !== undefined && Object.keys(np.limits).length > 0,
        attribute: "manifest.spec.limits",
      };
    }
    default: {
      // Deployments and StatefulSets scale with a HorizontalPodAutoscaler, which always has max_replicas.
      const kind = horizontalScaleKind(r.type);
      if (kind === undefined) return undefined;
      return {
        autoscaled: horizontalAutoscalersOf(ctx, v, kind).length > 0,
        bounded: true,
        attribute: "spec.0.replicas",
      };
    }
  }
}

// ---------------------------------------------------------------------------
// Public addresses

export type Exposure =
  | { public: true; attribute: string; detail: string }
  | { public: false }
  | { public: "unknown"; attribute: string };

const truthy = (v: unknown): boolean => v === true || v === "true";

function hasAccessConfig(values: Attributes): number | undefined {
  const nics = list(getPath(values, "network_interface"));
  const i = nics.findIndex((n) => list(getPath(n, "access_config")).length > 0);
  return i >= 0 ? i : undefined;
}

/** Whether the nodes of a GPU resource get a public IP address (aws_instance: see PG-AWS-NET-006). */
export function exposureOf(model: Model, r: Resource): Exposure {
  const v = r.after;
  if (!v) return { public: false };
  const ctx = linkContext(model, r, "after");
  switch (r.type) {
    case "aws_autoscaling_group":
    case "aws_eks_node_group": {
      const { templates, block } = launchTemplatesOf(ctx, r);
      for (const t of templates) {
        const nics = list(getPath(t.values, "network_interfaces"));
        if (nics.some((n) => truthy(getPath(n, "associate_public_ip_address")))) {
          return {
            public: true,
            attribute: block,
            detail: `its launch template ${t.resource.address} sets associate_public_ip_address`,
          };
        }
      }
      if (r.type === "aws_autoscaling_group" && str(getPath(v, "launch_configuration")) !== undefined) {
        const lcs = ctx.linked(
          "launch_configuration",
          ["aws_launch_configuration"],
          getPath(v, "launch_configuration"),
          matchesLaunchTemplate,
        );
        const lc = lcs.find((c) => truthy(getPath(c.values, "associate_public_ip_address")));
        if (lc)
          return {
            public: true,
            attribute: "launch_configuration",
            detail: `its launch configuration ${lc.resource.address} sets associate_public_ip_address`,
          };
      }
      return { public: false };
    }
    case "google_compute_instance": {
      const i = hasAccessConfig(v);
      return i === undefined
        ? { public: false }
        : {
            public: true,
            attribute: `network_interface.${i}.access_config`,
            detail: "an access_config gives it an external IP",
          };
    }
    case "google_compute_instance_group_manager":
    case "google_compute_region_instance_group_manager": {
      const t = instanceTemplatesOf(ctx, r.after, "version.0.instance_template").find(
        (x) => hasAccessConfig(x.values) !== undefined,
      );
      return t
        ? {
            public: true,
            attribute: "version.0.instance_template",
            detail: `its instance template ${t.resource.address} has an access_config (external IP)`,
          }
        : { public: false };
    }
    case "google_container_node_pool": {
      const own = getPath(v, "network_config.0.enable_private_nodes");
      if (own === true) return { public: false };
      if (own === false)
        return {
          public: true,
          attribute: "network_config.0.enable_private_nodes",
          detail: "enable_private_nodes = false",
        };
      const cluster = clusterOf(ctx, v);
      if (!cluster) return { public: false };
      if (maskCovers(cluster.unknown, "private_cluster_config")) return { public: "unknown", attribute: "cluster" };
      return getPath(cluster.values, "private_cluster_config.0.enable_private_nodes") === true
        ? { public: false }
        : {
            public: true,
            attribute: "cluster",
            detail: `its cluster ${cluster.resource.address} does not enable private nodes`,
          };
    }
    case "google_container_cluster":
      if (maskCovers(r.afterUnknown, "private_cluster_config"))
        return { public: "unknown", attribute: "private_cluster_config" };
      return getPath(v, "private_cluster_config.0.enable_private_nodes") === true
        ? { public: false }
        : { public: true, attribute: "private_cluster_config", detail: "the cluster does not enable private nodes" };
    case "google_tpu_v2_vm":
      return truthy(getPath(v, "network_config.0.enable_external_ips"))
        ? { public: true, attribute: "network_config.0.enable_external_ips", detail: "enable_external_ips = true" }
        : { public: false };
    case "google_workbench_instance":
      return getPath(v, "gce_setup.0.disable_public_ip") === true
        ? { public: false }
        : { public: true, attribute: "gce_setup.0.disable_public_ip", detail: "disable_public_ip is not true" };
    case "google_notebooks_instance":
      return getPath(v, "no_public_ip") === true
        ? { public: false }
        : { public: true, attribute: "no_public_ip", detail: "no_public_ip is not true" };
    case "azurerm_linux_virtual_machine_scale_set":
    case "azurerm_windows_virtual_machine_scale_set":
    case "azurerm_orchestrated_virtual_machine_scale_set": {
      const nics = list(getPath(v, "network_interface"));
      for (let i = 0; i < nics.length; i++) {
        const ips = list(getPath(nics[i], "ip_configuration"));
        const j = ips.findIndex((ip) => list(getPath(ip, "public_ip_address")).length > 0);
        if (j >= 0)
          return {
            public: true,
            attribute: `network_interface.${i}.ip_configuration.${j}.public_ip_address`,
            detail: "a public_ip_address block gives every instance a public IP",
          };
      }
      return { public: false };
    }
    case "azurerm_linux_virtual_machine":
    case "azurerm_windows_virtual_machine": {
      const nics = ctx.linked("network_interface_ids", ["azurerm_network_interface"], undefined, () => false);
      for (const nic of nics) {
        const ips = list(getPath(nic.values, "ip_configuration"));
        const direct = ips.some((ip) => str(getPath(ip, "public_ip_address_id")) !== undefined);
        const viaGraph = model.graph
          .referencesFrom(nic.resource.configAddress, "ip_configuration.public_ip_address_id")
          .some((ref) => ref.to.split(".").slice(-2)[0] === "azurerm_public_ip");
        if (direct || viaGraph)
          return {
            public: true,
            attribute: "network_interface_ids",
            detail: `its network interface ${nic.resource.address} has a public IP address`,
          };
      }
      return { public: false };
    }
    case "azurerm_kubernetes_cluster_node_pool":
    case "azurerm_kubernetes_cluster": {
      const p = r.type === "azurerm_kubernetes_cluster" ? "default_node_pool.0." : "";
      const on = getPath(v, `${p}node_public_ip_enabled`) === true || getPath(v, `${p}enable_node_public_ip`) === true;
      return on
        ? { public: true, attribute: `${p}node_public_ip_enabled`, detail: "node_public_ip_enabled = true" }
        : { public: false };
    }
    case "azurerm_machine_learning_compute_cluster":
    case "azurerm_machine_learning_compute_instance":
      // Azure gives compute nodes a public IP unless node_public_ip_enabled = false.
      return getPath(v, "node_public_ip_enabled") === false
        ? { public: false }
        : {
            public: true,
            attribute: "node_public_ip_enabled",
            detail: "node_public_ip_enabled is not false (Azure's default gives nodes public IPs)",
          };
    default:
      return { public: false };
  }
}
