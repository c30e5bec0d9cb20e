import { describe, expect, it } from "vitest";
import { BUNDLED_RULES } from "../../src/rules/index.js";
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
const TABLES: RuleTable[] = [...encryptionTables, ...iamTables, ...networkTables, ...gpuTables, ...environmentTables, ...cloudTables, ...stateTables];

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
