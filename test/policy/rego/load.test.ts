import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readBundledPolicies } from "../../../src/policy/rego/load.js";
import { BUNDLED_POLICY_DIR, readPolicies } from "../../../src/policy/rego/runner.js";

describe("reading the bundled policies", () => {
  it("gives what readPolicies gives", async () => {
    expect(await readBundledPolicies()).toStrictEqual(await readPolicies([BUNDLED_POLICY_DIR], true));
  });

  it("leaves odd trees to readPolicies", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "planguard-bundled-"));
    const policies = path.join(root, "policies");
    mkdirSync(path.join(policies, "a", ".hidden"), { recursive: true });
    mkdirSync(path.join(policies, "node_modules"), { recursive: true });
    writeFileSync(path.join(policies, "a", "x.rego"), "package a\n");
    writeFileSync(path.join(policies, "a", "x_test.rego"), "package a\n");
    writeFileSync(path.join(policies, "a", ".y.rego"), "package a\n");
    writeFileSync(path.join(policies, "a", ".hidden", "z.rego"), "package a\n");
    writeFileSync(path.join(policies, "node_modules", "n.rego"), "package a\n");
    writeFileSync(path.join(policies, "b_c.rego"), "package b\n");
    mkdirSync(path.join(policies, "b"));
    writeFileSync(path.join(policies, "b", "c.rego"), "package b\n");
    expect(await readBundledPolicies(policies)).toStrictEqual(await readPolicies([policies], true));
    symlinkSync(path.join(policies, "a"), path.join(policies, "link"));
    expect(await readBundledPolicies(policies)).toStrictEqual(await readPolicies([policies], true));
  });
});
