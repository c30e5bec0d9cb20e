import { describe, expect, it } from "vitest";
import { RegoObject, type Value, equal, objectEntries } from "../../../src/rego/value.js";
import { call, failure, set } from "./helpers.js";

describe("json", () => {
  it("marshals compactly with sorted keys, sets as arrays, Go's HTML escapes", () => {
    expect(call("json.marshal", [{ b: 1, a: set(2, 1) }])).toBe('{"a":[1,2],"b":1}');
    expect(call("json.marshal", ["<&>"])).toBe('"\\u003c\\u0026\\u003e"');
    expect(call("json.marshal", [new RegoObject([[1, "x"]])])).toBe('{"1":"x"}');
  });
  it("marshals with options", () => {
    expect(call("json.marshal_with_options", [{ a: [1] }, { pretty: true }])).toBe('{\n\t"a": [\n\t\t1\n\t]\n}');
    expect(call("json.marshal_with_options", [{ a: 1 }, { indent: "  ", prefix: "> " }])).toBe('{\n>   "a": 1\n> }');
    expect(call("json.marshal_with_options", [{ a: 1 }, { pretty: false, indent: "  " }])).toBe('{"a":1}');
    expect(failure("json.marshal_with_options", [{}, { bogus: 1 }]).code).toBe("eval_builtin_error");
  });
  it("unmarshals and validates", () => {
    expect(call("json.unmarshal", ['{"a":[1,"x",null]}'])).toEqual({ a: [1, "x", null] });
    expect(failure("json.unmarshal", ["{"]).code).toBe("eval_builtin_error");
    expect(call("json.is_valid", ["[1]"])).toBe(true);
    expect(call("json.is_valid", ["[1"])).toBe(false);
  });
});

describe("yaml", () => {
  it("round-trips documents", () => {
    const out = call("yaml.marshal", [{ b: [1, 2], a: "x" }]) as string;
    expect(out).toBe("a: x\nb:\n- 1\n- 2\n");
    expect(call("yaml.unmarshal", [out])).toEqual({ a: "x", b: [1, 2] });
  });
  it("reads YAML 1.1 scalars as Go's yaml.v2 does", () => {
    expect(call("yaml.unmarshal", ["a: yes\nb: ~\nc: 010"])).toEqual({ a: true, b: null, c: 8 });
    expect(call("yaml.is_valid", ["a: [1"])).toBe(false);
    // A broken later document makes the whole text invalid.
    expect(call("yaml.is_valid", ["a: 1\n---\n\tb: 2\n"])).toBe(false);
    expect(call("yaml.is_valid", ["a: 1\n---\nb: 2\n"])).toBe(true);
    expect(failure("yaml.unmarshal", ["a: [1"]).code).toBe("eval_builtin_error");
  });
});

describe("base64, hex, urlquery", () => {
  it("encodes and decodes strictly", () => {
    expect(call("base64.encode", ["hi?"])).toBe("aGk/");
    expect(call("base64.decode", ["aGk/"])).toBe("hi?");
    expect(call("base64.is_valid", ["aGk"])).toBe(false);
    expect(failure("base64.decode", ["a$=="]).code).toBe("eval_builtin_error");
    expect(call("base64url.encode", ["hi?"])).toBe("aGk_");
    expect(call("base64url.encode", ["h"])).toBe("aA==");
    expect(call("base64url.encode_no_pad", ["h"])).toBe("aA");
    expect(call("base64url.decode", ["aA"])).toBe("h");
    expect(call("hex.encode", ["é"])).toBe("c3a9");
    expect(call("hex.decode", ["c3a9"])).toBe("é");
    expect(failure("hex.decode", ["abc"]).message).toContain("odd length");
    // Go names the first invalid byte before it looks at the length.
    expect(failure("hex.decode", ["fghijkl"]).message).toBe("hex.decode: encoding/hex: invalid byte: U+0067 'g'");
  });
  it("escapes query strings as Go's net/url", () => {
    expect(call("urlquery.encode", ["a b&c=d/é~"])).toBe("a+b%26c%3Dd%2F%C3%A9~");
    expect(call("urlquery.decode", ["a+b%26c"])).toBe("a b&c");
    expect(failure("urlquery.decode", ["%zz"]).code).toBe("eval_builtin_error");
    expect(call("urlquery.encode_object", [{ b: ["2", "1"], a: "x y", c: set("z") }])).toBe("a=x+y&b=2&b=1&c=z");
    expect(equal(call("urlquery.decode_object", ["a=1&a=2&b=x+y"])!, { a: ["1", "2"], b: ["x y"] })).toBe(true);
  });
});

