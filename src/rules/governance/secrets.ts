import { isUnknown, type Resource } from "../../plan/model.js";
import { fail, resourceRule, unknown, type CheckResult, type Outcome, type RuleContext } from "../../policy/rule.js";
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
    else if (how === "literal")
      out.push(
        fail(
          `${r.address} sets ${arg.path} to a literal in the configuration: it is in the repository and in state in plain text.`,
          arg.path,
        ),
      );
    else if (how === "expression")
      out.push(
        fail(
          `${r.address} sets ${arg.path}: Terraform stores it in state in plain text, even when marked sensitive.`,
          arg.path,
        ),
      );
  }
  return out;
}

export function secretRule(input: {
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
