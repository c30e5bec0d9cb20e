import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findCaseFiles, loadCaseFile } from "../../src/rego/conformance/loader.js";
import { runCase } from "../../src/rego/conformance/runner.js";
import { fixturePath, repoRoot, sharedMissing, sharedPath } from "../helpers/shared.js";

/**
 * The conformance corpora must not lose ground: the number of passing cases
 * may only rise above the floors recorded in the repository (raise them when
 * the engine improves). Each known failure and its reason is in
 * docs/rego-known-failures.md.
 *   regorus: ../shared/rego-conformance/regorus (regorus's cases)
 *   opa: ../shared/rego-conformance/opa/testdata (a part of OPA's own suite)
 *   opaFixtures: fixtures/rego-conformance/opa (OPA's cases the repository
 *     keeps, so that every clone runs them; v0/ in v0 syntax), held at 97%
 *     besides its floor
 */
const floor = JSON.parse(readFileSync(path.join(repoRoot, "test", "rego", "conformance-floor.json"), "utf8")) as Record<
  "regorus" | "opa" | "opaFixtures",
  number
>;

/** Runs every case under `dirs`; OPA keeps its v0-syntax cases under testdata/v0, read as v0. */
function runCorpus(name: string, ...dirs: { dir: string; regoVersion?: "v0" }[]): { passed: number; total: number } {
  const outcomes = dirs.flatMap(({ dir, regoVersion }) =>
    findCaseFiles([dir])
      .flatMap((f) => loadCaseFile(f))
      .map((c) => runCase(c, regoVersion ? { regoVersion } : {})),
  );
  const passed = outcomes.filter((o) => o.status === "pass").length;
  const failed = outcomes.filter((o) => o.status === "fail");
  console.log(
    `${name}: ${passed} passed, ${failed.length} failed, ${outcomes.length - passed - failed.length} skipped`,
  );
  if (passed < floor[name as keyof typeof floor])
    console.log(failed.map((f) => `${f.file}: ${f.note}: ${f.reason}`).join("\n"));
  return { passed, total: outcomes.length };
}

describe.skipIf(sharedMissing("rego-conformance", "regorus"))("Rego conformance (regorus corpus)", () => {
  it(`passes at least ${floor.regorus} cases`, () => {
    expect(runCorpus("regorus", { dir: sharedPath("rego-conformance", "regorus") }).passed).toBeGreaterThanOrEqual(
      floor.regorus,
    );
  });
});

describe.skipIf(sharedMissing("rego-conformance", "opa"))("Rego conformance (OPA's suite, shared part)", () => {
  it(`passes at least ${floor.opa} cases`, () => {
    expect(runCorpus("opa", { dir: sharedPath("rego-conformance", "opa", "testdata") }).passed).toBeGreaterThanOrEqual(
      floor.opa,
    );
  });
});

describe("Rego conformance (OPA's cases kept in fixtures)", () => {
  it(`passes at least ${floor.opaFixtures} cases, and 97% of them`, () => {
    const { passed, total } = runCorpus(
      "opaFixtures",
      { dir: fixturePath("rego-conformance", "opa", "testdata", "v1") },
      { dir: fixturePath("rego-conformance", "opa", "testdata", "v0"), regoVersion: "v0" },
    );
    expect(total).toBeGreaterThan(100);
    expect(passed).toBeGreaterThanOrEqual(floor.opaFixtures);
    expect(passed / total).toBeGreaterThanOrEqual(0.97);
  });
});
