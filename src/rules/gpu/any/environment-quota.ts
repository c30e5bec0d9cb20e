import { environmentOf } from "../../../gpu/scope.js";
import { modelRule } from "../../../policy/rule.js";
import { judgeScopedQuotas } from "../quota.js";

export const gpuEnvironmentQuota = modelRule({
  id: "PG-GPU-006",
  title: "An environment's GPUs exceed its quota",
  description:
    "The accelerators of an environment add up to more than `gpu.environments.<env>.max_total` after apply. A resource's environment is its `environment` tag or label (or `gpu.environment_tag`), else the plan's `gpu.environment`.",
  severity: "high",
  category: "gpu",
  remediation:
    "Shrink the environment's GPU pools (development rarely needs production's size), or raise its quota in `gpu.environments`.",
  check: (ctx) =>
    judgeScopedQuotas(
      ctx,
      ctx.config.gpu?.environments,
      (r) => environmentOf(ctx.model, r, ctx.config.gpu),
      "Environment",
    ),
});
