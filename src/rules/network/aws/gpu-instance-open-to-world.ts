import { gpuDemandOf, totalGpus } from "../../../gpu/demand.js";
import { referencesFrom, type Model, type Resource } from "../../../plan/model.js";
import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { internetRanges, internetThreshold, type InternetThreshold } from "../../address-space.js";
import { isAllProtocols } from "../../net.js";
import { blocks, readAttribute } from "../../read.js";

/** Security groups (in the plan) that an instance's attribute refers to. */
function attachedSecurityGroups(model: Model, r: Resource): Resource[] {
  const out: Resource[] = [];
  for (const attribute of ["vpc_security_group_ids", "security_groups", "network_interface"]) {
    for (const ref of referencesFrom(model, r, attribute)) {
      for (const sg of model.byConfigAddress(ref.to))
        if (sg.type === "aws_security_group" && sg.willExist) out.push(sg);
    }
  }
  return out;
}

/**
 * The security groups an instance's configuration block attaches and what
 * they open to the internet. Both depend only on the model and the block
 * (every instance of `aws_instance.node[...]` shares them): computed once per
 * configuration address instead of once per instance.
 */
const exposureCache = new WeakMap<Model, Map<string, { groups: Resource[]; open: string[] }>>();

function exposureThroughGroups(
  model: Model,
  r: Resource,
  threshold: InternetThreshold,
): { groups: readonly Resource[]; open: readonly string[] } {
  let byBlock = exposureCache.get(model);
  if (!byBlock) exposureCache.set(model, (byBlock = new Map()));
  let hit = byBlock.get(r.configAddress);
  if (!hit) {
    const groups = attachedSecurityGroups(model, r);
    const open = groups.flatMap((sg) => worldOpenings(model, sg, threshold).map((p) => `${sg.address} (${p})`));
    byBlock.set(r.configAddress, (hit = { groups, open }));
  }
  return hit;
}

/** Standalone ingress rules (in the plan) that attach to a security group. */
function ingressRulesOf(model: Model, sg: Resource): Resource[] {
  return model.graph
    .referencesTo(sg.configAddress)
    .filter((ref) => ref.attribute === "security_group_id")
    .flatMap((ref) => [...model.byConfigAddress(ref.from)])
    .filter(
      (x) => x.willExist && (x.type === "aws_security_group_rule" || x.type === "aws_vpc_security_group_ingress_rule"),
    );
}

/** Describes what a security group (with its standalone rules) opens to the internet. */
function worldOpenings(model: Model, sg: Resource, threshold: InternetThreshold): string[] {
  const out: string[] = [];
  for (const { block } of blocks(sg, "ingress")) {
    const cidrs = [...asList(block["cidr_blocks"]), ...asList(block["ipv6_cidr_blocks"])];
    if (internetRanges(cidrs, threshold)) out.push(portsText(block["from_port"], block["to_port"], block["protocol"]));
  }
  for (const rule of ingressRulesOf(model, sg)) {
    const a = rule.after ?? {};
    if (rule.type === "aws_security_group_rule" && a["type"] !== "ingress") continue;
    const cidrs = [...asList(a["cidr_blocks"]), ...asList(a["ipv6_cidr_blocks"]), a["cidr_ipv4"], a["cidr_ipv6"]];
    if (internetRanges(cidrs, threshold))
      out.push(portsText(a["from_port"], a["to_port"], a["protocol"] ?? a["ip_protocol"]));
  }
  return out;
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function portsText(from: unknown, to: unknown, protocol: unknown): string {
  if (isAllProtocols(protocol)) return "all ports";
  return from === to ? `port ${String(from)}` : `ports ${String(from)}-${String(to)}`;
}

export const gpuInstanceOpenToWorld = resourceRule({
  id: "PG-AWS-NET-004",
  title: "GPU instance sits behind a security group open to the internet",
  description:
    "A GPU training or inference node reachable from 0.0.0.0/0 on any port is a prime target: stolen GPU time is worth money, and such nodes hold models and data. Found through the reference graph: the instance's security groups and the standalone rules attached to them.",
  severity: "high",
  category: "network",
  providers: ["aws"],
  resourceTypes: ["aws_instance"],
  aliases: [],
  remediation:
    "Keep GPU nodes in private subnets behind a load balancer or bastion, and allow ingress only from known ranges or security groups.",
  check(r, { model, config }) {
    const { groups, open } = exposureThroughGroups(model, r, internetThreshold(config));
    // Groups that open nothing leave nothing to report, whatever the instance carries: its GPUs need not be counted.
    if (groups.length > 0 && open.length === 0) return;
    if (totalGpus(gpuDemandOf(r.type, r.after, r.afterUnknown)) <= 0) return;
    if (groups.length === 0) {
      const ids = readAttribute(model, r, "vpc_security_group_ids");
      // Unknown and unset means the VPC's default security group, which the plan does not show.
      if (ids.state === "unknown" && ids.configured && ids.references.length === 0) {
        return unknown("The instance's security groups are known only after apply.", "vpc_security_group_ids");
      }
      return;
    }
    if (open.length > 0)
      return fail(
        `GPU instance ${r.address} is reachable from the internet through ${open.join(", ")}.`,
        "vpc_security_group_ids",
      );
  },
});
