/**
 * Number literals keep OPA's semantics for their text.
 *
 * OPA's numbers are their text: ast.Number is a json.Number, and the parser
 * keeps a literal as written (v1/ast/parser.go parseNumber: "Use the original
 * string", a negative literal is "-" + its digits). Where OPA compares,
 * hashes or computes, it uses the value (Number.Equal/Compare compare big
 * floats, Number.Hash hashes the float, arithmetic goes through big.Float and
 * FloatToNumber); where it converts to an int (Number.Int: strconv.ParseInt of
 * the text) or prints (Number.String is the text; ast.JSON gives the
 * json.Number), the text shows.
 */
import { describe, expect, it } from "vitest";
import { parseModule } from "../../src/rego/parser.js";
import { RegoNumber, equal, numberFromText, numberInt, type Value } from "../../src/rego/value.js";
import { compileOne, regoError } from "./helpers.js";

/** The value of `data.t.x` for a module whose rule is `x := <expr>` (undefined when undefined). */
function value(expr: string, options: { strict?: boolean; data?: Record<string, unknown> } = {}): Value | undefined {
  const policies = compileOne(`package t\nx := ${expr}\n`, { strictBuiltinErrors: options.strict ?? false });
  return policies.evaluate("data.t.x", options.data ? { data: options.data as Record<string, Value> } : {});
}

describe("number literals: representation", () => {
  it("keeps the text only where it is not the canonical text of the value", () => {
    expect(numberFromText("1")).toBe(1);
    expect(numberFromText("0.5")).toBe(0.5);
    expect(numberFromText("-1.5")).toBe(-1.5);
    for (const text of ["1.0", "1e3", "-0", "1.50", "123456789012345678901234567890"]) {
      const n = numberFromText(text);
      expect(n).toBeInstanceOf(RegoNumber);
      expect((n as RegoNumber).text).toBe(text);
    }
    expect((numberFromText("-0") as RegoNumber).value).toBe(0); // never -0
  });

  it("parses 1.0, 1e3 and -0 to RegoNumbers and 1 to a plain number", () => {
    const m = parseModule("t.rego", "package t\nx := [1.0, 1e3, -0, 1, -2]\n", "v1");
    const head = m.rules[0]!.head.value!;
    if (head.type !== "array") throw new Error("expected an array term");
    const values = head.items.map((t) => (t.type === "scalar" ? (t.value as unknown as Value) : undefined));
    expect(values.slice(0, 3).map((v) => (v as RegoNumber).text)).toEqual(["1.0", "1e3", "-0"]);
    expect(values.slice(3)).toEqual([1, -2]);
  });

  it("Number.Int reads the text: 1.0 and 1e3 are no integers, -0 is 0", () => {
    expect(numberInt(numberFromText("1.0") as Value)).toBeUndefined();
    expect(numberInt(numberFromText("1e3") as Value)).toBeUndefined();
    expect(numberInt(numberFromText("-0") as Value)).toBe(0);
    expect(numberInt(numberFromText("99999999999999999999") as Value)).toBeUndefined(); // beyond int64
    expect(numberInt(3)).toBe(3);
    expect(numberInt(1.5)).toBeUndefined();
  });
});

describe("number literals: OPA compares and computes by value", () => {
  it("1.0 == 1, also in sets, object keys, membership and order", () => {
    // ast.Number.Equal: Compare(num, other) == 0, by value.
    expect(value("1.0 == 1")).toBe(true);
    expect(value("1e3 == 1000")).toBe(true);
    expect(value("-0 == 0")).toBe(true);
    // Number.Hash hashes the float: {1.0} and {1} are one set.
    expect(value("{1.0} == {1}")).toBe(true);
    expect(value("count({1.0, 1})")).toBe(1);
    expect(value('{1.0: "a"}[1]')).toBe("a");
    expect(value('{1: "a"}[1.0]')).toBe("a");
    expect(value("1 in {1.0}")).toBe(true);
    expect(value("[1.0, 2] == [1, 2]")).toBe(true);
    expect(value("1.0 < 1.5")).toBe(true);
    expect(value("1.0 >= 1")).toBe(true);
    expect(equal(value("sort([2, 1.0, 0])")!, [0, 1, 2])).toBe(true);
    expect(equal(value("max([1.0, 0])")!, 1)).toBe(true);
  });

  it("unifies a literal with a number by value", () => {
    expect(compileOne("package t\np if { x := 1.0; x == 1 }\n").evaluate("data.t.p")).toBe(true);
    expect(compileOne("package t\np if { [1.0, y] = [1, 2]; y == 2 }\n").evaluate("data.t.p")).toBe(true);
  });

  it("arithmetic gives plain numbers (1.0 + 1 is 2, printed 2)", () => {
    // OPA's arithmetic computes on big floats and makes the result with FloatToNumber
    // (topdown/builtins: integral results in 'f' format), so the text is canonical.
    expect(value("1.0 + 1")).toBe(2);
    expect(value("json.marshal(1.0 + 1)")).toBe("2");
    expect(value("1.0 - 1")).toBe(0);
    expect(value("1e3 * 2")).toBe(2000);
    expect(value("3.0 / 2")).toBe(1.5);
    expect(value("sum([1.0, 2])")).toBe(3);
    expect(value("abs(-0)")).toBe(0);
    expect(value("round(2.0)")).toBe(2);
  });

  it("type checks see a number", () => {
    expect(value("type_name(1.0)")).toBe("number");
    expect(value("is_number(1e3)")).toBe(true);
  });
});

