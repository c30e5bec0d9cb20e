import { describe, expect, it } from "vitest";
import { RegoObject, equal, formatValue } from "../../../src/rego/value.js";
import type { Value } from "../../../src/rego/value.js";
import { call, failure, set } from "./helpers.js";

const same = (a: Value | undefined, b: Value): void => {
  expect(a !== undefined && equal(a, b), `${a === undefined ? "undefined" : formatValue(a)} != ${formatValue(b)}`).toBe(
    true,
  );
};

describe("arrays", () => {
  it("concatenates, slices with clamping, reverses", () => {
    expect(call("array.concat", [[1], [2, 3]])).toEqual([1, 2, 3]);
    expect(call("array.slice", [[1, 2, 3], -5, 2])).toEqual([1, 2]);
    expect(call("array.slice", [[1, 2, 3], 2, 1])).toEqual([]);
    expect(call("array.reverse", [[1, 2, 3]])).toEqual([3, 2, 1]);
  });
});

describe("array.flatten", () => {
  it("flattens one level and keeps other members", () => {
    same(call("array.flatten", [[[1, 2], "s", [[3]], []]]), [1, 2, "s", [3]]);
    same(call("array.flatten", [[]]), []);
    expect(failure("array.flatten", [42]).message).toBe("array.flatten: operand 1 must be array but got number");
  });
});

describe("object.get", () => {
  const obj = { a: { b: [10, 20] }, s: set("x") } as Value;
  it("reads keys and paths, falling back to the default", () => {
    expect(call("object.get", [obj, "a", null])).toEqual({ b: [10, 20] });
    expect(call("object.get", [obj, ["a", "b", 1], null])).toBe(20);
    expect(call("object.get", [obj, ["s", "x"], null])).toBe("x");
    expect(call("object.get", [obj, ["a", "zz"], "d"])).toBe("d");
    expect(call("object.get", [obj, [], "d"])).toBe(obj);
    expect(call("object.get", [{ constructor: 1 }, "toString", "d"])).toBe("d");
  });
});

describe("object builtins", () => {
  it("unions recursively, the right side winning", () => {
    same(
      call("object.union", [
        { a: { b: 1, c: 2 }, d: 1 },
        { a: { b: 3 }, d: { x: 1 } },
      ]),
      { a: { b: 3, c: 2 }, d: { x: 1 } },
    );
    same(call("object.union_n", [[{ a: { b: 2 } }, { a: 4 }, { a: { c: 3 } }]]), { a: { c: 3 } });
  });
  it("removes and filters by array, set or object keys", () => {
    const o = new RegoObject([
      ["a", 1],
      [1, 2],
      ["c", 3],
    ]);
    same(call("object.remove", [o, ["a", 1]]), { c: 3 });
    same(call("object.filter", [o, set(1)]), new RegoObject([[1, 2]]));
    same(call("object.filter", [{ a: 1, b: 2 }, { a: 0 }]), { a: 1 });
    same(call("object.keys", [o]), set("a", 1, "c"));
  });
  it("object.subset: objects recursively, arrays contiguously, sets by members", () => {
    expect(call("object.subset", [{ a: { b: 1, c: 2 }, d: 3 }, { a: { b: 1 } }])).toBe(true);
    expect(call("object.subset", [{ a: [1, 2, 3] }, { a: [2, 3] }])).toBe(true);
    expect(
      call("object.subset", [
        [1, 2, 3],
        [1, 3],
      ]),
    ).toBe(false);
    expect(call("object.subset", [[1, 2, 3], set(3, 1)])).toBe(true);
    expect(call("object.subset", [set(1, 2), set(2)])).toBe(true);
  });
});

describe("object.filter and object.remove operands", () => {
  it("name the expected types in OPA's order", () => {
    expect(failure("object.filter", [{}, null]).message).toBe(
      "object.filter: operand 2 must be one of {object, set, array} but got null",
    );
    expect(failure("object.remove", [{}, 1]).message).toBe(
      "object.remove: operand 2 must be one of {object, set, array} but got number",
    );
  });
});

