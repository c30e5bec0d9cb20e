import type { Model } from "../plan/model.js";
import type { Finding } from "../policy/types.js";
import { SourceIndex } from "../source/index.js";

/**
 * The locate stage: each finding gets the .tf file and line of its resource
 * block (or of the attribute inside it), and inline suppression comments in
 * the source apply to it, matched by rule id or by the rule's Checkov and
 * Trivy aliases.
 */
export interface SourceOptions {
  sourceDir: string;
  repoRoot: string;
}

export async function locateFindings(
  findings: readonly Finding[],
  model: Model,
  source: SourceOptions,
  aliasesOf: (ruleId: string) => readonly string[],
  today: string,
): Promise<void> {
  // Nothing of this file to place (a clean plan): no .tf files are listed or read.
  if (!findings.some((f) => f.resource && f.file === model.file)) return;
  const index = await SourceIndex.build({ ...source, configuration: model.document["configuration"] });
  for (const f of findings) {
    if (!f.resource || f.file !== model.file) continue;
    const where = await index.locate(f.resource.address, f.attribute);
    if (where) f.source = where;
    if (f.suppression) continue;
    const ids = new Set([f.ruleId, ...aliasesOf(f.ruleId)].map((id) => id.toUpperCase()));
    const match = (await index.inlineSuppressions(f.resource.address)).find(
      (s) => ids.has(s.ruleId.toUpperCase()) && (s.expires === undefined || s.expires >= today),
    );
    if (match) f.suppression = { kind: "inline", reason: match.reason, origin: `${match.file}:${match.line}` };
  }
}
