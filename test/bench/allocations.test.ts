import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath, repoRoot } from "../helpers/shared.js";

/**
 * bench/allocations.js: the sampling heap profile of a whole scan run from
 * the built program bundle, mapped through its source map to src/ lines. What it prints is statistical; what must hold is that the
 * scan ran (its exit code travels back), that the samples are named by
 * source file and line through tsc's source maps, and that the survivors
 * are a part of what was allocated.
 */

const PROGRAM = path.join(repoRoot, "dist", "cli", "planguard-program.cjs");
const missing = existsSync(PROGRAM) ? undefined : `skipped: ${PROGRAM} is absent (run npm run build)`;
if (missing) console.warn(missing);

describe.skipIf(missing)("bench/allocations.js", () => {
  it("profiles a scan with findings and names allocation sites by src/ file and line", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-allocations-"));
    try {
      const out = path.join(dir, "sites.json");
      const plan = fixturePath("rules", "PG-AWS-EBS-001", "fail.json");
      const run = spawnSync(
        process.execPath,
        [
          path.join(repoRoot, "bench", "allocations.js"),
          "--top",
          "5",
          "--interval",
          "1024",
          "--json",
          out,
          "--",
          "scan",
          plan,
        ],
        { encoding: "utf8", cwd: repoRoot },
      );
      expect(run.status, run.stderr).toBe(0);
      // The fixture breaks its rule: the scan's exit code 1 comes back from both profiled processes.
      expect(run.stderr).toContain("scan exit codes: 1, 1");
      expect(run.stderr).toContain("allocated, by site");
      expect(run.stderr).toContain("survived the young generation, by file");
      const { allocated, survived } = JSON.parse(readFileSync(out, "utf8")) as Record<string, Record<string, number>>;
      const sites = Object.keys(allocated ?? {});
      expect(sites.some((site) => /^\S+ src\/plan\/[\w-]+\.ts:\d+$/.test(site))).toBe(true);
      expect(sites.some((site) => / \((built-in|node:\w+)\) in \S+ src\/[\w/-]+\.ts:\d+$/.test(site))).toBe(true);
      const total = (sites: Record<string, number>) => Object.values(sites).reduce((a, b) => a + b, 0);
      expect(total(survived ?? {})).toBeGreaterThan(0);
      expect(total(survived ?? {})).toBeLessThan(total(allocated ?? {}));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("refuses to run without a scan to profile", () => {
    const run = spawnSync(process.execPath, [path.join(repoRoot, "bench", "allocations.js"), "--top", "5"], {
      encoding: "utf8",
      cwd: repoRoot,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("give the scan to profile after --");
  });
});
