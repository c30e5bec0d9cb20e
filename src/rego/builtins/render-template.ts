/**
 * strings.render_template(template, vars): Go's text/template, which OPA
 * runs over the variables (an object) and in whose output it replaces Go's
 * "<no value>" with "<undefined>".
 *
 * What is here: text and actions with trim markers ({{- -}}) and comments;
 * pipelines with `|`; fields (.a.b), `.`, `$`, variables ($x, $x.a),
 * declarations and assignments ($x := ..., $x = ...); string, raw string,
 * character, number, bool and nil literals; parenthesized pipelines;
 * if / else if / else, range (over arrays, sets and objects, with `$i, $v
 * :=`, and else), with / else; the functions and, or, not, len, index,
 * slice, print, println, printf (Go's fmt, as sprintf), eq, ne, lt, le,
 * gt, ge, html, js and urlquery. Not here: define, template, block, break
 * and continue (an error names them).
 *
 * Values print as Go's fmt prints what OPA hands the template: numbers as
 * written (json.Number), null as <nil>, arrays as [a b], objects as
 * map[k:v] with sorted keys.
 */
import { type Value, RegoNumber, RegoSet, sortedEntries, sortedMembers } from "../value.js";
import { builtinError, def, obj, str } from "./args.js";
import { sprintf } from "./sprintf.js";
import type { BuiltinDef } from "./types.js";

const NAME = "strings.render_template";

// ---------------------------------------------------------------------------
// Parsing

type Operand =
  | { t: "dot"; fields: string[] }
  | { t: "var"; name: string; fields: string[] }
  | { t: "lit"; v: Value | undefined }
  | { t: "ident"; name: string }
  | { t: "pipe"; pipe: Pipeline; fields: string[] };
type Command = Operand[];
interface Pipeline {
  decl: string[];
  assign: boolean;
  cmds: Command[];
}
type Node =
  | { t: "text"; s: string }
  | { t: "out"; pipe: Pipeline }
  | { t: "if" | "with"; pipe: Pipeline; body: Node[]; else: Node[] }
  | { t: "range"; pipe: Pipeline; body: Node[]; else: Node[] };

class TemplateError extends Error {}
const fail = (line: number, msg: string): never => {
  throw new TemplateError(`template: template:${line}: ${msg}`);
};

interface Action {
  text: string;
  line: number;
}

/** Splits the template into text and action pieces, applying trim markers and dropping comments. */
function pieces(src: string): (string | Action)[] {
  const out: (string | Action)[] = [];
  let i = 0;
  let line = 1;
  while (i < src.length) {
    const open = src.indexOf("{{", i);
    if (open < 0) {
      out.push(src.slice(i));
      break;
    }
    let text = src.slice(i, open);
    let start = open + 2;
    if (src.startsWith("- ", start) || src.startsWith("-\t", start) || src.startsWith("-\n", start)) {
      text = text.replace(/\s+$/, "");
      start += 1;
    }
    out.push(text);
    line += (src.slice(i, open).match(/\n/g) ?? []).length;
    // The action ends at the first "}}" outside a quoted string.
    let j = start;
    let quote: string | undefined;
    for (; j < src.length; j++) {
      const c = src[j]!;
      if (quote) {
        if (c === "\\" && quote !== "`") j++;
        else if (c === quote) quote = undefined;
      } else if (c === '"' || c === "`" || c === "'") quote = c;
      else if (src.startsWith("}}", j)) break;
    }
    if (j >= src.length) fail(line, "unclosed action");
    let body = src.slice(start, j);
    i = j + 2;
    if (/[ \t\n]-$/.test(body)) {
      body = body.slice(0, -2);
      const m = /^\s*/.exec(src.slice(i))!;
      i += m[0].length;
    }
    const trimmed = body.trim();
    if (!(trimmed.startsWith("/*") && trimmed.endsWith("*/"))) out.push({ text: body, line });
    line += (src.slice(start, i).match(/\n/g) ?? []).length;
  }
  return out;
}

type Tok =
  | { k: "field"; names: string[] }
  | { k: "var"; name: string; fields: string[] }
  | { k: "lit"; v: Value | undefined }
  | { k: "ident"; name: string }
  | { k: "op"; s: string };

