import { totalGpus, type GpuDemand, type GpuGroup } from "../../gpu/demand.js";
import { countedBy } from "../../gpu/scope.js";
import type { Model, Resource } from "../../plan/model.js";
import type { Outcome, RuleContext } from "../../policy/rule.js";
import { demandAfter, formatCount, judgeSum } from "./common.js";

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

export function gpuMembers(ctx: { model: Model }): readonly GpuMember[] {
  let members = membersCache.get(ctx.model);
  if (!members) {
    const out: GpuMember[] = [];
    // Indexed: one pass over every resource of the plan, mostly before the optimizer has compiled it.
    const resources = ctx.model.resources;
    for (let i = 0; i < resources.length; i++) {
      const r = resources[i]!;
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

/**
 * The body of the per-team (PG-GPU-005) and per-environment (PG-GPU-006)
 * quotas: for each entry of the config's table that has a `max_total`, the
 * GPUs of the members whose scope (`scopeOf`: their team, their
 * environment) names the entry, judged against it. Undefined when no entry
 * sets a quota, so the rule is silent.
 */
export function judgeScopedQuotas(
  ctx: RuleContext,
  quotas: Readonly<Record<string, { max_total?: number }>> | undefined,
  scopeOf: (r: Resource) => string | undefined,
  noun: "Team" | "Environment",
): Outcome[] | undefined {
  if (!quotas || !Object.values(quotas).some((q) => q.max_total !== undefined)) return undefined;
  const out: Outcome[] = [];
  const keep = countedBy(ctx.config);
  const members = withKey(contributing(gpuMembers(ctx), keep), scopeOf);
  for (const [name, quota] of Object.entries(quotas)) {
    if (quota.max_total === undefined) continue;
    const max = quota.max_total;
    const o = judgeSum(
      membersNamed(members, name),
      keep,
      max,
      (total, largest) =>
        `${noun} ${name} adds up to ${formatCount(total)} GPUs, over its quota of ${max}; the largest is ${largest.r.address} with ${formatCount(largest.gpus)}.`,
      `${noun} ${name}'s GPU total`,
    );
    if (o) out.push(o);
  }
  return out;
}
