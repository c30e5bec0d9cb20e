import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderRules } from "../../src/cli/rules.js";
import { BUNDLED_RULES } from "../../src/rules/index.js";
import { repoRoot } from "../helpers/shared.js";

describe("docs/rules.md", () => {
  it("matches what `planguard rules --format markdown` prints (regenerate with npm run docs:rules)", () => {
    const committed = readFileSync(`${repoRoot}/docs/rules.md`, "utf8");
    expect(committed).toBe(renderRules(BUNDLED_RULES.map((r) => r.meta), "markdown"));
  });
});
