import { secretRule } from "../secrets.js";

export const awsDatabasePassword = secretRule({
  id: "PG-AWS-GOV-008",
  title: "RDS master password set in Terraform instead of managed by RDS",
  description:
    "`password` / `master_password` on an RDS instance or cluster ends up in state in plain text, whether written literally, from a variable or from random_password. With `manage_master_user_password = true` RDS keeps the password in Secrets Manager and rotates it; Terraform never sees it.",
  providers: ["aws"],
  table: {
    aws_db_instance: [{ path: "password", managedBy: "manage_master_user_password" }],
    aws_rds_cluster: [{ path: "master_password", managedBy: "manage_master_user_password" }],
  },
  remediation:
    "Set `manage_master_user_password = true` and remove the password argument (or use the write-only `password_wo` with Terraform 1.11+).",
});
