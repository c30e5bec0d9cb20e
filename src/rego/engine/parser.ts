import { parse as parseYaml } from "yaml";
import type { Value } from "../value.js";
import type { Body, Import, Literal, Loc, Module, Rule, Term, With } from "./ast.js";
import { RegoSyntaxError, tokenize, type Comment, type Token } from "./lexer.js";

/**
 * A recursive-descent parser for Rego modules. It reads v1 syntax (`if`,
 * `contains`, `in`, `every` as keywords) and the v0 forms policy libraries
 * still use (`deny[msg] { ... }`, `p { ... }`), so both run unchanged.
 */
const BINARY_LEVELS: string[][] = [["|"], ["&"], ["==", "!=", "<", "<=", ">", ">="], ["+", "-"], ["*", "/", "%"]];
const OP_BUILTIN: Record<string, string> = {
  "|": "or",
  "&": "and",
  "==": "equal",
  "!=": "neq",
  "<": "lt",
  "<=": "lte",
  ">": "gt",
  ">=": "gte",
  "+": "plus",
  "-": "minus",
  "*": "mul",
  "/": "div",
  "%": "rem",
};

export function parseModule(file: string, src: string): Module {
  const { tokens, comments } = tokenize(src);
  return new Parser(file, tokens, comments).module();
}

class Parser {
  private i = 0;
  private readonly annotations: Map<number, Record<string, unknown>>;
  /** `import rego.v1`: the v0 forms (bodies without if, sets without contains) are errors. */
  private strictV1 = false;
  private readonly keywordImports = new Set<string>();

  constructor(
    private readonly file: string,
    private readonly tokens: Token[],
    comments: Comment[],
  ) {
    this.annotations = metadataBlocks(comments, file);
  }