function lexAction(a: Action): Tok[] {
  const s = a.text;
  const toks: Tok[] = [];
  let i = 0;
  const fieldsAt = (): string[] => {
    const names: string[] = [];
    while (s[i] === "." && /[A-Za-z_]/.test(s[i + 1] ?? "")) {
      const m = /^\.([A-Za-z_][A-Za-z0-9_]*)/.exec(s.slice(i))!;
      names.push(m[1]!);
      i += m[0].length;
    }
    return names;
  };
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (s.startsWith(":=", i)) {
      toks.push({ k: "op", s: ":=" });
      i += 2;
    } else if ("|(),=".includes(c)) {
      toks.push({ k: "op", s: c });
      i++;
    } else if (c === ".") {
      if (/[A-Za-z_]/.test(s[i + 1] ?? "")) toks.push({ k: "field", names: fieldsAt() });
      else {
        i++;
        toks.push({ k: "field", names: [] });
      }
    } else if (c === "$") {
      const m = /^\$[A-Za-z0-9_]*/.exec(s.slice(i))!;
      i += m[0].length;
      toks.push({ k: "var", name: m[0], fields: fieldsAt() });
    } else if (c === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/.exec(s.slice(i));
      if (!m) fail(a.line, "unterminated quoted string");
      toks.push({ k: "lit", v: JSON.parse(m![0]) as string });
      i += m![0].length;
    } else if (c === "`") {
      const end = s.indexOf("`", i + 1);
      if (end < 0) fail(a.line, "unterminated raw quoted string");
      toks.push({ k: "lit", v: s.slice(i + 1, end) });
      i = end + 1;
    } else if (c === "'") {
      const m = /^'(\\.|[^'\\])'/u.exec(s.slice(i));
      if (!m) fail(a.line, "malformed character constant");
      toks.push({ k: "lit", v: (JSON.parse(`"${m![1]!}"`) as string).codePointAt(0)! });
      i += m![0].length;
    } else if (/[-+0-9]/.test(c)) {
      const m = /^[-+]?(?:0[xX][0-9a-fA-F]+|\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)/.exec(s.slice(i));
      if (!m) fail(a.line, `bad number syntax: ${JSON.stringify(s.slice(i, i + 5))}`);
      toks.push({ k: "lit", v: Number(m![0]) });
      i += m![0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i))!;
      i += m[0].length;
      const w = m[0];
      toks.push(
        w === "true" || w === "false"
          ? { k: "lit", v: w === "true" }
          : w === "nil"
            ? { k: "lit", v: undefined }
            : { k: "ident", name: w },
      );
    } else {
      fail(a.line, `unexpected ${JSON.stringify(c)} in command`);
    }
  }
  return toks;
}

function parsePipeline(toks: Tok[], line: number): Pipeline {
  let pos = 0;
  const decl: string[] = [];
  let assign = false;
  // `$x :=`, `$i, $v :=`, `$x =`
  const declEnd = toks.findIndex((t) => t.k === "op" && (t.s === ":=" || t.s === "="));
  if (declEnd > 0 && toks.slice(0, declEnd).every((t) => t.k === "var" || (t.k === "op" && t.s === ","))) {
    for (const t of toks.slice(0, declEnd)) if (t.k === "var") decl.push(t.name);
    assign = (toks[declEnd] as { s: string }).s === "=";
    pos = declEnd + 1;
  }
  const cmds: Command[] = [];
  const operand = (): Operand => {
    const t = toks[pos++];
    if (t === undefined) return fail(line, "missing value for command");
    switch (t.k) {
      case "field":
        return { t: "dot", fields: t.names };
      case "var":
        return { t: "var", name: t.name, fields: t.fields };
      case "lit":
        return { t: "lit", v: t.v };
      case "ident":
        return { t: "ident", name: t.name };
      default: {
        if (t.s !== "(") return fail(line, `unexpected "${t.s}" in operand`);
        let depth = 1;
        const start = pos;
        while (pos < toks.length && depth > 0) {
          const x = toks[pos++]!;
          if (x.k === "op" && x.s === "(") depth++;
          if (x.k === "op" && x.s === ")") depth--;
        }
        if (depth !== 0) fail(line, "unclosed left paren");
        const inner = parsePipeline(toks.slice(start, pos - 1), line);
        const next = toks[pos];
        let fields: string[] = [];
        if (next?.k === "field" && next.names.length > 0) {
          fields = next.names;
          pos++;
        }
        return { t: "pipe", pipe: inner, fields };
      }
    }
  };
  let cmd: Command = [];
  while (pos < toks.length) {
    const t = toks[pos]!;
    if (t.k === "op" && t.s === "|") {
      if (cmd.length === 0) fail(line, "missing command");
      cmds.push(cmd);
      cmd = [];
      pos++;
      continue;
    }
    cmd.push(operand());
  }
  if (cmd.length === 0) fail(line, "missing value for command");
  cmds.push(cmd);
  return { decl, assign, cmds };
}

