import { describe, expect, it } from "vitest";
import { formatPrintArgs } from "../../../src/rego/builtins/index.js";
import { call, ctx, failure, set } from "./helpers.js";

describe("semver", () => {
  it("validates and orders by SemVer 2.0.0 precedence", () => {
    expect(call("semver.is_valid", ["1.0.0-rc.1+build.5"])).toBe(true);
    expect(call("semver.is_valid", ["v1.0.0"])).toBe(false);
    expect(call("semver.is_valid", ["01.0.0"])).toBe(false);
    const order = [
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-alpha.beta",
      "1.0.0-beta",
      "1.0.0-beta.2",
      "1.0.0-beta.11",
      "1.0.0-rc.1",
      "1.0.0",
      "1.10.0",
    ];
    for (let i = 0; i + 1 < order.length; i++) {
      expect(call("semver.compare", [order[i]!, order[i + 1]!]), `${order[i]} < ${order[i + 1]}`).toBe(-1);
      expect(call("semver.compare", [order[i + 1]!, order[i]!])).toBe(1);
    }
    expect(call("semver.compare", ["1.0.0+a", "1.0.0+b"])).toBe(0);
    expect(failure("semver.compare", ["x", "1.0.0"]).code).toBe("eval_builtin_error");
  });
});

describe("crypto and uuid", () => {
  it("hashes UTF-8 strings to hex", () => {
    expect(call("crypto.sha256", ["abc"])).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(call("crypto.md5", ["abc"])).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect(call("crypto.sha1", ["abc"])).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(call("crypto.hmac.sha256", ["msg", "key"])).toBe(
      "2d93cbc1be167bcb1637a4a23cbff01a7878f0c50ee833954ea5221bb1b8c628",
    );
    expect(call("crypto.hmac.equal", ["a", "a"])).toBe(true);
  });
  it("generates stable v4 UUIDs per query and parses UUIDs", () => {
    const c = ctx();
    const a = call("uuid.rfc4122", ["k"], c) as string;
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(call("uuid.rfc4122", ["k"], c)).toBe(a);
    expect(call("uuid.rfc4122", ["other"], c)).not.toBe(a);
    expect(call("uuid.parse", ["b01d0062-a116-11ee-822b-7ab0b9e5e0c0"])).toEqual({
      version: 1,
      variant: "RFC4122",
      time: 1703282931110717000,
      clocksequence: 555,
      nodeid: "7a-b0-b9-e5-e0-c0",
      macvariables: "local:unicast",
    });
    expect(call("uuid.parse", ["{A6342DF8-7801-469C-B3F3-C5317A0EBDAA}"])).toEqual({ version: 4, variant: "RFC4122" });
    expect(call("uuid.parse", ["not-valid"])).toBeUndefined();
  });
});

describe("runtime and print", () => {
  it("opa.runtime is an empty environment", () => {
    expect(call("opa.runtime", [])).toEqual({ env: {}, config: {} });
  });
  it("trace is true and hands its note to the context", () => {
    const notes: string[] = [];
    expect(call("trace", ["checked"], { ...ctx(), note: (n) => notes.push(n) })).toBe(true);
    expect(call("trace", ["dropped"])).toBe(true);
    expect(notes).toEqual(["checked"]);
    expect(failure("trace", [1]).message).toBe("trace: operand 1 must be string but got number");
  });
  it("formats print arguments as OPA", () => {
    expect(formatPrintArgs(["Hello", ["Hello"], set(2, 1), undefined, null])).toBe(
      'Hello ["Hello"] {1, 2} <undefined> null',
    );
  });
});

describe("graphql", () => {
  const schema = "type Query { user(id: ID!): User }\ntype User { id: ID!, name: String }";
  it("validates queries against a schema with the specification's rules", () => {
    expect(call("graphql.is_valid", ["{ user(id: 1) { name } }", schema])).toBe(true);
    expect(call("graphql.is_valid", ["{ user { name } }", schema])).toBe(false); // missing required argument
    expect(call("graphql.is_valid", ["{ user(id: 1) { email } }", schema])).toBe(false); // unknown field
    expect(call("graphql.is_valid", ["query Q($v: ID) { user(id: 1) { name } }", schema])).toBe(false); // unused variable
    expect(call("graphql.is_valid", ["{ user(id: 1) { name", schema])).toBe(false); // syntax error
    expect(call("graphql.is_valid", ["# nothing but a comment\n", schema])).toBe(true);
  });
  it("reads schemas as gqlparser does: an extension of an undefined type defines it, Query may be absent", () => {
    expect(call("graphql.schema_is_valid", ["extend type Query { a: Int }\nextend type Query { b: Int }"])).toBe(true);
    expect(call("graphql.is_valid", ["{ a b }", "extend type Query { a: Int }\nextend type Query { b: Int }"])).toBe(
      true,
    );
    expect(call("graphql.schema_is_valid", ["type T { f: String @deprecated }"])).toBe(true);
    expect(call("graphql.schema_is_valid", ["type Query { a: Missing }"])).toBe(false);
    expect(call("graphql.schema_is_valid", ["type Query {"])).toBe(false);
  });
  it("refuses ASTs as operands (planguard has no gqlparser AST)", () => {
    expect(failure("graphql.is_valid", ["{ a }", { Definitions: [] }]).message).toContain("not supported");
    expect(failure("graphql.schema_is_valid", [1]).code).toBe("eval_type_error");
  });
});
