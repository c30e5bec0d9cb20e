import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findCaseFiles, loadCaseFile } from "../../src/rego/conformance/loader.js";
import { runCase } from "../../src/rego/conformance/runner.js";
import { repoRoot, sharedMissing, sharedPath } from "../helpers/shared.js";

/**
 * The regorus conformance corpus must not lose ground: the number of passing
 * cases may only rise above the floor recorded in the repository (raise it
 * when the engine improves). Each known failure and its reason is in
 * docs/rego-known-failures.md.
 */
const floor = JSON.parse(readFileSync(path.join(repoRoot, "test", "rego", "conformance-floor.json"), "utf8")) as { regorus: number };
const missing = sharedMissing("rego-conformance", "regorus");

describe.skipIf(missing)("Rego conformance (regorus corpus)", () => {
  it(`passes at least ${floor.regorus} cases`, () => {
    const cases = findCaseFiles([sharedPath("rego-conformance", "regorus")]).flatMap((f) => loadCaseFile(f));
    const outcomes = cases.map((c) => runCase(c));
    const passed = outcomes.filter((o) => o.status === "pass").length;
    const failed = outcomes.filter((o) => o.status === "fail");
    console.log(`regorus corpus: ${passed} passed, ${failed.length} failed, ${outcomes.length - passed - failed.length} skipped`);
    if (passed < floor.regorus) console.log(failed.map((f) => `${f.file}: ${f.note}: ${f.reason}`).join("\n"));
    expect(passed).toBeGreaterThanOrEqual(floor.regorus);
  });
});
