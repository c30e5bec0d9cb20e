import { gpuInstanceOpenToWorld } from "../../../src/rules/network/aws/gpu-instance-open-to-world.js";
import { instancePublicIp } from "../../../src/rules/network/aws/instance-public-ip.js";
import { plainHttpListener } from "../../../src/rules/network/aws/plain-http-listener.js";
import { rdsPubliclyAccessible } from "../../../src/rules/network/aws/rds-publicly-accessible.js";
import { sageMakerNotebookInternet } from "../../../src/rules/network/aws/sagemaker-notebook-internet.js";
import { securityGroupAdminIngress } from "../../../src/rules/network/aws/security-group-admin-ingress.js";
import { firewallAdminIngress } from "../../../src/rules/network/gcp/firewall-admin-ingress.js";
import type { InlineResource } from "../inline-plan.js";
import type { RuleTable } from "../rule-tester.js";

/** The network pillar's TypeScript rules. */

const ingress = (from: number, to: number, cidrs: string[], protocol = "tcp") => ({
  from_port: from,
  to_port: to,
  protocol,
  cidr_blocks: cidrs,
  ipv6_cidr_blocks: [],
});

/** A GPU instance (g5.xlarge: one A10G) attached to aws_security_group.sg. */
const gpuNode: InlineResource = {
  address: "aws_instance.gpu",
  values: { instance_type: "g5.xlarge", ami: "ami-1" },
  unknown: { vpc_security_group_ids: true },
  refs: { vpc_security_group_ids: ["aws_security_group.sg.id", "aws_security_group.sg"] },
};

