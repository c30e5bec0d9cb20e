import { isSeverity, type ComplianceMapping, type RuleMetadata, type Severity } from "../types.js";
import type { RegoAnnotation, RegoPackageInfo } from "./engine.js";
import type { ConftestKind } from "./conftest.js";

/**
 * Rule metadata from OPA's `# METADATA` annotations: `title`,
 * `description` and `custom.*` (id, severity, category, providers,
 * resource_types, aliases, related, narrower, defaults, compliance, remediation). A rule's own annotation
 * wins over its package's. Policies without annotations (most conftest
 * policies) get an id from their package and rule name, `deny` and
 * `violation` are high (they fail a scan as in conftest) and `warn` is info
 * (it does not, as in conftest without --fail-on-warn).
 */
export function regoRuleMetadata(
  pkg: RegoPackageInfo,
  ruleName: string,
  kind: ConftestKind,
  annotation: RegoAnnotation | undefined,
): RuleMetadata {
  const a = annotation ?? pkg.annotation ?? {};
  const custom = a.custom ?? {};
  const str = (k: string): string | undefined =>
    typeof custom[k] === "string" && custom[k] !== "" ? (custom[k] as string) : undefined;
  const list = (k: string): string[] =>
    Array.isArray(custom[k]) ? (custom[k] as unknown[]).filter((x): x is string => typeof x === "string") : [];
  const severity = str("severity")?.toLowerCase();
  const meta: RuleMetadata = {
    id: str("id") ?? `${pkg.path}.${ruleName}`,
    title: a.title ?? `${pkg.path}.${ruleName}`,
    description: a.description ?? a.title ?? `Rego rule ${ruleName} in package ${pkg.path}.`,
    severity: severity && isSeverity(severity) ? (severity as Severity) : kind === "warn" ? "info" : "high",
    category: str("category") ?? "policy",
    providers: list("providers"),
    resourceTypes: list("resource_types"),
    compliance: compliance(custom["compliance"]),
    remediation: str("remediation") ?? "See the policy's documentation.",
    aliases: list("aliases"),
    language: "rego",
    origin: pkg.file,
  };
  const related = list("related");
  if (related.length > 0) meta.related = related;
  const narrower = list("narrower");
  if (narrower.length > 0) meta.narrower = narrower;
  const defaults = list("defaults");
  if (defaults.length > 0) meta.defaults = defaults;
  const help = str("help_uri") ?? str("helpUri");
  if (help) meta.helpUri = help;
  return meta;
}

function compliance(value: unknown): ComplianceMapping[] {
  if (!Array.isArray(value)) return [];
  const out: ComplianceMapping[] = [];
  for (const item of value) {
    if (item && typeof item === "object" && typeof (item as Record<string, unknown>)["framework"] === "string") {
      const { framework, control } = item as Record<string, unknown>;
      out.push({ framework: framework as string, control: String(control ?? "") });
    } else if (typeof item === "string") {
      // "CIS AWS Foundations 3.0 2.2.1": the last word is the control.
      const at = item.lastIndexOf(" ");
      out.push(
        at > 0 ? { framework: item.slice(0, at), control: item.slice(at + 1) } : { framework: item, control: "" },
      );
    }
  }
  return out;
}