interface Stop {
  word: string;
  rest: Tok[];
  line: number;
}

function parse(src: string): Node[] {
  const items = pieces(src);
  let idx = 0;

  /** Nodes up to one of the `stops` keywords (which is consumed and returned). */
  const list = (stops: readonly string[]): { nodes: Node[]; stop?: Stop } => {
    const nodes: Node[] = [];
    while (idx < items.length) {
      const it = items[idx++]!;
      if (typeof it === "string") {
        if (it !== "") nodes.push({ t: "text", s: it });
        continue;
      }
      const toks = lexAction(it);
      const head = toks[0];
      const word = head?.k === "ident" ? head.name : undefined;
      if (word !== undefined && stops.includes(word))
        return { nodes, stop: { word, rest: toks.slice(1), line: it.line } };
      if (word === "if" || word === "with" || word === "range") nodes.push(control(word, toks.slice(1), it.line));
      else if (word === "end" || word === "else") fail(it.line, `unexpected {{${word}}}`);
      else if (word !== undefined && ["define", "template", "block", "break", "continue"].includes(word))
        fail(it.line, `{{${word}}} is not supported by planguard's strings.render_template`);
      else nodes.push({ t: "out", pipe: parsePipeline(toks, it.line) });
    }
    return { nodes };
  };

  /** An if / with / range node, through its {{end}}; `else if` nests an if that shares that end. */
  const control = (word: "if" | "with" | "range", rest: Tok[], line: number): Node => {
    const pipe = parsePipeline(rest, line);
    const body = list(["else", "end"]);
    let elseNodes: Node[] = [];
    if (body.stop?.word === "else") {
      const chained = body.stop.rest[0];
      if (word !== "range" && chained?.k === "ident" && (chained.name === "if" || chained.name === "with")) {
        elseNodes = [control(chained.name, body.stop.rest.slice(1), body.stop.line)];
      } else {
        const tail = list(["end"]);
        if (tail.stop === undefined) fail(line, `unexpected EOF in ${word}`);
        elseNodes = tail.nodes;
      }
    } else if (body.stop === undefined) fail(line, `unexpected EOF in ${word}`);
    return word === "range"
      ? { t: "range", pipe, body: body.nodes, else: elseNodes }
      : { t: word, pipe, body: body.nodes, else: elseNodes };
  };

  return list([]).nodes;
}

// ---------------------------------------------------------------------------
// Execution

/** A number from the variables: Go sees a json.Number, a string kind printed as written. */
class JsonNumber {
  constructor(readonly text: string) {}
}
/** A missing map key: Go prints "<no value>" (OPA shows "<undefined>"). */
const NO_VALUE = Symbol("no value");
/** What a template computes with: data values, Go numbers (JS numbers), nil (undefined), a missing key. */
type TV = string | boolean | number | JsonNumber | TV[] | Map<string, TV> | undefined | typeof NO_VALUE;

function fromRego(v: Value): TV {
  if (v === null) return undefined;
  if (typeof v === "number") return new JsonNumber(String(v));
  if (v instanceof RegoNumber) return new JsonNumber(v.text);
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map(fromRego);
  if (v instanceof RegoSet) return sortedMembers(v).map(fromRego);
  const m = new Map<string, TV>();
  for (const [k, x] of sortedEntries(v)) m.set(typeof k === "string" ? k : JSON.stringify(k), fromRego(x));
  return m;
}

const execError = (msg: string): never => {
  throw new TemplateError(`template: template: executing "template": ${msg}`);
};

function goType(v: TV): string {
  if (v === undefined || v === NO_VALUE) return "<nil>";
  if (v instanceof JsonNumber) return "json.Number";
  if (Array.isArray(v)) return "[]interface {}";
  if (v instanceof Map) return "map[string]interface {}";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float64";
  return typeof v === "boolean" ? "bool" : "string";
}

/** Go's fmt %v. */
function show(v: TV): string {
  if (v === NO_VALUE) return "<no value>";
  if (v === undefined) return "<nil>";
  if (v instanceof JsonNumber) return v.text;
  if (Array.isArray(v)) return `[${v.map(show).join(" ")}]`;
  if (v instanceof Map)
    return `map[${[...v]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, x]) => `${k}:${show(x)}`)
      .join(" ")}]`;
  return String(v);
}

/** Go template truth: false, 0, nil, and empty strings, arrays and maps are false. */
function truth(v: TV): boolean {
  if (v === undefined || v === NO_VALUE) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return v.length > 0;
  if (v instanceof JsonNumber) return v.text.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  return v.size > 0;
}

