/**
 * References into values: `x.a[i].b` follows its path, and a variable in the
 * path that is not bound yet iterates the collection there (OPA's evalRef
 * over a base value). References into `data` go through the rule tree
 * (rule-tree.ts) until they leave the virtual documents.
 */
import type { Term } from "../ast.js";
import { RegoError } from "../errors.js";
import type { Value } from "../value.js";
import { forEachMember, indexValue } from "./collections.js";
import { NEEDS_SEARCH } from "./direct.js";
import type { Evaluator, VK } from "./evaluator.js";

export const references = {
  evalRef(this: Evaluator, t: Term & { type: "ref" }, k: VK): boolean {
    const head = t.head;
    switch (head.type) {
      case "root":
        if (head.root === "input")
          return this.ctx.input === undefined ? false : this.walkValue(this.ctx.input, t.path, 0, k);
        return this.walkData(this.program.tree.root, this.ctx.data, t.path, 0, k);
      case "var": {
        const v = this.frame[head.slot!];
        if (v === undefined) throw new RegoError("rego_unsafe_var_error", `var ${head.name} is unsafe`, head.loc);
        return this.walkValue(v, t.path, 0, k);
      }
      default:
        return this.evalTerm(head, (v) => this.walkValue(v, t.path, 0, k));
    }
  },

  /**
   * Follows a reference's path into a value; unbound variables iterate.
   * `index` is indexBase below a base document in `data` (OPA reads those
   * through its store's string paths), indexValue everywhere else.
   */
  walkValue(
    this: Evaluator,
    v: Value,
    path: Term[],
    i: number,
    k: VK,
    index: (coll: Value, key: Value) => Value | undefined = indexValue,
  ): boolean {
    for (; i < path.length; i++) {
      const seg = path[i]!;
      let key: Value | undefined;
      if (seg.type === "scalar") key = seg.value;
      else if (seg.type === "var") key = this.frame[seg.slot!];
      else if (seg.type === "ref" && this.isDirect(seg)) {
        // A step with one value (`refs[r.config_address]`) read in place, without a continuation.
        const kv = this.directKey(seg);
        if (kv === undefined) return false;
        if (kv !== NEEDS_SEARCH) key = kv;
      }
      if (key === undefined) {
        const rest = i + 1;
        if (seg.type === "var") {
          const slot = seg.slot!;
          return forEachMember(v, (mk, child) => {
            if ((++this.steps & 0x3ff) === 0) this.tick();
            this.frame[slot] = mk;
            const r = this.walkValue(child, path, rest, k, index);
            this.frame[slot] = undefined;
            return r;
          });
        }
        if (this.canEval(seg)) {
          const base = v;
          return this.evalTerm(seg, (kv) => {
            const child = index(base, kv);
            return child !== undefined && this.walkValue(child, path, rest, k, index);
          });
        }
        return forEachMember(v, (mk, child) =>
          this.unifyPattern(seg, mk, () => this.walkValue(child, path, rest, k, index)),
        );
      }
      const child = index(v, key);
      if (child === undefined) return false;
      v = child;
    }
    return k(v);
  },
};