export const networkTables: RuleTable[] = [
  {
    rule: securityGroupAdminIngress,
    valid: [
      {
        name: "SSH from a private range",
        resources: [
          { address: "aws_security_group.sg", values: { name: "sg", ingress: [ingress(22, 22, ["10.0.0.0/8"])] } },
        ],
      },
      {
        name: "HTTPS from the internet",
        resources: [
          { address: "aws_security_group.sg", values: { name: "sg", ingress: [ingress(443, 443, ["0.0.0.0/0"])] } },
        ],
      },
      {
        name: "an egress rule to the internet",
        resources: [
          {
            address: "aws_security_group_rule.out",
            values: { type: "egress", from_port: 0, to_port: 0, protocol: "-1", cidr_blocks: ["0.0.0.0/0"] },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "SSH from 0.0.0.0/0 in the second ingress block",
        resources: [
          {
            address: "aws_security_group.sg",
            values: { name: "sg", ingress: [ingress(443, 443, ["0.0.0.0/0"]), ingress(22, 22, ["0.0.0.0/0"])] },
          },
        ],
        errors: [
          {
            message: "aws_security_group.sg allows SSH (22) from 0.0.0.0/0.",
            attribute: "ingress.1",
            aliases: ["CKV_AWS_24", "AVD-AWS-0107"],
          },
        ],
      },
      {
        name: "every protocol from ::/0 in a standalone rule (every narrower check fails it)",
        resources: [
          {
            address: "aws_security_group_rule.all",
            values: {
              type: "ingress",
              from_port: 0,
              to_port: 0,
              protocol: "-1",
              cidr_blocks: [],
              ipv6_cidr_blocks: ["::/0"],
            },
          },
        ],
        errors: [
          {
            message: "aws_security_group_rule.all allows all ports from ::/0.",
            attribute: "cidr_blocks",
            aliases: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_277", "AVD-AWS-0107"],
          },
        ],
      },
      {
        name: "every TCP port from 0.0.0.0/0 (Checkov's all-traffic check wants protocol -1)",
        resources: [
          { address: "aws_security_group.sg", values: { name: "sg", ingress: [ingress(0, 65535, ["0.0.0.0/0"])] } },
        ],
        errors: [
          {
            message: "allows all ports from 0.0.0.0/0.",
            attribute: "ingress.0",
            aliases: ["CKV_AWS_24", "CKV_AWS_25", "AVD-AWS-0107"],
          },
        ],
      },
      {
        name: "RDP from the internet in a VPC ingress rule of a group outside the configuration (Trivy does not see it)",
        resources: [
          {
            address: "aws_vpc_security_group_ingress_rule.rdp",
            values: { from_port: 3389, to_port: 3389, ip_protocol: "tcp", cidr_ipv4: "0.0.0.0/0" },
          },
        ],
        errors: [{ message: "allows RDP (3389) from 0.0.0.0/0.", attribute: "cidr_ipv4", aliases: ["CKV_AWS_25"] }],
      },
      {
        name: "RDP from the internet in a VPC ingress rule of a group in the configuration",
        resources: [
          {
            address: "aws_vpc_security_group_ingress_rule.rdp",
            values: { from_port: 3389, to_port: 3389, ip_protocol: "tcp", cidr_ipv4: "0.0.0.0/0" },
            unknown: { security_group_id: true },
            refs: { security_group_id: ["aws_security_group.sg.id", "aws_security_group.sg"] },
          },
          { address: "aws_security_group.sg", values: { name: "sg" } },
        ],
        errors: [
          {
            message: "allows RDP (3389) from 0.0.0.0/0.",
            attribute: "cidr_ipv4",
            aliases: ["CKV_AWS_25", "AVD-AWS-0107"],
          },
        ],
      },
      {
        name: "SSH from ::/0 in a VPC ingress rule (Checkov reads cidr_ipv6 as a list and misses it)",
        resources: [
          {
            address: "aws_vpc_security_group_ingress_rule.ssh6",
            values: { from_port: 22, to_port: 22, ip_protocol: "tcp", cidr_ipv6: "::/0" },
            unknown: { security_group_id: true },
            refs: { security_group_id: ["aws_security_group.sg.id", "aws_security_group.sg"] },
          },
          { address: "aws_security_group.sg", values: { name: "sg" } },
        ],
        errors: [{ message: "allows SSH (22) from ::/0.", attribute: "cidr_ipv6", aliases: ["AVD-AWS-0107"] }],
      },
      {
        name: "every protocol in a VPC ingress rule of a group outside the configuration (no ports for Checkov to read)",
        resources: [
          {
            address: "aws_vpc_security_group_ingress_rule.all",
            values: { ip_protocol: "-1", cidr_ipv4: "0.0.0.0/0" },
          },
        ],
        errors: [{ message: "allows all ports from 0.0.0.0/0.", attribute: "cidr_ipv4", aliases: [] }],
      },
      {
        name: "a self-referencing block before the open one (Checkov stops at it and passes the group)",
        resources: [
          {
            address: "aws_security_group.sg",
            values: {
              name: "sg",
              ingress: [{ ...ingress(0, 0, [], "-1"), self: true }, ingress(22, 22, ["0.0.0.0/0"])],
            },
          },
        ],
        errors: [{ message: "allows SSH (22) from 0.0.0.0/0.", attribute: "ingress.1", aliases: ["AVD-AWS-0107"] }],
      },
      {
        name: "an open block that also names a prefix list (Checkov passes it)",
        resources: [
          {
            address: "aws_security_group.sg",
            values: { name: "sg", ingress: [{ ...ingress(22, 22, ["0.0.0.0/0"]), prefix_list_ids: ["pl-123"] }] },
          },
        ],
        errors: [{ message: "allows SSH (22) from 0.0.0.0/0.", attribute: "ingress.0", aliases: ["AVD-AWS-0107"] }],
      },
      {
        name: "SSH from two halves of the address space, and WinRM from 0.0.0.0/0 (no narrower check sees either)",
        resources: [
          {
            address: "aws_security_group.sg",
            values: {
              name: "sg",
              ingress: [ingress(22, 22, ["0.0.0.0/1", "128.0.0.0/1"]), ingress(5985, 5985, ["0.0.0.0/0"])],
            },
          },
        ],
        errors: [
          { message: "allows SSH (22) from 0.0.0.0/1 and 128.0.0.0/1.", attribute: "ingress.0", aliases: [] },
          { message: "allows WinRM (5985) from 0.0.0.0/0.", attribute: "ingress.1", aliases: [] },
        ],
      },
    ],
    undecided: [
      {
        name: "the ingress blocks come from a dynamic block over a variable",
        resources: [{ address: "aws_security_group.sg", values: { name: "sg" }, unknown: { ingress: true } }],
        undecided: [{ message: "The ingress rules are known only after apply.", attribute: undefined }],
      },
    ],
  },
  {
    rule: rdsPubliclyAccessible,
    valid: [
      {
        name: "publicly_accessible = false",
        resources: [{ address: "aws_db_instance.meta", values: { engine: "postgres", publicly_accessible: false } }],
      },
      {
        name: "left out (the provider's default is false)",
        resources: [{ address: "aws_rds_cluster_instance.i", values: { engine: "aurora-postgresql" } }],
      },
    ],
    invalid: [
      {
        name: "publicly_accessible = true",
        resources: [{ address: "aws_db_instance.meta", values: { engine: "postgres", publicly_accessible: true } }],
        errors: [
          {
            message: "aws_db_instance.meta is publicly accessible from the internet.",
            attribute: "publicly_accessible",
          },
        ],
      },
    ],
    undecided: [
      {
        name: "publicly_accessible from a variable",
        resources: [
          {
            address: "aws_db_instance.meta",
            values: { engine: "postgres" },
            unknown: { publicly_accessible: true },
            refs: { publicly_accessible: ["var.public"] },
          },
        ],
        undecided: [
          { message: "Whether the database is public is known only after apply.", attribute: "publicly_accessible" },
        ],
      },
    ],
  },
  {
    rule: sageMakerNotebookInternet,
    valid: [
      {
        name: 'direct_internet_access = "Disabled"',
        resources: [
          {
            address: "aws_sagemaker_notebook_instance.nb",
            values: { instance_type: "ml.t3.medium", direct_internet_access: "Disabled" },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "left out (the provider's default is Enabled)",
        resources: [{ address: "aws_sagemaker_notebook_instance.nb", values: { instance_type: "ml.t3.medium" } }],
        errors: [
          {
            message: "SageMaker notebook aws_sagemaker_notebook_instance.nb has direct internet access.",
            attribute: "direct_internet_access",
          },
        ],
      },
      {
        name: 'direct_internet_access = "Enabled"',
        resources: [
          {
            address: "aws_sagemaker_notebook_instance.nb",
            values: { instance_type: "ml.t3.medium", direct_internet_access: "Enabled" },
          },
        ],
        errors: [{ message: "has direct internet access.", attribute: "direct_internet_access" }],
      },
    ],
    undecided: [
      {
        name: "direct_internet_access from a variable",
        resources: [
          {
            address: "aws_sagemaker_notebook_instance.nb",
            values: { instance_type: "ml.t3.medium" },
            unknown: { direct_internet_access: true },
            refs: { direct_internet_access: ["var.access"] },
          },
        ],
        undecided: [{ message: "Internet access is known only after apply.", attribute: "direct_internet_access" }],
      },
    ],
  },
  {
    rule: gpuInstanceOpenToWorld,
    valid: [
      {
        name: "a GPU instance behind a group open only to the VPC",
        resources: [
          gpuNode,
          { address: "aws_security_group.sg", values: { name: "sg", ingress: [ingress(22, 22, ["10.0.0.0/16"])] } },
        ],
      },
      {
        name: "a CPU instance behind a group open to the internet",
        resources: [
          { ...gpuNode, values: { instance_type: "m5.large", ami: "ami-1" } },
          { address: "aws_security_group.sg", values: { name: "sg", ingress: [ingress(443, 443, ["0.0.0.0/0"])] } },
        ],
      },
      {
        name: "a GPU instance in the VPC's default group (not in the plan)",
        resources: [
          {
            address: "aws_instance.gpu",
            values: { instance_type: "g5.xlarge", ami: "ami-1" },
            unknown: { vpc_security_group_ids: true },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "a GPU instance behind a group with HTTPS open to the internet",
        resources: [
          gpuNode,
          { address: "aws_security_group.sg", values: { name: "sg", ingress: [ingress(443, 443, ["0.0.0.0/0"])] } },
        ],
        errors: [
          {
            message:
              "GPU instance aws_instance.gpu is reachable from the internet through aws_security_group.sg (port 443).",
            attribute: "vpc_security_group_ids",
          },
        ],
      },
      {
        name: "a standalone rule attached to the instance's group opens every port",
        resources: [
          gpuNode,
          { address: "aws_security_group.sg", values: { name: "sg", ingress: [] } },
          {
            address: "aws_security_group_rule.all",
            values: { type: "ingress", from_port: 0, to_port: 0, protocol: "-1", cidr_blocks: ["0.0.0.0/0"] },
            unknown: { security_group_id: true },
            refs: { security_group_id: ["aws_security_group.sg.id", "aws_security_group.sg"] },
          },
        ],
        errors: [{ message: "through aws_security_group.sg (all ports).", attribute: "vpc_security_group_ids" }],
      },
    ],
    undecided: [
      {
        name: "the instance's groups come from a variable",
        resources: [
          {
            address: "aws_instance.gpu",
            values: { instance_type: "g5.xlarge", ami: "ami-1" },
            unknown: { vpc_security_group_ids: true },
            expressions: { vpc_security_group_ids: { references: ["var.groups"] } },
          },
        ],
        undecided: [
          {
            message: "The instance's security groups are known only after apply.",
            attribute: "vpc_security_group_ids",
          },
        ],
      },
    ],
  },
  {
    rule: plainHttpListener,
    valid: [
      {
        name: "an HTTPS listener",
        resources: [
          {
            address: "aws_lb_listener.api",
            values: { port: 443, protocol: "HTTPS", default_action: [{ type: "forward" }] },
          },
        ],
      },
      {
        name: "an HTTP listener that redirects to HTTPS",
        resources: [
          {
            address: "aws_lb_listener.http",
            values: {
              port: 80,
              protocol: "HTTP",
              default_action: [
                { type: "redirect", redirect: [{ protocol: "HTTPS", port: "443", status_code: "HTTP_301" }] },
              ],
            },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "an HTTP listener that forwards",
        resources: [
          {
            address: "aws_alb_listener.http",
            values: { port: 80, protocol: "HTTP", default_action: [{ type: "forward" }] },
          },
        ],
        errors: [
          { message: "aws_alb_listener.http serves plain HTTP without redirecting to HTTPS.", attribute: "protocol" },
        ],
      },
    ],
    undecided: [
      {
        name: "the protocol from a variable",
        resources: [
          {
            address: "aws_lb_listener.api",
            values: { port: 80, default_action: [{ type: "forward" }] },
            unknown: { protocol: true },
            refs: { protocol: ["var.protocol"] },
          },
        ],
        undecided: [{ message: "The listener's protocol is known only after apply.", attribute: "protocol" }],
      },
    ],
  },
  {
    rule: instancePublicIp,
    valid: [
      {
        name: "associate_public_ip_address = false",
        resources: [
          { address: "aws_instance.node", values: { instance_type: "m5.large", associate_public_ip_address: false } },
        ],
      },
    ],
    invalid: [
      {
        name: "associate_public_ip_address = true",
        resources: [
          { address: "aws_instance.node", values: { instance_type: "m5.large", associate_public_ip_address: true } },
        ],
        errors: [{ message: "aws_instance.node gets a public IP address.", attribute: "associate_public_ip_address" }],
      },
    ],
    undecided: [
      {
        name: "left to the subnet (the provider computes it)",
        resources: [
          {
            address: "aws_instance.node",
            values: { instance_type: "m5.large" },
            unknown: { associate_public_ip_address: true },
          },
        ],
        undecided: [],
        silentBecause:
          "the subnet's map_public_ip_on_launch decides, which this rule does not follow: only an explicit true is reported",
      },
    ],
  },
  {
    rule: firewallAdminIngress,
    valid: [
      {
        name: "SSH from IAP's range",
        resources: [
          {
            address: "google_compute_firewall.ssh",
            values: {
              direction: "INGRESS",
              source_ranges: ["35.235.240.0/20"],
              allow: [{ protocol: "tcp", ports: ["22"] }],
            },
          },
        ],
      },
      {
        name: "an egress rule",
        resources: [
          {
            address: "google_compute_firewall.out",
            values: { direction: "EGRESS", source_ranges: ["0.0.0.0/0"], allow: [{ protocol: "all" }] },
          },
        ],
      },
      {
        name: "a disabled rule",
        resources: [
          {
            address: "google_compute_firewall.ssh",
            values: {
              direction: "INGRESS",
              disabled: true,
              source_ranges: ["0.0.0.0/0"],
              allow: [{ protocol: "tcp", ports: ["22"] }],
            },
          },
        ],
      },
    ],
    invalid: [
      {
        name: "SSH and every port from the internet in two allow blocks",
        resources: [
          {
            address: "google_compute_firewall.open",
            values: {
              direction: "INGRESS",
              source_ranges: ["0.0.0.0/0"],
              allow: [{ protocol: "tcp", ports: ["20-23", "443"] }, { protocol: "udp" }],
            },
          },
        ],
        errors: [
          {
            message: "google_compute_firewall.open allows SSH (22) and Telnet (23) from 0.0.0.0/0.",
            attribute: "allow.0",
          },
          { message: "google_compute_firewall.open allows all ports from 0.0.0.0/0.", attribute: "allow.1" },
        ],
      },
      {
        // Checkov's CKV_GCP_2/3/88 look for the port in the list and 0.0.0.0/0 written out; Trivy's
        // AVD-GCP-0071 for TCP 22 from an "anywhere" range, AVD-GCP-0070 for "3389" on an untagged rule.
        name: "the other tools' port checks named on the allow blocks they fail",
        resources: [
          {
            address: "google_compute_firewall.admin",
            values: {
              direction: "INGRESS",
              source_ranges: ["0.0.0.0/0"],
              allow: [
                { protocol: "tcp", ports: ["22", "3389"] },
                { protocol: "udp", ports: ["3000-3400"] },
                { protocol: "tcp", ports: ["5900"] },
                { protocol: "tcp" },
              ],
            },
          },
        ],
        errors: [
          {
            message: "google_compute_firewall.admin allows SSH (22), RDP (3389) from 0.0.0.0/0.",
            attribute: "allow.0",
            aliases: ["CKV_GCP_2", "CKV_GCP_3", "AVD-GCP-0071", "AVD-GCP-0070"],
          },
          {
            message: "google_compute_firewall.admin allows RDP (3389) from 0.0.0.0/0.",
            attribute: "allow.1",
            aliases: ["CKV_GCP_3", "CKV_GCP_88"],
          },
          {
            message: "google_compute_firewall.admin allows VNC (5900) from 0.0.0.0/0.",
            attribute: "allow.2",
            aliases: [],
          },
          {
            message: "google_compute_firewall.admin allows all ports from 0.0.0.0/0.",
            attribute: "allow.3",
            aliases: [],
          },
        ],
      },
      {
        name: "ranges that add up to the internet, on a tagged rule: no other tool's check fails them",
        resources: [
          {
            address: "google_compute_firewall.halves",
            values: {
              direction: "INGRESS",
              source_ranges: ["0.0.0.0/1", "128.0.0.0/1"],
              target_tags: ["bastion"],
              allow: [{ protocol: "tcp", ports: ["22", "3389"] }],
            },
          },
          {
            address: "google_compute_firewall.v6",
            values: {
              direction: "INGRESS",
              source_ranges: ["::/0"],
              target_tags: ["rdp"],
              allow: [{ protocol: "tcp", ports: ["3389-3389"] }],
            },
          },
        ],
        errors: [
          {
            message: "google_compute_firewall.halves allows SSH (22), RDP (3389) from 0.0.0.0/1 and 128.0.0.0/1.",
            attribute: "allow.0",
            aliases: [],
          },
          {
            message: "google_compute_firewall.v6 allows RDP (3389) from ::/0.",
            attribute: "allow.0",
            resource: "google_compute_firewall.v6",
            aliases: [],
          },
        ],
      },
    ],
    undecided: [
      {
        name: "the source ranges from a variable",
        resources: [
          {
            address: "google_compute_firewall.ssh",
            values: { direction: "INGRESS", allow: [{ protocol: "tcp", ports: ["22"] }] },
            unknown: { source_ranges: true },
            refs: { source_ranges: ["var.ranges"] },
          },
        ],
        undecided: [{ message: "The source ranges are known only after apply.", attribute: "source_ranges" }],
      },
    ],
  },
];
