import { DEFAULT_DEPRECATED_MODELS } from "../../../gpu/catalog.js";
import { GPU_RESOURCE_TYPES } from "../../../gpu/demand.js";
import { fail, resourceRule, type Outcome } from "../../../policy/rule.js";
import { demandAfter } from "../common.js";
import { modelMatches } from "../shapes.js";

export const gpuDeprecatedModels = resourceRule({
  id: "PG-GPU-011",
  title: "Accelerator model is deprecated or of a previous generation",
  description:
    "With `gpu.forbid_deprecated_models`, flags accelerators past end of support or of a previous generation: K80 (end of support on Google Cloud, gone from current EC2 lists), M60 (G3) and P4 by default, or the models in `gpu.deprecated_models`. They cost more per unit of work, lack current CUDA support, and may be withdrawn.",
  severity: "low",
  category: "gpu",
  resourceTypes: [...GPU_RESOURCE_TYPES],
  remediation: "Move to a current model (T4 or L4 in place of K80/P4/M60 for inference, A100/H100 for training).",
  check(r, { model, config }) {
    if (config.gpu?.forbid_deprecated_models !== true) return;
    const deprecated = config.gpu.deprecated_models ?? DEFAULT_DEPRECATED_MODELS;
    const out: Outcome[] = [];
    for (const g of demandAfter(model, r)?.groups ?? []) {
      if (g.gpus <= 0 || g.unspecifiedModel) continue;
      if (modelMatches(g, deprecated))
        out.push(
          fail(
            `${r.address} uses ${g.model} (${g.shape}), a deprecated or previous-generation accelerator.`,
            g.attribute,
          ),
        );
    }
    return out;
  },
});
