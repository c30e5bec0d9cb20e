import { GPU_RESOURCE_TYPES } from "../../../gpu/demand.js";
import { fail, resourceRule, unknown, type Outcome } from "../../../policy/rule.js";
import { demandAfter } from "../common.js";
import { lowerCased } from "../shapes.js";

export const gpuAllowedFamilies = resourceRule({
  id: "PG-GPU-007",
  title: "GPU instance family is not on the allowed list",
  description:
    "The resource's machine shape belongs to an instance family outside `gpu.allowed_families` (AWS p4d, g5; GCP a2, g2; Azure NCads_A100_v4). Families are where reservations, savings plans and capacity blocks are bought: a shape outside them is paid at full price or cannot be scheduled.",
  severity: "medium",
  category: "gpu",
  resourceTypes: [...GPU_RESOURCE_TYPES],
  remediation:
    "Use a shape from an allowed family, or add the family to `gpu.allowed_families` once capacity for it is arranged.",
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
        out.push(
          fail(
            `${r.address} uses ${g.shape} of family ${g.family}, which is not among the allowed families (${allowed.join(", ")}).`,
            g.attribute,
          ),
        );
      }
    }
    if (out.length === 0 && demand?.undecided && !r.type.startsWith("kubernetes_"))
      return unknown(`The instance family is not decided: ${demand.undecided}.`);
    return out;
  },
});
