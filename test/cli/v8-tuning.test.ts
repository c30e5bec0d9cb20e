import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TUNE_FROM_BYTES, tuneV8ForPlans, tuneV8ForShortRuns } from "../../src/cli/v8-tuning.js";

const measuredV8 = process.versions.v8.startsWith("11.");

describe("V8 tuning of the command line", () => {
  it("applies only to the V8 it was measured on, so no other V8 is given a flag it might not know", () => {
    expect(tuneV8ForShortRuns("12.4.254.21-node.33")).toBe(false);
    expect(tuneV8ForShortRuns("13.6.233.10-node.27")).toBe(false);
  });

  it.skipIf(!measuredV8)(
    "this V8 takes the flag silently (skipped on other Node versions: the tuning is not applied there)",
    () => {
      const run = spawnSync(
        process.execPath,
        ["-e", 'require("node:v8").setFlagsFromString("--no-turbo-inlining"); console.log("set")'],
        { encoding: "utf8" },
      );
      expect(run.stderr).toBe("");
      expect(run.stdout.trim()).toBe("set");
      // A flag V8 does not know is not silent: that is why the tuning checks the version.
      const unknown = spawnSync(
        process.execPath,
        ["-e", 'require("node:v8").setFlagsFromString("--no-such-planguard-flag")'],
        { encoding: "utf8" },
      );
      expect(unknown.stderr).toMatch(/unrecognized flag/);
    },
  );

  describe("for a scan, by the size of its plans", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-v8-tuning-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = (name: string, bytes: number): string => {
      const f = path.join(dir, name);
      writeFileSync(f, "");
      truncateSync(f, bytes);
      return f;
    };

    it("leaves V8 alone for small plans and plans that cannot be read (their load reports them)", () => {
      const small = file("small.json", 1000);
      expect(tuneV8ForPlans([small], process.versions.v8)).toBe(false);
      expect(tuneV8ForPlans([small, path.join(dir, "missing.json")], process.versions.v8)).toBe(false);
      expect(tuneV8ForPlans([], process.versions.v8)).toBe(false);
    });

    it("never tunes another V8, whatever the plans", () => {
      expect(tuneV8ForPlans(["-", file("big-other.json", TUNE_FROM_BYTES)], "12.4.254.21-node.33")).toBe(false);
    });

    it.skipIf(!measuredV8)("tunes for a large plan, plans large together, and standard input (size unknown)", () => {
      expect(tuneV8ForPlans([file("big.json", TUNE_FROM_BYTES)])).toBe(true);
      const half = TUNE_FROM_BYTES / 2;
      expect(tuneV8ForPlans([file("half-a.json", half - 1)])).toBe(false);
      expect(tuneV8ForPlans([file("half-a.json", half - 1), file("half-b.json", half + 1)])).toBe(true);
      expect(tuneV8ForPlans(["-"])).toBe(true);
    });
  });
});
