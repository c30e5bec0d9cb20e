import { GPU_RESOURCE_TYPES } from "../../../gpu/demand.js";
import { fail, resourceRule, type Outcome } from "../../../policy/rule.js";
import { demandAfter } from "../common.js";
import { modelMatches } from "../shapes.js";

export const gpuAllowedModels = resourceRule({
  id: "PG-GPU-003",
  title: "GPU model is not on the allowed list",
  description:
    "The resource uses an accelerator model outside `gpu.allowed_models`, for example a deprecated K80 or a model the team has no quota or budget for. Kubernetes pods are judged when their node selector names the model.",
  severity: "medium",
  category: "gpu",
  resourceTypes: [...GPU_RESOURCE_TYPES],
  remediation: "Pick a shape with one of the allowed models, or add the model to `gpu.allowed_models`.",
  check(r, { model, config }) {
    const allowed = config.gpu?.allowed_models;
    if (!allowed || allowed.length === 0) return;
    const out: Outcome[] = [];
    for (const g of demandAfter(model, r)?.groups ?? []) {
      if (g.gpus <= 0 || g.unspecifiedModel) continue;
      if (!modelMatches(g, allowed))
        out.push(
          fail(
            `${r.address} uses ${g.model} (${g.shape}), which is not among the allowed models (${allowed.join(", ")}).`,
            g.attribute,
          ),
        );
    }
    return out;
  },
});
