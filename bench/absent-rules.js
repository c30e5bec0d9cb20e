/**
 * Rego rules for resource types that no plan of the bench holds, made in
 * memory (never written to disk): what a rule of the bundled library costs
 * a scan whose plan has none of its type. Each is shaped as the library's
 * rules are: one package, METADATA with an id, iterating
 * `data.planguard.resources_by_type.<type>` and calling a lib helper.
 * `node bench/run.js --sizes 15k --absent-rules 300` measures them.
 */
export function absentTypeRules(n) {
  const rules = [];
  for (let i = 0; i < n; i++) {
    rules.push({
      file: `bench-absent/rule_${i}.rego`,
      text: `# METADATA
# title: bench rule ${i} for a resource type absent from the plan
# custom:
#   id: PG-BENCH-ABSENT-${i}
#   severity: medium
package planguard.bench_absent.rule_${i}

import data.planguard.lib

deny contains finding if {
\tsome r in data.planguard.resources_by_type.bench_absent_type_${i}
\tnot lib.is_unknown(r, ["encrypted"])
\tobject.get(r.after, "encrypted", false) != true
\tfinding := {"msg": sprintf("%s is not encrypted.", [r.address]), "resource": r.address, "attribute": "encrypted"}
}
`,
      bundled: false,
    });
  }
  return rules;
}
