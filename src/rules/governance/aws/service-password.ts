import { secretRule } from "../secrets.js";

export const awsServicePassword = secretRule({
  id: "PG-AWS-GOV-009",
  title: "AWS service password or token set in Terraform",
  description:
    "Redshift, DocumentDB, ElastiCache, Amazon MQ and OpenSearch passwords and auth tokens set as arguments are stored in state in plain text.",
  providers: ["aws"],
  table: {
    aws_redshift_cluster: [{ path: "master_password", managedBy: "manage_master_password" }],
    aws_docdb_cluster: [{ path: "master_password" }],
    aws_elasticache_replication_group: [{ path: "auth_token" }],
    aws_mq_broker: [{ path: "user.0.password" }],
    aws_opensearch_domain: [{ path: "advanced_security_options.0.master_user_options.0.master_user_password" }],
  },
  remediation:
    "Let the service manage the secret in Secrets Manager where it can (`manage_master_password`), or use IAM authentication; otherwise set it outside Terraform and ignore changes.",
});
