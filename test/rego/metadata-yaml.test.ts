import { readFileSync } from "node:fs";
import path from "node:path";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { dedent } from "../../src/rego/annotations.js";
import { tokenize } from "../../src/rego/lexer.js";
import { parseSimpleYaml } from "../../src/rego/metadata-yaml.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every METADATA block of the bundled policies (tests included), as annotations.ts cuts them out. */
function bundledBlocks(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const file of fg.sync(["policies/**/*.rego"], { cwd: ROOT }).sort()) {
    const { comments } = tokenize(readFileSync(path.join(ROOT, file), "utf8"), file);
    for (let i = 0; i < comments.length; i++) {
      const c = comments[i]!;
      if (c.text.trim() !== "METADATA" || c.col !== 1) continue;
      const lines: string[] = [];
      let last = c.line;
      let j = i + 1;
      while (j < comments.length && comments[j]!.line === last + 1 && comments[j]!.col === 1) {
        lines.push(comments[j]!.text);
        last = comments[j]!.line;
        j++;
      }
      out.push({ where: `${file}:${c.line}`, text: dedent(lines) });
    }
  }
  return out;
}

/** yaml's value, or "error" when yaml rejects the text. */
function viaYaml(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    // Which error does not matter: a text the fast reader read must not be refused at all.
    return "error";
  }
}

/** The fast reader either declines or agrees with yaml exactly (same keys, order, types). */
function expectAgrees(text: string): void {
  const fast = parseSimpleYaml(text);
  if (fast === undefined) return;
  const slow = viaYaml(text);
  expect(slow, `yaml rejects what the fast reader read:\n${text}`).not.toBe("error");
  expect(fast, text).toStrictEqual(slow);
  expect(Object.keys(fast)).toEqual(Object.keys(slow as object));
}

describe("METADATA YAML fast reader", () => {
  const blocks = bundledBlocks();

  it("reads every bundled METADATA block, exactly as yaml does", () => {
    expect(blocks.length).toBeGreaterThan(100);
    for (const b of blocks) {
      const fast = parseSimpleYaml(b.text);
      expect(fast, `${b.where} is outside the fast subset`).toBeDefined();
      expect(fast, b.where).toStrictEqual(parseYaml(b.text));
      expect(JSON.stringify(fast), b.where).toBe(JSON.stringify(parseYaml(b.text)));
    }
  });

  it("declines, or agrees with yaml on, hand-picked hard cases", () => {
    const cases = [
      "",
      "title: x",
      "title: 1",
      "title: 1.5",
      "title: .5",
      "title: 0x1f",
      "title: true",
      "title: True",
      "title: yes",
      "title: null",
      "title: ~",
      "title:",
      "title: -x",
      "title: a: b",
      "title: a #c",
      "title: a#c",
      "title: a:b",
      "title: http://x.y/z",
      "title: x:",
      "title: x ",
      "title: 'it''s'",
      "title: 'it's'",
      'title: "a\\nb"',
      'title: "a" x',
      'title: "a',
      "title: [a, b]",
      "title: [a, 'b']",
      "title: [a, 1]",
      "title: [a, true]",
      "title: [a,b ]",
      "title: [ ]",
      "title: [a, [b]]",
      "title: {a: b}",
      "title: &x a",
      "title: *x",
      "title: !!str 1",
      "title: |\n  a\n  b",
      "title: >\n  a\n  b",
      "title: >-\n  a\n  b",
      "title: >-\n  a\n\n  b",
      "title: >-\n  a\n    b\n  c",
      "title: >-\n    a\n    b\nscope: rule",
      "title: >-\n  a \n  b",
      "title: >-\n  # not a comment\n  b",
      "title: >- # c\n  a",
      "title: >-\n",
      "title: a\n  b",
      "title: a\n\n  b",
      "title: a\nTitle: b",
      "title: a\ntitle: b",
      "custom:\n  a: b\n  c:\n    d: [e]\n    f: g",
      "custom:\n  a: b\n c: d",
      "custom:\n  a: b\n    c: d",
      "custom:\n- a\n- b",
      "custom:\n  - a\n  - b",
      "custom:\n  - a: b\n    c: d\n  - a: e",
      "custom:\n  -   a: b\n      c: d",
      "custom:\n  - a: b\n   c: d",
      "custom:\n  - a: b\n     c: d",
      "custom:\n  - - a",
      "custom:\n  -\n    a: b",
      "custom:\n  - >-\n    a\n    b",
      "custom:\n  - 'x'\n  - \"y\"\n  - [z]",
      "custom:\n  x: y\n# comment",
      "# comment\ntitle: a",
      "---\ntitle: a",
      "title: a\n...",
      "title: a\n---\ntitle: b",
      "__proto__: a",
      "true: a",
      "a-b: c",
      "a b: c",
      "? a\n: b",
      "title: a\tb",
      "title:\ta",
      "title: a\r\nscope: rule",
      "title: é ü 中",
      "title: a\u0085b",
      "title: a\u2028b",
      "title: \ufeffa",
      "title: a `b` {c} [d] \"e\" 'f' %g @h",
      "title: `a`",
      "title: @a",
      "title: %a",
      "  title: a\nscope: rule",
      "title: a\n  # c",
      "- a\n- b",
      "just text",
    ];
    for (const text of cases) expectAgrees(text);
    // The shapes the bundled library uses are read, not declined.
    for (const text of [
      "title: x",
      "title: [a, b]",
      "title: >-\n  a\n  b",
      'custom:\n  - a: b\n    c: "1.2"',
      "title: 'it''s'",
    ]) {
      expect(parseSimpleYaml(text), text).toBeDefined();
    }
  });

  it("declines, or agrees with yaml on, random edits of the bundled blocks", () => {
    // A small deterministic PRNG (mulberry32), so a failure can be replayed.
    let seed = 0x5eed;
    const rand = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pieces = [
      " ",
      "  ",
      "\n",
      "\n ",
      "\n  ",
      ":",
      ": ",
      "#",
      " #",
      "-",
      "- ",
      "[",
      "]",
      ",",
      "'",
      '"',
      ">-",
      "|",
      "1",
      "0.5",
      "true",
      "null",
      "~",
      "\\",
      "{",
      "}",
      "&",
      "*",
      "!",
      "\t",
      "x",
      "\n\n",
      "\u00e9",
    ];
    let read = 0;
    for (let n = 0; n < 6000; n++) {
      const b = blocks[Math.floor(rand() * blocks.length)]!;
      let text = b.text;
      const edits = 1 + Math.floor(rand() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(rand() * (text.length + 1));
        const kind = rand();
        if (kind < 0.6) text = text.slice(0, at) + pieces[Math.floor(rand() * pieces.length)]! + text.slice(at);
        else text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 3));
      }
      if (parseSimpleYaml(text) !== undefined) read++;
      expectAgrees(text);
    }
    // Most edits still leave something the fast reader reads, so the comparison means something.
    expect(read).toBeGreaterThan(1000);
  });
});