describe("units", () => {
  it("parses SI and binary quantities", () => {
    expect(call("units.parse", ["10k"])).toBe(10000);
    expect(call("units.parse", ["1.1m"])).toBe(0.0011);
    expect(call("units.parse", ["1M"])).toBe(1e6);
    expect(call("units.parse", ["1Ki"])).toBe(1024);
    expect(call("units.parse", ['"2"'])).toBe(2);
    expect(call("units.parse", ["1mb"])).toBeUndefined();
    expect(failure("units.parse", ["1 k"]).message).toBe("units.parse: spaces not allowed in resource strings");
  });
  it("parses byte quantities to integers", () => {
    expect(call("units.parse_bytes", ["1.5KB"])).toBe(1500);
    expect(call("units.parse_bytes", ["1GiB"])).toBe(1073741824);
    expect(call("units.parse_bytes", ["10"])).toBe(10);
    expect(call("units.parse_bytes", ["1e3"])).toBe(1000);
    expect(call("units.parse_bytes", ["5 MB".replace(" ", "")])).toBe(5e6);
    expect(failure("units.parse_bytes", ["KB"]).message).toBe("units.parse_bytes: no byte amount provided");
  });
  it("fails with OPA's messages on what is no quantity", () => {
    expect(failure("units.parse", [""]).message).toBe("units.parse: no amount provided");
    expect(failure("units.parse", ["G"]).message).toBe("units.parse: no amount provided");
    expect(failure("units.parse", ["0.0.0"]).message).toBe("units.parse: could not parse amount to a number");
    expect(failure("units.parse_bytes", ["1.2.3kb"]).message).toBe(
      "units.parse_bytes: could not parse byte amount to a number",
    );
    expect(failure("units.parse", ["10e1000000Ei"]).message).toBe("units.parse: exponent too large");
    expect(call("units.parse", ["1e3k"])).toBe(1e6);
    expect(call("units.parse", ["2e"])).toBe(2e18);
  });
});

describe("yaml round trip of YAML 1.1 look-alikes", () => {
  it("quotes strings that YAML 1.1 would read as booleans or numbers", () => {
    for (const s of ["yes", "on", "NO", "1", "0x1f", "~", "1_000", "12:30"]) {
      expect(call("yaml.unmarshal", [call("yaml.marshal", [{ a: s }])!]), s).toEqual({ a: s });
    }
  });
});

describe("json.verify_schema and json.match_schema", () => {
  const schema = { properties: { id: { type: "string" }, n: { minimum: 2 } }, required: ["id"] };
  it("verify gives [true, null] or [false, a jsonschema: message]", () => {
    expect(call("json.verify_schema", [schema])).toEqual([true, null]);
    expect(call("json.verify_schema", [JSON.stringify(schema)])).toEqual([true, null]);
    expect(
      call("json.verify_schema", [{ $schema: "http://json-schema.org/draft-04/schema#", type: "object" }]),
    ).toEqual([true, null]);
    const [ok, problem] = call("json.verify_schema", [{ type: "nope" }]) as [boolean, string];
    expect(ok).toBe(false);
    expect(problem).toMatch(/^jsonschema: /);
    expect(call("json.verify_schema", ["{"])).toEqual([false, "jsonschema: invalid JSON string"]);
    expect(call("json.verify_schema", [1])).toEqual([false, "jsonschema: wrong type, expected string or object"]);
  });
  it("match reports errors as OPA's gojsonschema does", () => {
    expect(call("json.match_schema", [{ id: "a", n: 3 }, schema])).toEqual([true, []]);
    const [ok, errors] = call("json.match_schema", [{ id: 5, n: 1 }, schema]) as [boolean, Value[]];
    expect(ok).toBe(false);
    expect(errors.map((e) => Object.fromEntries(objectEntries(e as never) as Iterable<[string, Value]>))).toEqual([
      {
        error: "id: Invalid type. Expected: string, given: integer",
        type: "invalid_type",
        field: "id",
        desc: "Invalid type. Expected: string, given: integer",
      },
      {
        error: "n: Must be greater than or equal to 2",
        type: "number_gte",
        field: "n",
        desc: "Must be greater than or equal to 2",
      },
    ]);
    const [, missing] = call("json.match_schema", ['{"n": 2}', JSON.stringify(schema)]) as [boolean, Value[]];
    expect(Object.fromEntries(objectEntries(missing[0] as never) as Iterable<[string, Value]>)).toMatchObject({
      field: "(root)",
      type: "required",
      desc: "id is required",
    });
  });
  it("fetches nothing: a remote $ref is no valid schema", () => {
    expect((call("json.verify_schema", [{ $ref: "https://example.com/schema.json" }]) as Value[])[0]).toBe(false);
    expect(failure("json.match_schema", [{}, { $ref: "https://example.com/schema.json" }]).code).toBe(
      "eval_builtin_error",
    );
  });
});
