import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocateScanBuffer,
  continueValue,
  continueValueJs,
  valueEnd,
  valueStart,
  valueStartJs,
} from "../../src/plan/json-skip.js";

/** valueEnd in JavaScript: the continued scan from a fresh state. */
const valueEndJs = (bytes: Buffer, start: number) =>
  continueValueJs(bytes, start, { depth: 0, inString: false, escaped: false });
import { keptPieces } from "../../src/plan/json-members.js";

/** A copy of `bytes` in a buffer the WebAssembly scanner reads (its own memory). */
function inScanMemory(bytes: Buffer): Buffer {
  const buffer = allocateScanBuffer(bytes.length);
  bytes.copy(buffer);
  return buffer;
}

/** The bytes of `text` in the scanner's memory. */
function scanBuffer(text: string): Buffer {
  return inScanMemory(Buffer.from(text, "utf8"));
}

// Strings with the characters that matter to a scanner: quotes, backslashes, brackets.
const tricky = fc.stringMatching(/^[a-z"\\{}[\]\u00e9]{0,8}$/);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ maxDepth: 3 }, tricky, fc.integer(), fc.constant(null), tie("object"), tie("array")),
  object: fc.dictionary(tricky, tie("value"), { maxKeys: 4 }),
  array: fc.array(tie("value"), { maxLength: 4 }),
})).value;