function field(v: TV, name: string): TV {
  if (v instanceof Map) return v.has(name) ? v.get(name) : NO_VALUE;
  if (v === undefined || v === NO_VALUE) return execError(`nil pointer evaluating interface {}.${name}`);
  return execError(`can't evaluate field ${name} in type ${goType(v)}`);
}

/** Comparison as Go's eq/lt: basic kinds of one type (a json.Number is a string). */
function basic(v: TV, fn: string): { kind: "num" | "str" | "bool"; v: number | string | boolean } {
  if (typeof v === "number") return { kind: "num", v };
  if (typeof v === "string") return { kind: "str", v };
  if (v instanceof JsonNumber) return { kind: "str", v: v.text };
  if (typeof v === "boolean") return { kind: "bool", v };
  return execError(`error calling ${fn}: invalid type for comparison`);
}

function cmp(a: TV, b: TV, fn: string): number {
  const x = basic(a, fn);
  const y = basic(b, fn);
  if (x.kind !== y.kind) execError(`error calling ${fn}: incompatible types for comparison`);
  if (x.kind === "bool" && fn !== "eq" && fn !== "ne") execError(`error calling ${fn}: invalid type for comparison`);
  return x.v < y.v ? -1 : x.v > y.v ? 1 : 0;
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "'": "&#39;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&#34;",
  "\0": "\uFFFD",
};
const JS_ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  "'": "\\'",
  '"': '\\"',
  "<": "\\u003C",
  ">": "\\u003E",
  "&": "\\u0026",
  "=": "\\u003D",
  "\n": "\\u000A",
  "\r": "\\u000D",
  "\t": "\\u0009",
};

/** Back to a Rego value for printf (Go formats json.Number as a string, ints as ints). */
function toRego(v: TV): Value {
  if (v === undefined || v === NO_VALUE) return null;
  if (v instanceof JsonNumber) return v.text;
  if (Array.isArray(v)) return v.map(toRego);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, toRego(x)])) as Value;
  return v;
}

/** Go's fmt.Sprint: a space between operands when neither is a string. */
function sprint(args: TV[]): string {
  let out = "";
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== "string" && typeof args[i - 1] !== "string") out += " ";
    out += show(a);
  });
  return out;
}

