import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lexHcl, scanHcl, type HclBlock, type HclMember } from "../../src/source/index.js";

const summary = (b: HclBlock) => `${b.kind} ${b.labels.join(" ")}@${b.line}-${b.endLine}`;
const members = (ms: readonly HclMember[]) =>
  ms.map((m) => `${m.name}${m.labels.length ? ` ${m.labels.join(" ")}` : ""}@${m.line}-${m.endLine}`);

describe("the HCL scanner: what it skips", () => {
  it("does not count braces or headers inside heredocs, plain or indented, with any marker", () => {
    const hcl = scanHcl(
      [
        'resource "aws_iam_policy" "p" {', // 1
        "  policy = <<EOF", // 2
        '{ "Statement": [ { "Effect": "Allow" } ] }', // 3
        'resource "x" "y" {', // 4
        "EOF", // 5
        "  description = <<-DESC", // 6
        "    }}} ${var.a} %{ if true }{%{ endif }", // 7
        "    EOF", // 8: not this heredoc's marker
        "    DESC", // 9: indented marker closes it
        "}", // 10
        'data "a" "b" {}', // 11
      ].join("\n"),
    );
    expect(hcl.blocks.map(summary)).toEqual(["resource aws_iam_policy p@1-10", "data a b@11-11"]);
    expect(members(hcl.blocks[0]!.members)).toEqual(["policy@2-5", "description@6-9"]);
  });

  it("reads templates with braces and nested strings, and escapes, inside quoted strings", () => {
    const hcl = scanHcl(
      [
        "locals {", // 1
        '  a = "${lookup({ "k" = "}" }, "k", "{")}"', // 2
        '  b = "%{ for x in ["}"] }${x}{%{ endfor }"', // 3
        '  c = "quote \\" brace { and $${literal} %%{literal}"', // 4
        '  d = "${ "nested ${ "deeper }" } }" }"', // 5
        "}", // 6
        'resource "r" "after" {', // 7
        "}", // 8
      ].join("\n"),
    );
    expect(hcl.blocks.map(summary)).toEqual(["locals @1-6", "resource r after@7-8"]);
    expect(members(hcl.blocks[0]!.members)).toEqual(["a@2-2", "b@3-3", "c@4-4", "d@5-5"]);
  });

  it("reads a template that spans lines, as HCL allows", () => {
    const hcl = scanHcl(
      ['resource "r" "n" {', '  name = "${', "    var.x", '  }-suffix"', "  size = 1", "}"].join("\n"),
    );
    expect(hcl.blocks.map(summary)).toEqual(["resource r n@1-6"]);
    expect(members(hcl.blocks[0]!.members)).toEqual(["name@2-4", "size@5-5"]);
  });

  it("does not count blocks or braces in any of the three comment forms", () => {
    const hcl = scanHcl(
      [
        '# resource "x" "y" {', // 1
        '// module "m" {', // 2
        '/* data "a" "b" {', // 3
        "   } } } */", // 4
        'resource "real" "one" { # }', // 5
        "  a = 1 // {", // 6
        "  /* { */ b = 2", // 7
        "}", // 8
      ].join("\n"),
    );
    expect(hcl.blocks.map(summary)).toEqual(["resource real one@5-8"]);
    expect(members(hcl.blocks[0]!.members)).toEqual(["a@6-6", "b@7-7"]);
    expect(hcl.comments.map((c) => [c.line, c.endLine, c.ownLine, c.endsLine])).toEqual([
      [1, 1, true, true],
      [2, 2, true, true],
      [3, 4, true, true],
      [5, 5, false, true],
      [6, 6, false, true],
      [7, 7, true, false],
    ]);
  });

  it("records nested blocks with labels, their members, and multi-line attribute ranges", () => {
    const hcl = scanHcl(
      [
        'resource "aws_security_group" "sg" {', // 1
        "  tags = {", // 2
        '    Name = "sg"', // 3: an object key, not a member
        "  }", // 4
        "  ingress {", // 5
        '    cidr_blocks = ["0.0.0.0/0"]', // 6
        "  }", // 7
        '  dynamic "egress" {', // 8
        "    for_each = var.rules", // 9
        "    content { to_port = egress.value }", // 10
        "  }", // 11
        "  lifecycle { create_before_destroy = true }", // 12
        "  depends_on = [", // 13
        "    aws_vpc.v,", // 14
        "  ]", // 15
        "}", // 16
      ].join("\n"),
    );
    const sg = hcl.blocks[0]!;
    expect(summary(sg)).toBe("resource aws_security_group sg@1-16");
    expect(members(sg.members)).toEqual([
      "tags@2-4",
      "ingress@5-7",
      "dynamic egress@8-11",
      "lifecycle@12-12",
      "depends_on@13-15",
    ]);
    expect(members(sg.members[1]!.members)).toEqual(["cidr_blocks@6-6"]);
    expect(members(sg.members[2]!.members)).toEqual(["for_each@9-9", "content@10-10"]);
    expect(members(sg.members[2]!.members[1]!.members)).toEqual(["to_port@10-10"]);
  });

  it("keeps constant string attributes (a module's source) but not templates or heredocs", () => {
    const hcl = scanHcl(
      [
        'module "m" {',
        '  source  = "./modules/m"',
        '  version = "${var.v}"',
        "  note    = <<EOT",
        "x",
        "EOT",
        "}",
      ].join("\n"),
    );
    expect(hcl.blocks[0]!.strings).toEqual({ source: "./modules/m" });
  });

  it("accepts unquoted labels, CRLF line ends and a byte-order mark", () => {
    const hcl = scanHcl('\uFEFFresource aws_instance legacy {\r\n  ami = "x"\r\n}\r\nmodule "m" {\r\n}\r\n');
    expect(hcl.blocks.map(summary)).toEqual(["resource aws_instance legacy@1-3", "module m@4-5"]);
  });

  it("tells `=` from `==`, `=>`, `!=`, `<=` and `>=`", () => {
    const hcl = scanHcl(
      ['resource "r" "n" {', "  a = { for k, v in var.m : k => v if v != 1 }", "  b = var.x == 1 ? 2 : 3", "}"].join(
        "\n",
      ),
    );
    expect(members(hcl.blocks[0]!.members)).toEqual(["a@2-2", "b@3-3"]);
  });
});

