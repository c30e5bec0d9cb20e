import { isUnknown, referencesFrom, type Model, type Resource } from "../../../plan/model.js";
import { fail, resourceRule, unknown, type Outcome } from "../../../policy/rule.js";
import { internetRanges, internetThreshold } from "../../address-space.js";
import { CIS_AWS } from "../../frameworks.js";
import { exposedAdminPorts } from "../../net.js";
import { blocks } from "../../read.js";

/** One ingress permission, from whichever resource type declares it. */
interface Ingress {
  cidrs: unknown[];
  /** The IPv4 and the IPv6 sources apart: the narrower checks read them differently. */
  ipv4: unknown[];
  ipv6: unknown[];
  fromPort: unknown;
  toPort: unknown;
  protocol: unknown;
  /** `self = true` (the group itself as a source), which Checkov's checks take as a pass. */
  self: unknown;
  prefixListIds: unknown[];
  attribute: string;
}

/**
 * The ingresses a resource declares. Source lists are joined with concat, not
 * spread: a spread runs the iteration protocol, slow in the cold code that
 * judges most of a plan's security group rules.
 */
function ingressesOf(r: Resource): Ingress[] | "unknown" {
  switch (r.type) {
    case "aws_security_group":
      if (isUnknown(r, "ingress")) return "unknown";
      return blocks(r, "ingress").map(({ block, index }) => ({
        cidrs: asArray(block["cidr_blocks"]).concat(asArray(block["ipv6_cidr_blocks"])),
        ipv4: asArray(block["cidr_blocks"]),
        ipv6: asArray(block["ipv6_cidr_blocks"]),
        fromPort: block["from_port"],
        toPort: block["to_port"],
        protocol: block["protocol"],
        self: block["self"],
        prefixListIds: asArray(block["prefix_list_ids"]),
        attribute: `ingress.${index}`,
      }));
    case "aws_security_group_rule": {
      const after = r.after ?? {};
      if (after["type"] !== "ingress") return [];
      return [
        {
          cidrs: asArray(after["cidr_blocks"]).concat(asArray(after["ipv6_cidr_blocks"])),
          ipv4: asArray(after["cidr_blocks"]),
          ipv6: asArray(after["ipv6_cidr_blocks"]),
          fromPort: after["from_port"],
          toPort: after["to_port"],
          protocol: after["protocol"],
          self: after["self"],
          prefixListIds: asArray(after["prefix_list_ids"]),
          attribute: "cidr_blocks",
        },
      ];
    }
    case "aws_vpc_security_group_ingress_rule": {
      const after = r.after ?? {};
      return [
        {
          cidrs: [after["cidr_ipv4"], after["cidr_ipv6"]].filter((c) => c !== undefined && c !== null),
          ipv4: [after["cidr_ipv4"]].filter((c) => c !== undefined && c !== null),
          ipv6: [after["cidr_ipv6"]].filter((c) => c !== undefined && c !== null),
          fromPort: after["from_port"],
          toPort: after["to_port"],
          protocol: after["ip_protocol"],
          self: undefined,
          prefixListIds: [],
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
  // Each judges part of this rule's question; a finding names those that would fail the same resource.
  narrower: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_277", "AVD-AWS-0107"],
  remediation:
    "Allow administrative access only from known private ranges or a bastion, or use SSM Session Manager instead of open SSH.",
  check(r, { config, model }) {
    const ingresses = ingressesOf(r);
    const out: Outcome[] = [];
    if (ingresses === "unknown") return unknown("The ingress rules are known only after apply.");
    // Indexed: this runs for every security group rule of a plan, mostly cold.
    for (let i = 0; i < ingresses.length; i++) {
      const ing = ingresses[i]!;
      // The ports first: a comparison or two, where the sources are a keyed lookup (most rules open no admin port).
      const exposed = exposedAdminPorts(ing.fromPort, ing.toPort, ing.protocol);
      if (!exposed) continue;
      const world = internetRanges(ing.cidrs, internetThreshold(config));
      if (!world) continue;
      const outcome = fail(`${r.address} allows ${exposed} from ${world.join(" and ")}.`, ing.attribute);
      const aliases = narrowerChecksFailing(model, r, ingresses, ing);
      out.push(aliases.length > 0 ? { ...outcome, aliases } : outcome);
    }
    return out;
  },
});

/** Checkov's one-port checks: CKV_AWS_277 is the same check with port -1 ("all traffic"). */
const CHECKOV_PORT_CHECKS: ReadonlyArray<{ id: string; port: number }> = [
  { id: "CKV_AWS_24", port: 22 },
  { id: "CKV_AWS_25", port: 3389 },
  { id: "CKV_AWS_277", port: -1 },
];

/**
 * The narrower checks that also fail this resource because of this ingress,
 * read from their code. A resource fails a Checkov check once however many
 * of its ingresses break it, so every ingress that breaks it names it (a
 * `checkov:skip` on the resource silences them all, as in Checkov).
 */
function narrowerChecksFailing(model: Model, r: Resource, all: Ingress[], ing: Ingress): string[] {
  // Asked for every failing ingress of a plan (thousands on a large one): one array, no closures.
  const ids: string[] = [];
  for (let i = 0; i < CHECKOV_PORT_CHECKS.length; i++) {
    const { id, port } = CHECKOV_PORT_CHECKS[i]!;
    if (checkovViolation(r, ing, port) && checkovFails(r, all, port)) ids.push(id);
  }
  if (trivyJudges(model, r) && trivyViolation(ing)) ids.push("AVD-AWS-0107");
  return ids;
}

/**
 * Checkov (AbsSecurityGroupUnrestrictedIngress) walks a group's ingress
 * blocks in order and stops at the first with `self = true` (a pass) or the
 * first that breaks the check (a fail); a standalone rule with `self = true`
 * passes. The VPC ingress rule resource has no `self`.
 */
function checkovFails(r: Resource, all: Ingress[], port: number): boolean {
  for (const ing of all) {
    if (ing.self === true) return false;
    if (checkovViolation(r, ing, port)) return true;
  }
  return false;
}

/**
 * Checkov's test of one ingress against one port: the port range holds it
 * (0-0 counts as every port; port -1 also matches protocol "-1" over
 * 0-65535), no prefix list is named, and a source is literally
 * "0.0.0.0/0" or "::/0". It reads `protocol`, which the VPC ingress rule
 * calls `ip_protocol`, and the rule's `cidr_ipv6` as characters of a
 * string, so "::/0" there never matches.
 */
function checkovViolation(r: Resource, ing: Ingress, port: number): boolean {
  if (ing.prefixListIds.length > 0) return false;
  const from = integer(ing.fromPort);
  let to = integer(ing.toPort);
  if (from === 0 && to === 0) to = 65535;
  const protocol = r.type === "aws_vpc_security_group_ingress_rule" ? undefined : ing.protocol;
  const inRange = from !== undefined && to !== undefined && from <= port && port <= to;
  const allTraffic = protocol === "-1" && from === 0 && to === 65535;
  if (!inRange && !allTraffic) return false;
  if (ing.ipv4.includes("0.0.0.0/0")) return true;
  if (r.type === "aws_vpc_security_group_ingress_rule") return false;
  return ing.ipv6.some((c) => c === "::/0" || c === "0000:0000:0000:0000:0000:0000:0000:0000/0");
}

/** An integer from a number or a string of digits, as Python's int() reads it; else undefined. */
function integer(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string" && /^\s*-?\d+\s*$/.test(v)) return Number.parseInt(v, 10);
  return undefined;
}

/**
 * Trivy's adapter gathers a VPC ingress rule only through the group block
 * its security_group_id refers to; a standalone aws_security_group_rule
 * is judged even without one (it lands in an "orphan" group).
 */
function trivyJudges(model: Model, r: Resource): boolean {
  if (r.type !== "aws_vpc_security_group_ingress_rule") return true;
  return referencesFrom(model, r, "security_group_id").some((ref) =>
    /(^|\.)aws_(default_)?security_group\.[^.]+$/.test(ref.to),
  );
}

const TRIVY_ALL_SOURCES = new Set(["0.0.0.0/0", "0000:0000:0000:0000:0000:0000:0000:0000/0", "::/0", "*"]);
const TRIVY_ALL_SOURCE_WORDS = new Set(["internet", "any"]);
const TRIVY_PROTOCOLS = new Set(["tcp", "6", "udp", "17"]);

function isTrivyEveryone(c: unknown): boolean {
  return typeof c === "string" && (TRIVY_ALL_SOURCES.has(c) || TRIVY_ALL_SOURCE_WORDS.has(c.toLowerCase()));
}

/**
 * Trivy's AVD-AWS-0107: TCP, UDP or every protocol; every protocol or a
 * port range holding 22 or 3389 (a port left out counts as -1); and a
 * source that is literally everyone ("0.0.0.0/0", "::/0", "*").
 */
function trivyViolation(ing: Ingress): boolean {
  const protocol = typeof ing.protocol === "number" ? String(ing.protocol) : ing.protocol;
  if (typeof protocol !== "string") return false;
  const p = protocol.toLowerCase();
  const allProtocols = p === "-1" || p === "all";
  if (!allProtocols && !TRIVY_PROTOCOLS.has(p)) return false;
  const from = integer(ing.fromPort) ?? -1;
  const to = integer(ing.toPort) ?? -1;
  const holds = (port: number) => from <= port && port <= to;
  if (!allProtocols && !holds(22) && !holds(3389)) return false;
  return ing.ipv4.some(isTrivyEveryone) || ing.ipv6.some(isTrivyEveryone);
}
