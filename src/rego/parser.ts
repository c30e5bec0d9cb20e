/**
 * A recursive-descent parser for Rego modules and queries.
 *
 * Syntax versions, as OPA has them: v1 (the default) makes `if`, `contains`,
 * `in` and `every` keywords and requires `if` before rule bodies and
 * `contains` for multi-value rules; v0 knows those keywords only when the
 * module imports them (`future.keywords[.x]`), and a module that imports
 * `rego.v1` is read as v1.
 */
import type { Annotation, Body, ElseBranch, Import, Literal, Loc, Module, Rule, RuleHead, Term, With } from "./ast.js";
import { parseAnnotations } from "./annotations.js";
import { RegoError } from "./errors.js";
import { tokenize, type TemplatePart, type Token } from "./lexer.js";
import { numberFromText, type RegoNumber } from "./value.js";

export type RegoVersion = "v0" | "v1";

type Keyword = "if" | "contains" | "in" | "every";
const FUTURE_KEYWORDS: Keyword[] = ["if", "contains", "in", "every"];
/** Words that are keywords in every version (never variables). */
const ALWAYS_RESERVED = new Set([
  "package",
  "import",
  "as",
  "default",
  "else",
  "not",
  "some",
  "with",
  "true",
  "false",
  "null",
]);

/** Binary operators, lowest precedence first, and the builtins they stand for. */
const LEVELS: string[][] = [["==", "!=", "<", "<=", ">", ">="], ["|"], ["&"], ["+", "-"], ["*", "/", "%"]];
const OPERATOR_LEVEL = new Map(LEVELS.flatMap((ops, level) => ops.map((op) => [op, level] as const)));
const OPERATOR_BUILTINS: Record<string, string> = {
  "==": "equal",
  "!=": "neq",
  "<": "lt",
  "<=": "lte",
  ">": "gt",
  ">=": "gte",
  "|": "or",
  "&": "and",
  "+": "plus",
  "-": "minus",
  "*": "mul",
  "/": "div",
  "%": "rem",
};

/**
 * Where parseModule may find a module parsed earlier (e.g. at build time, see
 * src/policy/rego/ast-cache.ts): it must give exactly what parsing `text` as
 * `version` gives, as a fresh object graph, or undefined. Passed down from
 * the compile options (`compileModules(sources, { preparsed })`).
 */
export interface PreparsedModules {
  take(file: string, text: string, version: RegoVersion): Module | undefined;
}

export function parseModule(
  file: string,
  text: string,
  version: RegoVersion = "v1",
  preparsed?: PreparsedModules,
): Module {
  const hit = preparsed?.take(file, text, version);
  if (hit) return hit;
  const { tokens, comments } = tokenize(text, file);
  const annotations = parseAnnotations(comments, file);
  return new Parser(file, tokens, version, annotations).module();
}

export function parseQuery(text: string, file = "query", version: RegoVersion = "v1"): Body {
  const { tokens } = tokenize(text, file);
  return new Parser(file, tokens, version, new Map()).query();
}

/** Parses one term (e.g. `input_term` of a conformance case). */
export function parseTerm(text: string, file = "term"): Term {
  const { tokens } = tokenize(text, file);
  return new Parser(file, tokens, "v1", new Map()).singleTerm();
}

class Parser {
  private i = 0;
  private keywords = new Set<Keyword>();
  /** `import future.keywords.not`: `not { ... }` negates a body. */
  private notBodies = false;
  private version: RegoVersion;

  constructor(
    private readonly file: string,
    private readonly tokens: Token[],
    version: RegoVersion,
    private readonly annotations: Map<number, Annotation[]>,
  ) {
    this.version = version;
    if (version === "v1") for (const k of FUTURE_KEYWORDS) this.keywords.add(k);
  }

