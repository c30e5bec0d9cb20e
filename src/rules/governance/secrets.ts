import { configuredResources } from "../../governance/configuration.js";
import { isSensitive, isUnknown, type Resource } from "../../plan/model.js";
import { fail, modelRule, resourceRule, unknown, type CheckResult, type Outcome, type RuleContext } from "../../policy/rule.js";
import { readAttribute } from "../read.js";
import { expressionAt } from "./common.js";

/**
 * Secrets in state. Terraform writes every argument to state in plain text,
 * sensitive or not; a password set in the configuration is readable by
 * anyone who can read the state. These rules never read the value (it is
 * redacted anyway): they look at whether the argument is set, and whether
 * the configuration writes it as a literal.
 */

interface SecretArgument {
  /** Dotted path of the argument; `user.0.password` for nested blocks. */
  path: string;
  /** When this argument is true (or set), the secret is managed elsewhere and the path is not required. */
  managedBy?: string;
}

/** How the configuration sets an argument: a literal, from other values, or not written at all. */
function howSet(ctx: RuleContext, r: Resource, path: string): "literal" | "expression" | "absent" | "unknown" {
  const exprs = ctx.model.graph.expressionsOf(r.configAddress);
  const node = expressionAt(exprs, path);
  if (node && "constant_value" in node) return node["constant_value"] === null ? "absent" : "literal";
  if (node && "references" in node) return "expression";
  // No configuration (a state, or a plan without it): the value decides, never shown.
  if (isUnknown(r, path)) return exprs ? "absent" : "unknown";
  const v = readAttribute(ctx.model, r, path);
  return v.state === "known" && v.value !== "" ? "expression" : "absent";
}

function judgeSecrets(r: Resource, ctx: RuleContext, args: readonly SecretArgument[]): CheckResult {
  const out: Outcome[] = [];
  for (const arg of args) {
    if (arg.managedBy) {
      const managed = readAttribute(ctx.model, r, arg.managedBy);
      if (managed.state === "known" && managed.value === true) continue;
      if (managed.state === "unknown" && managed.configured) {
        out.push(unknown(`Whether ${arg.managedBy} manages the secret is known only after apply.`, arg.managedBy));
        continue;
      }
    }
    const how = howSet(ctx, r, arg.path);
    if (how === "unknown") out.push(unknown(`Whether ${arg.path} is set is known only after apply.`, arg.path));
    else if (how === "literal") out.push(fail(`${r.address} sets ${arg.path} to a literal in the configuration: it is in the repository and in state in plain text.`, arg.path));
    else if (how === "expression") out.push(fail(`${r.address} sets ${arg.path}: Terraform stores it in state in plain text, even when marked sensitive.`, arg.path));
  }
  return out;
}

function secretRule(input: {
  id: string;
  title: string;
  description: string;
  providers: string[];
  table: Record<string, SecretArgument[]>;
  remediation: string;
}) {
  return resourceRule({
    id: input.id,
    title: input.title,
    description: input.description,
    severity: "high",
    category: "governance",
    providers: input.providers,
    resourceTypes: Object.keys(input.table),
    remediation: input.remediation,
    check: (r, ctx) => judgeSecrets(r, ctx, input.table[r.type] ?? []),
  });
}

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
  remediation: "Set `manage_master_user_password = true` and remove the password argument (or use the write-only `password_wo` with Terraform 1.11+).",
});

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
  remediation: "Let the service manage the secret in Secrets Manager where it can (`manage_master_password`), or use IAM authentication; otherwise set it outside Terraform and ignore changes.",
});

export const azureAdminPassword = secretRule({
  id: "PG-AZURE-GOV-004",
  title: "Azure admin password set in Terraform",
  description:
    "Admin passwords of virtual machines, scale sets and database servers set as arguments are stored in state in plain text; a literal one is in the repository too.",
  providers: ["azurerm"],
  table: {
    azurerm_linux_virtual_machine: [{ path: "admin_password" }],
    azurerm_windows_virtual_machine: [{ path: "admin_password" }],
    azurerm_linux_virtual_machine_scale_set: [{ path: "admin_password" }],
    azurerm_windows_virtual_machine_scale_set: [{ path: "admin_password" }],
    azurerm_mssql_server: [{ path: "administrator_login_password" }],
    azurerm_postgresql_flexible_server: [{ path: "administrator_password" }],
    azurerm_mysql_flexible_server: [{ path: "administrator_password" }],
  },
  remediation: "Use SSH keys or Entra ID (Azure AD) authentication, or the write-only `*_wo` arguments; keep any remaining password in Key Vault, set outside Terraform.",
});

