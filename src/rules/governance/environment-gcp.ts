import { regionAllowed } from "../../governance/environments.js";
import { expressionValue, providerConfigs } from "../../governance/configuration.js";
import { isUnknown, type Resource } from "../../plan/model.js";
import { isJudged } from "../../policy/evaluate.js";
import { fail, modelRule, resourceRule, unknown, type Outcome, type RuleContext } from "../../policy/rule.js";
import { readAttribute } from "../read.js";
import { currentEnvironment, foreignOwner, foreignProviders, outsideUnknowns, stringLeaves, type CurrentEnvironment } from "./common.js";

/**
 * GCP environment separation: projects are the boundary. A plan for one
 * environment that names a project another environment declares crosses it.
 */

const PROJECT_PATH = /(?:^|\/)projects\/([a-z][a-z0-9-]{4,28}[a-z0-9])(?:\/|$)/g;
const SERVICE_ACCOUNT_PROJECT = /@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com/g;
const KMS_PATH = /(^|\.)(kms_key_name|default_kms_key_name|kms_key_self_link|encryption_key_name|crypto_key|crypto_key_id|key_name|kms_key)$/;
const GCP = /^google_/;

function foreignProjects(ctx: RuleContext, env: CurrentEnvironment, text: string, pattern: RegExp): { project: string; owner: string }[] {
  const out: { project: string; owner: string }[] = [];
  for (const project of new Set([...text.matchAll(pattern)].map((m) => m[1]!))) {
    const owner = foreignOwner(ctx.config, env, "gcp_project", project);
    if (owner) out.push({ project, owner });
  }
  return out;
}

function describe(found: readonly { project: string; owner: string }[]): string {
  return found.map((f) => `${f.project} (${f.owner})`).join(", ");
}

export const gcpProviderOtherProject = modelRule({
  id: "PG-GCP-GOV-001",
  title: "Google provider configured for another environment's project",
  description:
    "A provider configuration whose `project` belongs to another environment makes every resource that uses it land in that environment.",
  severity: "critical",
  category: "governance",
  providers: ["google"],
  remediation: "Set the provider's `project` to one of this environment's projects.",
  check(ctx) {
    return foreignProviders(ctx, "gcp_project", "project");
  },
});

export const gcpResourceOtherProject = resourceRule({
  id: "PG-GCP-GOV-002",
  title: "Resource created in another environment's project",
  description: "A resource whose `project` argument names another environment's project is created there, outside this environment's review and blast radius.",
  severity: "critical",
  category: "governance",
  providers: ["google"],
  resourceTypes: [],
  resourceTypePattern: GCP,
  remediation: "Create the resource in this environment's project, or move it to the other environment's configuration.",
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const project = readAttribute(ctx.model, r, "project");
    if (project.state === "unknown") {
      // Unset: the provider's project, judged by PG-GCP-GOV-001. Set from something computed: undecided.
      return project.configured ? unknown("The resource's project is known only after apply.", "project") : undefined;
    }
    if (project.state !== "known" || typeof project.value !== "string") return;
    const id = project.value.replace(/^projects\//, "");
    const owner = foreignOwner(ctx.config, env, "gcp_project", id);
    if (owner) return fail(`${r.address} is created in project ${id}, which belongs to ${owner}.`, "project");
  },
});

const MEMBER_TYPES = /^google_.*_iam_(member|binding|policy)$/;

export const gcpForeignMember = resourceRule({
  id: "PG-GCP-GOV-003",
  title: "IAM grant to a service account of another environment",
  description:
    "An IAM member, binding or policy that grants a role to a service account of another environment's project lets that environment's workloads act in this one.",
  severity: "high",
  category: "governance",
  providers: ["google"],
  resourceTypes: [],
  resourceTypePattern: MEMBER_TYPES,
  remediation: "Grant roles to this environment's service accounts; give cross-environment access through a reviewed data export instead.",
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const attribute = r.type.endsWith("_member") ? "member" : r.type.endsWith("_binding") ? "members" : "policy_data";
    const v = readAttribute(ctx.model, r, attribute);
    if (v.state === "unknown") return v.configured ? unknown(`The ${attribute} of ${r.address} is known only after apply.`, attribute) : undefined;
    if (v.state !== "known") return;
    const text = typeof v.value === "string" ? v.value : JSON.stringify(v.value);
    const found = foreignProjects(ctx, env, text, SERVICE_ACCOUNT_PROJECT);
    if (found.length > 0) return fail(`${r.address} grants a role to service accounts of project ${describe(found)}.`, attribute);
  },
});

