import { scalingOf } from "../../../gpu/capacity.js";
import { GPU_RESOURCE_TYPES, karpenterNodePool } from "../../../gpu/demand.js";
import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { capacityGroups, demandAfter, formatCount } from "../common.js";

export const gpuAutoscalingBound = resourceRule({
  id: "PG-GPU-008",
  title: "GPU pool autoscales without a bound, or beyond the allowed maximum",
  description:
    "An autoscaled GPU pool (node group, node pool, scaling group, instance group with an autoscaler, Karpenter NodePool) must have an upper bound: with `gpu.forbid_unbounded_autoscaling`, a pool that can grow without one; with `gpu.max_autoscaling_nodes`, a pool whose maximum node or replica count is above it. A runaway scale-out of GPU nodes is the fastest way to spend a quarter's budget in a day.",
  severity: "high",
  category: "gpu",
  resourceTypes: [...GPU_RESOURCE_TYPES],
  remediation:
    "Set a maximum (max_node_count, max_size, max_count, spec.limits on the NodePool) that fits the quota, or lower it to `gpu.max_autoscaling_nodes`.",
  check(r, { model, config }) {
    const forbidUnbounded = config.gpu?.forbid_unbounded_autoscaling === true;
    const maxNodes = config.gpu?.max_autoscaling_nodes;
    if (!forbidUnbounded && maxNodes === undefined) return;
    const demand = demandAfter(model, r);
    const groups = capacityGroups(demand);
    const karpenter = r.type === "kubernetes_manifest" && r.after ? karpenterNodePool(r.after) : undefined;
    if (groups.length === 0 && !karpenter) return;
    const scaling = scalingOf(model, r);
    if (!scaling?.autoscaled) return;
    if (!scaling.bounded) {
      if (forbidUnbounded)
        return fail(
          `GPU pool ${r.address} autoscales with no upper bound (${scaling.attribute} is not set).`,
          scaling.attribute,
        );
      return;
    }
    if (maxNodes === undefined || r.type === "kubernetes_manifest") return;
    if (demand?.undecided)
      return unknown(`The pool's maximum size is not decided: ${demand.undecided}.`, scaling.attribute);
    const nodes = Math.max(...groups.map((g) => g.nodes));
    if (nodes > maxNodes) {
      return fail(
        `GPU pool ${r.address} may grow to ${formatCount(nodes)} nodes or replicas, over the autoscaling limit of ${maxNodes}.`,
        scaling.attribute,
      );
    }
  },
});
