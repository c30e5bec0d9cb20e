import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { BUNDLED_RULES } from "../../src/rules/index.js";
import { repoRoot } from "../helpers/shared.js";
import { testRule, type RuleTable } from "./rule-tester.js";
import { encryptionTables } from "./tables/encryption.js";
import { gpuTables } from "./tables/gpu.js";
import { cloudTables } from "./tables/governance-clouds.js";
import { environmentTables } from "./tables/governance-environments.js";
import { stateTables } from "./tables/governance-state.js";
import { iamTables } from "./tables/iam.js";
import { networkTables } from "./tables/network.js";

/**
 * Every TypeScript rule's table (tables/<pillar>*.ts), run here and held to
 * the registry: one per bundled rule, with every kind of case. One test
 * file for all of them: the cases take milliseconds, importing the rules
 * takes seconds.
 */
const TABLES: RuleTable[] = [
  ...encryptionTables,
  ...iamTables,
  ...networkTables,
  ...gpuTables,
  ...environmentTables,
  ...cloudTables,
  ...stateTables,
];

/** The modules under src/rules/<pillar>/<cloud>/: one rule each. */
function ruleModules(): string[] {
  const rules = path.join(repoRoot, "src", "rules");
  const dirs = (dir: string) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(dir, e.name));
  return dirs(rules)
    .flatMap(dirs)
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith(".ts"))
        .map((f) => path.join(dir, f)),
    )
    .sort();
}

const isRule = (v: unknown): boolean =>
  typeof v === "object" && v !== null && "meta" in v && "check" in v && "kind" in v;

describe("the registry", () => {
  it("is every module under src/rules/<pillar>/<cloud>/, each exporting exactly one rule", async () => {
    const modules = ruleModules();
    expect(modules.length).toBeGreaterThan(0);
    const found = [];
    for (const file of modules) {
      const exported = Object.values(await import(pathToFileURL(file).href)).filter(isRule);
      expect(exported.length, `${path.relative(repoRoot, file)} exports ${exported.length} rules`).toBe(1);
      found.push(exported[0]);
    }
    expect(found.length).toBe(BUNDLED_RULES.length);
    for (const rule of BUNDLED_RULES) expect(found).toContain(rule);
  });
});

describe("rule tables", () => {
  it("cover every bundled TypeScript rule once, and nothing else", () => {
    const tabled = TABLES.map((t) => t.rule.meta.id);
    expect(new Set(tabled).size).toBe(tabled.length);
    expect([...tabled].sort()).toEqual(BUNDLED_RULES.map((r) => r.meta.id).sort());
    // The very rule objects the registry holds, not copies.
    for (const t of TABLES) expect(BUNDLED_RULES).toContain(t.rule);
  });

  for (const t of TABLES) {
    it(`${t.rule.meta.id} has valid, invalid and undecided cases, uniquely named`, () => {
      expect(t.valid.length).toBeGreaterThan(0);
      expect(t.invalid.length).toBeGreaterThan(0);
      expect(t.undecided.length).toBeGreaterThan(0);
      const names = [...t.valid, ...t.invalid, ...t.undecided].map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
    });
  }
});

for (const table of TABLES) testRule(table);
