import { fail, resourceRule } from "../../../policy/rule.js";
import { readAttribute } from "../../read.js";

export const instancePublicIp = resourceRule({
  id: "PG-AWS-NET-006",
  title: "EC2 instance gets a public IP address",
  description:
    "An instance with a public IP is directly addressable from the internet; training and inference nodes belong in private subnets.",
  severity: "medium",
  category: "network",
  providers: ["aws"],
  resourceTypes: ["aws_instance"],
  // CKV_AWS_88 also reads launch templates' first interface, which PG-AWS-EC2-104 judges (naming it there).
  aliases: ["CKV_AWS_88"],
  remediation: "Set `associate_public_ip_address = false` and reach the instance through a load balancer, VPN or SSM.",
  check(r, { model }) {
    const pub = readAttribute(model, r, "associate_public_ip_address");
    if (pub.state === "known" && pub.value === true)
      return fail(`${r.address} gets a public IP address.`, "associate_public_ip_address");
  },
});
