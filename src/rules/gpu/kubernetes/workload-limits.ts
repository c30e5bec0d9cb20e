import { containerGpus, KUBERNETES_WORKLOAD_TYPES, podSpecPath } from "../../../gpu/demand.js";
import { isUnknown } from "../../../plan/model.js";
import { fail, resourceRule, unknown, type Outcome } from "../../../policy/rule.js";

export const gpuWorkloadLimits = resourceRule({
  id: "PG-GPU-012",
  title: "Kubernetes GPU request without a matching limit",
  description:
    "A container requests an accelerator (`nvidia.com/gpu`, `amd.com/gpu`, `aws.amazon.com/neuron`, `habana.ai/gaudi`, `google.com/tpu`) under `resources.requests` without the same amount under `resources.limits`. Accelerators cannot be overcommitted: Kubernetes requires them in limits, and rejects a request that differs from the limit, so the apply fails.",
  severity: "medium",
  category: "gpu",
  resourceTypes: [...KUBERNETES_WORKLOAD_TYPES],
  remediation:
    "Put the accelerator count under `resources.limits` (requests may be left out; they default to the limit).",
  check(r) {
    const pod = podSpecPath(r.type);
    if (!pod || !r.after) return;
    if (isUnknown(r, pod)) return unknown("The pod spec is known only after apply.", pod);
    const out: Outcome[] = [];
    for (const c of containerGpus(r.after, pod)) {
      if (c.request === undefined) continue;
      if (c.limit === undefined)
        out.push(
          fail(
            `Container ${c.container} of ${r.address} requests ${c.request} ${c.resource} without a limit; Kubernetes requires accelerators in limits.`,
            c.attribute,
          ),
        );
      else if (c.limit !== c.request)
        out.push(
          fail(
            `Container ${c.container} of ${r.address} requests ${c.request} ${c.resource} but limits it to ${c.limit}; the two must be equal.`,
            c.attribute,
          ),
        );
    }
    return out;
  },
});
