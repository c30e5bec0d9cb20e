import { describe, expect, it } from "vitest";
import { BUILTINS, BuiltinError } from "../../../src/rego/builtins/index.js";
import { RegoNumber, RegoObject, type Value, equal, numberFromText } from "../../../src/rego/value.js";
import { call, ctx, failure, set } from "./helpers.js";

describe("registry", () => {
  it("has the operators and families the evaluator needs", () => {
    for (const name of [
      "equal",
      "neq",
      "lt",
      "plus",
      "minus",
      "and",
      "or",
      "count",
      "object.get",
      "regex.match",
      "walk",
      "time.now_ns",
      "sprintf",
      "glob.match",
      "net.cidr_contains",
    ]) {
      expect(BUILTINS.has(name), name).toBe(true);
    }
    expect(BUILTINS.get("walk")!.relation).toBe(true);
    expect(BUILTINS.get("time.now_ns")!.arity).toBe(0);
  });
  it("reports wrong operand types in OPA's wording", () => {
    const e = failure("upper", [1]);
    expect(e).toBeInstanceOf(BuiltinError);
    expect(e.code).toBe("eval_type_error");
    expect(e.message).toBe("upper: operand 1 must be string but got number");
    expect(failure("count", [null]).message).toBe(
      "count: operand 1 must be one of {array, object, set, string} but got null",
    );
  });
});

describe("comparison", () => {
  it("orders across types as OPA does", () => {
    expect(call("lt", [null, false])).toBe(true);
    expect(call("lt", [true, 0])).toBe(true);
    expect(call("lt", [100, "a"])).toBe(true);
    expect(call("lt", ["b", []])).toBe(true);
    expect(call("lt", [[1], {}])).toBe(true);
    expect(call("lt", [{}, set()])).toBe(true);
    expect(call("gte", [[1, 2], [1]])).toBe(true);
    expect(call("equal", [1, 1.0])).toBe(true);
    expect(call("neq", [set(1, 2), set(2, 1)])).toBe(false);
  });
});

describe("arithmetic", () => {
  it("computes with doubles", () => {
    expect(call("plus", [3, -1])).toBe(2);
    expect(call("div", [15.3, 3])).toBe(5.1000000000000005);
    expect(call("div", [13, 4])).toBe(3.25);
    expect(call("mul", [6, 7])).toBe(42);
  });
  it("fails on division or modulo by zero, and modulo of floats", () => {
    expect(failure("div", [1, 0]).message).toBe("div: divide by zero");
    expect(failure("rem", [1, 0]).message).toBe("rem: modulo by zero");
    expect(failure("rem", [1.5, 1]).message).toBe("rem: modulo on floating-point number");
    expect(call("rem", [-7, 3])).toBe(-1); // truncated, as Go
  });
  it("is exact on integers beyond 2^53, keeping their digits", () => {
    const big = (text: string) => numberFromText(text);
    const digits = (v: Value | undefined) => (v instanceof RegoNumber ? v.text : String(v));
    expect(digits(call("plus", [big("18446744073709551617"), 1]))).toBe("18446744073709551618");
    expect(digits(call("minus", [big("-18446744073709551617"), 1]))).toBe("-18446744073709551618");
    expect(digits(call("mul", [2147483647, 2147483647]))).toBe("4611686014132420609");
    expect(digits(call("plus", [big("1e30"), 1]))).toBe("1000000000000000000000000000001");
    expect(digits(call("plus", [big("9223372036854775807"), 1]))).toBe("9223372036854775808");
    expect(call("rem", [big("18446744073709551617"), big("18446744073709551616")])).toBe(1);
    expect(call("rem", [10, big("18446744073709551616")])).toBe(10);
    expect(call("rem", [big("5.0"), 2])).toBe(1); // an integral float
    expect(digits(call("abs", [big("-9223372036854775809")]))).toBe("9223372036854775809");
    expect(digits(call("sum", [[big("9223372036854775807"), 1, 2]]))).toBe("9223372036854775810");
    expect(digits(call("product", [[big("18446744073709551617"), 2]]))).toBe("36893488147419103234");
    // Floats stay doubles.
    expect(call("plus", [1.5, 2.5])).toBe(4);
    expect(call("sum", [[1, 2.5]])).toBe(3.5);
  });
  it("subtracts sets", () => {
    expect(equal(call("minus", [set(1, 2, 3), set(2)])!, set(1, 3))).toBe(true);
    expect(failure("minus", [set(1), 1]).code).toBe("eval_type_error");
  });
  it("rounds half away from zero", () => {
    expect([-9.5, -9.4, 9.5, 2.5].map((n) => call("round", [n]))).toEqual([-10, -9, 10, 3]);
    expect(call("ceil", [1.2])).toBe(2);
    expect(call("floor", [-1.2])).toBe(-2);
    expect(call("abs", [-3])).toBe(3);
  });
  it("builds ranges both ways, with steps", () => {
    expect(call("numbers.range", [1, 3])).toEqual([1, 2, 3]);
    expect(call("numbers.range", [3, 1])).toEqual([3, 2, 1]);
    expect(call("numbers.range_step", [0, 10, 4])).toEqual([0, 4, 8]);
    expect(call("numbers.range_step", [10, 0, 4])).toEqual([10, 6, 2]);
    expect(failure("numbers.range", [1.5, 2]).message).toContain("must be integer");
    expect(failure("numbers.range_step", [1, 2, 0]).message).toContain("step must be a positive number");
  });
  it("rand.intn is stable within one query", () => {
    const c = ctx();
    const a = call("rand.intn", ["seed", 1000], c);
    expect(call("rand.intn", ["seed", 1000], c)).toBe(a);
    expect(call("rand.intn", ["x", 0], c)).toBe(0);
    expect(call("rand.intn", ["x", 1.5], c)).toBeUndefined();
  });
  it("rand.intn is memoized per query (nowNs), even with a fresh context object per call", () => {
    const q = ctx();
    const first = call("rand.intn", ["s", 1_000_000_000], { ...q });
    expect(call("rand.intn", ["s", 1_000_000_000], { ...q })).toBe(first);
    const others = Array.from({ length: 5 }, () => call("rand.intn", ["s", 1_000_000_000], ctx()));
    expect(others.some((v) => v !== first)).toBe(true);
  });
});

