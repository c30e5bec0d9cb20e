/**
 * A fast reader for the small YAML subset METADATA blocks are written in:
 * block maps with plain keys, plain / quoted scalars that are strings, flow
 * lists of plain words, `>-` folded text, and block lists (of maps or
 * scalars). It returns undefined for anything else (numbers, booleans,
 * escapes, anchors, comments, multi-line plain text, odd indentation...), and
 * the caller then asks the `yaml` package: so a block it does read gives what
 * `yaml.parse` gives (test/rego/metadata-yaml.test.ts checks every bundled
 * block both ways), and every other block goes through `yaml` as before.
 *
 * Why: `yaml.parse` costs ~2 ms per block cold (its code is not yet
 * optimized), which was about 40% of compiling the bundled policies.
 */

interface Line {
  indent: number;
  /** The line without its indentation (never empty: blank lines are kept apart). */
  text: string;
  /** Whether this line is blank (only inside block scalars). */
  blank: boolean;
}

/** Thrown to leave the fast path; never escapes this module. */
const BAIL: unique symbol = Symbol("bail");

type Node = string | Node[] | { [key: string]: Node };

/** The block's value as `yaml.parse` gives it, or undefined when the block is outside the subset. */
export function parseSimpleYaml(text: string): Record<string, unknown> | undefined {
  // Tabs, CRs, control and non-BMP characters, BOMs: yaml's business.
  if (!SAFE_TEXT.test(text)) return undefined;
  const lines: Line[] = [];
  for (const raw of text.split("\n")) {
    let indent = 0;
    while (indent < raw.length && raw.charCodeAt(indent) === 32) indent++;
    if (indent === raw.length) lines.push({ indent: 0, text: "", blank: true });
    else lines.push({ indent, text: raw.slice(indent), blank: false });
  }
  try {
    const r = new Reader(lines);
    r.skipBlank();
    if (r.i >= lines.length) return undefined; // empty block: yaml gives null
    const first = lines[r.i]!;
    if (first.indent !== 0) return undefined;
    const value = r.map(0);
    r.skipBlank();
    if (r.i < lines.length) return undefined;
    return value as Record<string, unknown>;
  } catch (err) {
    if (err === BAIL) return undefined;
    throw err;
  }
}

const SAFE_TEXT = /^[\n\x20-\x7e\u00a0-\ud7ff\ue000-\ufefe\uff00-\ufffd]*$/;
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/;
/** Words the core schema reads as null or booleans (any other plain word starting with a letter is a string). */
const NON_STRING_WORDS = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const FLOW_ITEM = /^[A-Za-z_][A-Za-z0-9_./-]*$/;

class Reader {
  i = 0;
  constructor(private readonly lines: Line[]) {}

  skipBlank(): void {
    while (this.i < this.lines.length && this.lines[this.i]!.blank) this.i++;
  }

  /** A block map whose keys sit at `indent`; the current line is its first entry. */
  map(indent: number): { [key: string]: Node } {
    const out: { [key: string]: Node } = {};
    for (;;) {
      this.skipBlank();
      if (this.i >= this.lines.length) break;
      const line = this.lines[this.i]!;
      if (line.indent < indent) break;
      if (line.indent > indent) throw BAIL;
      const m = KEY.exec(line.text);
      if (!m) throw BAIL;
      const key = m[1]!;
      if (key === "__proto__" || NON_STRING_WORDS.test(key) || Object.hasOwn(out, key)) throw BAIL;
      const rest = line.text.slice(m[0].length);
      this.i++;
      out[key] = rest === "" ? this.nested(indent) : this.inline(rest, indent);
    }
    return out;
  }

  /** The value under a key with nothing after its colon: a more indented map or list. */
  private nested(indent: number): Node {
    this.skipBlank();
    const line = this.lines[this.i];
    // Nothing nested (null), or a list at the key's own indentation: leave those to yaml.
    if (!line || line.indent <= indent) throw BAIL;
    if (line.text === "-" || line.text.startsWith("- ")) return this.list(line.indent);
    return this.map(line.indent);
  }

