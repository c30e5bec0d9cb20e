import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegoPolicies } from "../../src/policy/rego/load.js";
import { runScan } from "../../src/scan/run.js";
import { runCli } from "../helpers/cli.js";
import { filesUnder, fixturePath } from "../helpers/shared.js";

/**
 * Every real plan in fixtures/real-plans (Terraform 0.12 to 1.x, plan format
 * 0.1 to 1.2, OpenTofu, and the derived Terraform 1.0.x drift shape) is
 * scanned with every bundled rule: none may be refused or make a rule fail.
 * States are scanned too; the two JSON files that are neither are refused.
 */
const root = fixturePath("real-plans");
const NOT_PLAN_OR_STATE = new Set(["terraform-json/basic/functions.json", "terraform-json/state_stores/single_store.json"]);
const files = filesUnder(root, (n) => n.endsWith(".json") || n.endsWith(".tfstate"))
  .map((f) => path.relative(root, f).split(path.sep).join("/"))
  .filter((rel) => !NOT_PLAN_OR_STATE.has(rel))
  .sort();
const rego = await loadRegoPolicies({ paths: [], dataFiles: [], namespaces: ["main"], bundled: true });

describe("every real plan is read", () => {
  it("has the corpus: plan formats 0.1 to 1.2, Terraform and OpenTofu", () => {
    expect(files.length).toBeGreaterThan(45);
    expect(files.some((f) => f.startsWith("opentofu-show-json/"))).toBe(true);
    expect(files.some((f) => f.startsWith("derived/"))).toBe(true);
  });

  for (const rel of files) {
    it(`scans ${rel}`, async () => {
      const result = await runScan({ files: [path.join(root, rel)], config: {}, rego });
      expect(result.failures).toEqual([]);
      expect(result.inputs).toHaveLength(1);
    });
  }

  it("exits 0 or 1, never 2, from the command line over all of them at once", async () => {
    const run = await runCli(["scan", "--no-color", "-f", "json", ...files.map((f) => path.join(root, f))]);
    expect(run.stderr).not.toMatch(/error/i);
    expect([0, 1]).toContain(run.code);
  });
});