  // -- token helpers --------------------------------------------------------
  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }
  private isOp(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === "op" && t.text === text;
  }
  private isIdent(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === "ident" && t.text === text;
  }
  private expectOp(text: string): Token {
    if (!this.isOp(text)) this.fail(`expected ${text}`);
    return this.next();
  }
  private skipNewlines(): void {
    while (this.peek().type === "newline") this.i++;
  }
  /** Inside brackets newlines do not matter. */
  private nl(): void {
    this.skipNewlines();
  }
  private loc(t: Token = this.peek()): Loc {
    return { file: this.file, line: t.line, col: t.col };
  }
  private fail(message: string, t: Token = this.peek()): never {
    const found = t.type === "eof" ? "end of file" : t.type === "newline" ? "newline" : JSON.stringify(t.text);
    throw new RegoSyntaxError(`${message} (found ${found})`, t.line, t.col);
  }

  // -- module ---------------------------------------------------------------
  module(): Module {
    this.skipNewlines();
    if (!this.isIdent("package")) this.fail("expected package");
    const pkgTok = this.next();
    const pkg = this.dottedName();
    const mod: Module = { file: this.file, pkg, imports: [], rules: [] };
    const pkgAnnotation = this.annotations.get(pkgTok.line);
    if (pkgAnnotation) mod.annotation = pkgAnnotation;
    for (;;) {
      this.skipNewlines();
      if (this.peek().type === "eof") break;
      if (this.isIdent("import")) {
        const imp = this.importDecl();
        if (imp) mod.imports.push(imp);
        continue;
      }
      mod.rules.push(...this.rule());
    }
    return mod;
  }

  private dottedName(): string[] {
    const parts: string[] = [];
    const first = this.next();
    if (first.type !== "ident") this.fail("expected a name", first);
    parts.push(first.text);
    while (this.isOp(".") || this.isOp("[")) {
      if (this.isOp(".")) {
        this.next();
        const t = this.next();
        if (t.type !== "ident") this.fail("expected a name", t);
        parts.push(t.text);
      } else {
        this.next();
        const t = this.next();
        if (t.type !== "string") this.fail("expected a string", t);
        parts.push(t.value!);
        this.expectOp("]");
      }
    }
    return parts;
  }

  private importDecl(): Import | undefined {
    const at = this.next();
    const path = this.dottedName();
    if (path[0] === "future" || (path[0] === "rego" && path[1] === "v1")) {
      const kind = path[0] === "rego" ? "rego.v1" : "future";
      const other = kind === "rego.v1" ? "future" : "rego.v1";
      if (this.keywordImports.has(other) || (kind === "rego.v1" && this.keywordImports.has("rego.v1"))) {
        this.fail("this import shadows previous import", at);
      }
      this.keywordImports.add(kind);
      if (kind === "rego.v1") this.strictV1 = true;
    }
    let alias = path[path.length - 1]!;
    if (this.isIdent("as")) {
      this.next();
      alias = this.next().text;
    }
    if (path[0] === "future" || path[0] === "rego") return undefined;
    if (path[0] !== "data" && path[0] !== "input") this.fail("imports must start with data or input");
    return { path, alias };
  }

  // -- rules ----------------------------------------------------------------
  private rule(): Rule[] {
    const start = this.peek();
    const annotation = this.annotations.get(start.line);
    let isDefault = false;
    if (this.isIdent("default")) {
      this.next();
      isDefault = true;
    }
    const head = this.ruleHead();
    const rule: Rule = { path: head.path, kind: "complete", body: [], elses: [], isDefault, loc: this.loc(start) };
    if (annotation) rule.annotation = annotation;
    if (head.args) {
      rule.kind = "function";
      rule.args = head.args;
    }
    if (this.isIdent("contains")) {
      this.next();
      rule.kind = "set";
      rule.key = this.term();
    } else if (this.isOp(":=") || this.isOp("=")) {
      this.next();
      rule.value = this.expr();
      if (head.key && !head.args) {
        rule.kind = "object";
        rule.key = head.key;
      }
    } else if (head.key && !head.args) {
      if (this.strictV1) this.fail("`contains` keyword is required for partial set rules");
      rule.kind = "set";
      rule.key = head.key;
    }
    if (isDefault) {
      if (!rule.value) this.fail("a default rule needs a value");
      return [rule];
    }
    rule.body = this.ruleBody();
    while (this.peekElse()) {
      this.skipNewlines();
      this.next();
      const branch: { value?: Term; body: Body } = { body: [] };
      if (this.isOp(":=") || this.isOp("=")) {
        this.next();
        branch.value = this.expr();
      }
      branch.body = this.ruleBody();
      rule.elses.push(branch);
    }
    return [rule];
  }

  private peekElse(): boolean {
    let j = 0;
    while (this.peek(j).type === "newline") j++;
    return this.isIdent("else", j);
  }

  /** The head's path, with a trailing [key] and (args) apart. */
  private ruleHead(): { path: string[]; key?: Term; args?: Term[] } {
    const first = this.next();
    if (first.type !== "ident") this.fail("expected a rule name", first);
    const path = [first.text];
    let key: Term | undefined;
    for (;;) {
      if (this.isOp(".")) {
        this.next();
        const t = this.next();
        if (t.type !== "ident") this.fail("expected a name", t);
        path.push(t.text);
      } else if (this.isOp("[")) {
        this.next();
        this.nl();
        const t = this.term();
        this.nl();
        this.expectOp("]");
        // A string key followed by more path is a path segment: a["b"].c
        if (t.t === "value" && typeof t.v === "string" && (this.isOp(".") || this.isOp("["))) {
          path.push(t.v);
          continue;
        }
        key = t;
        break;
      } else {
        break;
      }
    }
    if (this.isOp("(")) {
      this.next();
      const args = this.termList(")");
      return { path, args };
    }
    return key ? { path, key } : { path };
  }

  /** `if { ... }`, `if expr`, `{ ... }` (v0), or nothing (a constant). */
  private ruleBody(): Body {
    if (this.isIdent("if")) {
      this.next();
      if (this.isOp("{")) return this.braceBody();
      return [this.literal()];
    }
    if (this.isOp("{")) {
      if (this.strictV1) this.fail("`if` keyword is required before rule body");
      return this.braceBody();
    }
    // A constant (`p := 1`) or a bare head (`p`, which is `p = true`) has no body.
    return [];
  }

  private braceBody(): Body {
    this.expectOp("{");
    const body = this.bodyUntil("}");
    this.expectOp("}");
    return body;
  }

  bodyUntilEof(): Body {
    const body: Body = [];
    for (;;) {
      while (this.peek().type === "newline" || this.isOp(";")) this.next();
      if (this.peek().type === "eof") return body;
      body.push(this.literal());
    }
  }

  private bodyUntil(close: string): Body {
    const body: Body = [];
    for (;;) {
      while (this.peek().type === "newline" || this.isOp(";")) this.next();
      if (this.isOp(close)) break;
      if (this.peek().type === "eof") this.fail(`expected ${close}`);
      body.push(this.literal());
      if (!(this.peek().type === "newline" || this.isOp(";") || this.isOp(close))) this.fail("expected a newline or ; between expressions");
    }
    return body;
  }

  // -- body literals --------------------------------------------------------
  private literal(): Literal {
    const start = this.peek();
    const loc = this.loc(start);
    if (this.isIdent("some")) {
      this.next();
      return this.someDecl(loc);
    }
    let negated = false;
    if (this.isIdent("not")) {
      this.next();
      negated = true;
    }
    if (this.isIdent("every")) {
      this.next();
      const lit = this.everyDecl(loc);
      lit.negated = negated;
      return lit;
    }
    const left = this.expr();
    let lit: Literal;
    if (this.isOp(",") && !negated) {
      // `k, v in xs` as an expression.
      this.next();
      const value = this.expr(true);
      if (!this.isIdent("in")) this.fail("expected in");
      this.next();
      const collection = this.expr();
      lit = { kind: "somein", key: left, value, collection, declare: false, negated, withs: [], loc };
    } else if (this.isOp(":=")) {
      this.next();
      lit = { kind: "assign", left, right: this.expr(), withs: [], loc };
    } else if (this.isOp("=")) {
      this.next();
      lit = { kind: "unify", left, right: this.expr(), negated, withs: [], loc };
    } else {
      lit = { kind: "expr", term: left, negated, withs: [], loc };
    }
    for (;;) {
      // A `with` may continue the expression on the next line.
      let j = 0;
      while (this.peek(j).type === "newline") j++;
      if (!this.isIdent("with", j)) break;
      this.i += j;
      this.next();
      const target = this.primaryRef();
      if (!this.isIdent("as")) this.fail("expected as");
      this.next();
      const value = this.expr();
      (lit as { withs: With[] }).withs.push({ target, value });
    }
    return lit;
  }

  private someDecl(loc: Loc): Literal {
    const first = this.expr(true);
    if (this.isOp(",")) {
      this.next();
      const second = this.expr(true);
      if (this.isIdent("in")) {
        this.next();
        return { kind: "somein", key: first, value: second, collection: this.expr(), declare: true, negated: false, withs: [], loc };
      }
      const vars = [first, second];
      while (this.isOp(",")) {
        this.next();
        vars.push(this.expr(true));
      }
      return { kind: "some", vars: vars.map((v) => this.varName(v)), loc };
    }
    if (this.isIdent("in")) {
      this.next();
      return { kind: "somein", value: first, collection: this.expr(), declare: true, negated: false, withs: [], loc };
    }
    return { kind: "some", vars: [this.varName(first)], loc };
  }

  private varName(t: Term): string {
    if (t.t !== "var") throw new RegoSyntaxError("expected a variable", t.loc.line, t.loc.col);
    return t.name;
  }

  private everyDecl(loc: Loc): Literal & { kind: "every" } {
    const first = this.expr(true);
    let key: Term | undefined;
    let value = first;
    if (this.isOp(",")) {
      this.next();
      key = first;
      value = this.expr(true);
    }
    if (!this.isIdent("in")) this.fail("expected in");
    this.next();
    const collection = this.expr();
    const body = this.braceBody();
    const lit: Literal & { kind: "every" } = { kind: "every", value, collection, body, negated: false, withs: [], loc };
    if (key) lit.key = key;
    return lit;
  }

  // -- expressions ----------------------------------------------------------
  /** An expression; `noIn` stops before `in` (for `some x in xs`). */
  private expr(noIn = false, noOr = false): Term {
    const lowest = noOr ? 1 : 0;
    let left = this.binary(lowest);
    while (!noIn && this.isIdent("in")) {
      const t = this.next();
      const right = this.binary(lowest);
      left = { t: "call", name: ["internal", "member_2"], args: [left, right], loc: this.loc(t) };
    }
    return left;
  }

  private binary(level: number): Term {
    if (level >= BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      if (t.type !== "op" || !BINARY_LEVELS[level]!.includes(t.text)) return left;
      this.next();
      this.nl();
      const right = this.binary(level + 1);
      left = { t: "call", name: [OP_BUILTIN[t.text]!], args: [left, right], loc: this.loc(t), operator: true };
    }
  }

  private unary(): Term {
    if (this.isOp("-")) {
      const t = this.next();
      const operand = this.unary();
      if (operand.t === "value" && typeof operand.v === "number") return { t: "value", v: -operand.v, loc: this.loc(t) };
      return { t: "call", name: ["minus"], args: [{ t: "value", v: 0, loc: this.loc(t) }, operand], loc: this.loc(t), operator: true };
    }
    return this.term();
  }

  /** A term with its ref suffixes and calls. */
  term(): Term {
    let base = this.primary();
    for (;;) {
      if (this.isOp(".") && this.peek(1).type === "ident") {
        this.next();
        const t = this.next();
        base = extendRef(base, { t: "value", v: t.text, loc: this.loc(t) });
      } else if (this.isOp("[")) {
        const t = this.next();
        this.nl();
        const idx = this.expr();
        this.nl();
        this.expectOp("]");
        base = extendRef(base, idx, this.loc(t));
      } else if (this.isOp("(") && isNameRef(base)) {
        this.next();
        const args = this.termList(")");
        base = { t: "call", name: nameOf(base), args, loc: base.loc };
      } else {
        return base;
      }
    }
  }

  /** A ref for a `with` target: input.x, data.a.b, a function name. */
  private primaryRef(): Term {
    const t = this.term();
    return t;
  }

  private termList(close: string): Term[] {
    const items: Term[] = [];
    this.nl();
    while (!this.isOp(close)) {
      items.push(this.expr());
      this.nl();
      if (this.isOp(",")) {
        this.next();
        this.nl();
      } else if (!this.isOp(close)) this.fail(`expected , or ${close}`);
    }
    this.expectOp(close);
    return items;
  }

  private primary(): Term {
    const t = this.peek();
    const loc = this.loc(t);
    if (t.type === "number") {
      this.next();
      return { t: "value", v: Number(t.text), loc };
    }
    if (t.type === "string") {
      this.next();
      return { t: "value", v: t.value!, loc };
    }
    if (t.type === "ident") {
      this.next();
      if (t.text === "true" || t.text === "false") return { t: "value", v: t.text === "true", loc };
      if (t.text === "null") return { t: "value", v: null, loc };
      if (t.text === "set" && this.isOp("(") && this.isOp(")", 1)) {
        this.next();
        this.next();
        return { t: "set", items: [], loc };
      }
      return { t: "var", name: t.text, loc };
    }
    if (t.type === "op") {
      if (t.text === "(") {
        this.next();
        this.nl();
        const e = this.expr();
        this.nl();
        this.expectOp(")");
        return e;
      }
      if (t.text === "[") return this.arrayOrComprehension();
      if (t.text === "{") return this.braceTerm();
    }
    return this.fail("expected a term");
  }

  private arrayOrComprehension(): Term {
    const open = this.next();
    const loc = this.loc(open);
    this.nl();
    if (this.isOp("]")) {
      this.next();
      return { t: "array", items: [], loc };
    }
    // `|` after the first term starts a comprehension's body, not a set union.
    const first = this.expr(false, true);
    this.nl();
    if (this.isOp("|")) {
      this.next();
      const body = this.bodyUntil("]");
      this.expectOp("]");
      return { t: "arraycomp", term: first, body, loc };
    }
    const items = [first];
    while (this.isOp(",")) {
      this.next();
      this.nl();
      if (this.isOp("]")) break;
      items.push(this.expr());
      this.nl();
    }
    this.expectOp("]");
    return { t: "array", items, loc };
  }

  private braceTerm(): Term {
    const open = this.next();
    const loc = this.loc(open);
    this.nl();
    if (this.isOp("}")) {
      this.next();
      return { t: "object", entries: [], loc };
    }
    const first = this.expr(false, true);
    this.nl();
    if (this.isOp(":")) {
      this.next();
      this.nl();
      const value = this.expr(false, true);
      this.nl();
      if (this.isOp("|")) {
        this.next();
        const body = this.bodyUntil("}");
        this.expectOp("}");
        return { t: "objcomp", key: first, value, body, loc };
      }
      const entries: [Term, Term][] = [[first, value]];
      while (this.isOp(",")) {
        this.next();
        this.nl();
        if (this.isOp("}")) break;
        const k = this.binary(0);
        this.nl();
        this.expectOp(":");
        this.nl();
        entries.push([k, this.expr()]);
        this.nl();
      }
      this.expectOp("}");
      return { t: "object", entries, loc };
    }
    if (this.isOp("|")) {
      this.next();
      const body = this.bodyUntil("}");
      this.expectOp("}");
      return { t: "setcomp", term: first, body, loc };
    }
    const items = [first];
    while (this.isOp(",")) {
      this.next();
      this.nl();
      if (this.isOp("}")) break;
      items.push(this.expr());
      this.nl();
    }
    this.expectOp("}");
    return { t: "set", items, loc };
  }
}

