/**
 * OPA's builtin functions, by name. The evaluator looks a call up here,
 * checks the arity, evaluates the arguments and calls impl. Builtins throw
 * BuiltinError for wrong operand types and failures; whether that fails the
 * query or makes the expression undefined is the evaluator's decision
 * (ctx.strict), as in OPA.
 */
import { aggregateBuiltins } from "./aggregates.js";
import { arrayBuiltins } from "./arrays.js";
import { bitsBuiltins } from "./bits.js";
import { comparisonBuiltins } from "./comparison.js";
import { conversionBuiltins } from "./conversions.js";
import { cryptoBuiltins } from "./crypto.js";
import { encodingBuiltins } from "./encoding.js";
import { globBuiltins } from "./glob.js";
import { globsMatchBuiltins } from "./globs-match.js";
import { graphqlBuiltins } from "./graphql.js";
import { jsonPatchBuiltins } from "./json-patch.js";
import { jsonSchemaBuiltins } from "./json-schema.js";
import { jwtBuiltins } from "./jwt.js";
import { netBuiltins } from "./net.js";
import { numberBuiltins } from "./numbers.js";
import { objectBuiltins } from "./objects.js";
import { regexBuiltins } from "./regex.js";
import { renderTemplateBuiltins } from "./render-template.js";
import { runtimeBuiltins } from "./runtime.js";
import { semverBuiltins } from "./semver.js";
import { setBuiltins } from "./sets.js";
import { stringBuiltins } from "./strings.js";
import { timeBuiltins } from "./time.js";
import { typeBuiltins } from "./type-predicates.js";
import { unitBuiltins } from "./units.js";
import type { BuiltinDef } from "./types.js";
import { walkBuiltins } from "./walk.js";
import { x509Builtins } from "./x509.js";

import { templateStringBuiltins } from "./template-string.js";

export { BuiltinError, BuiltinLimitError } from "./types.js";
export type { BuiltinContext, BuiltinDef } from "./types.js";
export { formatPrintArgs } from "./runtime.js";

const FAMILIES: readonly (readonly BuiltinDef[])[] = [
  comparisonBuiltins,
  numberBuiltins,
  setBuiltins,
  aggregateBuiltins,
  arrayBuiltins,
  objectBuiltins,
  jsonPatchBuiltins,
  jsonSchemaBuiltins,
  graphqlBuiltins,
  typeBuiltins,
  stringBuiltins,
  renderTemplateBuiltins,
  regexBuiltins,
  globBuiltins,
  globsMatchBuiltins,
  encodingBuiltins,
  unitBuiltins,
  timeBuiltins,
  netBuiltins,
  semverBuiltins,
  cryptoBuiltins,
  jwtBuiltins,
  x509Builtins,
  bitsBuiltins,
  conversionBuiltins,
  walkBuiltins,
  runtimeBuiltins,
  templateStringBuiltins,
];

/** OPA's deprecated builtins: rego.v1 (and OPA 1.0) reject calls to them. */
const DEPRECATED = new Set([
  "any",
  "all",
  "re_match",
  "net.cidr_overlap",
  "cast_array",
  "cast_set",
  "cast_string",
  "cast_boolean",
  "cast_null",
  "cast_object",
]);

function register(families: readonly (readonly BuiltinDef[])[]): Map<string, BuiltinDef> {
  const map = new Map<string, BuiltinDef>();
  for (const family of families) {
    for (const def of family) {
      if (map.has(def.name)) throw new Error(`builtin ${def.name} defined twice`);
      map.set(def.name, DEPRECATED.has(def.name) ? { ...def, deprecated: true } : def);
    }
  }
  return map;
}

export const BUILTINS: ReadonlyMap<string, BuiltinDef> = register(FAMILIES);
