import type { EnvironmentDeclaration, PlanguardConfig } from "../config/config.js";
import { InputError } from "../input-error.js";
import type { Model } from "../plan/model.js";
import { expressionValue, nestedBlock, providerConfigs, type ProviderConfig } from "./configuration.js";

/**
 * The environment model (docs/governance.md): which environment a plan is
 * for, and which environment owns an account, project, subscription, region
 * or state bucket. Identifiers no environment declares belong to none: they
 * are never reported as another environment's.
 */

export type IdentityKind = "aws_account" | "gcp_project" | "azure_subscription" | "state_bucket";

const KIND_KEY: Record<IdentityKind, keyof EnvironmentDeclaration> = {
  aws_account: "aws_accounts",
  gcp_project: "gcp_projects",
  azure_subscription: "azure_subscriptions",
  state_bucket: "state_buckets",
};

const KIND_LABEL: Record<IdentityKind, string> = {
  aws_account: "AWS account",
  gcp_project: "GCP project",
  azure_subscription: "Azure subscription",
  state_bucket: "state bucket",
};

/** Azure ids are GUIDs, compared without case; the rest exactly. */
function normalize(kind: IdentityKind, id: string): string {
  return kind === "azure_subscription" ? id.toLowerCase() : id;
}

/** The environment that declares an identifier, if any. */
export function ownerOf(config: PlanguardConfig, kind: IdentityKind, id: string): string | undefined {
  const envs = config.environments;
  if (!envs) return undefined;
  const wanted = normalize(kind, id);
  for (const [name, env] of Object.entries(envs)) {
    const list = env[KIND_KEY[kind]] as string[] | undefined;
    if (list?.some((x) => normalize(kind, x) === wanted)) return name;
  }
  return undefined;
}

/** Region names compared the way each cloud writes them: `West Europe` is `westeurope`, a GCP zone is in its region. */
function normalizeRegion(region: string): string {
  return region.toLowerCase().replace(/\s+/g, "");
}

export function regionAllowed(env: EnvironmentDeclaration, region: string): boolean {
  if (!env.regions || env.regions.length === 0) return true;
  const r = normalizeRegion(region);
  const gcpZoneRegion = /^([a-z]+-[a-z]+\d+)-[a-z]$/.exec(r)?.[1];
  return env.regions.some((allowed) => {
    const a = normalizeRegion(allowed);
    return a === r || (gcpZoneRegion !== undefined && a === gcpZoneRegion);
  });
}

/** The environment whose `tags` a resource's tags or labels all carry, other than `except`. */
export function environmentTaggedAs(
  config: PlanguardConfig,
  labels: Record<string, unknown>,
  except?: string,
): string | undefined {
  for (const [name, env] of Object.entries(config.environments ?? {})) {
    if (name === except || !env.tags) continue;
    const entries = Object.entries(env.tags);
    if (entries.length > 0 && entries.every(([k, v]) => labels[k] === v)) return name;
  }
  return undefined;
}

/** One piece of evidence of the plan's environment in a provider configuration. */
export interface Claim {
  environment: string;
  kind: IdentityKind | "tags";
  id: string;
  provider: string;
}

export interface ProviderIdentity {
  provider: ProviderConfig;
  kind: IdentityKind;
  /** The identifier, or undefined when it is known only after apply. */
  id?: string;
  attribute: string;
}

/** Account id in an ARN: arn:partition:service:region:account:resource. */
export function accountOfArn(arn: string): string | undefined {
  const m = /^arn:[a-z-]+:[a-z0-9-]*:[a-z0-9-]*:(\d{12}):/.exec(arn);
  return m?.[1];
}

/** What each provider configuration says about where it points: AWS accounts, GCP project, Azure subscription. */
export function providerIdentities(model: Model): ProviderIdentity[] {
  const out: ProviderIdentity[] = [];
  for (const p of providerConfigs(model)) {
    const read = (expr: unknown) => expressionValue(model, expr, p.moduleAddress);
    if (p.name === "aws") {
      const ids = read(p.expressions["allowed_account_ids"]);
      if (ids.state === "known" && Array.isArray(ids.value)) {
        for (const id of ids.value)
          if (typeof id === "string")
            out.push({ provider: p, kind: "aws_account", id, attribute: "allowed_account_ids" });
      } else if (ids.state === "unknown")
        out.push({ provider: p, kind: "aws_account", attribute: "allowed_account_ids" });
      const assume = nestedBlock(p.expressions, "assume_role");
      const arn = assume ? read(assume["role_arn"]) : { state: "absent" as const };
      if (arn.state === "known" && typeof arn.value === "string") {
        const account = accountOfArn(arn.value);
        if (account) out.push({ provider: p, kind: "aws_account", id: account, attribute: "assume_role.role_arn" });
      } else if (arn.state === "unknown")
        out.push({ provider: p, kind: "aws_account", attribute: "assume_role.role_arn" });
    } else if (p.name === "google" || p.name === "google-beta") {
      const project = read(p.expressions["project"]);
      if (project.state === "known" && typeof project.value === "string")
        out.push({ provider: p, kind: "gcp_project", id: project.value, attribute: "project" });
      else if (project.state === "unknown") out.push({ provider: p, kind: "gcp_project", attribute: "project" });
    } else if (p.name === "azurerm") {
      const sub = read(p.expressions["subscription_id"]);
      if (sub.state === "known" && typeof sub.value === "string")
        out.push({ provider: p, kind: "azure_subscription", id: sub.value, attribute: "subscription_id" });
      else if (sub.state === "unknown")
        out.push({ provider: p, kind: "azure_subscription", attribute: "subscription_id" });
    }
  }
  return out;
}

