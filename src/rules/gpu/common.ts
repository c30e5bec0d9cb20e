import { labelsOf, resourceGpuDemand, totalGpus, type GpuDemand, type GpuGroup } from "../../gpu/demand.js";
import { isUnknown, type Model, type Resource } from "../../plan/model.js";
import { fail, unknown, type Outcome } from "../../policy/rule.js";

/** Shared helpers of the GPU rules. */

export function demandAfter(model: Model, r: Resource): GpuDemand | undefined {
  return resourceGpuDemand(model, r, "after");
}

export const formatCount = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** Capacity groups (not Kubernetes requests) that carry accelerators. */
export const capacityGroups = (d: GpuDemand | undefined): GpuGroup[] =>
  (d?.groups ?? []).filter((g) => g.gpus > 0 && !g.workload);

function listAddresses(addresses: readonly string[]): string {
  return addresses.slice(0, 3).join(", ") + (addresses.length > 3 ? `, and ${addresses.length - 3} more` : "");
}

/**
 * A sum over a set of resources against a limit: one failure on the largest
 * contributor when over, an unknown when some members are undecided.
 */
export function judgeSum(
  members: readonly { r: Resource; demand: GpuDemand }[],
  keep: (g: GpuGroup) => boolean,
  max: number,
  describe: (total: number, largest: { r: Resource; gpus: number }) => string,
  undecidedWhat: string,
): Outcome | undefined {
  let total = 0;
  let largest: { r: Resource; gpus: number } | undefined;
  const undecided: string[] = [];
  for (const { r, demand } of members) {
    if (demand.undecided) undecided.push(r.address);
    const gpus = totalGpus(demand, keep);
    total += gpus;
    if (gpus > 0 && (!largest || gpus > largest.gpus)) largest = { r, gpus };
  }
  if (total > max && largest) {
    const outcome = fail(describe(total, largest));
    outcome.resource = largest.r;
    return outcome;
  }
  if (undecided.length > 0) {
    return unknown(
      `${undecidedWhat} could not be decided: the shape or size of ${listAddresses(undecided)} is known only after apply or not in the plan.`,
    );
  }
  return undefined;
}

/**
 * A GPU resource's tags or labels against a required list (`gpu.require_tags`,
 * `governance.require_tags.gpu`): a failure naming the missing ones, or an
 * unknown while the tags are known only after apply (tags_all, the provider's
 * default_tags, may supply them). `what` names them in the message ("tag",
 * "governance tag").
 */
export function judgeRequiredGpuTags(
  model: Model,
  r: Resource,
  required: readonly string[] | undefined,
  what: string,
): Outcome | undefined {
  if (!required || required.length === 0) return undefined;
  if (totalGpus(demandAfter(model, r)) <= 0) return undefined;
  const { labels, paths } = labelsOf(model, r);
  const missing = required.filter((t) => labels[t] === undefined || labels[t] === null || labels[t] === "");
  if (missing.length === 0) return undefined;
  if (paths.some((p) => isUnknown(r, p)))
    return unknown(`Tags ${missing.join(", ")} may come from values known only after apply.`, paths[0]);
  return fail(
    `${r.address} carries GPUs but lacks the ${what}${missing.length === 1 ? "" : "s"} ${missing.join(", ")}.`,
    paths[0],
  );
}
