import { GPU_RESOURCE_TYPES, labelsOf, totalGpus, type GpuDemand, type GpuGroup } from "../../gpu/demand.js";
import { countedBy, environmentOf, teamOf } from "../../gpu/scope.js";
import { isUnknown, type Model, type Resource } from "../../plan/model.js";
import { fail, modelRule, resourceRule, unknown, type Outcome } from "../../policy/rule.js";
import { gpuAutoscalingBound, gpuOnDemandWhereSpotRequired, gpuPublicIp } from "./capacity.js";
import { demandAfter, formatCount, judgeSum } from "./common.js";
import { gpuWorkloadLimits, gpuNodeWorkloadWithoutGpuLimit } from "./kubernetes.js";
import { gpuAllowedFamilies, gpuAllowedModels, gpuDeprecatedModels } from "./shapes.js";

/**
 * GPU quotas from the config's `gpu` section. Each rule is silent when its
 * setting is absent. Counts come from the bundled GPU catalog; see
 * src/gpu/demand.ts and docs/gpu.md for what counts as a GPU and how pools
 * count (their upper bound). `gpu.count_kinds` and
 * `gpu.count_kubernetes_workloads` say which accelerators a quota counts.
 */

/**
 * Resources that will exist, with their GPU demand after apply. The three
 * quota rules (total, team, environment) sum over the same list, which
 * depends only on the model, so it is built once per model and shared
 * (read-only: the rules filter it into new arrays).
 */
const membersCache = new WeakMap<Model, readonly GpuMember[]>();

interface GpuMember {
  r: Resource;
  demand: GpuDemand;
}

function gpuMembers(ctx: { model: Model }): readonly GpuMember[] {
  let members = membersCache.get(ctx.model);
  if (!members) {
    const out: GpuMember[] = [];
    for (const r of ctx.model.resources) {
      if (!r.willExist || r.mode !== "managed") continue;
      const demand = demandAfter(ctx.model, r);
      if (demand) out.push({ r, demand });
    }
    membersCache.set(ctx.model, (members = out));
  }
  return members;
}

/**
 * The members a judgeSum can notice: undecided ones, and those whose counted
 * GPUs are not zero. A member with neither adds nothing to the total, can
 * never be the largest (that needs gpus > 0) and is not listed as
 * undecided, so dropping it (in order) leaves every outcome as it was while
 * sparing the team and environment look-ups for the many GPU-less members.
 */
function contributing(members: readonly GpuMember[], keep: (g: GpuGroup) => boolean): GpuMember[] {
  return members.filter((m) => m.demand.undecided || totalGpus(m.demand, keep) !== 0);
}

/**
 * Members with a tag value (team, environment) read once each, not once per
 * quota entry, and lower-cased once for the case-insensitive match.
 */
function withKey(members: readonly GpuMember[], keyOf: (r: Resource) => string | undefined): KeyedMember[] {
  return members.map((m) => {
    const key = keyOf(m.r);
    return { r: m.r, demand: m.demand, key, lowerKey: key?.toLowerCase() };
  });
}

interface KeyedMember extends GpuMember {
  key: string | undefined;
  lowerKey: string | undefined;
}

/**
 * The members whose tag value names a quota entry: what
 * `entryFor({ [name]: true }, key) !== undefined` answers (the exact name,
 * else the name compared case-insensitively), without building a map and
 * lower-casing every key once per entry.
 */
function membersNamed(members: readonly KeyedMember[], name: string): KeyedMember[] {
  const lowerName = name.toLowerCase();
  return members.filter((m) => m.key !== undefined && (m.key === name || m.lowerKey === lowerName));
}

export const gpuTotalQuota = modelRule({
  id: "PG-GPU-001",
  title: "GPUs in the plan exceed the total quota",
  description:
    "The accelerators that all resources in the plan add up to after apply exceed `gpu.max_total`. Pools count their upper bound (autoscaling maximum, per-zone counts times zones). Cloud GPU quotas are scarce and expensive; a plan that asks for more fails at apply time or burns budget.",
  severity: "high",
  category: "gpu",
  remediation: "Reduce instance counts or node pool sizes, use smaller GPU shapes, or raise `gpu.max_total` after the quota and budget are approved.",
  check(ctx) {
    const max = ctx.config.gpu?.max_total;
    if (max === undefined) return;
    return judgeSum(
      gpuMembers(ctx),
      countedBy(ctx.config),
      max,
      (total, largest) => `The plan adds up to ${formatCount(total)} GPUs, over the quota of ${max}; the largest is ${largest.r.address} with ${formatCount(largest.gpus)}.`,
      "The GPU total",
    );
  },
});

export const gpuPerResourceQuota = resourceRule({
  id: "PG-GPU-002",
  title: "One resource asks for more GPUs than allowed",
  description: "A single instance, node pool, scaling group or endpoint asks for more accelerators than `gpu.max_per_resource` (pools at their upper bound).",
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
      return fail(`${r.address} asks for ${formatCount(gpus)} GPUs (${shapes}), over the per-resource limit of ${max}.`, groups[0]!.attribute);
    }
  },
});

