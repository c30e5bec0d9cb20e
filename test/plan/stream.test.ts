import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TopLevelScanner, type KeyMode } from "../../src/plan/json-stream.js";
import { loadDocument } from "../../src/plan/load.js";
import { buildModel } from "../../src/plan/model.js";
import { fixturePath, filesUnder, sharedMissing, sharedPath } from "../helpers/shared.js";

/** Feeds text to the scanner in chunks of `size` bytes and rebuilds the document. */
function scan(text: string, size: number, modes: Record<string, KeyMode> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const scanner = new TopLevelScanner({
    modeOf: (key) => {
      const mode = modes[key] ?? "value";
      if (mode === "elements") out[key] = [];
      return mode;
    },
    onValue: (key, value) => (out[key] = value),
    onElement: (key, element) => (out[key] as unknown[]).push(element),
  });
  const bytes = Buffer.from(text, "utf8");
  for (let i = 0; i < bytes.length; i += size) scanner.push(bytes.subarray(i, i + size));
  scanner.finish();
  return out;
}

describe("the streaming JSON scanner", () => {
  const text = JSON.stringify({
    format_version: "1.2",
    applyable: true,
    n: -1.5e3,
    nothing: null,
    tricky: 'braces } ] { [ and "quotes" \\ and ünïcødé 🚀',
    resource_changes: [{ a: 1, s: "x}]" }, [1, [2]], "str", 7, null, { nested: { deep: [{}] } }],
    skipped: { big: [1, 2, 3], s: "}" },
    empty: [],
  });

  for (const size of [1, 2, 3, 7, 64, 100_000]) {
    it(`splits a document into the same values in chunks of ${size} bytes`, () => {
      const got = scan(text, size, { resource_changes: "elements", skipped: "skip", empty: "elements" });
      const want = JSON.parse(text);
      delete want.skipped;
      expect(got).toEqual(want);
    });
  }

  it.each([
    ["[1]", /expected a JSON object/],
    ['{"a" 1}', /expected ':'/],
    ['{"a": 1 "b": 2}', /expected ',' or '}'/],
    ['{"a": [1,', /unexpected end/],
    ['{"resource_changes": {}}', /must be an array/],
    ['{"a": 1}}', /after the end/],
    ['{"a": tru}', /invalid JSON in "a"/],
  ])("refuses %s", (bad, message) => {
    expect(() => scan(bad, 3, { resource_changes: "elements" })).toThrow(message);
  });
});

describe.skipIf(sharedMissing("fixtures"))("streaming loads real plans like the ordinary loader", () => {
  const plans = filesUnder(sharedPath("fixtures"), (n) => n === "plan.json" || n === "output.json").filter((f) => !f.includes(`${path.sep}invalid${path.sep}`));
  for (const file of plans) {
    it(path.relative(sharedPath("fixtures"), file), async () => {
      const ordinary = buildModel(await loadDocument(file));
      if (ordinary.kind !== "plan") return;
      const streamed = buildModel(await loadDocument(file, { streamAboveBytes: 0 }));
      expect(streamed.resources.map((r) => [r.address, r.actions, r.after, r.before])).toEqual(ordinary.resources.map((r) => [r.address, r.actions, r.after, r.before]));
      expect(streamed.graph.size).toBe(ordinary.graph.size);
      if ("planned_values" in ordinary.document) expect(streamed.warnings.join(" ")).toMatch(/read streaming/);
    });
  }
});

describe("streaming redacts too", () => {
  it("keeps the planted secret out of the model", async () => {
    const model = buildModel(await loadDocument(fixturePath("plans", "secrets", "plan.json"), { streamAboveBytes: 0 }));
    expect(JSON.stringify(model.document)).not.toContain("PLANGUARD-SECRET-MARKER-7f3a");
    expect(model.resources.length).toBeGreaterThan(0);
  });

  it("loads a large state as a state (not refused as \"a state where a plan was expected\")", async () => {
    const file = fixturePath("plans", "state-basic.json");
    const ordinary = buildModel(await loadDocument(file));
    const streamed = buildModel(await loadDocument(file, { streamAboveBytes: 0 }));
    expect(streamed.kind).toBe("state");
    expect(streamed.resources.map((r) => [r.address, r.after])).toEqual(ordinary.resources.map((r) => [r.address, r.after]));
    await expect(loadDocument(file, { streamAboveBytes: 0, expect: "plan" })).rejects.toThrow(/this is a state, but a plan was expected/);
  });

  it("names the file and the byte offset of a syntax error", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "pg-stream-")), "plan.json");
    writeFileSync(file, readFileSync(fixturePath("rules", "PG-AWS-EBS-001", "fail.json"), "utf8").slice(0, 300));
    await expect(loadDocument(file, { streamAboveBytes: 0 })).rejects.toThrow(/invalid JSON at byte \d+: unexpected end of the file/);
  });
});
