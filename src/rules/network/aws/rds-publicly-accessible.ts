import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { CIS_AWS } from "../../frameworks.js";
import { readAttribute } from "../../read.js";

export const rdsPubliclyAccessible = resourceRule({
  id: "PG-AWS-NET-002",
  title: "RDS instance is publicly accessible",
  description:
    "A database with a public endpoint can be reached from the internet; experiment and feature metadata should stay inside the VPC.",
  severity: "high",
  category: "network",
  providers: ["aws"],
  resourceTypes: ["aws_db_instance", "aws_rds_cluster_instance"],
  compliance: [{ framework: CIS_AWS, control: "2.3.3" }],
  aliases: ["CKV_AWS_17", "AVD-AWS-0082", "AVD-AWS-0180"],
  remediation: "Set `publicly_accessible = false` and reach the database through the VPC, a VPN or a bastion.",
  check(r, { model }) {
    const pub = readAttribute(model, r, "publicly_accessible");
    if (pub.state === "unknown")
      return unknown("Whether the database is public is known only after apply.", "publicly_accessible");
    if (pub.state === "known" && pub.value === true)
      return fail(`${r.address} is publicly accessible from the internet.`, "publicly_accessible");
  },
});
