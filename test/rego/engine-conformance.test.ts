import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCases } from "../../src/rego/conformance/cases.js";
import { runCase } from "../../src/rego/conformance/run.js";
import { repoRoot, sharedMissing, sharedPath } from "../helpers/shared.js";

/**
 * The regorus conformance corpus must not lose ground: the number of
 * passing cases may only rise above the floor recorded in the repository
 * (raise it when the engine improves). Known failures and their reasons are
 * in docs/rego-known-failures.md.
 */
const floor = JSON.parse(readFileSync(path.join(repoRoot, "test", "rego", "engine-conformance-floor.json"), "utf8")) as { regorus: number };

describe.skipIf(sharedMissing("rego-conformance", "regorus"))("Rego conformance (regorus corpus)", () => {
  it(`passes at least ${floor.regorus} cases`, () => {
    const results = loadCases([sharedPath("rego-conformance", "regorus")]).map(runCase);
    const passed = results.filter((r) => r.status === "pass").length;
    const failed = results.filter((r) => r.status === "fail").length;
    console.log(`regorus corpus: ${passed} passed, ${failed} failed, ${results.length - passed - failed} skipped`);
    expect(passed).toBeGreaterThanOrEqual(floor.regorus);
  });
});