describe("the HCL scanner on malformed files", () => {
  it("never throws, whatever the input", () => {
    const inputs = [
      'resource "a" "b" {',
      '"unterminated',
      "<<EOF\nno end",
      "/* open",
      "}}}{{{",
      'x = "${ { "',
      "\u0000\uffff\ud800",
      "\\",
      '"\\',
      "<<",
      "<<-",
      "$${",
      '"${"${"${',
      "[".repeat(100_000),
      '"${'.repeat(50_000),
    ];
    for (const text of inputs) expect(() => scanHcl(text)).not.toThrow();
  });

  it("ends an unterminated quoted string at its line and goes on", () => {
    const hcl = scanHcl(
      ['resource "a" "b" {', '  name = "no closing quote { ', "}", 'resource "c" "d" {', "}"].join("\n"),
    );
    expect(hcl.blocks.map(summary)).toEqual(["resource a b@1-3", "resource c d@4-5"]);
  });

  it("reads a template still open at the end of the file one line at a time", () => {
    const hcl = scanHcl(
      ['resource "a" "b" {', '  name = "${ { "', "}", "", 'resource "c" "d" {', '  x = "y"', "}"].join("\n"),
    );
    expect(hcl.blocks.map(summary)).toEqual(["resource a b@1-3", "resource c d@5-7"]);
  });

  it("reads a heredoc without its closing marker as its opening line", () => {
    const hcl = scanHcl(['resource "a" "b" {', "  policy = <<EOF", "  {", "}", 'resource "c" "d" {', "}"].join("\n"));
    expect(hcl.blocks.map(summary)).toEqual(["resource a b@1-4", "resource c d@5-6"]);
  });

  it("reads an unclosed /* as a comment to the end of its line", () => {
    const hcl = scanHcl(['resource "a" "b" { /* never closed', "}", 'resource "c" "d" {', "}"].join("\n"));
    expect(hcl.blocks.map(summary)).toEqual(["resource a b@1-2", "resource c d@3-4"]);
  });

  it("starts a new block at a top-level header in column 0 when a } is missing, and ends the last one at the end", () => {
    const hcl = scanHcl(
      [
        'resource "a" "b" {',
        "  ingress {",
        "    x = 1",
        "",
        'resource "c" "d" {',
        "  y = [",
        'data "e" "f" {',
        "  z = 1",
      ].join("\n"),
    );
    expect(hcl.blocks.map(summary)).toEqual(["resource a b@1-4", "resource c d@5-6", "data e f@7-8"]);
  });

  it("ignores a closer that matches nothing, and closes inner openers at an outer one", () => {
    const hcl = scanHcl(
      ["}", ")", 'resource "a" "b" {', "  x = (1 ]", "  y = [1, (2}", 'resource "c" "d" {', "}"].join("\n"),
    );
    expect(hcl.blocks.map(summary)).toEqual(["resource a b@3-5", "resource c d@6-7"]);
  });

  it("stays linear on input built to make a naive scanner quadratic", () => {
    // Each of these would make a scan that searches to the end of the file per construct quadratic.
    const repeat = 20_000;
    const cases = ["x = <<M" + "\n", 'x = "${ {\n', "/* \n", 'x = "\\\n', 'resource "a" "b" ' + "["];
    for (const unit of cases) {
      const text =
        Array.from({ length: repeat }, (_, k) => unit.replace("M", `M${k}`)).join("") +
        '\nresource "last" "one" {\n}\n';
      const hcl = scanHcl(text);
      expect(hcl.blocks.some((b) => b.labels.join(".") === "last.one")).toBe(true);
    }
    const big = 'resource "aws_s3_bucket" "b" {\n  x = "y"\n}\n'.repeat(20_000);
    expect(scanHcl(big).blocks).toHaveLength(20_000);
  });
});

