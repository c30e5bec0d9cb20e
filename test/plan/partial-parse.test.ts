import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keptPieces } from "../../src/plan/json-members.js";
import { PARTIAL_PARSE_MIN_BYTES, parseJsonBytesWithout } from "../../src/plan/json-text.js";
import { parseDocument } from "../../src/plan/load.js";
import { buildModel } from "../../src/plan/model.js";

/** The members as the scan finds them, each value parsed from its byte range. */
function membersOf(text: string): Record<string, unknown> | undefined {
  const bytes = Buffer.from(text, "utf8");
  // Nothing to skip: the scan goes through the whole object, one piece per member.
  const layout = keptPieces(bytes, 0, new Set());
  if (!layout) return undefined;
  const out: Record<string, unknown> = {};
  for (const m of layout.pieces) {
    if (m.kind !== "member") throw new Error("a scan that skips nothing yields single members");
    // As JSON.parse does it: "__proto__" is a plain member, not the prototype.
    Object.defineProperty(out, m.key, {
      value: JSON.parse(bytes.toString("utf8", m.start, m.end)),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

describe("the top-level member scan", () => {
  it("finds every member of compact and indented JSON, values of every kind", () => {
    const doc = { a: 1, "b c": "x", nested: { a: [1, { "}": "]" }] }, t: true, n: null, s: 'q"uo\\\\te\\', arr: [] };
    expect(membersOf(JSON.stringify(doc))).toEqual(doc);
    expect(membersOf(JSON.stringify(doc, null, 2))).toEqual(doc);
    expect(membersOf(` \n${JSON.stringify(doc)}\n `)).toEqual(doc);
    expect(membersOf("{}")).toEqual({});
  });

  it("agrees with JSON.parse on any object", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.boolean(), (doc, indent) => {
        const text = JSON.stringify(doc, null, indent ? 1 : undefined);
        expect(membersOf(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it("leaves out any chosen members of any object, wherever they are, and keeps the rest as JSON.parse gives them", () => {
    const key = fc.constantFrom("a", "b", "skip1", "skip2", "__proto__", 'q"k', "k\\");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, fc.jsonValue()), { maxLength: 8 }),
        fc.subarray(["skip1", "skip2", "a", 'q"k']),
        fc.boolean(),
        (entries, skipList, indent) => {
          // Built as text so that repeated keys stay repeated, as a file may have them.
          const sep = indent ? ",\n  " : ",";
          const text = `{${indent ? "\n  " : ""}${entries.map(([k, v]) => `${JSON.stringify(k)}:${indent ? " " : ""}${JSON.stringify(v)}`).join(sep)}${indent ? "\n" : ""}}`;
          const skip = new Set(skipList);
          const expected = JSON.parse(text) as Record<string, unknown>;
          for (const k of skip) delete expected[k];
          const { value, skipped } = parseJsonBytesWithout("p.json", Buffer.from(text), skip, 0);
          expect(value).toEqual(expected);
          expect(Object.keys(value as object)).toEqual(Object.keys(expected));
          expect(new Set(skipped)).toEqual(new Set(entries.map(([k]) => k).filter((k) => skip.has(k))));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("scans only around the skipped members and parses what lies between them in one piece", () => {
    const text = JSON.stringify({
      format_version: "1.2",
      planned_values: { a: "}" },
      resource_changes: [1],
      output_changes: {},
      prior_state: { b: "{" },
      configuration: { c: 1 },
    });
    const bytes = Buffer.from(text);
    const layout = keptPieces(bytes, 0, new Set(["planned_values", "prior_state"]));
    expect(layout?.skipped).toEqual(["planned_values", "prior_state"]);
    expect(
      layout?.pieces.map((p) => (p.kind === "member" ? p.key : `{${bytes.toString("utf8", p.start, p.end)}}`)),
    ).toEqual(["format_version", '{"resource_changes":[1],"output_changes":{}}', "configuration"]);
  });

  it("refuses what is not one well-formed object, so the caller parses the whole text and reports the error", () => {
    for (const text of [
      "[1,2]",
      '"s"',
      '{"a":1',
      '{"a":"open}',
      '{"a":1}}',
      '{"a":1} x',
      '{"a" "b":1}',
      '{"a":1,}x',
      '{"a":[1}',
    ]) {
      expect(keptPieces(Buffer.from(text), 0, new Set()), text).toBeUndefined();
    }
  });
});

/** A plan over the size where leaving members out starts, with a secret in prior_state. */
function bigPlan(): Record<string, unknown> {
  const after = { bucket: "data", padding: "x".repeat(PARTIAL_PARSE_MIN_BYTES) };
  return {
    format_version: "1.2",
    planned_values: {
      root_module: {
        resources: [{ address: "aws_s3_bucket.b", mode: "managed", type: "aws_s3_bucket", name: "b", values: after }],
      },
    },
    resource_changes: [
      {
        address: "aws_s3_bucket.b",
        mode: "managed",
        type: "aws_s3_bucket",
        name: "b",
        change: { actions: ["create"], before: null, after, after_unknown: {} },
      },
    ],
    prior_state: { format_version: "1.0", values: { root_module: { resources: [] } } },
    configuration: { root_module: {} },
  };
}

describe("loading a large plan without the members nothing reads", () => {
  it("leaves out planned_values and prior_state and keeps the rest as JSON.parse gives it", () => {
    const plan = bigPlan();
    const bytes = Buffer.from(JSON.stringify(plan));
    const copy = Buffer.from(bytes);
    const { value, skipped } = parseJsonBytesWithout("p.json", bytes, new Set(["planned_values", "prior_state"]));
    expect(skipped).toEqual(["planned_values", "prior_state"]);
    const { planned_values: _p, prior_state: _s, ...rest } = plan;
    expect(value).toEqual(rest);
    // The bytes are as they were (the braces around the middle piece were put back).
    expect(bytes.equals(copy)).toBe(true);
  });

  it("parses everything when the file is small or nothing is to be left out", () => {
    const small = Buffer.from(JSON.stringify({ format_version: "1.2", planned_values: {}, resource_changes: [] }));
    expect(parseJsonBytesWithout("p.json", small, new Set(["planned_values"])).skipped).toEqual([]);
    const big = Buffer.from(JSON.stringify(bigPlan()));
    expect(Object.keys(parseJsonBytesWithout("p.json", big, new Set()).value as object)).toContain("planned_values");
  });

  it("still tells a plan from a state when only the left-out members said so, and models the resources", () => {
    const plan = bigPlan();
    const loaded = parseDocument("p.json", Buffer.from(JSON.stringify(plan)), {
      skipMembers: ["planned_values", "prior_state"],
    });
    expect(loaded.kind).toBe("plan");
    expect(loaded.skipped).toEqual(["planned_values", "prior_state"]);
    expect(loaded.doc).not.toHaveProperty("planned_values");
    expect(buildModel(loaded).resources.map((r) => r.address)).toEqual(["aws_s3_bucket.b"]);
    const onlyRepeated = { format_version: "1.2", planned_values: plan["planned_values"] };
    expect(
      parseDocument("q.json", Buffer.from(JSON.stringify(onlyRepeated)), { skipMembers: ["planned_values"] }).kind,
    ).toBe("plan");
  });

  it("reports a syntax error in a kept member with its line and column, as a full parse does", () => {
    const text = JSON.stringify(bigPlan()).replace('"configuration":{', '"configuration":{,');
    expect(() => parseJsonBytesWithout("bad.json", Buffer.from(text), new Set(["planned_values"]))).toThrow(
      /bad\.json.*line 1, column \d+/,
    );
  });

  it("reports a truncated file, whichever member the end falls in", () => {
    const text = JSON.stringify(bigPlan());
    const cut = text.slice(0, text.indexOf('"prior_state"') + 40);
    expect(() => parseJsonBytesWithout("cut.json", Buffer.from(cut), new Set(["prior_state"]))).toThrow(/cut\.json/);
  });
});
