/**
 * The calls the engine answers itself rather than a builtin: membership
 * (`x in xs`, `k, v in xs`), print (which sees undefined arguments) and
 * rego.metadata.* (which read the rule being evaluated).
 */
import type { Annotation, Term } from "../ast.js";
import { formatPrintArgs } from "../builtins/index.js";
import type { Location } from "../errors.js";
import { RegoError } from "../errors.js";
import { equal, RegoSet, sortedMembers, type Value } from "../value.js";
import { forEachMember, indexValue } from "./collections.js";
import type { Evaluator, VK } from "./evaluator.js";

export const specialCalls = {
  evalSpecial(this: Evaluator, name: string, t: Term & { type: "call" }, k: VK): boolean {
    switch (name) {
      case "internal.member_2":
        return this.evalList(t.args.slice(0, 2), 0, [], ([x, coll]) => this.emit(t, 2, isMember(x!, coll!), k));
      case "internal.member_3":
        return this.evalList(t.args.slice(0, 3), 0, [], ([key, value, coll]) =>
          this.emit(t, 3, isMemberKV(key!, value!, coll!), k),
        );
      case "print":
      case "internal.print":
        return this.print(t.args, t.loc, k);
      case "rego.metadata.rule":
        return this.emit(t, 0, this.ruleMetadata(), k);
      case "rego.metadata.chain":
        return this.emit(t, 0, this.metadataChain(), k);
      default:
        throw new RegoError("rego_type_error", `undefined function ${name}`, t.loc);
    }
  },

  /**
   * print: each argument's values as a set (none: `<undefined>`), one line
   * per combination, as OPA's internal.print does; the sink also gets the
   * call's location (OPA's print.Context.Location).
   */
  print(this: Evaluator, args: Term[], loc: Location, k: VK): boolean {
    const sink = this.options.print;
    if (sink) {
      const perArg = args.map((a) => {
        const vs = new RegoSet();
        this.evalTerm(a, (v) => {
          vs.addDuringConstruction(v);
          return false;
        });
        return vs.size ? sortedMembers(vs) : [undefined];
      });
      const line = (i: number, acc: (Value | undefined)[]): void => {
        if (i === perArg.length) {
          sink(formatPrintArgs(acc), loc);
          return;
        }
        for (const v of perArg[i]!) line(i + 1, [...acc, v]);
      };
      line(0, []);
    }
    return k(true);
  },

  ruleMetadata(this: Evaluator): Value {
    const rule = this.ruleStack[this.ruleStack.length - 1];
    const a = rule?.annotations.find((x) => x.scope === "rule") ?? rule?.annotations[0];
    return a ? annotationValue(a) : {};
  },

  metadataChain(this: Evaluator): Value {
    const rule = this.ruleStack[this.ruleStack.length - 1];
    if (!rule) return [];
    const chain: Value[] = [];
    const a = rule.annotations[0];
    chain.push(
      a ? { path: ["data", ...rule.path], annotations: annotationValue(a) } : { path: ["data", ...rule.path] },
    );
    const pkgA = rule.module.annotations[0];
    if (pkgA) chain.push({ path: ["data", ...rule.module.pkg], annotations: annotationValue(pkgA) });
    return chain;
  },
};

export function isMember(x: Value, coll: Value): boolean {
  // Arrays (most `x in xs`) without a closure per call.
  if (Array.isArray(coll)) {
    for (const v of coll) if (equal(v, x)) return true;
    return false;
  }
  return forEachMember(coll, (_, v) => equal(v, x));
}

export function isMemberKV(key: Value, value: Value, coll: Value): boolean {
  const v = indexValue(coll, key);
  return v !== undefined && equal(v, value);
}

function annotationValue(a: Annotation): Value {
  return JSON.parse(JSON.stringify({ scope: a.scope, ...a.raw })) as Value;
}
