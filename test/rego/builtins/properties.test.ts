/** Properties that must hold for any input, checked with fast-check. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Value, equal } from "../../../src/rego/value.js";
import { call } from "./helpers.js";

const text = fc.string({ unit: "grapheme", maxLength: 40 });

describe("builtin properties", () => {
  it("base64, base64url and hex round-trip any text", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(call("base64.decode", [call("base64.encode", [s])!])).toBe(s);
        expect(call("base64url.decode", [call("base64url.encode_no_pad", [s])!])).toBe(s);
        expect(call("hex.decode", [call("hex.encode", [s])!])).toBe(s);
        expect(call("urlquery.decode", [call("urlquery.encode", [s])!])).toBe(s);
      }),
    );
  });
  it("json.unmarshal reads back what json.marshal writes", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (v) => {
        const back = call("json.unmarshal", [call("json.marshal", [v as Value])!]);
        expect(equal(back!, v as Value)).toBe(true);
      }),
    );
  });
  it("a quoted glob matches exactly its own text", () => {
    fc.assert(
      fc.property(text, text, (s, other) => {
        const quoted = call("glob.quote_meta", [s])!;
        expect(call("glob.match", [quoted, null, s])).toBe(true);
        expect(call("glob.match", [quoted, ["."], other])).toBe(s === other);
      }),
    );
  });
  it("count and strings.reverse work on code points", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(call("count", [s])).toBe(Array.from(s).length);
        expect(call("strings.reverse", [call("strings.reverse", [s])!])).toBe(s);
        expect(call("substring", [s, 0, -1])).toBe(s);
      }),
    );
  });
  it("net.cidr_merge covers every input address and nothing is lost", () => {
    const ip = fc
      .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
      .map(([a, b]) => `10.0.${a}.${b}`);
    fc.assert(
      fc.property(fc.array(ip, { minLength: 1, maxLength: 20 }), (ips) => {
        const merged = [...(call("net.cidr_merge", [ips]) as Iterable<Value>)] as string[];
        for (const a of ips) expect(merged.some((c) => call("net.cidr_contains", [c, a]))).toBe(true);
        const covered = merged.reduce((n, c) => n + 2 ** (32 - Number(c.split("/")[1])), 0);
        expect(covered).toBe(new Set(ips).size);
      }),
    );
  });
  it("time.format and time.parse_ns are inverse on RFC 3339 with nanoseconds, for any double timestamp", () => {
    fc.assert(
      fc.property(fc.integer({ min: -2e9, max: 4e9 }), fc.integer({ min: 0, max: 999_999_999 }), (sec, nanos) => {
        // Beyond 2^53 the double is inexact, but it must still read back as itself.
        const ns = sec * 1e9 + nanos;
        const s = call("time.format", [ns])!;
        expect(call("time.parse_rfc3339_ns", [s])).toBe(ns);
      }),
    );
  });
  it("sprintf's plain verbs print what Go's formatting prints for them", () => {
    // %s, %v, %d of strings and safe integers take a shortcut (no Go formatting); the same
    // verbs with a `-` flag and no width print the same text through the general path.
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }).filter((s) => !s.includes("%")),
      fc.constantFrom("%s", "%v", "%d", "%%"),
    );
    const operand = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constantFrom(-0, 2 ** 60, 1.5, null));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.array(operand, { maxLength: 5 }), (pieces, values) => {
        const plain = pieces.join("");
        const general = pieces.map((p) => (p.startsWith("%") && p !== "%%" ? `%-${p.slice(1)}` : p)).join("");
        expect(call("sprintf", [plain, values as Value[]])).toBe(call("sprintf", [general, values as Value[]]));
      }),
    );
    expect(call("sprintf", ["%s is %d%% of %v", ["x", 5, "y"]])).toBe("x is 5% of y");
    expect(call("sprintf", ["%d", ["x"]])).toBe("%!d(string=x)");
    expect(call("sprintf", ["%s", ["a", "b"]])).toBe("a%!(EXTRA string=b)");
    expect(call("sprintf", ["%s %s", ["a"]])).toBe("a %!s(MISSING)");
  });
});
