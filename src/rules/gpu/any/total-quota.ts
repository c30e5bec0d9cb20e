import { countedBy } from "../../../gpu/scope.js";
import { modelRule } from "../../../policy/rule.js";
import { formatCount, judgeSum } from "../common.js";
import { gpuMembers } from "../quota.js";

export const gpuTotalQuota = modelRule({
  id: "PG-GPU-001",
  title: "GPUs in the plan exceed the total quota",
  description:
    "The accelerators that all resources in the plan add up to after apply exceed `gpu.max_total`. Pools count their upper bound (autoscaling maximum, per-zone counts times zones). Cloud GPU quotas are scarce and expensive; a plan that asks for more fails at apply time or burns budget.",
  severity: "high",
  category: "gpu",
  remediation:
    "Reduce instance counts or node pool sizes, use smaller GPU shapes, or raise `gpu.max_total` after the quota and budget are approved.",
  check(ctx) {
    const max = ctx.config.gpu?.max_total;
    if (max === undefined) return;
    return judgeSum(
      gpuMembers(ctx),
      countedBy(ctx.config),
      max,
      (total, largest) =>
        `The plan adds up to ${formatCount(total)} GPUs, over the quota of ${max}; the largest is ${largest.r.address} with ${formatCount(largest.gpus)}.`,
      "The GPU total",
    );
  },
});
