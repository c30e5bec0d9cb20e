import { describe, expect, it } from "vitest";
import { numberFromText } from "../../../src/rego/value.js";
import { call, failure, set } from "./helpers.js";

describe("strings", () => {
  it("index and cut by code point", () => {
    expect(call("indexof", ["skön var våren", "vår"])).toBe(9);
    expect(call("indexof", ["abc", "z"])).toBe(-1);
    expect(call("indexof_n", ["aaa", "aa"])).toEqual([0, 1]);
    expect(call("substring", ["a😀bc", 1, 2])).toBe("😀b");
    expect(call("substring", ["abc", 1, -1])).toBe("bc");
    expect(call("substring", ["abc", 5, 1])).toBe("");
    expect(failure("substring", ["abc", -1, 1]).message).toBe("substring: negative offset");
    expect(call("strings.reverse", ["a😀b"])).toBe("b😀a");
  });
  it("strings.split_n keeps the first or the last parts", () => {
    expect(call("strings.split_n", ["a.b.c.d", ".", 2])).toEqual(["a", "b"]);
    expect(call("strings.split_n", ["a.b.c.d", ".", -2])).toEqual(["c", "d"]);
    expect(call("strings.split_n", ["a.b.c.d", ".", 0])).toEqual([]);
    expect(call("strings.split_n", ["a.b", ".", 9])).toEqual(["a", "b"]);
    expect(call("strings.split_n", ["abc", "", -2])).toEqual(["b", "c"]);
    expect(failure("strings.split_n", ["a.b", ".", 1.5]).code).toBe("eval_type_error");
  });
  it("strings.replace_n with an empty key, as Go's Replacer", () => {
    expect(call("strings.replace_n", [{ "": "X" }, "ab"])).toBe("XaXbX");
    expect(call("strings.replace_n", [{ "": "X", a: "Y" }, "ab"])).toBe("XYXbX");
    expect(call("strings.replace_n", [{ "": "-", é: "e" }, "aéb"])).toBe("-a-e-b-");
    expect(failure("strings.replace_n", [{ a: 1 }, "ab"]).code).toBe("eval_type_error");
  });
  it("split, concat, replace as Go", () => {
    expect(call("split", ["a,b,,c", ","])).toEqual(["a", "b", "", "c"]);
    expect(call("split", ["a😀", ""])).toEqual(["a", "😀"]);
    expect(call("split", ["", ","])).toEqual([""]);
    expect(call("concat", ["-", set("b", "a")])).toBe("a-b");
    expect(call("replace", ["aaa", "a", "b"])).toBe("bbb");
    expect(call("replace", ["ab", "", "-"])).toBe("-a-b-");
    expect(call("strings.replace_n", [{ a: "1", ab: "2" }, "abab"])).toBe("1b1b");
    expect(call("strings.count", ["cheese", "e"])).toBe(3);
    expect(call("strings.count", ["five", ""])).toBe(5);
  });
  it("trims as Go's strings package", () => {
    expect(call("trim", ["xxhixx", "x"])).toBe("hi");
    expect(call("trim_left", ["xyhi", "yx"])).toBe("hi");
    expect(call("trim_right", ["hixy", "yx"])).toBe("hi");
    expect(call("trim_prefix", ["prefix-x", "prefix-"])).toBe("x");
    expect(call("trim_suffix", ["x.tf", ".tf"])).toBe("x");
    expect(call("trim_space", ["\u0085 hi\t\n"])).toBe("hi");
    expect(call("trim_space", ["\ufeffhi"])).toBe("\ufeffhi");
  });
  it("formats integers in bases, truncating toward zero", () => {
    expect(call("format_int", [255, 16])).toBe("ff");
    expect(call("format_int", [-10.7, 2])).toBe("-1010");
    expect(failure("format_int", [1, 3]).code).toBe("eval_builtin_error");
  });
  it("prefix and suffix matching over strings, arrays and sets", () => {
    expect(call("strings.any_prefix_match", [["abc", "xyz"], "xy"])).toBe(true);
    expect(call("strings.any_suffix_match", ["abc", set("zz", "bc")])).toBe(true);
    expect(call("startswith", ["abc", "ab"])).toBe(true);
    expect(call("endswith", ["abc", "ab"])).toBe(false);
    expect(call("contains", ["abc", "b"])).toBe(true);
    expect(call("upper", ["straße"])).toBe("STRAßE");
    expect(call("lower", ["ΣΑΣ"])).toBe("σασ");
  });
});