describe("the lexer", () => {
  it("gives each string its value, line and whether it holds templates", () => {
    const { tokens } = lexHcl('a = "x\\ty\\u00e9 $${z}"\nb = "p-${var.q}"\n');
    const strings = tokens.filter((t) => t.kind === "string");
    expect(strings.map((s) => [s.text, s.line, s.dynamic ?? false])).toEqual([
      ["x\ty\u00e9 ${z}", 1, false],
      ["p-${…}", 2, true],
    ]);
  });
});

describe("the HCL scanner on random input", () => {
  // Fragments chosen to start and end every construct the scanner skips, in any order.
  const fragment = fc.constantFrom(
    'resource "a" "b" {',
    'module "m" {',
    "data x y {",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    "\n",
    "\r\n",
    " ",
    "=",
    "==",
    '"',
    '\\"',
    "\\",
    "${",
    "%{",
    "$${",
    "}",
    "<<EOF\n",
    "<<-EOT\n",
    "EOF",
    "  EOT",
    "#",
    "//",
    "/*",
    "*/",
    "x",
    "ingress",
    'dynamic "d" {',
    "\u00e9",
    "\ud800",
  );
  it("never throws, and every range it returns is inside the file and in order", () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 80 }), (parts) => {
        const text = parts.join("");
        const lines = text.split("\n").length;
        const hcl = scanHcl(text);
        const check = (line: number, endLine: number) => {
          expect(line).toBeGreaterThanOrEqual(1);
          expect(endLine).toBeGreaterThanOrEqual(line);
          expect(endLine).toBeLessThanOrEqual(lines);
        };
        const walk = (ms: readonly HclMember[]) => {
          for (const m of ms) {
            check(m.line, m.endLine);
            walk(m.members);
          }
        };
        for (const b of hcl.blocks) {
          check(b.line, b.endLine);
          walk(b.members);
        }
        for (const c of hcl.comments) check(c.line, c.endLine);
      }),
      { numRuns: 500 },
    );
  });
});