export const gcpSqlPassword = secretRule({
  id: "PG-GCP-GOV-007",
  title: "Cloud SQL password set in Terraform",
  description: "`google_sql_user.password` and `google_sql_database_instance.root_password` are stored in state in plain text.",
  providers: ["google"],
  table: {
    google_sql_user: [{ path: "password" }],
    google_sql_database_instance: [{ path: "root_password" }],
  },
  remediation: "Use IAM database authentication (`type = \"CLOUD_IAM_USER\"` or a service account), or the write-only `password_wo`; keep any remaining password in Secret Manager, set outside Terraform.",
});

/** Generated secrets and the attributes that hold them. */
const GENERATED = /^(?:.*\.)?(random_password\.[^.]+\.result|random_string\.[^.]+\.result|tls_private_key\.[^.]+\.private_key_(?:pem|openssh|pem_pkcs8))$/;

/** Resources whose job is to hold a secret: the generated value belongs there. */
const SECRET_STORES = new Set([
  "aws_secretsmanager_secret_version",
  "aws_ssm_parameter",
  "google_secret_manager_secret_version",
  "azurerm_key_vault_secret",
  "kubernetes_secret",
  "kubernetes_secret_v1",
  "vault_generic_secret",
  "vault_kv_secret_v2",
]);

function referencesIn(expressions: unknown, path: string, visit: (path: string, ref: string) => void): void {
  if (Array.isArray(expressions)) expressions.forEach((e, i) => referencesIn(e, path === "" ? String(i) : `${path}.${i}`, visit));
  else if (expressions && typeof expressions === "object") {
    const obj = expressions as Record<string, unknown>;
    if (Array.isArray(obj["references"])) {
      for (const ref of obj["references"]) if (typeof ref === "string") visit(path, ref);
      return;
    }
    for (const [k, v] of Object.entries(obj)) referencesIn(v, path === "" ? k : `${path}.${k}`, visit);
  }
}

export const generatedSecretInPlainArgument = modelRule({
  id: "PG-GOV-003",
  title: "Generated password or private key fed to a plain argument",
  description:
    "A `random_password` result or a `tls_private_key` private key passed to an argument the provider does not mark sensitive is shown in plan output and logs, besides being stored in state. Generated secrets belong in a secret store (Secrets Manager, Secret Manager, Key Vault, a Kubernetes secret) that the consumer reads.",
  severity: "high",
  category: "governance",
  remediation: "Write the secret to a secret store resource and give the consumer the secret's name or ARN, not its value.",
  check(ctx) {
    const out: Outcome[] = [];
    for (const block of configuredResources(ctx.model)) {
      if (block.mode !== "managed" || SECRET_STORES.has(block.type)) continue;
      const instances = ctx.model.byConfigAddress(block.address).filter((r) => r.willExist);
      if (instances.length === 0) continue;
      const seen = new Set<string>();
      referencesIn(block.expressions, "", (path, ref) => {
        const m = GENERATED.exec(ref);
        const key = `${path}|${m?.[1]}`;
        if (!m || seen.has(key)) return;
        seen.add(key);
        const attribute = path;
        for (const r of instances) {
          if (isSensitive(r, attribute)) continue;
          out.push({ ...fail(`${r.address} passes ${m[1]} to ${attribute}, which is not a sensitive argument: the secret shows in plan output and state.`, attribute), resource: r });
        }
      });
    }
    return out;
  },
});

export const secretRules = [awsDatabasePassword, awsServicePassword, azureAdminPassword, gcpSqlPassword, generatedSecretInPlainArgument];
