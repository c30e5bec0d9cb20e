import { GPU_RESOURCE_TYPES, labelsOf, totalGpus } from "../../../gpu/demand.js";
import { isUnknown } from "../../../plan/model.js";
import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { demandAfter } from "../../gpu/common.js";

/**
 * GPU resources must say who owns them and when they may go: a "temporary"
 * training box without an owner and an expiry tag quietly becomes permanent.
 * Generalises `gpu.require_tags` (PG-GPU-004, attribution of spend) to the
 * governance tags of `governance.require_tags.gpu`.
 */
export const gpuWithoutGovernanceTags = resourceRule({
  id: "PG-GOV-010",
  title: "GPU resource without its governance tags",
  description:
    "Every resource that carries accelerators must have the tags (AWS, Azure) or labels (GCP, Kubernetes) listed in `governance.require_tags.gpu`, typically an owner and an expiry or lifecycle tag, so that idle or forgotten capacity can be traced and reclaimed. Scaling groups and managed instance groups may inherit them from their template.",
  severity: "medium",
  category: "governance",
  resourceTypes: [...GPU_RESOURCE_TYPES],
  remediation: "Add the missing tags or labels (for AWS, once through the provider's default_tags).",
  check(r, { model, config }) {
    const required = config.governance?.require_tags?.gpu;
    if (!required || required.length === 0) return;
    if (totalGpus(demandAfter(model, r)) <= 0) return;
    const { labels, paths } = labelsOf(model, r);
    const missing = required.filter((t) => labels[t] === undefined || labels[t] === null || labels[t] === "");
    if (missing.length === 0) return;
    if (paths.some((p) => isUnknown(r, p)))
      return unknown(`Tags ${missing.join(", ")} may come from values known only after apply.`, paths[0]);
    return fail(
      `${r.address} carries GPUs but lacks the governance ${missing.length === 1 ? "tag" : "tags"} ${missing.join(", ")}.`,
      paths[0],
    );
  },
});
