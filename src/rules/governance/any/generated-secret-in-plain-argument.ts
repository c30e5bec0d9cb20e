import { configuredResources } from "../../../governance/configuration.js";
import { isSensitive, type Resource } from "../../../plan/model.js";
import { fail, modelRule, type Outcome } from "../../../policy/rule.js";

/** Generated secrets and the attributes that hold them. */
const GENERATED =
  /^(?:.*\.)?(random_password\.[^.]+\.result|random_string\.[^.]+\.result|tls_private_key\.[^.]+\.private_key_(?:pem|openssh|pem_pkcs8))$/;

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
  if (Array.isArray(expressions)) {
    for (const [i, e] of expressions.entries()) referencesIn(e, path === "" ? String(i) : `${path}.${i}`, visit);
  } else if (expressions && typeof expressions === "object") {
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
  remediation:
    "Write the secret to a secret store resource and give the consumer the secret's name or ARN, not its value.",
  check(ctx) {
    const out: Outcome[] = [];
    for (const block of configuredResources(ctx.model)) {
      if (block.mode !== "managed" || SECRET_STORES.has(block.type)) continue;
      // Found only when a block refers to a generated secret, which few do: most blocks make neither.
      let instances: Resource[] | undefined;
      let seen: Set<string> | undefined;
      referencesIn(block.expressions, "", (path, ref) => {
        const m = GENERATED.exec(ref);
        if (!m) return;
        const key = `${path}|${m[1]}`;
        seen ??= new Set<string>();
        if (seen.has(key)) return;
        seen.add(key);
        const attribute = path;
        instances ??= ctx.model.byConfigAddress(block.address).filter((r) => r.willExist);
        for (const r of instances) {
          if (isSensitive(r, attribute)) continue;
          out.push({
            ...fail(
              `${r.address} passes ${m[1]} to ${attribute}, which is not a sensitive argument: the secret shows in plan output and state.`,
              attribute,
            ),
            resource: r,
          });
        }
      });
    }
    return out;
  },
});
