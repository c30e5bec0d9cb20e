import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileModules, RegoError } from "../../src/rego/index.js";

/**
 * Random Rego-like source never crashes the parser or compiler with anything
 * but a RegoError, and never hangs it (each run is bounded by the number of
 * tokens: the parser only ever moves forward).
 */
const tokens = fc.constantFrom(
  "package",
  "p",
  "import",
  "data",
  "input",
  "if",
  "contains",
  "else",
  "default",
  "not",
  "some",
  "every",
  "in",
  "with",
  "as",
  "x",
  "y",
  "_",
  "f",
  "deny",
  "msg",
  ":=",
  "=",
  "==",
  "!=",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "%",
  "|",
  "&",
  "{",
  "}",
  "[",
  "]",
  "(",
  ")",
  ",",
  ";",
  ".",
  ":",
  "\n",
  " ",
  "1",
  "2.5",
  "-3",
  '"s"',
  '"a\\"b"',
  "`raw`",
  "true",
  "false",
  "null",
  "set()",
  "count",
  "sprintf",
  "object.get",
  "# comment\n",
  "# METADATA\n# title: t\n",
);

const source = fc.array(tokens, { maxLength: 60 }).map((parts) => "package p\n" + parts.join(" "));

describe("property: random Rego source", () => {
  it("is either compiled or refused with a RegoError", () => {
    fc.assert(
      fc.property(source, (text) => {
        try {
          const compiled = compileModules([{ file: "random.rego", text }]);
          expect(compiled.packages().length).toBe(1);
        } catch (err) {
          if (!(err instanceof RegoError)) throw err;
          expect(err.describe()).toMatch(/^random\.rego/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("evaluates or fails cleanly when it compiles", () => {
    fc.assert(
      fc.property(source, (text) => {
        let compiled: ReturnType<typeof compileModules>;
        try {
          compiled = compileModules([{ file: "random.rego", text }]);
        } catch {
          // Text that does not compile is another property's concern (it must fail cleanly); here, only what compiles runs.
          return;
        }
        try {
          compiled.evaluate("data.p", { input: { a: [1, 2] }, timeoutMs: 200, maxDepth: 50 });
        } catch (err) {
          if (!(err instanceof RegoError)) throw err;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
