import { DEFAULT_DEPRECATED_MODELS } from "../../gpu/catalog.js";
import { GPU_RESOURCE_TYPES, type GpuGroup } from "../../gpu/demand.js";
import { fail, resourceRule, unknown, type Outcome } from "../../policy/rule.js";
import { demandAfter } from "./common.js";

/** Rules about which accelerators and machine shapes a plan may use. */

const modelMatches = (g: GpuGroup, names: readonly string[]): boolean => {
  const lower = lowerCased(names);
  return lower.includes(g.shortModel.toLowerCase()) || lower.some((m) => g.model.toLowerCase().includes(m));
};

/**
 * A config list (allowed models or families) in lower case. The rules ask
 * for each of thousands of resources; the lists are the config's own
 * arrays, so each is lowered once.
 */
function lowerCased(names: readonly string[]): readonly string[] {
  let lower = lowered.get(names);
  if (!lower) lowered.set(names, (lower = names.map((m) => m.toLowerCase())));
  return lower;
}

const lowered = new WeakMap<readonly string[], readonly string[]>();

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
      if (!modelMatches(g, allowed)) out.push(fail(`${r.address} uses ${g.model} (${g.shape}), which is not among the allowed models (${allowed.join(", ")}).`, g.attribute));
    }
    return out;
  },
});

export const gpuAllowedFamilies = resourceRule({
  id: "PG-GPU-007",
  title: "GPU instance family is not on the allowed list",
  description:
    "The resource's machine shape belongs to an instance family outside `gpu.allowed_families` (AWS p4d, g5; GCP a2, g2; Azure NCads_A100_v4). Families are where reservations, savings plans and capacity blocks are bought: a shape outside them is paid at full price or cannot be scheduled.",
  severity: "medium",
  category: "gpu",
  resourceTypes: [...GPU_RESOURCE_TYPES],
  remediation: "Use a shape from an allowed family, or add the family to `gpu.allowed_families` once capacity for it is arranged.",
  check(r, { model, config }) {
    const allowed = config.gpu?.allowed_families;
    if (!allowed || allowed.length === 0) return;
    const demand = demandAfter(model, r);
    const out: Outcome[] = [];
    const seen: string[] = [];
    for (const g of demand?.groups ?? []) {
      if (g.gpus <= 0 || g.family === undefined || g.workload || seen.includes(g.family)) continue;
      seen.push(g.family);
      if (!lowerCased(allowed).includes(g.family.toLowerCase())) {
        out.push(fail(`${r.address} uses ${g.shape} of family ${g.family}, which is not among the allowed families (${allowed.join(", ")}).`, g.attribute));
      }
    }
    if (out.length === 0 && demand?.undecided && !r.type.startsWith("kubernetes_")) return unknown(`The instance family is not decided: ${demand.undecided}.`);
    return out;
  },
});

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
      if (modelMatches(g, deprecated)) out.push(fail(`${r.address} uses ${g.model} (${g.shape}), a deprecated or previous-generation accelerator.`, g.attribute));
    }
    return out;
  },
});