describe("skipping a bracketed JSON value", () => {
  it("the scanner's own memory is WebAssembly's here (Node has it)", () => {
    const buffer = allocateScanBuffer(1 << 20);
    expect(buffer.length).toBe(1 << 20);
    expect(buffer.buffer.byteLength % 65536).toBe(0);
  });

  it("falls back to a plain buffer when no WebAssembly memory can be had, and still scans it", () => {
    // The project's TypeScript libs do not declare WebAssembly; Node has it.
    const wasm = (globalThis as unknown as { WebAssembly: { Memory: unknown } }).WebAssembly;
    const real = wasm.Memory;
    wasm.Memory = class {
      constructor() {
        throw new RangeError("WebAssembly.Memory(): could not allocate memory");
      }
    };
    try {
      const buffer = allocateScanBuffer(16);
      expect(buffer.length).toBe(16);
      buffer.write('{"a": ["]"]}    ');
      expect(valueEnd(buffer, 0)).toBe(12);
    } finally {
      wasm.Memory = real;
    }
  });

  it("finds both ends of any object or array, in WebAssembly and in JavaScript alike", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.dictionary(tricky, json, { maxKeys: 5 }), fc.array(json, { maxLength: 5 })),
        fc.boolean(),
        (value, indent) => {
          const text = `{"before": 1, "v": ${JSON.stringify(value, null, indent ? 1 : undefined)}, "after": [2]}`;
          const start = text.indexOf('"v": ') + 5;
          const plain = Buffer.from(text, "utf8");
          const byteStart = Buffer.byteLength(text.slice(0, start), "utf8");
          const byteEnd = byteStart + Buffer.byteLength(JSON.stringify(value, null, indent ? 1 : undefined), "utf8");
          const wasm = scanBuffer(text);
          expect(valueEndJs(plain, byteStart)).toBe(byteEnd);
          expect(valueEnd(wasm, byteStart)).toBe(byteEnd);
          expect(valueStartJs(plain, byteEnd - 1, 0)).toBe(byteStart);
          expect(valueStart(wasm, byteEnd - 1, 0)).toBe(byteStart);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("continues a value's scan across chunks with the state where the last chunk left it, in WebAssembly and in JavaScript alike", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.dictionary(tricky, json, { maxKeys: 5 }), fc.array(json, { maxLength: 5 })),
        fc.integer({ min: 1, max: 40 }),
        (value, chunk) => {
          const text = JSON.stringify(value) + ", 1]";
          const whole = Buffer.byteLength(JSON.stringify(value), "utf8");
          const bytes = Buffer.from(text, "utf8");
          for (const scan of ["wasm", "js"] as const) {
            const state = { depth: 0, inString: false, escaped: false };
            let found = -1;
            for (let at = 0; at < bytes.length && found < 0; at += chunk) {
              const piece =
                scan === "wasm" ? inScanMemory(bytes.subarray(at, at + chunk)) : bytes.subarray(at, at + chunk);
              const end = scan === "wasm" ? continueValue(piece, 0, state) : continueValueJs(piece, 0, state);
              if (end >= 0) found = at + end;
            }
            expect(found).toBe(whole);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("scans a buffer outside the scanner's memory a chunk at a time, with the answers of the JavaScript loops", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.dictionary(tricky, json, { maxKeys: 5 }), fc.array(json, { maxLength: 5 })),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 6 }),
        (value, chunk, overlap) => {
          const text = `{"before": "\\\\", "v": ${JSON.stringify(value)}, "after": [2]}`;
          const plain = Buffer.from(text, "utf8");
          const start = plain.indexOf('"v": ') + 5;
          const end = start + Buffer.byteLength(JSON.stringify(value), "utf8");
          const sizes = { chunk, overlap };
          expect(valueEnd(plain, start, sizes)).toBe(end);
          expect(valueStart(plain, end - 1, 0, sizes)).toBe(start);
          // Not found: the value's start is not after the limit, or its end is cut off.
          expect(valueStart(plain, end - 1, start, sizes)).toBe(-1);
          expect(valueEnd(plain.subarray(0, end - 1), start, sizes)).toBe(-1);
          // The scan goes on from a state as in place.
          const state = { depth: 0, inString: false, escaped: false };
          expect(continueValue(plain.subarray(0, start + 1), start, state, sizes)).toBe(-1);
          expect(state.depth).toBe(1);
          expect(continueValue(plain, start + 1, state, sizes)).toBe(end);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("counts more backslashes before a quote than a backward chunk carries before it", () => {
    // The string's closing quote and the escaped quote before it each sit at the start of a chunk,
    // their backslashes in the chunk before: the chunk's overlap (2 bytes) cannot tell odd from even.
    for (const run of [1, 2, 5, 6, 31]) {
      const backslashes = "\\\\".repeat(run); // `run` escaped backslashes, in JSON text
      const text = `[1, "${backslashes}\\"x", ["${backslashes}"]]`;
      expect(JSON.parse(text)).toEqual([1, `${"\\".repeat(run)}"x`, ["\\".repeat(run)]]);
      const plain = Buffer.from(text, "utf8");
      const end = plain.length - 1;
      for (let chunk = 1; chunk <= 12; chunk++) {
        expect(valueStart(plain, end, -1, { chunk, overlap: 2 })).toBe(0);
        expect(valueStartJs(plain, end, -1)).toBe(0);
        expect(valueStart(plain, end - 1, 0, { chunk, overlap: 2 })).toBe(text.lastIndexOf("["));
      }
    }
  });

  it("says -1 for a value that does not end, or does not start after the limit", () => {
    for (const text of ['{"a": [1, 2', '{"a": "unterminated}', "[[[]]"]) {
      expect(valueEnd(scanBuffer(text), 0)).toBe(-1);
      expect(valueEndJs(Buffer.from(text), 0)).toBe(-1);
    }
    const closed = '{"a": [1, "]"]}';
    const end = closed.length - 2; // the array's ]
    expect(valueStart(scanBuffer(closed), end, 0)).toBe(6);
    expect(valueStart(scanBuffer(closed), end, 6)).toBe(-1);
    expect(valueStartJs(Buffer.from(closed), end, 6)).toBe(-1);
  });

  it("the member scan gives the same layout over either kind of buffer", () => {
    const plan = JSON.stringify({
      format_version: "1.2",
      planned_values: { root: [{ 'a"]': "x\\" }] },
      resource_changes: [{ address: "a.b" }],
      prior_state: { values: ["{"] },
      configuration: {},
    });
    const skip = new Set(["planned_values", "prior_state"]);
    const plain = keptPieces(Buffer.from(plan), 0, skip);
    expect(plain?.skipped).toEqual(["planned_values", "prior_state"]);
    expect(keptPieces(scanBuffer(plan), 0, skip)).toEqual(plain);
  });
});