/** AWS default_tags of each provider configuration, when known. */
function providerDefaultTags(model: Model, p: ProviderConfig): Record<string, unknown> | undefined {
  const block = nestedBlock(p.expressions, "default_tags");
  if (!block) return undefined;
  const tags = expressionValue(model, block["tags"], p.moduleAddress);
  return tags.state === "known" && typeof tags.value === "object" && tags.value !== null
    ? (tags.value as Record<string, unknown>)
    : undefined;
}

function claimsOf(model: Model, config: PlanguardConfig): Claim[] {
  const claims: Claim[] = [];
  for (const identity of providerIdentities(model)) {
    if (identity.id === undefined) continue;
    const environment = ownerOf(config, identity.kind, identity.id);
    if (environment)
      claims.push({ environment, kind: identity.kind, id: identity.id, provider: identity.provider.key });
  }
  for (const p of providerConfigs(model)) {
    const tags = providerDefaultTags(model, p);
    const environment = tags && environmentTaggedAs(config, tags);
    if (environment)
      claims.push({
        environment,
        kind: "tags",
        id: JSON.stringify(config.environments?.[environment]?.tags),
        provider: p.key,
      });
  }
  return claims;
}

export type Resolution =
  | { ok: true; name: string; declaration: EnvironmentDeclaration; how: string }
  | { ok: false; problem: string };

const HOW_TO_CHOOSE = "pass --environment <name> or set `environment:` in the config";

function describeClaim(c: Claim): string {
  return c.kind === "tags"
    ? `provider "${c.provider}" default_tags`
    : `${KIND_LABEL[c.kind]} ${c.id} (provider "${c.provider}")`;
}

/** Resolve without throwing: the rules stay silent without an environment, runScan turns the problem into an input error. */
export function resolveEnvironment(model: Model, config: PlanguardConfig): Resolution | undefined {
  const envs = config.environments;
  if (!envs) return undefined;
  const cached = CACHE.get(model);
  if (cached && cached.config === config) return cached.resolution;
  const resolution = computeResolution(model, config, envs);
  CACHE.set(model, { config, resolution });
  return resolution;
}

const CACHE = new WeakMap<Model, { config: PlanguardConfig; resolution: Resolution }>();

function computeResolution(
  model: Model,
  config: PlanguardConfig,
  envs: Record<string, EnvironmentDeclaration>,
): Resolution {
  if (config.environment !== undefined) {
    const declaration = envs[config.environment];
    if (!declaration)
      return {
        ok: false,
        problem: `environment "${config.environment}" is not declared under environments (declared: ${Object.keys(envs).join(", ")})`,
      };
    return { ok: true, name: config.environment, declaration, how: "chosen" };
  }
  if (model.format !== "plan")
    return {
      ok: false,
      problem: `a state carries no provider configuration to tell its environment from; ${HOW_TO_CHOOSE}`,
    };
  const claims = claimsOf(model, config);
  const names = [...new Set(claims.map((c) => c.environment))];
  if (names.length === 1)
    return {
      ok: true,
      name: names[0]!,
      declaration: envs[names[0]!]!,
      how: `detected from ${describeClaim(claims[0]!)}`,
    };
  if (names.length > 1) {
    const evidence = names
      .map(
        (n) =>
          `${n} (${claims
            .filter((c) => c.environment === n)
            .map(describeClaim)
            .join(", ")})`,
      )
      .join(" and ");
    return {
      ok: false,
      problem: `cannot tell which environment the plan is for: its provider configurations point at ${evidence}; ${HOW_TO_CHOOSE}`,
    };
  }
  const pending = providerIdentities(model).filter((i) => i.id === undefined);
  if (pending.length > 0) {
    const what = pending.map((i) => `provider "${i.provider.key}" ${i.attribute}`).join(", ");
    return {
      ok: false,
      problem: `cannot tell which environment the plan is for: ${what} is computed (known only after apply, or from a local or a module variable); ${HOW_TO_CHOOSE}`,
    };
  }
  return {
    ok: false,
    problem: `cannot tell which environment the plan is for: no provider configuration names an account, project, subscription or default tags declared under environments; ${HOW_TO_CHOOSE}`,
  };
}

/** For runScan: an environment that cannot be resolved stops the scan (exit 2) instead of silencing the rules. */
export function requireEnvironment(model: Model, config: PlanguardConfig): void {
  const resolution = resolveEnvironment(model, config);
  if (resolution && !resolution.ok) throw new InputError(model.file, resolution.problem);
}