describe("sets and aggregates", () => {
  it("intersects and unites", () => {
    expect(equal(call("and", [set(1, 2), set(2, 3)])!, set(2))).toBe(true);
    expect(equal(call("or", [set(1), set(2)])!, set(1, 2))).toBe(true);
    expect(equal(call("intersection", [set(set(1, 2), set(2, 3))])!, set(2))).toBe(true);
    expect(equal(call("union", [set(set(1), set(2))])!, set(1, 2))).toBe(true);
    expect(equal(call("intersection", [set()])!, set())).toBe(true);
  });
  it("counts code points, not UTF-16 units", () => {
    expect(call("count", ["a😀"])).toBe(2);
    expect(call("count", [new RegoObject([[1, "a"]])])).toBe(1);
  });
  it("sums, multiplies, finds extremes and sorts", () => {
    expect(call("sum", [set(1, 2, 3)])).toBe(6);
    expect(call("product", [[2, 3]])).toBe(6);
    expect(call("max", [[1, "a", null]])).toBe("a");
    expect(call("min", [[]])).toBeUndefined();
    expect(call("sort", [[3, "a", 1, null]])).toEqual([null, 1, 3, "a"]);
    expect(failure("sum", [["a"]]).message).toBe(
      "sum: operand 1 must be array of number but got array containing string",
    );
    expect(call("any", [[false, true]])).toBe(true);
    expect(call("all", [[]])).toBe(true);
  });
});

describe("types and conversions", () => {
  it("names types", () => {
    expect([null, true, 1, "s", [], {}, set()].map((v) => call("type_name", [v]))).toEqual([
      "null",
      "boolean",
      "number",
      "string",
      "array",
      "object",
      "set",
    ]);
    expect(call("is_string", [1])).toBe(false);
    expect(call("is_set", [set()])).toBe(true);
  });
  it("converts to numbers", () => {
    // OPA makes the number of the string's own text (ast.Number(a)): equal to -150, printed as written.
    const n = call("to_number", ["-1.5e2"])!;
    expect(equal(n, -150)).toBe(true);
    expect(call("json.marshal", [n])).toBe("-1.5e2");
    expect(call("to_number", ["42"])).toBe(42);
    for (const odd of ["nan", "-NaN", "inf", "+Infinity", "iNf"]) {
      expect(failure("to_number", [odd]).message, odd).toBe(
        "to_number: operand 1 must be valid number string but got string",
      );
    }
    expect(failure("to_number", ["1x"]).code).toBe("eval_builtin_error");
    expect(call("to_number", [true])).toBe(1);
    expect(call("to_number", [null])).toBe(0);
    expect(failure("to_number", ["0x10"]).code).toBe("eval_builtin_error");
    expect(equal(call("cast_set", [[1, 1]])!, set(1))).toBe(true);
  });
});

describe("bits", () => {
  it("works beyond 32 bits", () => {
    expect(call("bits.lsh", [1, 40])).toBe(2 ** 40);
    expect(call("bits.rsh", [2 ** 40, 38])).toBe(4);
    expect(call("bits.and", [2 ** 40 + 5, 7])).toBe(5);
    expect(call("bits.negate", [-50])).toBe(49);
    expect(call("bits.xor", [5, 3])).toBe(6);
  });
});

describe("deprecated builtins", () => {
  it("are flagged so rego.v1 can reject them", () => {
    expect(BUILTINS.get("re_match")!.deprecated).toBe(true);
    expect(BUILTINS.get("cast_set")!.deprecated).toBe(true);
    expect(BUILTINS.get("regex.match")!.deprecated).toBeUndefined();
  });
});
