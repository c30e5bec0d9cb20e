import { teamOf } from "../../../gpu/scope.js";
import { modelRule } from "../../../policy/rule.js";
import { judgeScopedQuotas } from "../quota.js";

export const gpuTeamQuota = modelRule({
  id: "PG-GPU-005",
  title: "A team's GPUs exceed its quota",
  description:
    "The accelerators of the resources tagged or labelled with a team (`team`, or `gpu.team_tag`) add up to more than that team's `gpu.teams.<team>.max_total` after apply. Untagged resources count against no team (PG-GPU-004 asks for the tag).",
  severity: "high",
  category: "gpu",
  remediation:
    "Shrink the team's pools or instances, move capacity to another approved team, or raise the team's quota in `gpu.teams`.",
  check: (ctx) => judgeScopedQuotas(ctx, ctx.config.gpu?.teams, (r) => teamOf(ctx.model, r, ctx.config.gpu), "Team"),
});
