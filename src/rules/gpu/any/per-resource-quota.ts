import { GPU_RESOURCE_TYPES, totalGpus } from "../../../gpu/demand.js";
import { countedBy } from "../../../gpu/scope.js";
import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { demandAfter, formatCount } from "../common.js";

export const gpuPerResourceQuota = resourceRule({
  id: "PG-GPU-002",
  title: "One resource asks for more GPUs than allowed",
  description:
    "A single instance, node pool, scaling group or endpoint asks for more accelerators than `gpu.max_per_resource` (pools at their upper bound).",
  severity: "medium",
  category: "gpu",
  resourceTypes: [...GPU_RESOURCE_TYPES],
  remediation: "Split the workload or choose a smaller shape; raise `gpu.max_per_resource` if the size is intended.",
  check(r, { model, config }) {
    const max = config.gpu?.max_per_resource;
    if (max === undefined) return;
    const demand = demandAfter(model, r);
    if (demand?.undecided) return unknown(`GPU count is not decided: ${demand.undecided}.`);
    const keep = countedBy(config);
    const gpus = totalGpus(demand, keep);
    if (gpus > max) {
      const groups = demand!.groups.filter(keep);
      const shapes = [...new Set(groups.map((g) => g.shape))].join(", ");
      return fail(
        `${r.address} asks for ${formatCount(gpus)} GPUs (${shapes}), over the per-resource limit of ${max}.`,
        groups[0]!.attribute,
      );
    }
  },
});
