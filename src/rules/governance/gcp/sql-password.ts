import { secretRule } from "../secrets.js";

export const gcpSqlPassword = secretRule({
  id: "PG-GCP-GOV-007",
  title: "Cloud SQL password set in Terraform",
  description:
    "`google_sql_user.password` and `google_sql_database_instance.root_password` are stored in state in plain text.",
  providers: ["google"],
  table: {
    google_sql_user: [{ path: "password" }],
    google_sql_database_instance: [{ path: "root_password" }],
  },
  remediation:
    'Use IAM database authentication (`type = "CLOUD_IAM_USER"` or a service account), or the write-only `password_wo`; keep any remaining password in Secret Manager, set outside Terraform.',
});