function extendRef(base: Term, segment: Term, loc?: Loc): Term {
  if (base.t === "ref") return { t: "ref", head: base.head, path: [...base.path, segment], loc: base.loc };
  return { t: "ref", head: base, path: [segment], loc: loc ?? base.loc };
}

/** A var or a chain of `.name` on a var: something a call can be made on. */
function isNameRef(t: Term): boolean {
  if (t.t === "var") return true;
  return t.t === "ref" && t.head.t === "var" && t.path.every((p) => p.t === "value" && typeof p.v === "string");
}

function nameOf(t: Term): string[] {
  if (t.t === "var") return [t.name];
  if (t.t !== "ref" || t.head.t !== "var") return [];
  return [t.head.name, ...t.path.map((p) => (p as { v: Value }).v as string)];
}

/**
 * `# METADATA` blocks: a run of comment lines whose first says METADATA,
 * the rest YAML. Keyed by the line right after the block, where the rule or
 * package it annotates starts.
 */
function metadataBlocks(comments: Comment[], file: string): Map<number, Record<string, unknown>> {
  const out = new Map<number, Record<string, unknown>>();
  for (let i = 0; i < comments.length; i++) {
    if (comments[i]!.text.trim() !== "METADATA") continue;
    const lines: string[] = [];
    let last = comments[i]!.line;
    let j = i + 1;
    while (j < comments.length && comments[j]!.line === last + 1) {
      lines.push(comments[j]!.text.replace(/^ /, ""));
      last = comments[j]!.line;
      j++;
    }
    let yaml: unknown;
    try {
      yaml = parseYaml(lines.join("\n"));
    } catch (err) {
      throw new RegoSyntaxError(`invalid METADATA YAML in ${file}: ${(err as Error).message.split("\n")[0]}`, comments[i]!.line, 1);
    }
    if (yaml && typeof yaml === "object") out.set(last + 1, yaml as Record<string, unknown>);
    i = j - 1;
  }
  return out;
}

/** Parses a query: body expressions separated by `;` or newlines. */
export function parseQuery(text: string): import("./ast.js").Body {
  const { tokens, comments } = tokenize(text);
  const p = new Parser("query", tokens, comments) as unknown as { bodyUntilEof(): import("./ast.js").Body };
  return p.bodyUntilEof();
}