  // -- token helpers --------------------------------------------------------
  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }
  private next(): Token {
    const t = this.tokens[this.i]!;
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }
  private isOp(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === "op" && t.text === text;
  }
  private isWord(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === "ident" && t.text === text;
  }
  private isKeyword(k: Keyword, offset = 0): boolean {
    return this.keywords.has(k) && this.isWord(k, offset);
  }
  private expectOp(text: string): Token {
    if (!this.isOp(text)) this.fail(`expected ${text}`);
    return this.next();
  }
  private skipNewlines(): void {
    while (this.peek().type === "newline") this.i++;
  }
  /** The offset of the next token that is not a newline. */
  private afterNewlines(): number {
    let j = 0;
    while (this.peek(j).type === "newline") j++;
    return j;
  }
  private loc(t: Token = this.peek()): Loc {
    return { file: this.file, line: t.line, col: t.col };
  }
  private fail(message: string, t: Token = this.peek()): never {
    const found = t.type === "eof" ? "EOF" : t.type === "newline" ? "newline" : t.text;
    throw new RegoError("rego_parse_error", `${message}, found ${found}`, this.loc(t));
  }
  private failAt(message: string, loc: Loc): never {
    throw new RegoError("rego_parse_error", message, loc);
  }
  private isReserved(word: string): boolean {
    return ALWAYS_RESERVED.has(word) || this.keywords.has(word as Keyword);
  }

  // -- module ---------------------------------------------------------------
  module(): Module {
    this.skipNewlines();
    if (!this.isWord("package")) this.fail("expected package");
    const pkgTok = this.next();
    const pkg = this.dottedPath("package");
    if (pkg[0] === "data") pkg.shift();
    const mod: Module = {
      file: this.file,
      pkg,
      pkgLoc: this.loc(pkgTok),
      imports: [],
      rules: [],
      annotations: this.annotationsAt(pkgTok.line, "package"),
      regoVersion: this.version,
    };
    this.endOfStatement();
    for (;;) {
      this.skipNewlines();
      if (this.peek().type === "eof") break;
      // OPA takes imports anywhere at the top level, also after rules.
      if (this.isWord("import")) {
        const imp = this.importDecl(mod);
        mod.imports.push(imp);
        this.endOfStatement();
        continue;
      }
      if (this.isWord("package")) this.fail("unexpected package");
      const rules = this.rule(mod);
      mod.rules.push(...rules);
      this.endOfStatement();
    }
    mod.regoVersion = this.version;
    return mod;
  }

  /**
   * A statement ends at a newline, `;` or the end of the file, or where the
   * next statement starts: OPA's parser needs no separator between
   * statements (`r["s"] p1 { ... }` is two rules).
   */
  private endOfStatement(): void {
    const t = this.peek();
    if (t.type === "newline" || t.type === "eof" || t.type === "ident") return;
    if (this.isOp(";")) {
      this.next();
      return;
    }
    this.fail("unexpected token");
  }

  private annotationsAt(line: number, defaultScope: Annotation["scope"]): Annotation[] {
    const list = this.annotations.get(line);
    if (!list) return [];
    return list.map((a) => (a.raw["scope"] === undefined ? { ...a, scope: defaultScope } : a));
  }

  /** `a.b["c"]`: a dotted path of names (package and import paths). */
  private dottedPath(what: string): string[] {
    const first = this.next();
    if (first.type !== "ident") this.fail(`expected ${what} path`, first);
    const parts = [first.text];
    for (;;) {
      if (this.isOp(".")) {
        this.next();
        const t = this.next();
        if (t.type !== "ident") this.fail("expected a name", t);
        parts.push(t.text);
      } else if (this.isOp("[")) {
        this.next();
        const t = this.next();
        if (t.type !== "string") this.fail(`${what} path segments must be strings`, t);
        parts.push(t.value!);
        this.expectOp("]");
      } else {
        return parts;
      }
    }
  }

  private importDecl(mod: Module): Import {
    const start = this.next();
    const loc = this.loc(start);
    const path = this.dottedPath("import");
    let alias = path[path.length - 1]!;
    const aliased = this.isWord("as");
    if (aliased) {
      this.next();
      const t = this.next();
      if (t.type !== "ident") this.fail("expected an alias name", t);
      alias = t.text;
    }
    const root = path[0]!;
    if ((root === "future" || root === "rego") && aliased)
      this.failAt(`${root === "future" ? "future keyword" : "rego"} imports cannot be aliased`, loc);
    if (root === "future") {
      if (path[1] !== "keywords" || path.length > 3)
        this.failAt(`invalid import ${path.join(".")}, must be future.keywords or future.keywords.<keyword>`, loc);
      if (mod.imports.some((i) => i.path[0] === "rego"))
        this.failAt("the `rego.v1` import implies `future.keywords`, this import shadows previous import", loc);
      if (path.length === 2) for (const k of FUTURE_KEYWORDS) this.keywords.add(k);
      else {
        const k = path[2] as Keyword;
        // `not` (OPA 1.17) allows `not { ... }` bodies; its composite negation is what planguard
        // always does: a negated expression is evaluated whole (see docs/rego-known-failures.md).
        if (path[2] === "not") this.notBodies = true;
        else {
          if (!FUTURE_KEYWORDS.includes(k))
            this.failAt(`unexpected keyword, must be one of [contains every if in not]`, loc);
          this.keywords.add(k);
          if (k === "every") this.keywords.add("in");
        }
      }
    } else if (root === "rego") {
      if (path.length !== 2 || path[1] !== "v1") this.failAt(`invalid import ${path.join(".")}, must be rego.v1`, loc);
      if (mod.imports.some((i) => i.path[0] === "rego" || i.path[0] === "future"))
        this.failAt("the `rego.v1` import implies `future.keywords`, this import shadows previous import", loc);
      this.version = "v1";
      for (const k of FUTURE_KEYWORDS) this.keywords.add(k);
    } else if (root !== "data" && root !== "input") {
      this.failAt(`unexpected import path, must begin with one of: {data, future, input, rego}, got: ${root}`, loc);
    }
    return { path, alias, loc };
  }

  // -- rules ----------------------------------------------------------------
  private rule(mod: Module): Rule[] {
    const start = this.peek();
    const loc = this.loc(start);
    const annotations = this.annotationsAt(start.line, "rule");
    let isDefault = false;
    if (this.isWord("default")) {
      this.next();
      isDefault = true;
    }
    const head = this.ruleHead(loc);
    const rule: Rule = {
      head,
      body: [],
      elses: [],
      isDefault,
      loc,
      annotations,
      module: mod,
      path: [],
      dynamic: [],
      slots: 0,
      slotNames: [],
    };
    if (isDefault) {
      if (!head.value) this.failAt("default rules must have a value (`default p := x`)", loc);
      const illegal = illegalInDefault(head.value);
      if (illegal) this.failAt(`illegal default rule (value cannot contain ${illegal})`, head.value.loc);
      if (this.isKeyword("if") || this.isOp("{")) this.failAt("default rules must not have a body", loc);
      if (head.kind === "contains" || (head.kind === "value" && head.ref.slice(1).some((t) => t.type !== "scalar"))) {
        this.failAt("default rules must have a ground reference as head", loc);
      }
      return [rule];
    }
    const body = this.ruleBody(head);
    if (body) rule.body = body;
    else this.checkBodyless(head);
    // v0 and v1 both allow `else` after a body, on the same or the next line.
    while (this.isWord("else", this.afterNewlines())) {
      if (!body) this.fail("else keyword cannot be used on rule without body");
      if (
        head.kind === "contains" ||
        (head.kind === "value" && head.ref.length > 1 && head.ref.slice(1).some((t) => t.type !== "scalar"))
      ) {
        this.fail("else keyword cannot be used on multi-value rules");
      }
      this.skipNewlines();
      const elseTok = this.next();
      const branch: ElseBranch = { body: [], loc: this.loc(elseTok) };
      if (this.isOp(":=") || this.isOp("=")) {
        this.next();
        branch.value = this.infixTerm();
      }
      const b = this.ruleBody(head, true);
      if (b) branch.body = b;
      rule.elses.push(branch);
    }
    // v0 allows several bodies after one head: `p { a } { b }`, one rule each.
    const extra: Rule[] = [];
    while (this.version === "v0" && body && rule.elses.length === 0 && this.isOp("{")) {
      // Each body gets its own copy of the head: the compiler resolves heads in place.
      extra.push({ ...rule, head: structuredClone(rule.head), body: this.braceBody(), elses: [], annotations: [] });
    }
    return [rule, ...extra];
  }

  /** A rule without body: `p := 1`, `p contains 1`, `default ...`; v0 `p[x]`-style heads need one. */
  private checkBodyless(head: RuleHead): void {
    if (head.kind === "function" && !head.value) this.failAt("rule must have a body", head.loc);
    if (head.kind === "value" && !head.value) {
      if (this.version === "v1" && head.ref.length === 2)
        this.failAt("`contains` keyword is required for partial set rules", head.loc);
      this.failAt(head.ref.length > 1 ? "rule must have a body or assignment" : "rule must have a body", head.loc);
    }
  }

  private ruleHead(loc: Loc): RuleHead {
    const first = this.peek();
    if (first.type !== "ident") this.fail("expected a rule name");
    if (first.text === "data" || first.text === "input") {
      if (this.version === "v1") this.failAt(`${first.text} cannot be shadowed`, loc);
    } else if (this.isReserved(first.text)) {
      this.fail("unexpected keyword");
    }
    this.next();
    const ref: Term[] = [{ type: "scalar", value: first.text, loc: this.loc(first) }];
    for (;;) {
      if (this.isOp(".") && this.peek(1).type === "ident") {
        this.next();
        const t = this.next();
        ref.push({ type: "scalar", value: t.text, loc: this.loc(t) });
      } else if (this.isOp("[") && !this.peek().spaced) {
        this.next();
        this.skipNewlines();
        ref.push(this.exprTerm());
        this.skipNewlines();
        this.expectOp("]");
      } else {
        break;
      }
    }
    const head: RuleHead = { ref, kind: "value", loc };
    if (this.isOp("(")) {
      if (ref.some((t) => t.type !== "scalar")) this.fail("function names must be plain names");
      this.next();
      head.kind = "function";
      head.args = this.termList(")");
    }
    // In v0 without the keyword imports, `contains` and `if` right after a head can mean nothing else.
    if (this.isKeyword("contains") || (this.version === "v0" && this.isWord("contains"))) {
      if (head.kind === "function") this.fail("functions cannot use contains");
      this.next();
      head.kind = "contains";
      head.key = this.infixTerm();
      return head;
    }
    if (this.isOp(":=") || this.isOp("=")) {
      head.assign = this.next().text as ":=" | "=";
      head.value = this.infixTerm();
      return head;
    }
    // v0: `p[x]` and `p.a` without a value are partial set rules (p contains x),
    // unless `if` follows: OPA reads `p[x] if ...` as the single-value rule p[x] := true.
    if (head.kind === "value" && this.version === "v0" && ref.length === 2 && !this.isWord("if")) {
      head.kind = "contains";
      head.key = ref.pop()!;
    }
    return head;
  }

  /** `if { ... }`, `if <literal>`, v0 `{ ... }`, or nothing (undefined). */
  private ruleBody(head: RuleHead, inElse = false): Body | undefined {
    if (this.isKeyword("if") || (this.version === "v0" && this.isWord("if"))) {
      this.next();
      this.skipNewlines();
      if (this.isOp("{")) return this.comprehensionAsBody() ?? this.braceBody();
      return [this.literal()];
    }
    // v0 lets the body's brace start on a later line; no rule starts with `{`.
    const j = this.version === "v0" ? this.afterNewlines() : 0;
    if (this.isOp("{", j)) {
      if (this.version === "v1") this.fail("`if` keyword is required before rule body");
      this.i += j;
      return this.braceBody();
    }
    void head;
    void inElse;
    return undefined;
  }

  /**
   * `if { 1 | 1 }` and `if { k: v | ... }` read as a one-expression body
   * holding a comprehension when they parse as one and the statement ends
   * there; anything else after `if {` is a body.
   */
  private comprehensionAsBody(): Body | undefined {
    if (!this.pipeAtTopOfBraces()) return undefined;
    const saved = this.i;
    const start = this.peek();
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      const t = this.term();
      const end = this.peek();
      if (
        (t.type === "setcomp" || t.type === "objcomp") &&
        (end.type === "newline" || end.type === "eof" || this.isOp(";") || this.isWord("else"))
      ) {
        return [{ expr: { kind: "term", term: t }, negated: false, withs: [], loc: this.loc(start) }];
      }
    } catch (err) {
      if (!(err instanceof RegoError)) throw err;
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.i = saved;
    return undefined;
  }

  /** Whether the braces starting here hold a `|` at their own level (a comprehension candidate). */
  private pipeAtTopOfBraces(): boolean {
    let depth = 0;
    for (let j = this.i; j < this.tokens.length; j++) {
      const t = this.tokens[j]!;
      if (t.type !== "op") continue;
      if (t.text === "{" || t.text === "[" || t.text === "(") depth++;
      else if (t.text === "}" || t.text === "]" || t.text === ")") {
        depth--;
        if (depth === 0) return false;
      } else if (t.text === "|" && depth === 1) return true;
    }
    return false;
  }

  private braceBody(): Body {
    const open = this.expectOp("{");
    const body = this.bodyUntil("}");
    this.expectOp("}");
    if (body.length === 0) this.failAt("found empty body", this.loc(open));
    return body;
  }

  query(): Body {
    const body = this.bodyUntil(null);
    if (this.peek().type !== "eof") this.fail("expecting EOF");
    if (body.length === 0) this.fail("empty query");
    return body;
  }

  singleTerm(): Term {
    this.skipNewlines();
    const t = this.exprTerm();
    this.skipNewlines();
    if (this.peek().type !== "eof") this.fail("expecting EOF");
    return t;
  }

  /** Literals separated by `;` or newlines, up to `close` (or the end). */
  private bodyUntil(close: string | null): Body {
    const body: Body = [];
    for (;;) {
      while (this.peek().type === "newline" || this.isOp(";")) this.next();
      if (close ? this.isOp(close) : this.peek().type === "eof") break;
      if (this.peek().type === "eof") this.fail(`expected ${close}`);
      body.push(this.literal());
      const t = this.peek();
      if (!(t.type === "newline" || this.isOp(";") || (close ? this.isOp(close) : t.type === "eof"))) {
        this.fail(close ? "unexpected token" : "expecting EOF");
      }
    }
    return body;
  }

  // -- literals -------------------------------------------------------------
  private literal(): Literal {
    const start = this.peek();
    const loc = this.loc(start);
    let lit: Literal;
    if (this.isWord("some")) {
      this.next();
      lit = this.someDecl(loc);
    } else {
      let negated = false;
      if (this.isWord("not")) {
        this.next();
        negated = true;
        if (this.notBodies && this.isOp("{")) return this.notBody(loc);
      }
      if (this.isKeyword("every")) {
        if (negated) this.fail("illegal negation of 'every'");
        this.next();
        lit = this.everyDecl(loc, negated);
      } else {
        lit = this.exprLiteral(loc, negated);
      }
    }
    this.withModifiers(lit);
    return lit;
  }

  /**
   * `not { a; b }`: no solution of the body. Read as `[true | a; b] == []`: the
   * comprehension sees the variables bound around it and keeps its own, as the
   * negated body does in OPA.
   */
  private notBody(loc: Loc): Literal {
    const open = this.peek();
    const body = this.braceBody();
    const solutions: Term = {
      type: "arraycomp",
      term: { type: "scalar", value: true, loc: this.loc(open) },
      body,
      loc: this.loc(open),
    };
    const none: Term = {
      type: "call",
      name: "equal",
      args: [solutions, { type: "array", items: [], loc }],
      loc,
      target: { kind: "builtin", name: "equal" },
    };
    const lit: Literal = { expr: { kind: "term", term: none }, negated: false, withs: [], loc };
    this.withModifiers(lit);
    return lit;
  }

  private exprLiteral(loc: Loc, negated: boolean): Literal {
    const left = this.exprTerm(true);
    if (this.isOp(",") && this.keywords.has("in")) {
      // `k, v in xs`: membership of a key and value.
      return { expr: { kind: "term", term: this.keyValueMember(left) }, negated, withs: [], loc };
    }
    if (this.isOp(":=")) {
      this.next();
      this.skipNewlines();
      if (negated) this.failAt("cannot negate an assignment", loc);
      return { expr: { kind: "assign", left, right: this.infixTerm() }, negated, withs: [], loc };
    }
    if (this.isOp("=")) {
      this.next();
      this.skipNewlines();
      return { expr: { kind: "unify", left, right: this.infixTerm() }, negated, withs: [], loc };
    }
    return { expr: { kind: "term", term: left }, negated, withs: [], loc };
  }

  private withModifiers(lit: Literal): void {
    for (;;) {
      const j = this.afterNewlines();
      if (!this.isWord("with", j)) return;
      this.i += j;
      const w = this.next();
      // `x := f(y) with` may put its target on the next line (OPA accepts it).
      this.skipNewlines();
      const target = this.term();
      this.skipNewlines();
      if (!this.isWord("as")) this.fail("expected as");
      this.next();
      this.skipNewlines();
      const value = this.exprTerm();
      lit.withs.push({ target, value, loc: this.loc(w) } satisfies With);
    }
  }

  private someDecl(loc: Loc): Literal {
    const first = this.exprTerm(false, true);
    if (this.isOp(",")) {
      this.next();
      const second = this.exprTerm(false, true);
      if (this.isKeyword("in")) {
        this.next();
        return {
          expr: { kind: "somein", key: first, value: second, collection: this.relation() },
          negated: false,
          withs: [],
          loc,
        };
      }
      const vars = [first, second];
      while (this.isOp(",")) {
        this.next();
        vars.push(this.exprTerm(false, true));
      }
      return this.someVars(vars, loc);
    }
    if (this.isKeyword("in")) {
      this.next();
      return { expr: { kind: "somein", value: first, collection: this.relation() }, negated: false, withs: [], loc };
    }
    return this.someVars([first], loc);
  }

  private someVars(vars: Term[], loc: Loc): Literal {
    for (const v of vars) if (v.type !== "var") this.failAt("expected var or var in collection after some", v.loc);
    return { expr: { kind: "some", vars }, negated: false, withs: [], loc };
  }

  private everyDecl(loc: Loc, negated: boolean): Literal {
    const first = this.exprTerm(false, true);
    let key: Term | undefined;
    let value = first;
    if (this.isOp(",")) {
      this.next();
      key = first;
      value = this.exprTerm(false, true);
    }
    for (const t of key ? [key, value] : [value])
      if (t.type !== "var") this.failAt("unexpected term: every takes variables", t.loc);
    if (!this.isKeyword("in")) this.fail("expected in");
    this.next();
    const domain = this.relation();
    if (!this.isOp("{")) this.fail("expected { after every");
    const body = this.braceBody();
    const expr = key
      ? { kind: "every" as const, key, value, domain, body }
      : { kind: "every" as const, value, domain, body };
    return { expr, negated, withs: [], loc };
  }

  // -- expressions ----------------------------------------------------------
  /**
   * An expression term: `in` (lowest), then comparisons, `|`, `&`, `+ -`,
   * `* / %`. `noIn` stops before `in` (for `some x in xs`); `noComma` is the
   * left side of `k, v in xs`.
   */
  private exprTerm(allowKeyValue = false, noIn = false): Term {
    void allowKeyValue;
    let left = this.relation();
    while (!noIn && this.isKeyword("in")) {
      const t = this.next();
      this.skipNewlines();
      const right = this.relation();
      left = {
        type: "call",
        name: "internal.member_2",
        args: [left, right],
        loc: this.loc(t),
        target: { kind: "special", name: "internal.member_2" },
      };
    }
    return left;
  }

  /**
   * OPA's parseTermInfixCall, used for values (after `:=`, `=`, `contains`,
   * `else :=`): a term, or `k, v in xs` (internal.member_3) where `in` is a
   * keyword, as in `b := 0, 2 in [5, 6]`. A comma that does not start one is
   * left for the caller.
   */
  private infixTerm(): Term {
    const left = this.exprTerm();
    if (!this.isOp(",") || !this.keywords.has("in")) return left;
    return this.speculate(() => this.keyValueMember(left)) ?? left;
  }

  /**
   * After `k` and at its comma: `, v in xs`, and any `in ys` chained after
   * it (`1, 2 in [2] in [true]` is `(1, 2 in [2]) in [true]`, as OPA reads it).
   */
  private keyValueMember(key: Term): Term {
    this.expectOp(",");
    this.skipNewlines();
    const value = this.exprTerm(false, true);
    if (!this.isKeyword("in")) this.fail("expected in");
    const inTok = this.next();
    this.skipNewlines();
    let t: Term = {
      type: "call",
      name: "internal.member_3",
      args: [key, value, this.relation()],
      loc: this.loc(inTok),
      target: { kind: "special", name: "internal.member_3" },
    };
    while (this.isKeyword("in")) {
      const t2 = this.next();
      this.skipNewlines();
      t = {
        type: "call",
        name: "internal.member_2",
        args: [t, this.relation()],
        loc: this.loc(t2),
        target: { kind: "special", name: "internal.member_2" },
      };
    }
    return t;
  }

  private relation(): Term {
    return this.binary(0);
  }

  /**
   * Binary operators at `level` (in LEVELS) and above, left-associative, by
   * precedence climbing: one call per operand rather than one per level.
   */
  private binary(level: number, noOr = false): Term {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t.type !== "op") return left;
      const opLevel = OPERATOR_LEVEL.get(t.text);
      if (opLevel === undefined || opLevel < level) return left;
      if (noOr && t.text === "|") return left;
      this.next();
      this.skipNewlines();
      const right = this.binary(opLevel + 1, noOr);
      const name = OPERATOR_BUILTINS[t.text]!;
      // Operators always mean their builtins, whatever rules are named.
      left = { type: "call", name, args: [left, right], loc: left.loc, target: { kind: "builtin", name } };
    }
  }

  private unary(): Term {
    if (this.isOp("-")) {
      // Unary minus makes negative number literals only (`-x` is an error, as in OPA).
      const t = this.next();
      this.skipNewlines();
      const next = this.peek();
      if (next.type !== "number") this.failAt("unary - can only be used with numeric literals", this.loc(t));
      this.next();
      return this.suffixes({ type: "scalar", value: numberScalar("-" + next.text), loc: this.loc(t) });
    }
    return this.term();
  }

  /** A term with its reference suffixes and calls. */
  term(): Term {
    return this.suffixes(this.primary());
  }

  private suffixes(base: Term): Term {
    for (;;) {
      const t = this.peek();
      if (this.isOp(".") && this.peek(1).type === "ident" && !this.peek(1).spaced) {
        this.next();
        const name = this.next();
        base = extendRef(base, { type: "scalar", value: name.text, loc: this.loc(name) });
      } else if (this.isOp("[") && !t.spaced) {
        this.next();
        this.skipNewlines();
        const idx = this.exprTerm();
        this.skipNewlines();
        this.expectOp("]");
        base = extendRef(base, idx);
      } else if (this.isOp("(") && !t.spaced && callName(base) !== undefined) {
        this.next();
        const args = this.termList(")");
        base = { type: "call", name: callName(base)!, args, loc: base.loc };
      } else {
        return base;
      }
    }
  }

  private termList(close: string): Term[] {
    const items: Term[] = [];
    this.skipNewlines();
    while (!this.isOp(close)) {
      items.push(this.exprTerm());
      this.skipNewlines();
      if (this.isOp(",")) {
        this.next();
        this.skipNewlines();
      } else if (!this.isOp(close)) this.fail(`expected , or ${close}`);
    }
    this.expectOp(close);
    return items;
  }

  private primary(): Term {
    const t = this.peek();
    const loc = this.loc(t);
    switch (t.type) {
      case "number": {
        this.next();
        return { type: "scalar", value: numberScalar(t.text), loc };
      }
      case "string":
        this.next();
        return { type: "scalar", value: t.value!, loc };
      case "template":
        this.next();
        return this.templateString(t.parts!, loc);
      case "ident": {
        if (t.text === "true" || t.text === "false") {
          this.next();
          return { type: "scalar", value: t.text === "true", loc };
        }
        if (t.text === "null") {
          this.next();
          return { type: "scalar", value: null, loc };
        }
        if (t.text === "set" && this.isOp("(", 1) && this.isOp(")", 2)) {
          this.i += 3;
          return { type: "set", items: [], loc };
        }
        // `contains(s, x)` is the builtin even where `contains` is a keyword.
        if (this.isReserved(t.text) && !(t.text === "contains" && this.isOp("(", 1))) this.fail("unexpected keyword");
        this.next();
        return { type: "var", name: t.text, loc };
      }
      case "op":
        if (t.text === "(") {
          this.next();
          this.skipNewlines();
          // `(k, v in xs)` is a term too.
          const e = this.infixTerm();
          this.skipNewlines();
          this.expectOp(")");
          return e;
        }
        if (t.text === "[") return this.arrayTerm();
        if (t.text === "{") return this.braceTerm();
        break;
      default:
        break;
    }
    return this.fail("unexpected token, expected a term");
  }

  /**
   * `[` ... `]`, as OPA's parser reads it: when the first element is a
   * single term (no operator) followed by `|`, a comprehension is tried
   * first; otherwise, or when no body parses and a `,` follows, it is an
   * array whose first element may be a set union (`[x | y, 5]`).
   */
  private arrayTerm(): Term {
    const loc = this.loc(this.next());
    this.skipNewlines();
    if (this.isOp("]")) {
      this.next();
      return { type: "array", items: [], loc };
    }
    const saved = this.i;
    const head = this.speculate(() => this.unary());
    if (head) {
      this.skipNewlines();
      if (this.isOp("|")) {
        const body = this.tryComprehensionBody("]");
        if (body) return { type: "arraycomp", term: head, body, loc };
      }
    }
    this.i = saved;
    return { type: "array", items: this.itemsUntil("]"), loc };
  }

  /** `{` ... `}`: an object, a set, or one of their comprehensions (same rules as arrays). */
  private braceTerm(): Term {
    const loc = this.loc(this.next());
    this.skipNewlines();
    if (this.isOp("}")) {
      this.next();
      return { type: "object", entries: [], loc };
    }
    const saved = this.i;
    const head = this.speculate(() => this.unary());
    if (head) {
      this.skipNewlines();
      if (this.isOp("|")) {
        const body = this.tryComprehensionBody("}");
        if (body) return { type: "setcomp", term: head, body, loc };
      }
    }
    this.i = saved;
    const first = this.exprTerm();
    this.skipNewlines();
    if (!this.isOp(":")) {
      this.i = saved;
      return { type: "set", items: this.itemsUntil("}"), loc };
    }
    this.next();
    this.skipNewlines();
    const valueStart = this.i;
    const value = this.speculate(() => this.unary());
    if (value) {
      this.skipNewlines();
      if (this.isOp("|")) {
        const body = this.tryComprehensionBody("}");
        if (body) return { type: "objcomp", key: first, value, body, loc };
      }
    }
    this.i = valueStart;
    const entries: [Term, Term][] = [[first, this.exprTerm()]];
    this.skipNewlines();
    while (this.isOp(",")) {
      this.next();
      this.skipNewlines();
      if (this.isOp("}")) break;
      const k = this.exprTerm();
      this.skipNewlines();
      this.expectOp(":");
      this.skipNewlines();
      entries.push([k, this.exprTerm()]);
      this.skipNewlines();
    }
    this.expectOp("}");
    return { type: "object", entries, loc };
  }

  /** Comma-separated expressions up to `close` (a trailing comma is allowed). */
  private itemsUntil(close: string): Term[] {
    const items: Term[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isOp(close)) break;
      items.push(this.exprTerm());
      this.skipNewlines();
      if (this.isOp(",")) {
        this.next();
        continue;
      }
      if (!this.isOp(close)) this.fail(`expected , or ${close}`);
    }
    this.expectOp(close);
    return items;
  }

  /**
   * `$"a {x} b"` as OPA's compiler lowers it: a call of
   * internal.template_string on the parts, each expression as the set of
   * its values (`{v | v = x}`), so that an undefined expression shows as
   * `<undefined>` and one with several values is an error, not a loop.
   * `$t` cannot be written in Rego, so it never meets a user's variable.
   */
  private templateString(parts: TemplatePart[], loc: Loc): Term {
    const items: Term[] = parts.map((part) => {
      if (typeof part === "string") return { type: "scalar", value: part, loc };
      const sub = new Parser(this.file, part, this.version, new Map());
      sub.keywords = this.keywords;
      const expr = sub.singleTerm();
      const v: Term = { type: "var", name: "$t", loc: expr.loc };
      const body: Body = [{ expr: { kind: "unify", left: v, right: expr }, negated: false, withs: [], loc: expr.loc }];
      return { type: "setcomp", term: { ...v }, body, loc: expr.loc };
    });
    return { type: "call", name: "internal.template_string", args: [{ type: "array", items, loc }], loc };
  }

  /** Runs a parse that may fail; undefined (and no error) when it does. */
  private speculate<T>(f: () => T): T | undefined {
    const saved = this.i;
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return f();
    } catch (err) {
      if (!(err instanceof RegoError)) throw err;
      this.i = saved;
      return undefined;
    } finally {
      Error.stackTraceLimit = limit;
    }
  }

  /**
   * After `x |`: a comprehension body up to `close`, or undefined (position
   * restored) when what follows is not one, as in `[x | y, 5]`.
   */
  private tryComprehensionBody(close: string): Body | undefined {
    return this.speculate(() => {
      this.next();
      const body = this.bodyUntil(close);
      if (body.length === 0) throw new RegoError("rego_parse_error", "found empty body", this.loc());
      this.expectOp(close);
      return body;
    });
  }
}

