import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { afterAll, describe, expect, it } from "vitest";
import {
  KEEP_YOUNG_GENERATION_UP_TO_BYTES,
  TUNE_FROM_BYTES,
  tuneV8ForPlans,
  tuneV8ForShortRuns,
} from "../../src/cli/v8-tuning.js";
import { repoRoot } from "../helpers/shared.js";

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
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
      // The tests below tune this process (the flags are V8's, for the whole process): V8's defaults
      // again for the test files that run after them in the same worker.
      if (measuredV8) setFlagsFromString("--turbo-inlining --semi-space-growth-factor=2");
    });
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

    // In a process of its own (tsc's output of the tuning), since the flag is the process's.
    const built = path.join(repoRoot, "dist", "cli", "v8-tuning.js");
    it.skipIf(!measuredV8 || !existsSync(built))(
      "keeps the young generation from growing for plans up to 48 MiB, not for larger ones",
      () => {
        /** The young generation's size after ~40 MB of small objects that stay alive, as a scan's model and findings do. */
        const youngAfterKeeping = (plans: string[]): number => {
          const script = `
            const { tuneV8ForPlans } = await import(${JSON.stringify(pathToFileURL(built).href)});
            const tuned = tuneV8ForPlans(${JSON.stringify(plans)});
            const kept = [];
            for (let i = 0; i < 300000; i++) kept.push({ i, name: "resource." + i, tags: [i, i + 1] });
            const { getHeapSpaceStatistics } = await import("node:v8");
            const young = getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size;
            console.log(JSON.stringify({ tuned: ${plans.length > 0} ? tuned : true, young, kept: kept.length }));`;
          const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
          expect(run.stderr).toBe("");
          const out = JSON.parse(run.stdout) as { tuned: boolean; young: number; kept: number };
          expect(out).toMatchObject({ tuned: true, kept: 300000 });
          return out.young;
        };
        const MiB = 1024 * 1024;
        // V8 grows its two semi-spaces from 1 MiB (a process's start) towards 16 MiB each when much survives.
        expect(youngAfterKeeping([])).toBeGreaterThanOrEqual(8 * MiB);
        expect(youngAfterKeeping([file("kept.json", KEEP_YOUNG_GENERATION_UP_TO_BYTES)])).toBeLessThanOrEqual(4 * MiB);
        // Sparse files: the sizes are what counts.
        const larger = [file("larger-a.json", KEEP_YOUNG_GENERATION_UP_TO_BYTES), file("larger-b.json", 1)];
        expect(youngAfterKeeping(larger)).toBeGreaterThanOrEqual(8 * MiB);
      },
    );
  });
});
