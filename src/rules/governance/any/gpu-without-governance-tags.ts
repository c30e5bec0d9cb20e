import { GPU_RESOURCE_TYPES } from "../../../gpu/demand.js";
import { resourceRule } from "../../../policy/rule.js";
import { judgeRequiredGpuTags } from "../../gpu/common.js";

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
  check: (r, { model, config }) =>
    judgeRequiredGpuTags(model, r, config.governance?.require_tags?.gpu, "governance tag"),
});