function illegalInDefault(t: Term): string | undefined {
  switch (t.type) {
    case "var":
      return "var";
    case "ref":
      return "ref";
    case "call":
      return "call";
    case "array":
    case "set":
      for (const x of t.items) {
        const r = illegalInDefault(x);
        if (r) return r;
      }
      return undefined;
    case "object":
      for (const [k, v] of t.entries) {
        const r = illegalInDefault(k) ?? illegalInDefault(v);
        if (r) return r;
      }
      return undefined;
    default:
      return undefined;
  }
}

function extendRef(base: Term, segment: Term): Term {
  if (base.type === "ref") return { type: "ref", head: base.head, path: [...base.path, segment], loc: base.loc };
  return { type: "ref", head: base, path: [segment], loc: base.loc };
}

/** `f` or `a.b.f`: something that can be called. */
function callName(t: Term): string | undefined {
  if (t.type === "var") return t.name;
  if (
    t.type === "ref" &&
    t.head.type === "var" &&
    t.path.every((p) => p.type === "scalar" && typeof p.value === "string")
  ) {
    return [t.head.name, ...t.path.map((p) => (p as { value: string }).value)].join(".");
  }
  return undefined;
}

/**
 * A number literal's value. OPA keeps a literal's text (ast/parser.go
 * parseNumber makes a json.Number of it; a negative literal's text starts with
 * "-"), so `1.0`, `1e3` and `-0` become RegoNumbers; canonical texts stay
 * plain numbers.
 */
function numberScalar(text: string): number | RegoNumber {
  return numberFromText(text);
}