describe("json.filter and json.remove", () => {
  const doc = { a: { b: 1, c: [1, 2, 3] }, d: 4 } as Value;
  it("keeps only the paths", () => {
    same(call("json.filter", [doc, ["a/b", "d"]]), { a: { b: 1 }, d: 4 });
    same(call("json.filter", [doc, [["a", "c", "1"]]]), { a: { c: [2] } });
  });
  it("drops the paths, closing array gaps", () => {
    same(call("json.remove", [doc, ["a/c/0", "d"]]), { a: { b: 1, c: [2, 3] } });
    same(call("json.remove", [doc, set(["a"])]), { d: 4 });
  });
});

describe("json.patch", () => {
  it("applies RFC 6902 operations without changing the input", () => {
    const input = { a: [1, 2], b: { c: 1 } } as Value;
    const out = call("json.patch", [
      input,
      [
        { op: "add", path: "/a/-", value: 3 },
        { op: "remove", path: "/a/0" },
        { op: "replace", path: "/b/c", value: 9 },
        { op: "copy", from: "/b", path: "/e" },
        { op: "move", from: "/e/c", path: "/f" },
        { op: "test", path: "/f", value: 9 },
      ],
    ]);
    same(out, { a: [2, 3], b: { c: 9 }, e: {}, f: 9 });
    same(input, { a: [1, 2], b: { c: 1 } });
  });
  it("is undefined when an operation fails", () => {
    expect(call("json.patch", [{}, [{ op: "remove", path: "/x" }]])).toBeUndefined();
    expect(call("json.patch", [{ a: 1 }, [{ op: "test", path: "/a", value: 2 }]])).toBeUndefined();
    expect(call("json.patch", [{ a: { b: 1 } }, [{ op: "move", from: "/a", path: "/a/c" }]])).toBeUndefined();
  });
  it("reads paths and values as OPA does", () => {
    // parsePath trims leading slashes: "b" and "//b" are "/b".
    same(call("json.patch", [{ a: 1 }, [{ op: "add", path: "b", value: 2 }]]), { a: 1, b: 2 });
    same(call("json.patch", [{ a: 1 }, [{ op: "add", path: "//b", value: 2 }]]), { a: 1, b: 2 });
    // null is a value, not a missing member.
    same(call("json.patch", [{ a: 1 }, [{ op: "add", path: "/b", value: null }]]), { a: 1, b: null });
    same(call("json.patch", [{ a: null }, [{ op: "test", path: "/a", value: null }]]), { a: null });
    expect(call("json.patch", [{ a: 1 }, [{ op: "add", path: "/b" }]])).toBeUndefined();
    // move onto itself leaves the document as it was.
    same(call("json.patch", [{ a: { b: [1, 2] } }, [{ op: "move", from: "/a/b/1", path: "/a/b/1" }]]), {
      a: { b: [1, 2] },
    });
    same(call("json.patch", [{ a: { b: 1 } }, [{ op: "move", from: "/a", path: "/a" }]]), { a: { b: 1 } });
  });
  it("addresses set members by value", () => {
    same(call("json.patch", [set("a"), [{ op: "add", path: ["b"], value: "b" }]]), set("a", "b"));
    expect(call("json.patch", [set("a"), [{ op: "replace", path: ["a"], value: "c" }]])).toBeUndefined();
  });
});

describe("walk and graph.reachable", () => {
  it("yields every [path, value], the root first", () => {
    const out = call("walk", [{ a: [true], b: set(1) }]) as Value[];
    expect(out.map((pv) => formatValue((pv as Value[])[0]!))).toEqual(["[]", '["a"]', '["a", 0]', '["b"]', '["b", 1]']);
  });
  it("follows edges from the initial nodes", () => {
    same(call("graph.reachable", [{ a: ["b"], b: set("c"), c: [], d: ["a"] }, ["a"]]), set("a", "b", "c"));
    // A node that is no key of the graph is not reached (OPA).
    same(call("graph.reachable", [{ a: ["x"] }, ["a", "y"]]), set("a"));
  });
  it("lists the paths from the initial nodes, ending at leaves, cycles and nodes outside the graph", () => {
    same(
      call("graph.reachable_paths", [{ a: ["b"], b: ["c", "a"], c: [], d: ["x"], e: [] }, ["a", "d", "e", "zz"]]),
      set(["a", "b", "c"], ["a", "b"], ["d"], ["e"]),
    );
    same(call("graph.reachable_paths", [{ a: set("b", "c"), b: [], c: [] }, set("a")]), set(["a", "b"], ["a", "c"]));
  });
});
