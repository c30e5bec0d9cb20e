import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { streamTopLevel, TopLevelScanner, type KeyMode } from "../../src/plan/json-stream.js";
import { loadDocument } from "../../src/plan/load.js";
import { buildModel } from "../../src/plan/model.js";
import { runDrift } from "../../src/drift/run.js";
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
  const plans = filesUnder(sharedPath("fixtures"), (n) => n === "plan.json" || n === "output.json").filter(
    (f) => !f.includes(`${path.sep}invalid${path.sep}`),
  );
  for (const file of plans) {
    it(path.relative(sharedPath("fixtures"), file), async () => {
      const ordinary = buildModel(await loadDocument(file));
      if (ordinary.kind !== "plan") return;
      const streamed = buildModel(await loadDocument(file, { streamAboveBytes: 0 }));
      expect(streamed.resources.map((r) => [r.address, r.actions, r.after, r.before])).toEqual(
        ordinary.resources.map((r) => [r.address, r.actions, r.after, r.before]),
      );
      expect(streamed.graph.size).toBe(ordinary.graph.size);
      // Nothing left out unless asked: the same document, planned_values and prior_state included.
      expect(streamed.document).toEqual(ordinary.document);
      const lean = await loadDocument(file, { streamAboveBytes: 0, skipMembers: ["planned_values", "prior_state"] });
      expect(lean.skipped).toEqual(["planned_values", "prior_state"].filter((k) => k in ordinary.document));
      expect("prior_state" in lean.doc).toBe(false);
    });
  }
});

describe("streaming a file in small chunks", () => {
  it("gives the members JSON.parse gives, whatever the chunk size (values cross chunks, the chunk buffer is reused)", async () => {
    const file = fixturePath("drift", "refresh-only-scenario.json");
    const expected = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    for (const size of [1, 7, 64, 4096]) {
      const out: Record<string, unknown> = {};
      await streamTopLevel(
        file,
        {
          modeOf: (key) => (key === "resource_drift" ? "elements" : key === "prior_state" ? "skip" : "value"),
          onValue: (key, value) => (out[key] = value),
          onElement: (key, value) =>
            ((out[key] as unknown[] | undefined) ?? (out[key] = [])) && (out[key] as unknown[]).push(value),
        },
        size,
      );
      const { prior_state: _skipped, ...rest } = expected;
      expect(out).toEqual(rest);
    }
  });
});

describe("a value too large to read whole", () => {
  it("is refused by name, not as invalid JSON", () => {
    const scanner = new TopLevelScanner(
      { modeOf: () => "value", onValue: () => undefined, onElement: () => undefined },
      16,
    );
    const feed = () => {
      scanner.push(Buffer.from('{"small": [1, 2], "prior_state": {"values": {"root_module": {}}}}'));
      scanner.finish();
    };
    expect(feed).toThrow(/"prior_state" is 0 MB, too large to read as one value/);
  });
});

describe("drift over a streamed plan", () => {
  it("reports the same drift as over a plan read whole (prior_state is kept)", async () => {
    const plan = fixturePath("drift", "refresh-only-scenario.json");
    const whole = await runDrift({ target: { plan }, config: {} });
    const streamed = await runDrift({ target: { plan }, config: {}, load: { streamAboveBytes: 0 } });
    expect(streamed.summary).toEqual(whole.summary);
    // Streamed or not, the whole prior state is there: no warning that something was not loaded.
    expect(streamed.inputs.map((i) => i.warnings)).toEqual(whole.inputs.map((i) => i.warnings));
    expect(streamed.findings.map((f) => [f.ruleId, f.resource?.address])).toEqual(
      whole.findings.map((f) => [f.ruleId, f.resource?.address]),
    );
  });
});

describe("streaming redacts too", () => {
  it("keeps the planted secret out of the model", async () => {
    const model = buildModel(await loadDocument(fixturePath("plans", "secrets", "plan.json"), { streamAboveBytes: 0 }));
    expect(JSON.stringify(model.document)).not.toContain("PLANGUARD-SECRET-MARKER-7f3a");
    expect(model.resources.length).toBeGreaterThan(0);
  });

  it('loads a large state as a state (not refused as "a state where a plan was expected")', async () => {
    const file = fixturePath("plans", "state-basic.json");
    const ordinary = buildModel(await loadDocument(file));
    const streamed = buildModel(await loadDocument(file, { streamAboveBytes: 0 }));
    expect(streamed.kind).toBe("state");
    expect(streamed.resources.map((r) => [r.address, r.after])).toEqual(
      ordinary.resources.map((r) => [r.address, r.after]),
    );
    await expect(loadDocument(file, { streamAboveBytes: 0, expect: "plan" })).rejects.toThrow(
      /this is a state, but a plan was expected/,
    );
  });

  it("names the file and the byte offset of a syntax error", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "pg-stream-")), "plan.json");
    writeFileSync(file, readFileSync(fixturePath("rules", "PG-AWS-EBS-001", "fail.json"), "utf8").slice(0, 300));
    await expect(loadDocument(file, { streamAboveBytes: 0 })).rejects.toThrow(
      /invalid JSON at byte \d+: unexpected end of the file/,
    );
  });
});