describe("sprintf", () => {
  const f = (fmt: string, ...args: unknown[]) => call("sprintf", [fmt, args as never]);
  it("formats integers, floats and strings as Go's fmt", () => {
    expect(f("%d|%5d|%-5d|%05d", 42, 42, 42, 42)).toBe("42|   42|42   |00042");
    expect(f("%x %X %o %b %#x", 255, 255, 64, 5, 255)).toBe("ff FF 100 101 0xff");
    expect(f("%f %.2f %e %g", 3.14, 3.14259, 1234.5678, 0.00001234)).toBe("3.140000 3.14 1.234568e+03 1.234e-05");
    expect(f("%v %v", 1.5, 1e21)).toBe("1.5 1000000000000000000000");
    expect(f("%v", 123456789.5)).toBe("1.234567895e+08");
    expect(f("%s|%q|%5s|%.2s", "hi", 'a"b', "ab", "abc")).toBe('hi|"a\\"b"|   ab|ab');
    expect(f("%%")).toBe("%");
    expect(f("%c%c %q", 65, -1, 66)).toBe("A\ufffd 'B'");
  });
  it("formats other values in Rego syntax, and mismatches as Go does", () => {
    expect(f("%v %v %v", { k: "v" }, [1, "a"], true)).toBe('{"k": "v"} [1, "a"] true');
    expect(f("%v", set())).toBe("set()");
    expect(f("%d", "x")).toBe("%!d(string=x)");
    // Beyond int64 OPA passes a *big.Int, which prints %s in decimal; an int64 does not.
    expect(f("%s %s", numberFromText("123456789123456789123"), 5)).toBe("123456789123456789123 %!s(int=5)");
    expect(f("%s", 5)).toBe("%!s(int=5)");
    expect(f("%s %s", "a")).toBe("a %!s(MISSING)");
    expect(f("%s", "a", "b")).toBe("a%!(EXTRA string=b)");
  });
});

describe("strings.render_template (Go's text/template)", () => {
  const render = (t: string, vars: Record<string, unknown>) => call("strings.render_template", [t, vars as never]);
  it("prints fields as Go's fmt does, numbers as written, a missing key as <undefined>", () => {
    expect(
      render("{{.a}} {{.b.c}} {{.n}} {{.l}} {{.m}}", {
        a: "x",
        b: { c: true },
        n: 2023,
        l: [1, "a"],
        m: { z: 1, a: null },
      }),
    ).toBe("x true 2023 [1 a] map[a:<nil> z:1]");
    expect(render("test {{.foo}} {{.baz}}", { baz: 1 })).toBe("test <undefined> 1");
  });
  it("runs if / else if / else, range with index and value, with, and variables", () => {
    const tpl = "{{if .x}}x{{else if .y}}y{{else}}none{{end}}";
    expect([render(tpl, { x: true }), render(tpl, { y: "s" }), render(tpl, {})]).toEqual(["x", "y", "none"]);
    expect(
      render("{{range $i, $name := .names}}{{if $i}},{{end}}hello {{$name}}{{end}}", { names: ["rohan", "john doe"] }),
    ).toBe("hello rohan,hello john doe");
    expect(render("{{range $k, $v := .m}}{{$k}}={{$v}};{{else}}empty{{end}}", { m: { b: 2, a: 1 } })).toBe("a=1;b=2;");
    expect(render("{{range .l}}[{{.}}]{{else}}empty{{end}}", { l: [] })).toBe("empty");
    expect(render('{{with .a}}<{{.}}>{{end}}{{$x := "v"}}{{$x}}', { a: "w" })).toBe("<w>v");
  });
  it("has Go's functions and pipelines, and trims around {{- -}}", () => {
    expect(
      render('{{len .l}} {{index .l 1}} {{printf "%s-%d" .s 3}} {{.s | printf "%q"}} {{eq .k "a" "b"}} {{not true}}', {
        l: [1, 2],
        s: "q",
        k: "b",
      }),
    ).toBe('2 2 q-3 "q" true false');
    expect(render('{{- /* a comment */ -}}  a  {{- " b " -}}  c', {})).toBe("a b c");
    expect(render('{{html "<a&b>"}} {{urlquery "a b&c"}}', {})).toBe("&lt;a&amp;b&gt; a+b%26c");
  });
  it("fails on what Go's template refuses, and on what planguard leaves out", () => {
    expect(failure("strings.render_template", ["{{.a.b}}", {}]).message).toContain(
      "nil pointer evaluating interface {}.b",
    );
    expect(failure("strings.render_template", ["{{nope}}", {}]).message).toContain('function "nope" not defined');
    expect(failure("strings.render_template", ["{{if .a}}", {}]).message).toContain("unexpected EOF");
    expect(failure("strings.render_template", ['{{template "x"}}', {}]).message).toContain("not supported");
  });
});
