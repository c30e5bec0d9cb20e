import { exposureOf, purchaseOf, scalingOf } from "../../gpu/capacity.js";
import { GPU_RESOURCE_TYPES, karpenterNodePool } from "../../gpu/demand.js";
import { spotRequired } from "../../gpu/scope.js";
import { fail, resourceRule, unknown } from "../../policy/rule.js";
import { capacityGroups, demandAfter, formatCount } from "./common.js";

/** Rules about how GPU capacity is bought, bounded and exposed. */

export const gpuAutoscalingBound = resourceRule({
  id: "PG-GPU-008",
  title: "GPU pool autoscales without a bound, or beyond the allowed maximum",
  description:
    "An autoscaled GPU pool (node group, node pool, scaling group, instance group with an autoscaler, Karpenter NodePool) must have an upper bound: with `gpu.forbid_unbounded_autoscaling`, a pool that can grow without one; with `gpu.max_autoscaling_nodes`, a pool whose maximum node or replica count is above it. A runaway scale-out of GPU nodes is the fastest way to spend a quarter's budget in a day.",
  severity: "high",
  category: "gpu",
  resourceTypes: [...GPU_RESOURCE_TYPES],
  remediation: "Set a maximum (max_node_count, max_size, max_count, spec.limits on the NodePool) that fits the quota, or lower it to `gpu.max_autoscaling_nodes`.",
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
      if (forbidUnbounded) return fail(`GPU pool ${r.address} autoscales with no upper bound (${scaling.attribute} is not set).`, scaling.attribute);
      return;
    }
    if (maxNodes === undefined || r.type === "kubernetes_manifest") return;
    if (demand?.undecided) return unknown(`The pool's maximum size is not decided: ${demand.undecided}.`, scaling.attribute);
    const nodes = Math.max(...groups.map((g) => g.nodes));
    if (nodes > maxNodes) {
      return fail(`GPU pool ${r.address} may grow to ${formatCount(nodes)} nodes or replicas, over the autoscaling limit of ${maxNodes}.`, scaling.attribute);
    }
  },
});

export const gpuOnDemandWhereSpotRequired = resourceRule({
  id: "PG-GPU-009",
  title: "On-demand GPU capacity where spot is required",
  description:
    "With `gpu.require_spot` (or `gpu.environments.<env>.require_spot` for the resource's environment), GPU capacity must be spot or preemptible: EC2 `instance_market_options` spot, an ASG mixed policy with no on-demand share, EKS `capacity_type = SPOT`, GCE `scheduling.preemptible` or `provisioning_model = SPOT`, GKE `node_config.spot`, Azure `priority = Spot`, Azure ML `LowPriority`. Spot GPUs cost a fraction of on-demand ones and suit development, batch and fault-tolerant training.",
  severity: "medium",
  category: "gpu",
  resourceTypes: [...GPU_RESOURCE_TYPES],
  remediation: "Request spot/preemptible capacity (and make the workload tolerate interruption), or set `require_spot: false` for this environment.",
  check(r, { model, config }) {
    if (config.gpu?.require_spot !== true && !Object.values(config.gpu?.environments ?? {}).some((e) => e.require_spot === true)) return;
    const demand = demandAfter(model, r);
    if (capacityGroups(demand).length === 0) return;
    const rule = spotRequired(model, r, config.gpu);
    if (!rule.required) return;
    const p = purchaseOf(model, r);
    const where = rule.environment ? ` in environment ${rule.environment}` : "";
    if (p.kind === "on-demand") return fail(`${r.address} buys on-demand GPU capacity${where}, where spot is required: ${p.detail}.`, p.attribute);
    if (p.kind === "unknown") return unknown(`Whether ${r.address} uses spot capacity is known only after apply.`, p.attribute);
  },
});

export const gpuPublicIp = resourceRule({
  id: "PG-GPU-010",
  title: "GPU nodes get public IP addresses",
  description:
    "The nodes of a GPU pool or instance get public IP addresses: a launch template with `associate_public_ip_address`, a GCE `access_config`, a GKE pool without private nodes, a scale set with a public IP configuration, AKS or Azure ML nodes with public IPs. Expensive nodes on the internet are found and abused (cryptomining, model theft). EC2 instances are covered by PG-AWS-NET-006.",
  severity: "medium",
  category: "gpu",
  resourceTypes: GPU_RESOURCE_TYPES.filter((t) => t !== "aws_instance"),
  remediation: "Keep GPU nodes on private addresses (private nodes, no access_config, node_public_ip_enabled = false) and reach them through a load balancer, NAT or IAP.",
  check(r, { model }) {
    if (capacityGroups(demandAfter(model, r)).length === 0) return;
    const e = exposureOf(model, r);
    if (e.public === true) return fail(`GPU nodes of ${r.address} get public IP addresses: ${e.detail}.`, e.attribute);
    if (e.public === "unknown") return unknown(`Whether the GPU nodes of ${r.address} get public IPs is known only after apply.`, e.attribute);
  },
});
