import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSourceIndex } from "../../src/source/index.js";
import { filesUnder, fixturePath, sharedMissing, sharedPath } from "../helpers/shared.js";

/**
 * Real plans written by Terraform and OpenTofu, with their .tf sources:
 * copies kept in fixtures/source/real (MPL-2.0, see its README), and the
 * originals in ../shared when it is there.
 */
const copies = fixturePath("source", "real");

function plan(dir: string, name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(dir, name), "utf8"));
}

/** Every resource address a plan changes. */
function addresses(doc: Record<string, unknown>): string[] {
  return ((doc["resource_changes"] as { address: string }[] | undefined) ?? []).map((r) => r.address);
}

async function locateAll(dir: string, planFile: string) {
  const doc = plan(dir, planFile);
  const index = await buildSourceIndex({ sourceDir: dir, repoRoot: dir, configuration: doc["configuration"] });
  const state = await buildSourceIndex({ sourceDir: dir, repoRoot: dir });
  return addresses(doc).map((a) => ({ address: a, plan: index.locate(a), state: state.locate(a) }));
}

describe("locating in the real plans kept in fixtures/source/real", () => {
  it("deep_module: two nested local modules, with and without the configuration", async () => {
    expect(await locateAll(path.join(copies, "terraform-json", "deep_module"), "plan.json")).toEqual([
      {
        address: "module.foo.module.bar.null_resource.baz",
        plan: { file: "foo/bar/main.tf", line: 1, endLine: 1 },
        state: { file: "foo/bar/main.tf", line: 1, endLine: 1 },
      },
    ]);
  });

  it("registry_module: resources of a registry module point at its module block", async () => {
    const dir = path.join(copies, "terraform-json", "registry_module");
    const found = await locateAll(dir, "plan.json");
    expect(found).toEqual([
      {
        address: "module.module.null_resource.resource",
        plan: { file: "main.tf", line: 1, endLine: 4 },
        state: { file: "main.tf", line: 1, endLine: 4 },
      },
    ]);
    const index = await buildSourceIndex({
      sourceDir: dir,
      repoRoot: dir,
      configuration: plan(dir, "plan.json")["configuration"],
    });
    expect(index.locate("module.module.data.null_data_source.data")).toEqual({ file: "main.tf", line: 1, endLine: 4 });
  });

  it("OpenTofu nested-modules: a module in a module, each in its own directory", async () => {
    expect(await locateAll(path.join(copies, "opentofu-show-json", "nested-modules"), "output.json")).toEqual([
      {
        address: "module.my_module.module.more.test_instance.test",
        plan: { file: "modules/more-modules/main.tf", line: 5, endLine: 7 },
        state: { file: "modules/more-modules/main.tf", line: 5, endLine: 7 },
      },
    ]);
  });
});

const sharedCases: [string, string, string][] = [
  ["terraform-json", "deep_module", "plan.json"],
  ["terraform-json", "registry_module", "plan.json"],
  ["terraform-json", "basic", "plan.json"],
  ["opentofu-show-json", "nested-modules", "output.json"],
  ["opentofu-show-json", "modules", "output.json"],
];

describe.skipIf(sharedMissing("fixtures"))("the real plans in ../shared", () => {
  it.each(sharedCases)("%s/%s: every changed resource is found in the .tf sources", async (set, name, planFile) => {
    const dir = sharedPath("fixtures", set, name);
    const found = await locateAll(dir, planFile);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.plan, f.address).toBeDefined();
      expect(f.plan!.file.endsWith(".tf"), f.address).toBe(true);
      expect(f.plan!.line).toBeLessThanOrEqual(f.plan!.endLine!);
      // State (no configuration) finds the same blocks by following local module blocks.
      expect(f.state, f.address).toEqual(f.plan);
    }
  });

  it("basic: instances of one counted block share it; a local module's resource is in its directory", async () => {
    const dir = sharedPath("fixtures", "terraform-json", "basic");
    const found = Object.fromEntries((await locateAll(dir, "plan.json")).map((f) => [f.address, f.plan]));
    expect(found["null_resource.baz[0]"]).toEqual(found["null_resource.baz[2]"]);
    expect(found["module.foo.null_resource.aliased"]!.file).toBe("foo/main.tf");
    expect(found["data.null_data_source.baz"]!.file).toBe("resources.tf");
  });

  it("the copies in fixtures/source/real still match ../shared", () => {
    for (const [set, name] of [
      ["terraform-json", "deep_module"],
      ["terraform-json", "registry_module"],
      ["opentofu-show-json", "nested-modules"],
    ] as const) {
      const copy = path.join(copies, set, name);
      for (const file of filesUnder(copy, () => true)) {
        const rel = path.relative(copy, file);
        expect(readFileSync(file, "utf8"), `${set}/${name}/${rel}`).toBe(
          readFileSync(sharedPath("fixtures", set, name, rel), "utf8"),
        );
      }
    }
  });
});