export const gpuRequiredTags = resourceRule({
  id: "PG-GPU-004",
  title: "GPU resource is missing required tags or labels",
  description:
    "GPU spend must be attributable: every resource that carries accelerators must have the tags (AWS, Azure) or labels (GCP, Kubernetes) listed in `gpu.require_tags`, such as team and cost-center. Scaling groups and managed instance groups may inherit them from their template.",
  severity: "low",
  category: "gpu",
  resourceTypes: [...GPU_RESOURCE_TYPES],
  remediation: "Add the missing tags or labels (or set them once through the provider's default_tags).",
  check(r, { model, config }) {
    const required = config.gpu?.require_tags;
    if (!required || required.length === 0) return;
    const demand = demandAfter(model, r);
    if (totalGpus(demand) <= 0) return;
    const { labels, paths } = labelsOf(model, r);
    const missing = required.filter((t) => labels[t] === undefined || labels[t] === null || labels[t] === "");
    if (missing.length === 0) return;
    // tags_all (provider default_tags) may supply them once it is known.
    if (paths.some((p) => isUnknown(r, p))) return unknown(`Tags ${missing.join(", ")} may come from values known only after apply.`, paths[0]);
    return fail(`${r.address} carries GPUs but lacks the ${missing.length === 1 ? "tag" : "tags"} ${missing.join(", ")}.`, paths[0]);
  },
});

export const gpuTeamQuota = modelRule({
  id: "PG-GPU-005",
  title: "A team's GPUs exceed its quota",
  description:
    "The accelerators of the resources tagged or labelled with a team (`team`, or `gpu.team_tag`) add up to more than that team's `gpu.teams.<team>.max_total` after apply. Untagged resources count against no team (PG-GPU-004 asks for the tag).",
  severity: "high",
  category: "gpu",
  remediation: "Shrink the team's pools or instances, move capacity to another approved team, or raise the team's quota in `gpu.teams`.",
  check(ctx) {
    const teams = ctx.config.gpu?.teams;
    if (!teams || !Object.values(teams).some((q) => q.max_total !== undefined)) return;
    const out: Outcome[] = [];
    const keep = countedBy(ctx.config);
    const members = withKey(contributing(gpuMembers(ctx), keep), (r) => teamOf(ctx.model, r, ctx.config.gpu));
    for (const [team, quota] of Object.entries(teams)) {
      if (quota.max_total === undefined) continue;
      const max = quota.max_total;
      const mine = membersNamed(members, team);
      const o = judgeSum(
        mine,
        keep,
        max,
        (total, largest) => `Team ${team} adds up to ${formatCount(total)} GPUs, over its quota of ${max}; the largest is ${largest.r.address} with ${formatCount(largest.gpus)}.`,
        `Team ${team}'s GPU total`,
      );
      if (o) out.push(o);
    }
    return out;
  },
});

export const gpuEnvironmentQuota = modelRule({
  id: "PG-GPU-006",
  title: "An environment's GPUs exceed its quota",
  description:
    "The accelerators of an environment add up to more than `gpu.environments.<env>.max_total` after apply. A resource's environment is its `environment` tag or label (or `gpu.environment_tag`), else the plan's `gpu.environment`.",
  severity: "high",
  category: "gpu",
  remediation: "Shrink the environment's GPU pools (development rarely needs production's size), or raise its quota in `gpu.environments`.",
  check(ctx) {
    const envs = ctx.config.gpu?.environments;
    if (!envs || !Object.values(envs).some((q) => q.max_total !== undefined)) return;
    const out: Outcome[] = [];
    const keep = countedBy(ctx.config);
    const members = withKey(contributing(gpuMembers(ctx), keep), (r) => environmentOf(ctx.model, r, ctx.config.gpu));
    for (const [env, quota] of Object.entries(envs)) {
      if (quota.max_total === undefined) continue;
      const max = quota.max_total;
      const mine = membersNamed(members, env);
      const o = judgeSum(
        mine,
        keep,
        max,
        (total, largest) => `Environment ${env} adds up to ${formatCount(total)} GPUs, over its quota of ${max}; the largest is ${largest.r.address} with ${formatCount(largest.gpus)}.`,
        `Environment ${env}'s GPU total`,
      );
      if (o) out.push(o);
    }
    return out;
  },
});

export { gpuAllowedModels };

export const gpuRules = [
  gpuTotalQuota,
  gpuPerResourceQuota,
  gpuAllowedModels,
  gpuRequiredTags,
  gpuTeamQuota,
  gpuEnvironmentQuota,
  gpuAllowedFamilies,
  gpuAutoscalingBound,
  gpuOnDemandWhereSpotRequired,
  gpuPublicIp,
  gpuDeprecatedModels,
  gpuWorkloadLimits,
  gpuNodeWorkloadWithoutGpuLimit,
];
