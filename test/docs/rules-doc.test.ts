import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundledRuleMetadata, renderRules } from "../../src/cli/rules.js";
import { CATEGORIES } from "../../src/policy/types.js";
import { repoRoot } from "../helpers/shared.js";

describe("docs/rules.md", () => {
  it("matches what `planguard rules --format markdown` prints (regenerate with npm run docs:rules)", async () => {
    const committed = readFileSync(`${repoRoot}/docs/rules.md`, "utf8");
    expect(committed).toBe(renderRules(await bundledRuleMetadata(), "markdown"));
  });

  it("lists a unique id, a title, a severity, a category, a description and remediation for every rule", async () => {
    const rules = await bundledRuleMetadata();
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^PG-[A-Z0-9]+-[A-Z0-9]+(-[A-Z0-9]+)?$/);
      for (const field of [r.title, r.description, r.remediation]) expect(field).toMatch(/\S/);
      expect(CATEGORIES).toContain(r.category);
    }
  });
});
