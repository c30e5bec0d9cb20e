import { moduleCalls, providerConfigs } from "../../governance/configuration.js";
import { fail, modelRule, type Outcome } from "../../policy/rule.js";

/**
 * Reproducibility of the configuration itself: providers and modules that
 * resolve to the same code on every run. Version constraints and module
 * sources are literals in Terraform (never computed), so these rules are
 * never undecided.
 */

/** True when a constraint caps the version: `~>`, `=`, `<`, `<=` or a bare version. `>=`/`>`/`!=` alone leave it open. */
export function hasUpperBound(constraint: string): boolean {
  return constraint
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c !== "")
    .some((c) => /^(~>|=|<=?)\s*\S/.test(c) || /^v?\d/.test(c));
}

export const providerWithoutVersion = modelRule({
  id: "PG-GOV-004",
  title: "Provider without a version constraint",
  description:
    "A provider without a version constraint resolves to the newest release whenever the lock file is missing or refreshed; a major release can change defaults (and resources) underneath an unchanged configuration.",
  severity: "medium",
  category: "governance",
  remediation: "Declare the provider in `required_providers` with a constraint such as `~> 5.70`, and commit `.terraform.lock.hcl`.",
  check(ctx) {
    const out: Outcome[] = [];
    for (const p of providerConfigs(ctx.model)) {
      if (p.versionConstraint === undefined) out.push(fail(`Provider "${p.key}" (${p.fullName}) has no version constraint.`, `provider["${p.key}"].version_constraint`));
    }
    return out;
  },
});

export const providerLowerBoundOnly = modelRule({
  id: "PG-GOV-005",
  title: "Provider constrained by a lower bound only",
  description: "A constraint such as `>= 4.0` accepts every future major release, with the same risk as no constraint at all.",
  severity: "low",
  category: "governance",
  remediation: "Use a pessimistic constraint (`~> 5.70`) or add an upper bound (`>= 5.70, < 6.0`).",
  check(ctx) {
    const out: Outcome[] = [];
    for (const p of providerConfigs(ctx.model)) {
      if (p.versionConstraint !== undefined && !hasUpperBound(p.versionConstraint)) {
        out.push(fail(`Provider "${p.key}" is constrained by "${p.versionConstraint}" only: any future major release matches.`, `provider["${p.key}"].version_constraint`));
      }
    }
    return out;
  },
});

/** A Terraform registry address: [host/]namespace/name/system, optionally with //subdir. */
const REGISTRY_SOURCE = /^(?:[a-z0-9.-]+\.[a-z]{2,}\/)?[A-Za-z0-9][\w-]*\/[A-Za-z0-9][\w-]*\/[A-Za-z0-9][\w-]*(?:\/\/.*)?$/;
const GIT_SOURCE = /^(git::|git@|github\.com\/|bitbucket\.org\/|hg::)/;

function isLocal(source: string): boolean {
  return source.startsWith("./") || source.startsWith("../");
}

export function isRegistrySource(source: string): boolean {
  return !isLocal(source) && !GIT_SOURCE.test(source) && !source.includes("::") && REGISTRY_SOURCE.test(source);
}

/** The `ref` a git source pins, if any. */
export function gitRef(source: string): string | undefined {
  const query = source.split("?")[1];
  if (!query) return undefined;
  return new URLSearchParams(query).get("ref") ?? undefined;
}

/** A tag that names a release (v1.2.3, 1.2) or a full commit id; anything else may be a branch that moves. */
export function isPinnedRef(ref: string): boolean {
  return /^v?\d+(\.\d+){0,2}([-+][\w.-]+)?$/.test(ref) || /^[0-9a-f]{40}$/.test(ref);
}

export const registryModuleWithoutVersion = modelRule({
  id: "PG-GOV-006",
  title: "Registry module without a pinned version",
  description:
    "A module from a registry without `version`, or with a lower bound only, is fetched at its newest release on every `terraform init`: the same configuration builds different infrastructure over time.",
  severity: "medium",
  category: "governance",
  remediation: "Set `version` on the module block, e.g. `version = \"~> 5.1\"` or an exact release.",
  check(ctx) {
    const out: Outcome[] = [];
    for (const call of moduleCalls(ctx.model)) {
      if (!isRegistrySource(call.source)) continue;
      const attribute = `${call.address}.version`;
      if (call.versionConstraint === undefined) out.push(fail(`${call.address} uses ${call.source} without a version.`, attribute));
      else if (!hasUpperBound(call.versionConstraint)) out.push(fail(`${call.address} uses ${call.source} with "${call.versionConstraint}" only: any future major release matches.`, attribute));
    }
    return out;
  },
});

export const gitModuleWithoutPinnedRef = modelRule({
  id: "PG-GOV-007",
  title: "Git module without a ref pinned to a tag or commit",
  description:
    "A module from git without `?ref=`, or with a ref that is not a release tag or a full commit id (a branch such as `main`), changes whenever the branch moves.",
  severity: "medium",
  category: "governance",
  remediation: "Add `?ref=v1.4.2` (a release tag) or `?ref=<40-character commit id>` to the source.",
  check(ctx) {
    const out: Outcome[] = [];
    for (const call of moduleCalls(ctx.model)) {
      if (!GIT_SOURCE.test(call.source)) continue;
      const ref = gitRef(call.source);
      const attribute = `${call.address}.source`;
      if (ref === undefined) out.push(fail(`${call.address} uses a git source without ?ref=: it follows the default branch.`, attribute));
      else if (!isPinnedRef(ref)) out.push(fail(`${call.address} pins ref "${ref}", which is neither a release tag nor a full commit id.`, attribute));
    }
    return out;
  },
});

export const unapprovedModuleSource = modelRule({
  id: "PG-GOV-008",
  title: "Module from a source that is not approved",
  description:
    "With `governance.allowed_module_sources` set, every module that is not local to the repository must come from one of the listed prefixes (a private registry, the organisation's git host), so that third-party code is reviewed before it runs with deployment credentials.",
  severity: "high",
  category: "governance",
  remediation: "Use an approved module, mirror this one into an approved source, or add its prefix to `governance.allowed_module_sources` after review.",
  check(ctx) {
    const allowed = ctx.config.governance?.allowed_module_sources;
    if (!allowed || allowed.length === 0) return;
    const out: Outcome[] = [];
    for (const call of moduleCalls(ctx.model)) {
      // Local modules are part of the reviewed repository; nested ones inherit their parent's source.
      if (isLocal(call.source) || call.source === "") continue;
      if (!allowed.some((prefix) => call.source.startsWith(prefix))) out.push(fail(`${call.address} comes from ${call.source}, which is not an approved module source.`, `${call.address}.source`));
    }
    return out;
  },
});

export const reproducibilityRules = [providerWithoutVersion, providerLowerBoundOnly, registryModuleWithoutVersion, gitModuleWithoutPinnedRef, unapprovedModuleSource];
