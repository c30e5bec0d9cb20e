import { purchaseOf } from "../../../gpu/capacity.js";
import { GPU_RESOURCE_TYPES } from "../../../gpu/demand.js";
import { spotRequired } from "../../../gpu/scope.js";
import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { capacityGroups, demandAfter } from "../common.js";

export const gpuOnDemandWhereSpotRequired = resourceRule({
  id: "PG-GPU-009",
  title: "On-demand GPU capacity where spot is required",
  description:
    "With `gpu.require_spot` (or `gpu.environments.<env>.require_spot` for the resource's environment), GPU capacity must be spot or preemptible: EC2 `instance_market_options` spot, an ASG mixed policy with no on-demand share, EKS `capacity_type = SPOT`, GCE `scheduling.preemptible` or `provisioning_model = SPOT`, GKE `node_config.spot`, Azure `priority = Spot`, Azure ML `LowPriority`. Spot GPUs cost a fraction of on-demand ones and suit development, batch and fault-tolerant training.",
  severity: "medium",
  category: "gpu",
  resourceTypes: [...GPU_RESOURCE_TYPES],
  remediation:
    "Request spot/preemptible capacity (and make the workload tolerate interruption), or set `require_spot: false` for this environment.",
  check(r, { model, config }) {
    if (
      config.gpu?.require_spot !== true &&
      !Object.values(config.gpu?.environments ?? {}).some((e) => e.require_spot === true)
    )
      return;
    const demand = demandAfter(model, r);
    if (capacityGroups(demand).length === 0) return;
    const rule = spotRequired(model, r, config.gpu);
    if (!rule.required) return;
    const p = purchaseOf(model, r);
    const where = rule.environment ? ` in environment ${rule.environment}` : "";
    if (p.kind === "on-demand")
      return fail(
        `${r.address} buys on-demand GPU capacity${where}, where spot is required: ${p.detail}.`,
        p.attribute,
      );
    if (p.kind === "unknown")
      return unknown(`Whether ${r.address} uses spot capacity is known only after apply.`, p.attribute);
  },
});
