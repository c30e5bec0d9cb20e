import { lookupTable } from "../../plan/own.js";
import type { Attributes } from "../../plan/model.js";
import { getPath } from "../../plan/paths.js";
import { azureVmAccelerators } from "../catalog.js";
import type { LinkContext, Linked } from "../link.js";
import { list, num } from "../values.js";
import { afterApply, countAt, scale, shapeDemand, type Extractor, type GpuDemand } from "./groups.js";

/**
 * GPU demand of Azure resources: virtual machines, scale sets (bounded by
 * their autoscale settings), AKS clusters and node pools, Machine Learning
 * compute clusters and instances.
 */

const azureShape = (
  values: Attributes,
  unknownMask: unknown,
  path: string,
  counts: readonly string[] = [],
): GpuDemand => shapeDemand(values, unknownMask, path, azureVmAccelerators, counts);

/** The azurerm_monitor_autoscale_settings that target this resource (by its id, which Azure compares case-insensitively). */
export function autoscaleSettingsOf(ctx: LinkContext): Linked[] {
  return ctx.referrers(["azurerm_monitor_autoscale_setting"], "target_resource_id", (setting, self) => {
    const target = setting["target_resource_id"];
    const id = self["id"];
    return typeof target === "string" && typeof id === "string" && target.toLowerCase() === id.toLowerCase();
  });
}

/** A scale set: its SKU × the largest profile maximum of its autoscale settings, else `instances`. */
function scaleSet(skuPath: string): Extractor {
  return (values, unknownMask, ctx) => {
    const sku = azureShape(values, unknownMask, skuPath);
    if (sku.undecided || sku.groups.length === 0) return sku;
    const maxes: number[] = [];
    for (const s of ctx ? autoscaleSettingsOf(ctx) : []) {
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
    const autoscaled =
      getPath(values, `${prefix}auto_scaling_enabled`) === true ||
      getPath(values, `${prefix}enable_auto_scaling`) === true;
    const counts = autoscaled
      ? [`${prefix}max_count`, `${prefix}node_count`]
      : [`${prefix}node_count`, `${prefix}max_count`];
    return azureShape(values, unknownMask, `${prefix}vm_size`, counts);
  };
}

export const AZURE_EXTRACTORS: Readonly<Record<string, Extractor>> = lookupTable<Extractor>({
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
});
