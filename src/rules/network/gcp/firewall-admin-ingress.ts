import { fail, resourceRule, unknown, type Outcome } from "../../../policy/rule.js";
import { internetRanges, internetThreshold } from "../../address-space.js";
import { CIS_GCP } from "../../frameworks.js";
import { exposedAdminPorts } from "../../net.js";
import { blocks, readAttribute } from "../../read.js";

/** GCE allow blocks list ports as strings: "22", "1000-2000"; none means all. */
function exposedByAllow(block: Record<string, unknown>): string | undefined {
  const protocol = block["protocol"];
  if (protocol === "all") return "all ports";
  if (protocol !== "tcp" && protocol !== "udp" && protocol !== "6" && protocol !== "17") return undefined;
  const ports = Array.isArray(block["ports"]) ? block["ports"] : [];
  if (ports.length === 0) return "all ports";
  const hits = new Set<string>();
  for (const p of ports) {
    const [from, to] = String(p).split("-");
    const exposed = exposedAdminPorts(Number(from), Number(to ?? from), protocol);
    if (exposed) hits.add(exposed);
  }
  return hits.size > 0 ? [...hits].join(", ") : undefined;
}

export const firewallAdminIngress = resourceRule({
  id: "PG-GCP-NET-001",
  title: "Firewall rule allows administrative or all ports from the internet",
  description:
    "An ingress firewall rule from the internet (0.0.0.0/0, or ranges that together admit at least a /8 worth of public addresses) on SSH, RDP or every port exposes the VMs it targets, GPU training nodes included, to the whole internet.",
  severity: "high",
  category: "network",
  providers: ["google"],
  resourceTypes: ["google_compute_firewall"],
  compliance: [
    { framework: CIS_GCP, control: "3.6" },
    { framework: CIS_GCP, control: "3.7" },
  ],
  aliases: [],
  related: ["AVD-GCP-0027", "AVD-GCP-0070", "AVD-GCP-0071", "CKV_GCP_2", "CKV_GCP_3"],
  remediation:
    "Restrict `source_ranges` to known ranges, or use Identity-Aware Proxy TCP forwarding (35.235.240.0/20) for SSH.",
  check(r, { model, config }) {
    const direction = readAttribute(model, r, "direction");
    if (direction.state === "known" && direction.value !== "INGRESS") return;
    if (r.after?.["disabled"] === true) return;
    const ranges = readAttribute(model, r, "source_ranges");
    if (ranges.state === "unknown") return unknown("The source ranges are known only after apply.", "source_ranges");
    const world =
      ranges.state === "known" && Array.isArray(ranges.value)
        ? internetRanges(ranges.value, internetThreshold(config))
        : undefined;
    if (!world) return;
    const out: Outcome[] = [];
    for (const { block, index } of blocks(r, "allow")) {
      const exposed = exposedByAllow(block);
      if (exposed) out.push(fail(`${r.address} allows ${exposed} from ${world.join(" and ")}.`, `allow.${index}`));
    }
    return out;
  },
});
