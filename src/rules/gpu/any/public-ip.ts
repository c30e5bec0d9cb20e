import { exposureOf } from "../../../gpu/capacity.js";
import { GPU_RESOURCE_TYPES } from "../../../gpu/demand.js";
import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { capacityGroups, demandAfter } from "../common.js";

export const gpuPublicIp = resourceRule({
  id: "PG-GPU-010",
  title: "GPU nodes get public IP addresses",
  description:
    "The nodes of a GPU pool or instance get public IP addresses: a launch template with `associate_public_ip_address`, a GCE `access_config`, a GKE pool without private nodes, a scale set with a public IP configuration, AKS or Azure ML nodes with public IPs. Expensive nodes on the internet are found and abused (cryptomining, model theft). EC2 instances are covered by PG-AWS-NET-006.",
  severity: "medium",
  category: "gpu",
  resourceTypes: GPU_RESOURCE_TYPES.filter((t) => t !== "aws_instance"),
  remediation:
    "Keep GPU nodes on private addresses (private nodes, no access_config, node_public_ip_enabled = false) and reach them through a load balancer, NAT or IAP.",
  check(r, { model }) {
    if (capacityGroups(demandAfter(model, r)).length === 0) return;
    const e = exposureOf(model, r);
    if (e.public === true) return fail(`GPU nodes of ${r.address} get public IP addresses: ${e.detail}.`, e.attribute);
    if (e.public === "unknown")
      return unknown(`Whether the GPU nodes of ${r.address} get public IPs is known only after apply.`, e.attribute);
  },
});