  /** A block list whose dashes sit at `indent`. */
  private list(indent: number): Node[] {
    const out: Node[] = [];
    for (;;) {
      this.skipBlank();
      if (this.i >= this.lines.length) break;
      const line = this.lines[this.i]!;
      if (line.indent < indent) break;
      if (line.indent > indent || !line.text.startsWith("- ")) throw BAIL;
      // `- x` is x at the column after the dash: rewrite the line that way and read a node there.
      let skip = 2;
      while (line.text.charCodeAt(skip) === 32) skip++;
      const col = indent + skip;
      const text = line.text.slice(skip);
      if (text === "" || text.startsWith("-") || text.startsWith("#")) throw BAIL;
      if (KEY.test(text)) {
        this.lines[this.i] = { indent: col, text, blank: false };
        out.push(this.map(col));
      } else {
        this.i++;
        out.push(this.inline(text, indent));
      }
    }
    return out;
  }

  /** A value on the rest of a line; `indent` is that of the key or dash it belongs to. */
  private inline(rest: string, indent: number): Node {
    const c = rest[0]!;
    if (c === "[") return this.single(flowList(rest));
    if (c === '"') return this.single(doubleQuoted(rest));
    if (c === "'") return this.single(singleQuoted(rest));
    if (rest === ">-") return this.folded(indent);
    return this.single(plain(rest));
  }

  /**
   * A scalar that must end on its line: a next line indented more than the
   * line holding it (key or dash) would continue it, or be an error.
   */
  private single<T extends Node>(value: T): T {
    const next = this.lines[this.i];
    if (next && !next.blank && next.indent > this.lines[this.i - 1]!.indent) throw BAIL;
    return value;
  }

  /** `>-` text: lines more indented than `indent`, folded with spaces, final newlines stripped. */
  private folded(indent: number): string {
    const start = this.i;
    let content = -1;
    const parts: string[] = [];
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (line.blank) throw BAIL; // blank lines inside folded text: leave to yaml
      if (line.indent <= indent) break;
      if (content < 0) content = line.indent;
      if (line.indent !== content) throw BAIL; // more-indented lines keep their breaks
      if (line.text.endsWith(" ")) throw BAIL;
      parts.push(line.text);
      this.i++;
    }
    if (this.i === start) throw BAIL;
    return parts.join(" ");
  }
}

function plain(s: string): string {
  // Indicators that start something else, or are reserved, as the first character.
  if (/^[-?:,[\]{}#&*!|>'"%@`.+~0-9]/.test(s)) throw BAIL;
  // A ": " or " #" inside, or a trailing ":", are not plain text; nor is trailing space (yaml trims it).
  if (s.includes(": ") || s.includes(" #") || s.endsWith(":") || s.endsWith(" ")) throw BAIL;
  if (NON_STRING_WORDS.test(s)) throw BAIL;
  return s;
}

function doubleQuoted(s: string): string {
  const end = s.indexOf('"', 1);
  if (end < 0 || s.slice(end + 1) !== "") throw BAIL;
  const body = s.slice(1, end);
  if (body.includes("\\")) throw BAIL;
  return body;
}

function singleQuoted(s: string): string {
  if (s.length < 2 || !s.endsWith("'")) throw BAIL;
  const body = s.slice(1, -1);
  // '' is a quote; a lone ' would end the scalar early.
  if (body.replaceAll("''", "").includes("'")) throw BAIL;
  return body.replaceAll("''", "'");
}

function flowList(s: string): string[] {
  if (!s.endsWith("]")) throw BAIL;
  const body = s.slice(1, -1).trim();
  if (body === "") return [];
  const items = body.split(",").map((x) => x.trim());
  for (const item of items) {
    if (!FLOW_ITEM.test(item) || NON_STRING_WORDS.test(item)) throw BAIL;
  }
  return items;
}
