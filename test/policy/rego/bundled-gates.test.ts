import { describe, expect, it } from "vitest";
import { LIBRARY_OPTIONS } from "../../../src/policy/rego/compiled-cache.js";
import { GateReader } from "../../../src/policy/rego/library-index.js";
import { BUNDLED_POLICY_DIR, readPolicies } from "../../../src/policy/rego/runner.js";
import { compile } from "../../../src/rego/compiler/compile.js";

/**
 * A bundled rule module whose gate cannot be read runs for every plan, the
 * empty one included (docs/DESIGN.md, "The library revived lazily"); this
 * keeps a new rule from quietly adding to every scan's start-up.
 */
const HOW =
  "each deny/warn body must draw its resources from data.planguard.resources_by_type " +
  "(`some r in data.planguard.resources_by_type.T`, a type from a constant list, or a partial set or " +
  "helper whose every definition does so); see GateReader in src/policy/rego/library-index.ts";

describe("the bundled library's gates", () => {
  it("gate every bundled rule module by resource type", async () => {
    const sources = await readPolicies([BUNDLED_POLICY_DIR], true);
    const { modules } = compile(
      sources.map((s) => ({ file: s.file, text: s.text })),
      LIBRARY_OPTIONS,
    );
    const reader = new GateReader(modules);
    const ruleModules = modules.filter((m) => !(m.pkg[0] === "planguard" && m.pkg[1] === "lib"));
    // The library holds rules, so an empty list here would mean the policies were not read.
    expect(ruleModules.length).toBeGreaterThan(200);
    const ungated = ruleModules.filter((m) => reader.gateOf(m) === null).map((m) => `${m.file}: not gated: ${HOW}`);
    expect(ungated).toEqual([]);
  });
});
