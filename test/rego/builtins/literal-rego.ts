/**
 * A tiny reader for the subset of Rego the builtin conformance cases use
 * when they call a builtin on literal arguments:
 *   package test
 *   name := f(1, "a", [1, 2], {"k": set()}) # comment
 *   name = [g(1), g(2)]
 * Terms are literals, arrays/objects/sets of terms, and builtin calls
 * (evaluated directly). Anything else makes the rule unreadable, and the
 * test skips it; the full evaluator's conformance runner covers the rest.
 */
import { BUILTINS, BuiltinError, type BuiltinContext } from "../../../src/rego/builtins/index.js";
import { type Value, RegoSet, makeObject } from "../../../src/rego/value.js";

class Unreadable extends Error {}

/** A builtin call's outcome: a value, undefined, or an error. */
export type Outcome = { value: Value } | { undefined: true } | { error: string };

type Tok = { t: "str" | "num" | "ident" | "punct"; v: string };

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === "\\" ? 2 : 1;
      out.push({ t: "str", v: JSON.parse(src.slice(i, j + 1)) as string });
      i = j + 1;
      continue;
    }
    if (c === "`") {
      const j = src.indexOf("`", i + 1);
      if (j < 0) throw new Unreadable("raw string");
      out.push({ t: "str", v: src.slice(i + 1, j) });
      i = j + 1;
      continue;
    }
    const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    const prev = out[out.length - 1];
    const unaryOk = c !== "-" || !prev || (prev.t === "punct" && /[([{,:=]/.test(prev.v));
    if (num && unaryOk) {
      out.push({ t: "num", v: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(src.slice(i));
    if (id) {
      out.push({ t: "ident", v: id[0] });
      i += id[0].length;
      continue;
    }
    if (src.startsWith(":=", i)) {
      out.push({ t: "punct", v: ":=" });
      i += 2;
      continue;
    }
    if ("()[]{},:=".includes(c)) {
      out.push({ t: "punct", v: c });
      i++;
      continue;
    }
    throw new Unreadable(`character ${c}`);
  }
  return out;
}

const ctx: BuiltinContext = { strict: true, nowNs: BigInt(Date.now()) * 1_000_000n };

class Undefined extends Error {}

class Reader {
  private i = 0;
  /** Rules read so far, for references to them (`u = sum(r)`). */
  readonly rules = new Map<string, () => Value>();
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  private next(): Tok {
    const t = this.toks[this.i++];
    if (!t) throw new Unreadable("end of input");
    return t;
  }

  private expect(v: string): void {
    const t = this.next();
    if (t.v !== v) throw new Unreadable(`expected ${v}, got ${t.v}`);
  }

  atEnd(): boolean {
    return this.i >= this.toks.length;
  }

  /** Reads a rule `name := term`, `name = term`, or an undefined `name { false }`. */
  rule(): { name: string; term: () => Value } {
    const name = this.next();
    if (name.t !== "ident" || name.v.includes(".")) throw new Unreadable("rule name");
    const never = (): Value => {
      throw new Undefined();
    };
    const rest = this.toks
      .slice(this.i, this.i + 4)
      .map((t) => t.v)
      .join(" ");
    if (rest.startsWith("{ false }") || rest.startsWith("if { false }")) {
      this.i += rest.startsWith("if") ? 4 : 3;
      return { name: name.v, term: never };
    }
    if (rest.startsWith("if false")) {
      this.i += 2;
      return { name: name.v, term: never };
    }
    const op = this.next();
    if (op.v !== ":=" && op.v !== "=") throw new Unreadable("not an assignment");
    return { name: name.v, term: this.term() };
  }

  /** Reads a term; returns a thunk that evaluates it (calls may throw). */
  term(): () => Value {
    const t = this.next();
    if (t.t === "str") return () => t.v;
    if (t.t === "num") return () => Number(t.v);
    if (t.t === "ident") {
      if (t.v === "null") return () => null;
      if (t.v === "true") return () => true;
      if (t.v === "false") return () => false;
      if (this.peek()?.v !== "(") {
        const rule = this.rules.get(t.v);
        if (rule === undefined) throw new Unreadable(`reference ${t.v}`);
        return rule;
      }
      this.next();
      const args: (() => Value)[] = [];
      while (this.peek()?.v !== ")") {
        args.push(this.term());
        if (this.peek()?.v === ",") this.next();
        else if (this.peek()?.v !== ")") throw new Unreadable("call arguments");
      }
      this.next();
      if (t.v === "set" && args.length === 0) return () => new RegoSet();
      const def = BUILTINS.get(t.v);
      if (def === undefined) throw new Unreadable(`unknown function ${t.v}`);
      return () => {
        if (args.length !== def.arity) throw new BuiltinError("eval_type_error", `${t.v}: arity mismatch`);
        const r = def.impl(
          args.map((a) => a()),
          ctx,
        );
        if (r === undefined) throw new Undefined();
        if (def.relation) throw new Unreadable("relation");
        return r;
      };
    }
    if (t.v === "[") {
      const items = this.list("]");
      return () => items.map((x) => x());
    }
    if (t.v === "{") {
      if (this.peek()?.v === "}") {
        this.next();
        return () => ({});
      }
      const first = this.term();
      if (this.peek()?.v === ":") {
        this.next();
        const entries: [() => Value, () => Value][] = [[first, this.term()]];
        while (this.peek()?.v === ",") {
          this.next();
          if (this.peek()?.v === "}") break;
          const k = this.term();
          this.expect(":");
          entries.push([k, this.term()]);
        }
        this.expect("}");
        return () => makeObject(entries.map(([k, v]) => [k(), v()] as [Value, Value]));
      }
      const items = [first];
      if (this.peek()?.v === ",") {
        this.next();
        items.push(...this.list("}"));
      } else this.expect("}");
      return () => new RegoSet(items.map((x) => x()));
    }
    throw new Unreadable(`token ${t.v}`);
  }

  private list(close: string): (() => Value)[] {
    const items: (() => Value)[] = [];
    while (this.peek()?.v !== close) {
      items.push(this.term());
      if (this.peek()?.v === ",") this.next();
      else if (this.peek()?.v !== close) throw new Unreadable("list");
    }
    this.next();
    return items;
  }
}

export function run(thunk: () => Value): Outcome {
  try {
    return { value: thunk() };
  } catch (e) {
    if (e instanceof Undefined) return { undefined: true };
    if (e instanceof BuiltinError) return { error: e.message };
    throw e;
  }
}

/**
 * Reads a module of literal rules. Returns undefined when any line is
 * outside the subset (the case is then skipped) or a rule is defined twice.
 */
export function readModule(src: string): Map<string, () => Value> | undefined {
  const lines = src.replace(/^\s*package\s+test\s*$/m, "").replace(/^\s*import\s+.*$/gm, "");
  try {
    const r = new Reader(lex(lines));
    const rules = new Map<string, () => Value>();
    while (!r.atEnd()) {
      const { name, term } = r.rule();
      if (rules.has(name)) return undefined;
      rules.set(name, term);
      r.rules.set(name, term);
    }
    return rules;
  } catch (e) {
    if (e instanceof Unreadable) return undefined;
    throw e;
  }
}

/** Reads `x := f(...)` queries. */
export function readQuery(src: string): { name: string; term: () => Value } | undefined {
  try {
    const r = new Reader(lex(src));
    const rule = r.rule();
    return r.atEnd() ? rule : undefined;
  } catch (e) {
    if (e instanceof Unreadable) return undefined;
    throw e;
  }
}
