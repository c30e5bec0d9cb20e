import { isUnknown, type Resource } from "../../../plan/model.js";
import { fail, resourceRule, unknown, type Outcome } from "../../../policy/rule.js";
import { internetRanges, internetThreshold } from "../../address-space.js";
import { CIS_AWS } from "../../frameworks.js";
import { exposedAdminPorts } from "../../net.js";
import { blocks } from "../../read.js";

/** One ingress permission, from whichever resource type declares it. */
interface Ingress {
  cidrs: unknown[];
  fromPort: unknown;
  toPort: unknown;
  protocol: unknown;
  attribute: string;
}

function ingressesOf(r: Resource): Ingress[] | "unknown" {
  switch (r.type) {
    case "aws_security_group":
      if (isUnknown(r, "ingress")) return "unknown";
      return blocks(r, "ingress").map(({ block, index }) => ({
        cidrs: [...asArray(block["cidr_blocks"]), ...asArray(block["ipv6_cidr_blocks"])],
        fromPort: block["from_port"],
        toPort: block["to_port"],
        protocol: block["protocol"],
        attribute: `ingress.${index}`,
      }));
    case "aws_security_group_rule": {
      const after = r.after ?? {};
      if (after["type"] !== "ingress") return [];
      return [
        {
          cidrs: [...asArray(after["cidr_blocks"]), ...asArray(after["ipv6_cidr_blocks"])],
          fromPort: after["from_port"],
          toPort: after["to_port"],
          protocol: after["protocol"],
          attribute: "cidr_blocks",
        },
      ];
    }
    case "aws_vpc_security_group_ingress_rule": {
      const after = r.after ?? {};
      return [
        {
          cidrs: [after["cidr_ipv4"], after["cidr_ipv6"]].filter((c) => c !== undefined && c !== null),
          fromPort: after["from_port"],
          toPort: after["to_port"],
          protocol: after["ip_protocol"],
          attribute: after["cidr_ipv4"] !== undefined && after["cidr_ipv4"] !== null ? "cidr_ipv4" : "cidr_ipv6",
        },
      ];
    }
    default:
      return [];
  }
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export const securityGroupAdminIngress = resourceRule({
  id: "PG-AWS-NET-001",
  title: "Security group allows administrative or all ports from the internet",
  description:
    "SSH (22), RDP (3389), another administrative port or every port open to the internet (0.0.0.0/0, ::/0, or any set of ranges that together admit at least a /8 worth of public addresses, configurable) exposes training nodes and notebooks to the whole internet, where scanners find them within minutes.",
  severity: "high",
  category: "network",
  providers: ["aws"],
  resourceTypes: ["aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"],
  compliance: [
    { framework: CIS_AWS, control: "5.2" },
    { framework: CIS_AWS, control: "5.3" },
  ],
  aliases: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_277", "AVD-AWS-0107"],
  remediation:
    "Allow administrative access only from known private ranges or a bastion, or use SSM Session Manager instead of open SSH.",
  check(r, { config }) {
    const ingresses = ingressesOf(r);
    const out: Outcome[] = [];
    if (ingresses === "unknown") return unknown("The ingress rules are known only after apply.");
    for (const ing of ingresses) {
      const world = internetRanges(ing.cidrs, internetThreshold(config));
      if (!world) continue;
      const exposed = exposedAdminPorts(ing.fromPort, ing.toPort, ing.protocol);
      if (!exposed) continue;
      out.push(fail(`${r.address} allows ${exposed} from ${world.join(" and ")}.`, ing.attribute));
    }
    return out;
  },
});
