import { containerGpus, KUBERNETES_WORKLOAD_TYPES, podSpecPath } from "../../../gpu/demand.js";
import { isUnknown } from "../../../plan/model.js";
import { getPath } from "../../../plan/paths.js";
import { fail, resourceRule } from "../../../policy/rule.js";

const GPU_TAINTS = [
  "nvidia.com/gpu",
  "amd.com/gpu",
  "aws.amazon.com/neuron",
  "habana.ai/gaudi",
  "google.com/tpu",
  "cloud.google.com/gke-tpu",
];

const GPU_SELECTORS = [
  "cloud.google.com/gke-accelerator",
  "cloud.google.com/gke-tpu-accelerator",
  "karpenter.k8s.aws/instance-gpu-name",
  "karpenter.k8s.aws/instance-gpu-count",
  "nvidia.com/gpu.present",
  "nvidia.com/gpu.product",
  "accelerator",
];

export const gpuNodeWorkloadWithoutGpuLimit = resourceRule({
  id: "PG-GPU-013",
  title: "Kubernetes workload targets GPU nodes without asking for GPUs",
  description:
    "A pod tolerates a GPU node taint or selects GPU nodes but no container has an accelerator limit. It takes a GPU node's CPU and memory outside any GPU quota, keeps the node from scaling down, and with images that set NVIDIA_VISIBLE_DEVICES=all it may see every GPU on the node, bypassing the device plugin's allocation.",
  severity: "medium",
  category: "gpu",
  resourceTypes: [...KUBERNETES_WORKLOAD_TYPES],
  remediation:
    "Give the container an accelerator limit (`nvidia.com/gpu = 1`), or drop the GPU toleration and node selector so it runs on CPU nodes.",
  check(r) {
    const pod = podSpecPath(r.type);
    if (!pod || !r.after) return;
    if (isUnknown(r, pod)) return;
    if (containerGpus(r.after, pod).some((c) => (c.limit ?? 0) > 0)) return;
    const tolerations = getPath(r.after, `${pod}.toleration`);
    const tolerated = Array.isArray(tolerations)
      ? tolerations.map((t) => getPath(t, "key")).find((k) => typeof k === "string" && GPU_TAINTS.includes(k))
      : undefined;
    const selector = getPath(r.after, `${pod}.node_selector`);
    const selected =
      selector && typeof selector === "object"
        ? Object.keys(selector).find((k) => GPU_SELECTORS.includes(k))
        : undefined;
    if (tolerated === undefined && selected === undefined) return;
    const how = selected !== undefined ? `selects GPU nodes (${selected})` : `tolerates the ${String(tolerated)} taint`;
    return fail(
      `${r.address} ${how} but no container has an accelerator limit.`,
      selected !== undefined ? `${pod}.node_selector` : `${pod}.toleration`,
    );
  },
});
