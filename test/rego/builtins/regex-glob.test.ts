import { describe, expect, it } from "vitest";
import { call, failure } from "./helpers.js";

describe("regex", () => {
  it("matches anywhere, with RE2 syntax", () => {
    expect(call("regex.match", ["^a+b$", "aab"])).toBe(true);
    expect(call("regex.match", ["b", "abc"])).toBe(true);
    expect(call("re_match", ["(?i)ABC", "xabcx"])).toBe(true);
    expect(call("regex.is_valid", ["("])).toBe(false);
    expect(call("regex.is_valid", [1])).toBe(false);
    expect(failure("regex.match", ["(", "x"]).message).toBe(
      "regex.match: error parsing regexp: missing closing ): `(`",
    );
  });
  it("finds, splits and replaces as Go's regexp", () => {
    expect(call("regex.find_n", ["a.", "a1a2a3", 2])).toEqual(["a1", "a2"]);
    expect(call("regex.find_n", ["a*", "baaac", -1])).toEqual(["", "aaa", ""]);
    expect(call("regex.find_all_string_submatch_n", ["(a)(x)?", "aa", -1])).toEqual([
      ["a", "a", ""],
      ["a", "a", ""],
    ]);
    expect(call("regex.split", ["\\s*,\\s*", "a , b,c"])).toEqual(["a", "b", "c"]);
    expect(call("regex.split", ["x", ""])).toEqual([""]);
    expect(call("regex.replace", ["hello world", "(o)", "[$1]"])).toBe("hell[o] w[o]rld");
    expect(call("regex.replace", ["ab", "(?P<x>a)", "${x}${x}$$"])).toBe("aa$b");
    expect(call("regex.replace", ["ab", "(a)", "$1x"])).toBe("b"); // $1x is group "1x"
  });
  it("matches templates", () => {
    expect(call("regex.template_match", ["urn:foo:{.*}", "urn:foo:bar:baz", "{", "}"])).toBe(true);
    expect(call("regex.template_match", ["urn:foo.bar.com:{.*}", "urn:foo.bar.com:x", "{", "}"])).toBe(true);
    expect(call("regex.template_match", ["urn:foo:{[0-9]+}", "urn:foo:x", "{", "}"])).toBe(false);
  });
});

describe("glob", () => {
  it("honours delimiters: null means none, [] means '.'", () => {
    expect(call("glob.match", ["*.github.com", [], "api.github.com"])).toBe(true);
    expect(call("glob.match", ["*.github.com", [], "api.cdn.github.com"])).toBe(false);
    expect(call("glob.match", ["*hub.com", null, "api.cdn.github.com"])).toBe(true);
    expect(call("glob.match", ["*:github:com", [":"], "api:github:com"])).toBe(true);
    expect(call("glob.match", ["api.**.com", [], "api.cdn.github.com"])).toBe(true);
  });
  it("supports ?, classes, alternatives and escapes", () => {
    expect(call("glob.match", ["?at", [], "cat"])).toBe(true);
    expect(call("glob.match", ["[!a-c]at", [], "lat"])).toBe(true);
    expect(call("glob.match", ["{cat,bat,[fr]at}", [], "rat"])).toBe(true);
    expect(call("glob.match", ["{cat,bat}", [], "at"])).toBe(false);
    expect(call("glob.match", ["a\\*b", [], "a*b"])).toBe(true);
    expect(call("glob.match", ["a\\*b", [], "axb"])).toBe(false);
    expect(call("glob.match", ["a.(b)+", [], "a.(b)+"])).toBe(true); // regex metacharacters are literal
    expect(failure("glob.match", ["[abc", [], "a"]).code).toBe("eval_builtin_error");
  });
  it("quotes metacharacters", () => {
    expect(call("glob.quote_meta", ["*.github.com"])).toBe("\\*.github.com");
  });
});

describe("regex.globs_match", () => {
  // Cases of glob-intersection's own tests (github.com/yashtewari/glob-intersection, MIT), which OPA uses.
  const overlapping: Record<string, string[]> = {
    abcd: ["abcd", "....", "[a-d]*"],
    "d*": ["[abcd][abcd]", "d[a-z]+", ".....", "[d]*"],
    "[a-p]+": ["[p-z]+", ".*", "abcdefgh*"],
    "abcd[a-c]z+": ["abcd[b-d][yz]*", "abcdazzzz"],
    ".*\\\\": [".*", "asdfasdf\\\\"],
    "foo.*bar": ["foobar", "fooalkdsjfbar"],
    "a.a.": [".b.b"],
  };
  const disjoint: Record<string, string[]> = {
    abcd: ["lsdfhda", "abcdla"],
    "[a-d]+": ["xyz", "p+", "[e-f]+"],
    "[0-9]*": ["[a-z]", ".\\*"],
    "mamama.*": ["dadada.*"],
    "ab+": ["a", "b", "abc"],
    ".*.*.*.*f": [".*.*.*.*g"],
    "[a-z]+": ["[0-9]*"],
  };
  it("is true when some non-empty string matches both", () => {
    for (const [a, bs] of Object.entries(overlapping))
      for (const b of bs) expect(call("regex.globs_match", [a, b]), `${a} ${b}`).toBe(true);
  });
  it("is false when none does", () => {
    for (const [a, bs] of Object.entries(disjoint))
      for (const b of bs) expect(call("regex.globs_match", [a, b]), `${a} ${b}`).toBe(false);
  });
  it("refuses patterns outside its dialect", () => {
    expect(failure("regex.globs_match", ["*a", "a"]).code).toBe("eval_builtin_error");
    expect(failure("regex.globs_match", ["[a-", "a"]).code).toBe("eval_builtin_error");
  });
});
