import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { tuneV8ForShortRuns } from "../../src/cli/v8-tuning.js";

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
});