export const gcpForeignKmsKey = resourceRule({
  id: "PG-GCP-GOV-004",
  title: "Resource encrypted with another environment's Cloud KMS key",
  description: "A Cloud KMS key of another environment's project puts this environment's data under keys that environment controls and can disable.",
  severity: "high",
  category: "governance",
  providers: ["google"],
  resourceTypes: [],
  resourceTypePattern: GCP,
  remediation: "Use a key ring and key in this environment's project.",
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const out: Outcome[] = [];
    for (const leaf of stringLeaves(r)) {
      if (!KMS_PATH.test(leaf.path) || !leaf.value.includes("cryptoKeys/")) continue;
      const found = foreignProjects(ctx, env, leaf.value, PROJECT_PATH);
      if (found.length > 0) out.push(fail(`${r.address} uses a Cloud KMS key of project ${describe(found)}.`, leaf.path));
    }
    out.push(...outsideUnknowns(ctx.model, r, (p) => KMS_PATH.test(p), "The Cloud KMS key"));
    return out;
  },
});

function coveredElsewhere(r: Resource, path: string): boolean {
  return path === "project" || KMS_PATH.test(path) || (MEMBER_TYPES.test(r.type) && /^(member|members|policy_data)(\.|$)/.test(path));
}

export const gcpForeignPath = resourceRule({
  id: "PG-GCP-GOV-005",
  title: "Resource refers to another environment's project",
  description:
    "A self link or resource path of another environment's project (a network to peer with, a subnetwork, a topic, an image) makes this environment depend on, or connect to, the other one.",
  severity: "medium",
  category: "governance",
  providers: ["google"],
  resourceTypes: [],
  resourceTypePattern: GCP,
  remediation: "Refer to this environment's own resources; connect environments only through a reviewed shared VPC or export.",
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const out: Outcome[] = [];
    for (const leaf of stringLeaves(r)) {
      if (coveredElsewhere(r, leaf.path)) continue;
      const found = foreignProjects(ctx, env, leaf.value, PROJECT_PATH);
      if (found.length > 0) out.push(fail(`${r.address} refers to project ${describe(found)}.`, leaf.path));
    }
    out.push(...outsideUnknowns(ctx.model, r, (p) => !coveredElsewhere(r, p), "The value"));
    return out;
  },
});

const LOCATION_ATTRIBUTES = ["region", "location", "zone"] as const;

export const gcpRegionOutsideEnvironment = modelRule({
  id: "PG-GCP-GOV-006",
  title: "GCP region or location outside the environment's regions",
  description:
    "A provider's region, or a resource's `region`, `location` or `zone`, outside the regions the environment declares (a zone counts as its region; multi-regions such as `US` must be listed themselves).",
  severity: "medium",
  category: "governance",
  providers: ["google"],
  remediation: "Use one of the environment's regions, or add the location to `environments.<name>.regions` after review.",
  check(ctx) {
    const env = currentEnvironment(ctx);
    const regions = env?.declaration.regions;
    if (!env || !regions) return;
    const out: Outcome[] = [];
    const outside = (value: string) => !regionAllowed(env.declaration, value);
    for (const p of providerConfigs(ctx.model)) {
      if (p.name !== "google" && p.name !== "google-beta") continue;
      for (const key of ["region", "zone"]) {
        const v = expressionValue(ctx.model, p.expressions[key], p.moduleAddress);
        const attribute = `provider["${p.key}"].${key}`;
        if (v.state === "unknown") out.push(unknown(`The ${key} of provider "${p.key}" is known only after apply.`, attribute));
        else if (v.state === "known" && typeof v.value === "string" && outside(v.value)) out.push(fail(`Provider "${p.key}" uses ${key} ${v.value}, outside ${env.name}'s regions (${regions.join(", ")}).`, attribute));
      }
    }
    for (const r of ctx.model.resources) {
      if (!isJudged(r, ctx.config) || !GCP.test(r.type) || !r.after) continue;
      for (const key of LOCATION_ATTRIBUTES) {
        const v = r.after[key];
        if (isUnknown(r, key) || typeof v !== "string" || v === "") continue;
        if (outside(v)) out.push({ ...fail(`${r.address} is placed in ${v}, outside ${env.name}'s regions (${regions.join(", ")}).`, key), resource: r });
      }
    }
    return out;
  },
});

export const gcpEnvironmentRules = [gcpProviderOtherProject, gcpResourceOtherProject, gcpForeignMember, gcpForeignKmsKey, gcpForeignPath, gcpRegionOutsideEnvironment];
