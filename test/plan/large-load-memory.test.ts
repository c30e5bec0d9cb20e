import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COLLECT_AFTER_BYTES } from "../../src/plan/collect-garbage.js";
import { loadDocument } from "../../src/plan/load.js";

const MiB = 1024 * 1024;
const dir = mkdtempSync(path.join(tmpdir(), "planguard-large-load-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A plan of about `mib` MiB, nearly all of it in planned_values, which a scan leaves out. */
function largePlan(mib: number): string {
  const file = path.join(dir, `plan-${mib}.json`);
  const blob = "x".repeat(1000);
  const resources = Array.from({ length: Math.ceil((mib * MiB) / 1100) }, (_, i) => ({
    address: `aws_s3_bucket.b${i}`,
    values: { tags: { note: blob } },
  }));
  const plan = {
    format_version: "1.2",
    terraform_version: "1.9.8",
    planned_values: { root_module: { resources } },
    resource_changes: [
      {
        address: "aws_s3_bucket.a",
        mode: "managed",
        type: "aws_s3_bucket",
        name: "a",
        change: { actions: ["create"], before: null, after: { bucket: "a" }, after_unknown: {} },
      },
    ],
    configuration: { root_module: {} },
  };
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

/** The memory of the process's ArrayBuffers once the collector is done with what it freed (it may finish a moment later). */
async function settledArrayBuffers(atMost: number): Promise<number> {
  let bytes = process.memoryUsage().arrayBuffers;
  for (let i = 0; i < 50 && bytes > atMost; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    bytes = process.memoryUsage().arrayBuffers;
  }
  return bytes;
}

describe("the memory of a large plan's bytes", () => {
  it("is given back once the plan is loaded, not at the end of the scan", async () => {
    const file = largePlan(COLLECT_AFTER_BYTES / MiB + 8);
    const before = process.memoryUsage().arrayBuffers;
    const loaded = await loadDocument(file, { skipMembers: ["planned_values", "prior_state"] });
    expect(loaded.sizeBytes).toBeGreaterThan(COLLECT_AFTER_BYTES);
    expect(loaded.skipped).toEqual(["planned_values"]);
    expect(Object.keys(loaded.doc)).toContain("resource_changes");
    // The file was read into one buffer; what is left of it once loaded is noise.
    const after = await settledArrayBuffers(before + 4 * MiB);
    expect(after - before).toBeLessThan(4 * MiB);
  });
});
