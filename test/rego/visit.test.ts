import { describe, expect, it } from "vitest";
import type { Term } from "../../src/rego/ast.js";
import { someTerm, walkRule, walkTerm } from "../../src/rego/compiler/visit.js";
import { parseModule, parseTerm } from "../../src/rego/parser.js";

/** A short name for each visited term, in visit order. */
function names(t: Term): string {
  switch (t.type) {
    case "var":
      return t.name;
    case "scalar":
      return JSON.stringify(t.value);
    case "call":
      return `${t.name}()`;
    default:
      return t.type;
  }
}

describe("the compiler's term visitor", () => {
  const term = parseTerm("f(x.a[y], [1, {z | z := w}])");

  it("visits a term, then its parts in order, entering comprehensions by default", () => {
    const seen: string[] = [];
    walkTerm(term, (t) => void seen.push(names(t)));
    expect(seen).toEqual(["f()", "ref", "x", '"a"', "y", "array", "1", "setcomp", "z", "z", "w"]);
  });

  it("leaves comprehensions unentered without closures, and skips the parts of a term its visitor refuses", () => {
    const seen: string[] = [];
    walkTerm(
      term,
      (t) => {
        seen.push(names(t));
        return t.type !== "ref";
      },
      false,
    );
    expect(seen).toEqual(["f()", "ref", "array", "1", "setcomp"]);
  });

  it("finds a term by predicate, stopping at the first and not entering comprehensions", () => {
    expect(someTerm(term, (t) => t.type === "var" && t.name === "y")).toBe(true);
    expect(someTerm(term, (t) => t.type === "var" && t.name === "w")).toBe(false);
  });

  it("walks every part of a rule: body, every bodies, with values, elses, head value, key and arguments", () => {
    const m = parseModule(
      "m.rego",
      "package p\nf(a) := b if {\n\tevery e in c { e == d }\n\tg with input as h\n} else := i if j\ns contains k if l\n",
    );
    const vars = (i: number): string[] => {
      const out: string[] = [];
      walkRule(m.rules[i]!, (t) => void (t.type === "var" && out.push(t.name)));
      return out.sort();
    };
    expect(vars(0)).toEqual(["a", "b", "c", "d", "e", "e", "g", "h", "i", "j"]);
    expect(vars(1)).toEqual(["k", "l"]);
  });
});
