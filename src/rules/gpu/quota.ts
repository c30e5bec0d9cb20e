import { GPU_RESOURCE_TYPES, gpuDemandOf, ownerLabels, totalGpus, type GpuDemand } from "../../gpu/demand.js";
import { isUnknown, type Resource } from "../../plan/model.js";
import { fail, modelRule, resourceRule, unknown, type Outcome } from "../../policy/rule.js";

/**
 * GPU quotas from the config's `gpu` section. Each rule is silent when its
 * setting is absent. Counts come from the bundled GPU catalog; see
 * src/gpu/demand.ts for what counts as a GPU and how node pools count.
 */

function demandAfter(r: Resource): GpuDemand | undefined {
  return gpuDemandOf(r.type, r.after, r.afterUnknown);
}

const formatCount = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

export const gpuTotalQuota = modelRule({
  id: "PG-GPU-001",
  title: "GPUs in the plan exceed the total quota",
  description:
    "The accelerators that all resources in the plan add up to after apply exceed `gpu.max_total`. Cloud GPU quotas are scarce and expensive; a plan that asks for more fails at apply time or burns budget.",
  severity: "high",
  category: "gpu",
  remediation: "Reduce instance counts or node pool sizes, use smaller GPU shapes, or raise `gpu.max_total` after the quota and budget are approved.",
  check({ model, config }) {
    const max = config.gpu?.max_total;
    if (max === undefined) return;
    let total = 0;
    let largest: { r: Resource; gpus: number } | undefined;
    const undecided: string[] = [];
    for (const r of model.resources) {
      if (!r.willExist || r.mode !== "managed") continue;
      const demand = demandAfter(r);
      if (!demand) continue;
      if (demand.undecided) undecided.push(r.address);
      const gpus = totalGpus(demand);
      total += gpus;
      if (gpus > 0 && (!largest || gpus > largest.gpus)) largest = { r, gpus };
    }
    if (total > max && largest) {
      const outcome: Outcome = fail(
        `The plan adds up to ${formatCount(total)} GPUs, over the quota of ${max}; the largest is ${largest.r.address} with ${formatCount(largest.gpus)}.`,
      );
      outcome.resource = largest.r;
      return outcome;
    }
    if (undecided.length > 0) {
      return unknown(`GPU total could not be decided: the shape or size of ${undecided.slice(0, 3).join(", ")}${undecided.length > 3 ? ", ..." : ""} is known only after apply.`);
    }
  },
});

export const gpuPerResourceQuota = resourceRule({
  id: "PG-GPU-002",
  title: "One resource asks for more GPUs than allowed",
  description: "A single instance, node pool or endpoint asks for more accelerators than `gpu.max_per_resource`.",
  severity: "medium",
  category: "gpu",
  resourceTypes: [...GPU_RESOURCE_TYPES],
  remediation: "Split the workload or choose a smaller shape; raise `gpu.max_per_resource` if the size is intended.",
  check(r, { config }) {
    const max = config.gpu?.max_per_resource;
    if (max === undefined) return;
    const demand = demandAfter(r);
    if (demand?.undecided) return unknown(`GPU count is not decided: ${demand.undecided}.`);
    const gpus = totalGpus(demand);
    if (gpus > max) {
      const shapes = [...new Set(demand!.groups.map((g) => g.shape))].join(", ");
      return fail(`${r.address} asks for ${formatCount(gpus)} GPUs (${shapes}), over the per-resource limit of ${max}.`, demand!.groups[0]!.attribute);
    }
  },
});

export const gpuAllowedModels = resourceRule({
  id: "PG-GPU-003",
  title: "GPU model is not on the allowed list",
  description: "The resource uses an accelerator model outside `gpu.allowed_models`, for example a deprecated K80 or a model the team has no quota or budget for.",
  severity: "medium",
  category: "gpu",
  resourceTypes: [...GPU_RESOURCE_TYPES],
  remediation: "Pick a shape with one of the allowed models, or add the model to `gpu.allowed_models`.",
  check(r, { config }) {
    const allowed = config.gpu?.allowed_models;
    if (!allowed || allowed.length === 0) return;
    const normalized = allowed.map((m) => m.toLowerCase());
    const demand = demandAfter(r);
    const out: Outcome[] = [];
    for (const g of demand?.groups ?? []) {
      const ok = normalized.includes(g.shortModel.toLowerCase()) || normalized.some((m) => g.model.toLowerCase().includes(m));
      if (!ok) out.push(fail(`${r.address} uses ${g.model} (${g.shape}), which is not among the allowed models (${allowed.join(", ")}).`, g.attribute));
    }
    return out;
  },
});

export const gpuRequiredTags = resourceRule({
  id: "PG-GPU-004",
  title: "GPU resource is missing required tags or labels",
  description:
    "GPU spend must be attributable: every resource that carries accelerators must have the tags (AWS, Azure) or labels (GCP) listed in `gpu.require_tags`, such as team and cost-center.",
  severity: "low",
  category: "gpu",
  resourceTypes: [...GPU_RESOURCE_TYPES],
  remediation: "Add the missing tags or labels (or set them once through the provider's default_tags).",
  check(r, { config }) {
    const required = config.gpu?.require_tags;
    if (!required || required.length === 0) return;
    const demand = demandAfter(r);
    if (totalGpus(demand) <= 0) return;
    const { labels, paths } = ownerLabels(r.type, r.after);
    const missing = required.filter((t) => labels[t] === undefined || labels[t] === null || labels[t] === "");
    if (missing.length === 0) return;
    // tags_all (provider default_tags) may supply them once it is known.
    if (paths.some((p) => isUnknown(r, p))) return unknown(`Tags ${missing.join(", ")} may come from values known only after apply.`, paths[0]);
    return fail(`${r.address} carries GPUs but lacks the ${missing.length === 1 ? "tag" : "tags"} ${missing.join(", ")}.`, paths[0]);
  },
});

export const gpuRules = [gpuTotalQuota, gpuPerResourceQuota, gpuAllowedModels, gpuRequiredTags];
