import type { Resource } from "../../../plan/model.js";
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

/** The addresses Checkov and Trivy read as "anywhere": they look for these spellings, not for ranges that add up. */
const ANYWHERE_V4 = "0.0.0.0/0";
const ANYWHERE = new Set([ANYWHERE_V4, "::/0", "0000:0000:0000:0000:0000:0000:0000:0000/0"]);

/** A "22" or "20-23" of an allow block's ports, as numbers; undefined when it is not one. */
function portRange(p: unknown): [number, number] | undefined {
  const [from, to] = String(p).split("-");
  const a = Number(from);
  const b = Number(to ?? from);
  return Number.isInteger(a) && Number.isInteger(b) ? [a, b] : undefined;
}

function listsPort(ports: readonly unknown[], port: number): boolean {
  return ports.some((p) => {
    const range = portRange(p);
    return range !== undefined && range[0] <= port && port <= range[1];
  });
}

/**
 * The narrower checks an allow block's finding also is (the rule fails every
 * administrative port and all-ports blocks, from ranges that add up to the
 * internet). Checkov's CKV_GCP_2 and CKV_GCP_3 fail a port list that includes
 * 22 or 3389, on any protocol, with 0.0.0.0/0 among the source ranges
 * (MySQL's CKV_GCP_88 is PG-GCP-NET-107's, or this rule's when the block
 * opens an administrative port too). Trivy's AVD-GCP-0071 fails TCP with a
 * port list including 22 from an "anywhere" range; AVD-GCP-0070 fails TCP
 * "3389" written as such from one, on a rule without source or target tags.
 * None of them reads an allow block without ports (all ports).
 */
function narrowerChecks(r: Resource, block: Record<string, unknown>, sources: readonly unknown[]): string[] {
  const ports = Array.isArray(block["ports"]) ? block["ports"] : [];
  const tcp = block["protocol"] === "tcp" || block["protocol"] === "6";
  const anywhere = sources.some((s) => typeof s === "string" && ANYWHERE.has(s));
  const ids: string[] = [];
  if (sources.includes(ANYWHERE_V4)) {
    if (listsPort(ports, 22)) ids.push("CKV_GCP_2");
    if (listsPort(ports, 3389)) ids.push("CKV_GCP_3");
    if (listsPort(ports, 3306)) ids.push("CKV_GCP_88");
  }
  if (tcp && anywhere && listsPort(ports, 22)) ids.push("AVD-GCP-0071");
  const untagged = [r.after?.["source_tags"], r.after?.["target_tags"]].every(
    (t) => !Array.isArray(t) || t.length === 0,
  );
  if (block["protocol"] === "tcp" && anywhere && untagged && ports.some((p) => p === "3389" || p === "3389-3389"))
    ids.push("AVD-GCP-0070");
  return ids;
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
  related: ["AVD-GCP-0027"],
  narrower: ["AVD-GCP-0070", "AVD-GCP-0071", "CKV_GCP_2", "CKV_GCP_3", "CKV_GCP_88"],
  remediation:
    "Restrict `source_ranges` to known ranges, or use Identity-Aware Proxy TCP forwarding (35.235.240.0/20) for SSH.",
  check(r, { model, config }) {
    const direction = readAttribute(model, r, "direction");
    if (direction.state === "known" && direction.value !== "INGRESS") return;
    if (r.after?.["disabled"] === true) return;
    const ranges = readAttribute(model, r, "source_ranges");
    if (ranges.state === "unknown") return unknown("The source ranges are known only after apply.", "source_ranges");
    const sources: readonly unknown[] = ranges.state === "known" && Array.isArray(ranges.value) ? ranges.value : [];
    const world = sources.length > 0 ? internetRanges(sources, internetThreshold(config)) : undefined;
    if (!world) return;
    const out: Outcome[] = [];
    for (const { block, index } of blocks(r, "allow")) {
      const exposed = exposedByAllow(block);
      if (!exposed) continue;
      const finding = fail(`${r.address} allows ${exposed} from ${world.join(" and ")}.`, `allow.${index}`);
      const aliases = narrowerChecks(r, block, sources);
      out.push(aliases.length > 0 ? { ...finding, aliases } : finding);
    }
    return out;
  },
});
