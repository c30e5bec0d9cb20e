import { GPU_RESOURCE_TYPES } from "../../../gpu/demand.js";
import { resourceRule } from "../../../policy/rule.js";
import { judgeRequiredGpuTags } from "../common.js";

export const gpuRequiredTags = resourceRule({
  id: "PG-GPU-004",
  title: "GPU resource is missing required tags or labels",
  description:
    "GPU spend must be attributable: every resource that carries accelerators must have the tags (AWS, Azure) or labels (GCP, Kubernetes) listed in `gpu.require_tags`, such as team and cost-center. Scaling groups and managed instance groups may inherit them from their template.",
  severity: "low",
  category: "gpu",
  resourceTypes: [...GPU_RESOURCE_TYPES],
  remediation: "Add the missing tags or labels (or set them once through the provider's default_tags).",
  check: (r, { model, config }) => judgeRequiredGpuTags(model, r, config.gpu?.require_tags, "tag"),
});