const FUNCS: Record<string, (args: TV[]) => TV> = {
  and: (a) => a.find((x) => !truth(x)) ?? a[a.length - 1],
  or: (a) => a.find(truth) ?? a[a.length - 1],
  not: (a) => !truth(a[0]),
  len: ([x]) => {
    if (typeof x === "string") return Buffer.byteLength(x);
    if (x instanceof JsonNumber) return x.text.length;
    if (Array.isArray(x)) return x.length;
    if (x instanceof Map) return x.size;
    return execError(`error calling len: len of type ${goType(x)}`);
  },
  index: ([x, ...keys]) => {
    let cur = x;
    for (const k of keys) {
      if (Array.isArray(cur) && typeof k === "number")
        cur = k >= 0 && k < cur.length ? cur[k] : execError(`error calling index: index out of range: ${k}`);
      else if (cur instanceof Map && typeof k === "string") cur = cur.has(k) ? cur.get(k) : undefined;
      else if (cur === undefined || cur === NO_VALUE) return execError("error calling index: index of untyped nil");
      else return execError(`error calling index: cannot index ${goType(cur)} with ${goType(k)}`);
    }
    return cur;
  },
  slice: ([x, ...idx]) => {
    const [i = 0, j] = idx.map((n) =>
      typeof n === "number" ? n : execError("error calling slice: index must be an integer"),
    );
    if (typeof x === "string") return x.slice(i, j);
    if (Array.isArray(x)) return x.slice(i, j);
    return execError(`error calling slice: can't slice item of type ${goType(x)}`);
  },
  print: (a) => sprint(a),
  println: (a) => a.map(show).join(" ") + "\n",
  printf: ([format, ...a]) => {
    if (typeof format !== "string") return execError("error calling printf: format must be a string");
    return sprintf(format, a.map(toRego));
  },
  eq: ([a, ...bs]) => bs.some((b) => cmp(a, b, "eq") === 0),
  ne: ([a, b]) => cmp(a, b, "ne") !== 0,
  lt: ([a, b]) => cmp(a, b, "lt") < 0,
  le: ([a, b]) => cmp(a, b, "le") <= 0,
  gt: ([a, b]) => cmp(a, b, "gt") > 0,
  ge: ([a, b]) => cmp(a, b, "ge") >= 0,
  html: (a) => sprint(a).replace(/[&'<>"\0]/g, (c) => HTML_ESCAPES[c]!),
  js: (a) => sprint(a).replace(/[\\'"<>&=\n\r\t]/g, (c) => JS_ESCAPES[c]!),
  urlquery: (a) =>
    encodeURIComponent(sprint(a))
      .replace(/%20/g, "+")
      .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
};

class Exec {
  private readonly scopes: Map<string, TV>[];
  constructor(root: TV) {
    this.scopes = [new Map([["$", root]])];
  }

  run(nodes: Node[], dot: TV): string {
    let out = "";
    for (const n of nodes) {
      switch (n.t) {
        case "text":
          out += n.s;
          break;
        case "out": {
          const v = this.pipeline(n.pipe, dot);
          if (n.pipe.decl.length === 0) out += show(v);
          break;
        }
        case "if":
        case "with": {
          this.scopes.push(new Map());
          const v = this.pipeline(n.pipe, dot);
          out += truth(v) ? this.run(n.body, n.t === "with" ? v : dot) : this.run(n.else, dot);
          this.scopes.pop();
          break;
        }
        case "range":
          out += this.range(n, dot);
          break;
      }
    }
    return out;
  }

  private range(n: Node & { t: "range" }, dot: TV): string {
    const over = this.pipeline({ ...n.pipe, decl: [] }, dot);
    let entries: [TV, TV][];
    if (Array.isArray(over)) entries = over.map((x, i) => [i, x]);
    else if (over instanceof Map) entries = [...over].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    else if (typeof over === "number" && Number.isInteger(over))
      entries = Array.from({ length: Math.max(0, over) }, (_, i) => [i, i]);
    else if (over === undefined || over === NO_VALUE) entries = [];
    else return execError(`range can't iterate over ${show(over)}`);
    if (entries.length === 0) return this.run(n.else, dot);
    let out = "";
    for (const [k, v] of entries) {
      const scope = new Map<string, TV>();
      if (n.pipe.decl.length === 1) scope.set(n.pipe.decl[0]!, v);
      if (n.pipe.decl.length === 2) {
        scope.set(n.pipe.decl[0]!, k);
        scope.set(n.pipe.decl[1]!, v);
      }
      this.scopes.push(scope);
      out += this.run(n.body, v);
      this.scopes.pop();
    }
    return out;
  }

  private lookup(name: string): TV {
    for (let i = this.scopes.length - 1; i >= 0; i--) if (this.scopes[i]!.has(name)) return this.scopes[i]!.get(name);
    return execError(`undefined variable: ${name}`);
  }

  private pipeline(p: Pipeline, dot: TV): TV {
    let v: TV = NO_VALUE;
    let piped = false;
    for (const cmd of p.cmds) {
      v = this.command(cmd, dot, piped ? [v] : []);
      piped = true;
    }
    if (p.decl.length > 0) {
      const name = p.decl[p.decl.length - 1]!;
      if (p.assign) {
        const scope = [...this.scopes].reverse().find((s) => s.has(name));
        if (!scope) execError(`undefined variable: ${name}`);
        scope!.set(name, v);
      } else this.scopes[this.scopes.length - 1]!.set(name, v);
    }
    return v;
  }

  private command(cmd: Command, dot: TV, piped: TV[]): TV {
    const [first, ...rest] = cmd;
    if (first!.t === "ident") {
      const fn = FUNCS[first!.name];
      if (!fn) return execError(`function "${first!.name}" not defined`);
      return fn([...rest.map((o) => this.operand(o, dot)), ...piped]);
    }
    if (rest.length > 0 || piped.length > 0)
      execError(`can't give argument to non-function ${show(this.operand(first!, dot))}`);
    return this.operand(first!, dot);
  }

  private operand(o: Operand, dot: TV): TV {
    switch (o.t) {
      case "dot":
        return o.fields.reduce(field, dot);
      case "var":
        return o.fields.reduce(field, this.lookup(o.name));
      case "lit":
        return o.v as TV;
      case "pipe":
        return o.fields.reduce(field, this.pipeline(o.pipe, dot));
      case "ident": {
        const fn = FUNCS[o.name];
        if (!fn) return execError(`function "${o.name}" not defined`);
        return fn([]);
      }
    }
  }
}

function render(args: Value[]): Value {
  const template = str(NAME, args, 0);
  const vars = fromRego(obj(NAME, args, 1));
  try {
    const nodes = parse(template);
    return new Exec(vars).run(nodes, vars).replaceAll("<no value>", "<undefined>");
  } catch (err) {
    if (err instanceof TemplateError) throw builtinError(NAME, err.message);
    throw err;
  }
}

export const renderTemplateBuiltins: readonly BuiltinDef[] = [def(NAME, 2, render)];