describe("number literals: where OPA uses the text", () => {
  it("json.marshal writes the text (ast.JSON gives a json.Number)", () => {
    expect(value("json.marshal(1.0)")).toBe("1.0");
    expect(value("json.marshal([1e3, -0, 1, 0.5])")).toBe("[1e3,-0,1,0.5]");
    expect(value('json.marshal({"a": 1.50, "b": {2.0}})')).toBe('{"a":1.50,"b":[2.0]}');
    // A non-string key is its JSON text (ast.JSON encodes the key's json.Number).
    expect(value('json.marshal({1.0: "x"})')).toBe('{"1.0":"x"}');
    expect(value('json.marshal_with_options({"a": [1.0]}, {"pretty": true, "indent": "  "})')).toBe(
      '{\n  "a": [\n    1.0\n  ]\n}',
    );
    expect(value('json.marshal_with_options({"a": [], "b": 1}, {"pretty": true})')).toBe('{\n\t"a": [],\n\t"b": 1\n}');
  });

  it("to_number keeps a number operand and a number string's text", () => {
    // topdown/casts.go builtinToNumber: a Number is returned as it is; a string becomes ast.Number(a).
    expect(value("json.marshal(to_number(1.0))")).toBe("1.0");
    expect(value('json.marshal(to_number("2.50"))')).toBe("2.50");
    expect(value('to_number("2.50") == 2.5')).toBe(true);
  });

  it("json.patch refuses an integral float as an array index (the conformance case)", () => {
    // internal/edittree toIndex: Number.Int fails on "1.0" ("invalid number type for indexing").
    expect(value('json.patch(["a", "b"], [{"op": "remove", "path": [1.0]}])')).toBeUndefined();
    expect(value('json.patch(["a", "b"], [{"op": "remove", "path": [1]}])')).toEqual(["a"]);
    // ParseInt("-0") is 0.
    expect(value('json.patch(["a", "b"], [{"op": "remove", "path": [-0]}])')).toEqual(["b"]);
  });

  it("an array is not indexed by 1.0 (Array.Get takes Number.Int)", () => {
    expect(value('["a", "b"][1.0]')).toBeUndefined();
    expect(value('["a", "b"][1]')).toBe("b");
    expect(value('["a", "b"][-0]')).toBe("a");
    // object.get follows the path with Find, which indexes arrays the same way.
    expect(value('object.get({"a": ["x", "y"]}, ["a", 1.0], "d")')).toBe("d");
    expect(value('object.get({"a": ["x", "y"]}, ["a", 1], "d")')).toBe("y");
  });

  it("base documents are read by the number's text (storage.NewPathForRef: Number.String)", () => {
    expect(value("data.d[1.0]", { data: { d: { "1.0": "text", "1": "int" } } })).toBe("text");
    expect(value("data.d[1]", { data: { d: { "1.0": "text", "1": "int" } } })).toBe("int");
  });

  it("IntOperand builtins refuse 1.0; BigIntOperand builtins take it", () => {
    // topdown/builtins IntOperand: Number.Int, "must be integer number but got floating-point number".
    expect(value('substring("abcdef", 1.0, 2)')).toBeUndefined();
    expect(regoError(() => value('substring("abcdef", 1.0, 2)', { strict: true })).message).toContain(
      "substring: operand 2 must be integer number but got floating-point number",
    );
    expect(value('substring("abcdef", 1, 2)')).toBe("bc");
    expect(value("array.slice([1, 2, 3], 1.0, 2)")).toBeUndefined();
    expect(value("array.slice([1, 2, 3], -0, 2)")).toEqual([1, 2]);
    expect(value('regex.find_n("a", "aaa", 2.0)')).toBeUndefined();
    expect(value("time.add_date(0, 1.0, 0, 0)")).toBeUndefined();
    // BigIntOperand converts the value (NumberToInt of a big float): 1.0 is an integer there.
    expect(value("numbers.range(1.0, 3)")).toEqual([1, 2, 3]);
    expect(value("bits.or(1.0, 2)")).toBe(3);
  });

  it("sprintf formats a number whose text has a fraction or exponent as a float", () => {
    // topdown/strings.go builtinSprintf: isFloatNumber(text) -> float64; else Atoi64, else big.Int.
    expect(value('sprintf("%v", [1.0])')).toBe("1");
    expect(value('sprintf("%d", [1.0])')).toBe("%!d(float64=1)");
    expect(value('sprintf("%d", [-0])')).toBe("0");
    expect(value('sprintf("%d", [123456789012345678901234567890])')).toBe("123456789012345678901234567890");
    // Collections are formatted with Value.String, which prints a number's text.
    expect(value('sprintf("%v", [[1.0, 2]])')).toBe("[1.0, 2]");
  });

  it("print writes the text (Number.String)", () => {
    const lines: string[] = [];
    compileOne("package t\np if { print(1.0, [1e3], -0, 1) }\n").evaluate("data.t.p", { print: (l) => lines.push(l) });
    expect(lines).toEqual(["1.0 [1e3] -0 1"]);
  });

  it("every over a number literal is undefined, as over any scalar", () => {
    // topdown/eval.go evalEvery: a domain that is not a collection has no members to check, so the expression is undefined.
    const p = compileOne("package t\na if every x in 1.0 { x > 0 }\nb if every x in 1 { x > 0 }\n");
    expect(p.evaluate("data.t.a")).toBeUndefined();
    expect(p.evaluate("data.t.b")).toBeUndefined();
  });
});
