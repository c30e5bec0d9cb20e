/**
 * `with`: a literal evaluated with input, data or functions replaced, in a
 * new context (its own memo); what follows the literal runs in the old one.
 */
import type { Literal } from "../ast.js";
import type { CompiledWith } from "../compiler/resolve.js";
import { isObject, makeObject, type Value } from "../value.js";
import { forEachMember, indexValue } from "./collections.js";
import type { Evaluator, K } from "./evaluator.js";

export const withModifiers = {
  /** A literal with `with`: evaluated in a new context; what follows it runs in the old one. */
  evalWith(this: Evaluator, lit: Literal, k: K): boolean {
    const outer = this.ctx;
    const inner = outer.derive();
    for (const w of lit.withs as CompiledWith[]) {
      const target = w.compiled;
      if (target.kind === "mock" && target.replacement) {
        inner.mocks.set(target.key, { kind: "target", target: target.replacement });
        continue;
      }
      let value: Value | undefined;
      this.evalTerm(w.value, (v) => {
        value = v;
        return true;
      });
      if (value === undefined) return false;
      if (target.kind === "input")
        inner.input = target.path.length ? setInputPath(inner.input, target.path, value) : value;
      else if (target.kind === "data") inner.overrideData(target.path, value);
      else inner.mocks.set(target.key, { kind: "value", value });
    }
    this.ctx = inner;
    try {
      return this.evalLiteralCore(lit, () => {
        this.ctx = outer;
        try {
          return k();
        } finally {
          this.ctx = inner;
        }
      });
    } finally {
      this.ctx = outer;
    }
  },
};

/** `input` with `value` at `path`: only the objects on the path are copied. */
function setInputPath(input: Value | undefined, path: string[], value: Value): Value {
  const build = (base: Value | undefined, i: number): Value => {
    if (i === path.length) return value;
    const obj = base !== undefined && isObject(base) ? base : {};
    const entries: [Value, Value][] = [];
    forEachMember(obj, (k, v) => {
      if (k !== path[i]) entries.push([k, v]);
      return false;
    });
    entries.push([path[i]!, build(indexValue(obj, path[i]!), i + 1)]);
    return makeObject(entries);
  };
  return build(input, 0);
}
