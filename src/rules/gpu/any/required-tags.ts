import { GPU_RESOURCE_TYPES, labelsOf, totalGpus } from "../../../gpu/demand.js";
import { isUnknown } from "../../../plan/model.js";
import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { demandAfter } from "../common.js";

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
    if (paths.some((p) => isUnknown(r, p)))
      return unknown(`Tags ${missing.join(", ")} may come from values known only after apply.`, paths[0]);
    return fail(
      `${r.address} carries GPUs but lacks the ${missing.length === 1 ? "tag" : "tags"} ${missing.join(", ")}.`,
      paths[0],
    );
  },
});
