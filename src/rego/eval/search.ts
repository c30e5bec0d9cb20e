/**
 * The search: bodies, literals, expressions and terms, in continuation-passing
 * style (OPA's topdown eval.go). Each step calls its continuation once per
 * solution; a continuation returns true to stop. A body takes its
 * one-outcome literals in a loop (directStep) and searches only where a
 * literal can have several outcomes.
 */
import type { Body, Expr, Literal, ScanIndex, Term } from "../ast.js";
import { RegoError } from "../errors.js";
import { canonicalKey, equal, makeObject, RegoNumber, RegoSet, type Value } from "../value.js";
import { forEachMember, lookupMembers } from "./collections.js";
import { NEEDS_SEARCH } from "./direct.js";
import type { Evaluator, K, VK } from "./evaluator.js";
import { MAX_COLLECTION_SIZE } from "./limits.js";
import { KIND_ASSIGN, KIND_EACH, KIND_SEARCH, KIND_TEST, literalFacts, STEP_KIND, keep } from "./node-facts.js";

const STEP_HOLDS = -1;
const STEP_FAILS = -2;
const STEP_SEARCH = -3;

export const search = {
  evalBody(this: Evaluator, body: Body, i: number, k: K): boolean {
    const mark = this.boundSlots.length;
    const j = this.directSteps(body, i);
    let result = false;
    if (j === body.length) result = k();
    else if (j >= 0) {
      const lit = body[j]!;
      result =
        this.shortcuts && literalFacts(lit)[STEP_KIND] === KIND_EACH
          ? this.eachStep(lit, body, j + 1, k)
          : this.evalLiteral(lit, j + 1 === body.length ? k : () => this.evalBody(body, j + 1, k));
    }
    this.unbindTo(mark);
    return result;
  },

  /**
   * `some v in coll` (or `some k, v in coll`) over a direct collection, then
   * the rest of the body from `next`: each member bound in place and the rest
   * evaluated for it, without going through evalLiteral and evalExpr and,
   * over an array, without a callback per member. A collection that is
   * undefined or empty ends here, before anything is built (most of the
   * library's iterations over a resource's blocks or references).
   */
  eachStep(this: Evaluator, lit: Literal, body: Body, next: number, k: K): boolean {
    const e = lit.expr as Expr & { kind: "somein" };
    const coll = this.direct(e.collection);
    const last = next === body.length;
    if (coll === NEEDS_SEARCH) return this.evalLiteral(lit, last ? k : () => this.evalBody(body, next, k));
    if (coll === undefined) return false;
    const keySlot = e.key === undefined ? -1 : (e.key as Term & { type: "var" }).slot!;
    const valueSlot = (e.value as Term & { type: "var" }).slot!;
    if (!Array.isArray(coll))
      return this.eachInto(coll, keySlot, valueSlot, last ? k : () => this.evalBody(body, next, k));
    if (coll.length === 0) return false;
    // eachInto's loop over an array, without a callback per member.
    const rest = last ? k : () => this.evalBody(body, next, k);
    for (let i = 0; i < coll.length; i++) {
      if ((++this.steps & 0x3ff) === 0) this.tick();
      if (this.withMember(keySlot, i, valueSlot, coll[i]!, rest)) return true;
    }
    return false;
  },

  /**
   * Takes a body's literals with one outcome from `i` on (a test such as
   * `r.type == "x"`, or `x := <one value>`) in a loop: no continuation to
   * build, no deeper stack. Returns the index of the first literal that
   * needs the search (body.length when none does), or -1 when one fails.
   * Variables bound here go on the evaluator's stack of bound slots; the
   * caller unbinds them (unbindTo) on its way out, as a continuation's
   * binding would be undone.
   */
  directSteps(this: Evaluator, body: Body, i: number): number {
    for (; i < body.length; i++) {
      if ((++this.steps & 0x3ff) === 0) this.tick();
      const lit = body[i]!;
      if (lit.implied && this.shortcuts) continue;
      const step = this.directStep(lit);
      if (step === STEP_FAILS) return -1;
      if (step === STEP_SEARCH) return i;
      if (step !== STEP_HOLDS) this.boundSlots.push(step);
    }
    return i;
  },

  /** Unbinds the slots bound by directSteps since the stack of bound slots was `mark` long. */
  unbindTo(this: Evaluator, mark: number): void {
    const bound = this.boundSlots;
    while (bound.length > mark) this.frame[bound.pop()!] = undefined;
  },

  /**
   * A literal evaluated without search: it holds, it fails, it bound the
   * variable in the returned slot, or it needs the search (STEP_SEARCH).
   */
  directStep(this: Evaluator, lit: Literal): number {
    if (!this.shortcuts) return STEP_SEARCH;
    const facts = literalFacts(lit);
    let kind = facts[STEP_KIND];
    if (kind === undefined) kind = keep(facts, STEP_KIND, this.stepKind(lit));
    if (kind === KIND_TEST) {
      const v = this.direct((lit.expr as Expr & { kind: "term" }).term);
      if (v === NEEDS_SEARCH) return STEP_SEARCH;
      const holds = v !== undefined && v !== false;
      return holds !== lit.negated ? STEP_HOLDS : STEP_FAILS;
    }
    if (kind === KIND_ASSIGN) {
      const e = lit.expr as Expr & { kind: "assign" | "unify" };
      if (!this.canEval(e.right)) return STEP_SEARCH;
      const v = this.direct(e.right);
      if (v === NEEDS_SEARCH) return STEP_SEARCH;
      if (v === undefined) return STEP_FAILS;
      const slot = (e.left as Term & { type: "var" }).slot!;
      const current = this.frame[slot];
      if (current !== undefined) return equal(current, v) ? STEP_HOLDS : STEP_FAILS;
      this.frame[slot] = v;
      return slot;
    }
    return STEP_SEARCH;
  },

  /** How directStep takes a literal, by its shape alone (worked out once per literal). */
  stepKind(this: Evaluator, lit: Literal): number {
    if (lit.withs.length > 0 || lit.scan) return KIND_SEARCH;
    const e = lit.expr;
    if (e.kind === "term") return this.isDirect(e.term) ? KIND_TEST : KIND_SEARCH;
    if ((e.kind === "assign" || e.kind === "unify") && !lit.negated && e.left.type === "var" && this.isDirect(e.right))
      return KIND_ASSIGN;
    // evalExpr's condition for eachInto.
    if (
      e.kind === "somein" &&
      !lit.negated &&
      e.value.type === "var" &&
      (e.key === undefined || (e.key.type === "var" && e.key.slot !== e.value.slot)) &&
      this.isDirect(e.collection)
    )
      return KIND_EACH;
    return KIND_SEARCH;
  },

  evalLiteral(this: Evaluator, lit: Literal, k: K): boolean {
    if (lit.withs.length > 0) return this.evalWith(lit, k);
    if (lit.scan && this.shortcuts) return this.evalScan(lit.scan, k);
    return this.evalLiteralCore(lit, k);
  },

  /** An iteration narrowed by an index on one field (see compiler/scan-index.ts). */
  evalScan(this: Evaluator, scan: ScanIndex, k: K): boolean {
    return this.evalTerm(scan.collection, (coll) => {
      const members = lookupMembers(coll, scan.field, scan.value);
      for (let i = 0; i < members.length; i++) {
        const member = members[i]!;
        if ((++this.steps & 0x3ff) === 0) this.tick();
        this.frame[scan.valueSlot] = member[1];
        if (scan.keySlot !== undefined) this.frame[scan.keySlot] = member[0];
        const stop = k();
        this.frame[scan.valueSlot] = undefined;
        if (scan.keySlot !== undefined) this.frame[scan.keySlot] = undefined;
        if (stop) return true;
      }
      return false;
    });
  },

  evalLiteralCore(this: Evaluator, lit: Literal, k: K): boolean {
    if (lit.negated) {
      let found = false;
      this.evalExpr(lit.expr, () => (found = true));
      return found ? false : k();
    }
    return this.evalExpr(lit.expr, k);
  },

  evalExpr(this: Evaluator, e: Expr, k: K): boolean {
    switch (e.kind) {
      case "term": {
        if (this.isDirect(e.term)) {
          const v = this.direct(e.term);
          if (v !== NEEDS_SEARCH) return v !== undefined && v !== false && k();
        }
        return this.evalTerm(e.term, (v) => v !== false && k());
      }
      case "unify":
      case "assign":
        return this.unifyTerms(e.left, e.right, k);
      case "somein": {
        const ks = e.key?.type === "var" ? e.key.slot! : e.key === undefined ? -1 : undefined;
        if (e.value.type === "var" && ks !== undefined && ks !== e.value.slot && this.isDirect(e.collection)) {
          const coll = this.direct(e.collection);
          if (coll !== NEEDS_SEARCH) return coll !== undefined && this.eachInto(coll, ks, e.value.slot!, k);
        }
        return this.evalTerm(e.collection, (coll) =>
          forEachMember(coll, (key, value) => {
            if ((++this.steps & 0x3ff) === 0) this.tick();
            return e.key
              ? this.unifyPattern(e.key, key, () => this.unifyPattern(e.value, value, k))
              : this.unifyPattern(e.value, value, k);
          }),
        );
      }
      case "every":
        return this.evalTerm(e.domain, (coll) => {
          // Over a scalar, every is undefined (there is no collection to check).
          if (coll === null || typeof coll !== "object" || coll instanceof RegoNumber) return false;
          const failed = forEachMember(coll, (key, value) => {
            let held = false;
            const body = () => {
              held = this.evalBody(e.body, 0, () => true);
              return true;
            };
            if (e.key) this.unifyPattern(e.key, key, () => this.unifyPattern(e.value, value, body));
            else this.unifyPattern(e.value, value, body);
            return !held;
          });
          return !failed && k();
        });
      case "some":
        return k();
    }
  },

  /**
   * `some k, v in coll` (or `some v in coll`) where k and v are plain variables and the
   * collection has one value: each member bound in place (or compared, where a variable is
   * bound already), as unifyPattern would, without a continuation per pattern. `keySlot` is
   * -1 without a key.
   */
  eachInto(this: Evaluator, coll: Value, keySlot: number, valueSlot: number, k: K): boolean {
    return forEachMember(coll, (key, value) => {
      if ((++this.steps & 0x3ff) === 0) this.tick();
      return this.withMember(keySlot, key, valueSlot, value, k);
    });
  },

  /**
   * One member of an iteration: the key and the value bound to their slots
   * (or compared with what a slot holds already) and `k` asked, then the
   * bindings undone. `keySlot` is -1 without a key.
   */
  withMember(this: Evaluator, keySlot: number, key: Value, valueSlot: number, value: Value, k: K): boolean {
    const frame = this.frame;
    let boundKey = false;
    if (keySlot >= 0) {
      const cur = frame[keySlot];
      if (cur === undefined) {
        frame[keySlot] = key;
        boundKey = true;
      } else if (!equal(cur, key)) return false;
    }
    let stop: boolean;
    const cur = frame[valueSlot];
    if (cur === undefined) {
      frame[valueSlot] = value;
      stop = k();
      frame[valueSlot] = undefined;
    } else stop = equal(cur, value) && k();
    if (boundKey) frame[keySlot] = undefined;
    return stop;
  },

  evalTerm(this: Evaluator, t: Term, k: VK): boolean {
    switch (t.type) {
      case "scalar":
        return k(t.value);
      case "var": {
        const v = this.frame[t.slot!];
        if (v === undefined) throw new RegoError("rego_unsafe_var_error", `var ${t.name} is unsafe`, t.loc);
        return k(v);
      }
      case "root":
        if (t.root === "input") return this.ctx.input === undefined ? false : k(this.ctx.input);
        return this.walkData(this.program.tree.root, this.ctx.data, [], 0, k);
      case "ref": {
        if (this.isDirect(t)) {
          const v = this.directRef(t);
          if (v !== NEEDS_SEARCH) return v !== undefined && k(v);
        }
        return this.evalRef(t, k);
      }
      case "array": {
        const c = this.constant(t);
        if (c !== null) return k(c);
        if (this.isDirect(t)) {
          const v = this.direct(t);
          if (v !== NEEDS_SEARCH) return v !== undefined && k(v);
        }
        return this.evalList(t.items, 0, [], (items) => k(items));
      }
      case "set": {
        const c = this.constant(t);
        if (c !== null) return k(c);
        return this.evalList(t.items, 0, [], (items) => k(new RegoSet(items)));
      }
      case "object": {
        const c = this.constant(t);
        if (c !== null) return k(c);
        const flat = t.entries.flat();
        return this.evalList(flat, 0, [], (items) => {
          const entries: [Value, Value][] = [];
          for (let i = 0; i < items.length; i += 2) entries.push([items[i]!, items[i + 1]!]);
          return k(makeObject(entries));
        });
      }
      case "call": {
        if (this.isDirect(t)) {
          const v = this.directCall(t);
          if (v !== NEEDS_SEARCH) return v !== undefined && k(v);
        }
        return this.evalCall(t, k);
      }
      case "arraycomp": {
        const out: Value[] = [];
        this.evalBody(t.body, 0, () =>
          this.evalTerm(t.term, (v) => {
            if (out.push(v) > MAX_COLLECTION_SIZE) this.tooLarge(t.loc);
            return false;
          }),
        );
        return k(out);
      }
      case "setcomp": {
        const out = new RegoSet();
        this.evalBody(t.body, 0, () =>
          this.evalTerm(t.term, (v) => {
            out.addDuringConstruction(v);
            if (out.size > MAX_COLLECTION_SIZE) this.tooLarge(t.loc);
            return false;
          }),
        );
        return k(out);
      }
      case "objcomp": {
        const seen = new Map<string, [Value, Value]>();
        this.evalBody(t.body, 0, () =>
          this.evalTerm(t.key, (key) =>
            this.evalTerm(t.value, (value) => {
              const ck = canonicalKey(key);
              const prev = seen.get(ck);
              if (prev && !equal(prev[1], value))
                throw new RegoError("eval_conflict_error", "object keys must be unique", t.loc);
              seen.set(ck, [key, value]);
              if (seen.size > MAX_COLLECTION_SIZE) this.tooLarge(t.loc);
              return false;
            }),
          ),
        );
        return k(makeObject([...seen.values()]));
      }
    }
  },

  /**
   * The values of a list of terms, once per combination. `k` gets a fresh
   * array unless `reuse` (for callers that do not keep it, such as calls).
   */
  evalList(
    this: Evaluator,
    terms: Term[],
    i: number,
    acc: Value[],
    k: (items: Value[]) => boolean,
    reuse = false,
  ): boolean {
    if (i === terms.length) return k(reuse ? acc : acc.slice());
    const t = terms[i]!;
    if (t.type === "var" && this.frame[t.slot!] === undefined && i + 1 < terms.length) {
      // Bound by a reference later in the list (`[i, xs[i]]`): the rest first, then this one.
      return this.evalList(
        terms,
        i + 1,
        acc,
        () =>
          this.evalTerm(t, (v) => {
            acc[i] = v;
            return k(reuse ? acc : acc.slice());
          }),
        true,
      );
    }
    return this.evalTerm(t, (v) => {
      acc[i] = v;
      return this.evalList(terms, i + 1, acc, k, reuse);
    });
  },
};
