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

/** A Terraform registry address: [host/]namespace/name/system, optionally with //subdir. */
const REGISTRY_SOURCE =
  /^(?:[a-z0-9.-]+\.[a-z]{2,}\/)?[A-Za-z0-9][\w-]*\/[A-Za-z0-9][\w-]*\/[A-Za-z0-9][\w-]*(?:\/\/.*)?$/;

export const GIT_SOURCE = /^(git::|git@|github\.com\/|bitbucket\.org\/|hg::)/;

export function isLocal(source: string): boolean {
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
