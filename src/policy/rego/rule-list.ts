import { bundledRuleDocs } from "../rule.js";
import type { RuleMetadata } from "../types.js";
import { conftestKind, type ConftestKind } from "./conftest.js";
import type { RegoPackageInfo } from "./engine.js";
import { regoRuleMetadata } from "./metadata.js";

/**
 * Which rules of a Rego program a scan runs, with their metadata: every
 * deny, violation and warn rule (with an optional _suffix) of the bundled
 * packages and of the user's packages the namespaces select, as conftest
 * does. A module of its own (with the few it imports) so that the build,
 * which lists the bundled library's rules ahead (compiled-cache.ts), can key
 * that list by a hash of exactly the code that makes it.
 */
export interface RegoRule {
  meta: RuleMetadata;
  pkg: string;
  name: string;
  kind: ConftestKind;
  suffix: string;
}

const isBundledPackage = (p: string) => p === "planguard" || p.startsWith("planguard.");
// policies/lib: data.planguard.lib and its sub-packages (the test assertions) hold helpers, never rules.
const isHelperPackage = (p: string) => p === "planguard.lib" || p.startsWith("planguard.lib.") || p.endsWith("_test");

/** The conftest rules of these packages that a scan with these namespaces evaluates, with their metadata. */
export function listRegoRules(packages: readonly RegoPackageInfo[], namespaces: readonly string[] | "all"): RegoRule[] {
  const rules: RegoRule[] = [];
  for (const pkg of packages) {
    if (isHelperPackage(pkg.path)) continue;
    if (!isBundledPackage(pkg.path) && namespaces !== "all" && !namespaces.includes(pkg.path)) continue;
    const seen = new Set<string>();
    for (const rule of pkg.rules) {
      const kind = conftestKind(rule.name);
      if (!kind || seen.has(rule.name)) continue;
      seen.add(rule.name);
      const meta = regoRuleMetadata(pkg, rule.name, kind.kind, rule.annotation);
      // The bundled library is documented in docs/rules.md, as the TypeScript rules are.
      if (isBundledPackage(pkg.path) && meta.helpUri === undefined) meta.helpUri = bundledRuleDocs(meta.id);
      rules.push({ meta, pkg: pkg.path, name: rule.name, ...kind });
    }
  }
  return rules;
}
