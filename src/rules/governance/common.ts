import type { EnvironmentDeclaration, PlanguardConfig } from "../../config/config.js";
import { ownerOf, providerIdentities, resolveEnvironment, type IdentityKind } from "../../governance/environments.js";
import type { Model, Resource } from "../../plan/model.js";
import { readAttribute } from "../read.js";
import { fail, unknown, type Outcome, type RuleContext } from "../../policy/rule.js";

/** Shared by the governance rules: the plan's environment, and walking a resource's string values. */

export interface CurrentEnvironment {
  name: string;
  declaration: EnvironmentDeclaration;
}

/** The environment the plan is for; undefined (every environment rule silent) without `environments` in the config. */
export function currentEnvironment(ctx: RuleContext): CurrentEnvironment | undefined {
  const resolution = resolveEnvironment(ctx.model, ctx.config);
  return resolution?.ok ? { name: resolution.name, declaration: resolution.declaration } : undefined;
}

/** A rule's runsWhen for the rules that judge nothing without the plan's environment. */
export function environmentKnown(ctx: RuleContext): boolean {
  return currentEnvironment(ctx) !== undefined;
}

/** The other environment owning an identifier, or undefined when it is ours or nobody's. */
export function foreignOwner(
  config: PlanguardConfig,
  env: CurrentEnvironment,
  kind: IdentityKind,
  id: string,
): string | undefined {
  const owner = ownerOf(config, kind, id);
  return owner !== undefined && owner !== env.name ? owner : undefined;
}

/** The redaction placeholder: a sensitive value is never read, matched or echoed. */
const REDACTED = "(sensitive value)";

export interface StringLeaf {
  path: string;
  value: string;
}

/** Several rules walk the same resource's strings (ARNs, project paths, subscription ids): walked once. */
const LEAVES = new WeakMap<Resource, StringLeaf[]>();

/** Every string value under a resource's `after` (its known values), with its dotted path; redacted values left out. */
export function stringLeaves(r: Resource): readonly StringLeaf[] {
  let leaves = LEAVES.get(r);
  if (!leaves) LEAVES.set(r, (leaves = walkStrings(r)));
  return leaves;
}

function walkStrings(r: Resource): StringLeaf[] {
  const out: StringLeaf[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === "string") {
      if (v !== REDACTED) out.push({ path, value: v });
    } else if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, path === "" ? String(i) : `${path}.${i}`);
    } else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) walk(x, path === "" ? k : `${path}.${k}`);
  };
  walk(r.after, "");
  return out;
}

/** Dotted paths of `after_unknown` that are true: values only apply will tell. */
export function unknownPaths(r: Resource): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (v === true) out.push(path);
    else if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, path === "" ? String(i) : `${path}.${i}`);
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) walk(x, path === "" ? k : `${path}.${k}`);
  };
  walk(r.afterUnknown, "");
  return out;
}

/** Tags (AWS, Azure) or labels (GCP) of a resource after the change, including provider default tags once known. */
export function tagsOf(r: Resource): { labels: Record<string, unknown>; path: string } | undefined {
  const after = r.after;
  if (!after) return undefined;
  for (const path of ["tags_all", "tags", "effective_labels", "labels"]) {
    const v = after[path];
    if (v && typeof v === "object" && !Array.isArray(v)) return { labels: v as Record<string, unknown>, path };
  }
  return undefined;
}

/** An unknown value set from a resource this plan manages lives in the plan's own accounts; one from a data source or remote state could be anywhere. */
export function unknownFromOutside(model: Model, r: Resource, path: string): boolean {
  // Only what the configuration writes, to its leaf: computed attributes (id, arn, a block's defaults) say nothing.
  const written = expressionAt(model.graph.expressionsOf(r.configAddress), path);
  if (!written || !Array.isArray(written["references"])) return false;
  if (readAttribute(model, r, path).state !== "unknown") return false;
  return written["references"].some(
    (ref) =>
      typeof ref === "string" && (ref.startsWith("data.") || (ref.startsWith("module.") && ref.includes(".data."))),
  );
}

/** The configuration's expression for a dotted attribute path (`boot_disk.0.kms_key_self_link`), if it writes one. */
export function expressionAt(
  expressions: Record<string, unknown> | undefined,
  path: string,
): Record<string, unknown> | undefined {
  let node: unknown = expressions;
  for (const step of path.split(".")) {
    if (Array.isArray(node)) node = node[Number(step)] ?? node[0];
    else if (node && typeof node === "object") node = (node as Record<string, unknown>)[step];
    else return undefined;
  }
  return node && typeof node === "object" && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
}

/**
 * Undecided outcomes for the attributes (filtered by `judged`) whose values
 * apply will tell and that come from outside this plan's managed resources:
 * a data source read late, remote state. Values from resources the plan
 * manages belong to the plan's own environment.
 */
export function outsideUnknowns(model: Model, r: Resource, judged: (path: string) => boolean, what: string): Outcome[] {
  const out: Outcome[] = [];
  for (const path of unknownPaths(r)) {
    if (judged(path) && unknownFromOutside(model, r, path))
      out.push(unknown(`${what} in ${path} comes from outside this plan and is known only after apply.`, path));
  }
  return out;
}

/**
 * The provider-level check every cloud shares: each provider configuration
 * whose identity of `kind` (an AWS account, a GCP project, an Azure
 * subscription) another environment owns, and each whose identity is known
 * only after apply. Nothing without a current environment.
 */
export function foreignProviders(ctx: RuleContext, kind: IdentityKind, noun: string): Outcome[] | undefined {
  const env = currentEnvironment(ctx);
  if (!env) return undefined;
  const out: Outcome[] = [];
  for (const id of providerIdentities(ctx.model)) {
    if (id.kind !== kind) continue;
    const attribute = `provider["${id.provider.key}"].${id.attribute}`;
    if (id.id === undefined) {
      out.push(
        unknown(`The ${noun} of provider "${id.provider.key}" (${id.attribute}) is known only after apply.`, attribute),
      );
      continue;
    }
    const owner = foreignOwner(ctx.config, env, kind, id.id);
    if (owner)
      out.push(
        fail(
          `Provider "${id.provider.key}" of this ${env.name} plan uses ${noun} ${id.id}, which belongs to ${owner}.`,
          attribute,
        ),
      );
  }
  return out;
}
