import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module without types
import { SPECS } from "../../bench/equivalents.js";
import { loadInventories, totals } from "../../scripts/coverage.mjs";
import { bundledRuleMetadata } from "../../src/cli/rules.js";
import { readBundledPolicies } from "../../src/policy/rego/load.js";
import { BUILTINS } from "../../src/rego/builtins/index.js";
import { repoRoot } from "../helpers/shared.js";

/**
 * Counts typed into the docs ("116 rules", "183 builtins") go stale when a
 * rule or builtin is added. Each count below is read from the code and
 * compared with every place a doc states it, so a change that moves a count
 * fails here until the docs say the new number (benchmark tables that state
 * a count describe what the bench ran: rerun it, or say which count it ran).
 *
 * Each phrase is matched with any whitespace between its words (docs are
 * rewrapped), `#` standing for the number. A phrase that no longer matches
 * fails too: reword the table here with the doc, never drop a check silently.
 */
interface CountedFact {
  what: string;
  count: () => Promise<number>;
  /** By doc file (relative to the repository root): the phrases that state the count. */
  statedIn: Record<string, string[]>;
}

/** Loading the bundled Rego library takes about a second: once for the table. */
let ruleList: ReturnType<typeof bundledRuleMetadata> | undefined;
const rules = () => (ruleList ??= bundledRuleMetadata());

/** The coverage inventory's totals, overall and for one provider, as docs/coverage.md prints them. */
function coverage(provider?: string) {
  const inventories = loadInventories() as { provider: string; checks: { status: string }[] }[];
  return totals(inventories.filter((i) => !provider || i.provider === provider).flatMap((i) => i.checks)) as {
    checks: number;
    related: number;
    applicable: number;
    equivalent: number;
    percent: number;
  };
}
/** A percentage as the README rounds it (92.9 -> 93). */
const rounded = (percent: number) => Math.round(percent);

const FACTS: CountedFact[] = [
  {
    what: "checks in the coverage inventory",
    count: async () => coverage().checks,
    statedIn: { "README.md": ["network isolation (# checks, each read"] },
  },
  {
    what: "equivalent checks in the coverage inventory",
    count: async () => coverage().equivalent,
    statedIn: { "README.md": ["Today # of the"] },
  },
  {
    what: "related checks in the coverage inventory",
    count: async () => coverage().related,
    statedIn: { "README.md": ["The # related checks"] },
  },
  {
    what: "applicable checks in the coverage inventory",
    count: async () => coverage().applicable,
    statedIn: { "README.md": ["of the # that a plan can decide"] },
  },
  {
    what: "percent of applicable checks with an equivalent (rounded)",
    count: async () => rounded(coverage().percent),
    statedIn: { "README.md": ["that a plan can decide (#%)", "coverage is #% of the applicable"] },
  },
  ...(
    [
      ["aws", "AWS"],
      ["google", "Google Cloud"],
      ["azurerm", "Azure"],
    ] as const
  ).map(([provider, name]) => ({
    what: `percent of ${name}'s applicable checks with an equivalent (rounded)`,
    count: async () => rounded(coverage(provider).percent),
    statedIn: { "README.md": [`${name} #%`] },
  })),
  {
    what: "bundled Rego rules",
    count: async () => (await rules()).filter((r) => r.language === "rego").length,
    statedIn: {
      "README.md": ["bundled Rego library (# rules)"],
      "docs/DESIGN.md": ["The # bundled Rego rules"],
      "docs/performance.md": ["bundled Rego library (# rules)"],
    },
  },
  {
    what: "bundled TypeScript rules",
    count: async () => (await rules()).filter((r) => r.language === "typescript").length,
    statedIn: {
      "README.md": ["TypeScript rules (#)"],
      "docs/performance.md": ["TypeScript rules (#)"],
    },
  },
  {
    what: "GPU rules",
    count: async () => (await rules()).filter((r) => r.category === "gpu").length,
    statedIn: { "docs/DESIGN.md": ["scope, capacity, # rules)"] },
  },
  {
    // internal.template_string is the engine's, for template strings; a policy cannot call it.
    what: "builtins a policy can call",
    count: async () => [...BUILTINS.keys()].filter((name) => !name.startsWith("internal.")).length,
    statedIn: { "README.md": ["# builtins including"] },
  },
  {
    what: "bundled policy modules (the build's AST cache)",
    count: async () => (await readBundledPolicies()).length,
    statedIn: { "docs/DESIGN.md": ["(# modules, ~"] },
  },
  {
    what: "benchmark Rego rules (bench/policies, from bench/equivalents.js)",
    count: async () => (SPECS as unknown[]).length,
    statedIn: {
      "README.md": ["# conftest-style Rego rules"],
      "docs/DESIGN.md": ["# Rego rules and their TypeScript equivalents"],
      "docs/performance.md": [
        "where the # Rego rules run",
        "# conftest-style rules",
        "| # Rego rules vs TS",
        "# bench rules",
      ],
      "src/rego/README.md": ["bench/policies (# rules)"],
    },
  },
];

/** A phrase as a pattern: words separated by any whitespace, `#` capturing the number. */
function phrasePattern(phrase: string): RegExp {
  const words = phrase
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace("#", "(\\d[\\d,]*)"));
  return new RegExp(words.join("\\s+"), "g");
}

/** Every number the doc states with this phrase. */
function statedNumbers(text: string, phrase: string): number[] {
  return [...text.matchAll(phrasePattern(phrase))].map((m) => Number(m[1]!.replace(/,/g, "")));
}

describe("counts stated in the docs", () => {
  it("reads a number out of a rewrapped phrase, and only from that phrase", () => {
    expect(
      statedNumbers("the bundled Rego library\n  (116 rules) and (9 rules)", "bundled Rego library (# rules)"),
    ).toEqual([116]);
    expect(statedNumbers("1,024 builtins including", "# builtins including")).toEqual([1024]);
    expect(statedNumbers("a 116-rule library", "# rules")).toEqual([]);
  });

  for (const fact of FACTS) {
    it(`the number of ${fact.what} is the code's`, async () => {
      const actual = await fact.count();
      expect(actual).toBeGreaterThan(0);
      for (const [file, phrases] of Object.entries(fact.statedIn)) {
        const text = readFileSync(path.join(repoRoot, file), "utf8");
        for (const phrase of phrases) {
          const stated = statedNumbers(text, phrase);
          expect(
            stated.length,
            `${file} no longer says "${phrase}": update this test's table with the doc`,
          ).toBeGreaterThan(0);
          for (const n of stated)
            expect(n, `${file}: "${phrase.replace("#", String(n))}", but the code has ${actual} ${fact.what}`).toBe(
              actual,
            );
        }
      }
    });
  }
});
