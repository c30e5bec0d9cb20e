/**
 * Calls of builtins: arguments evaluated, errors turned into OPA's (strict or
 * not), costly decodings memoized per context, and results bounded in size.
 */
import type { Term } from "../ast.js";
import { BuiltinError, BuiltinLimitError, type BuiltinDef } from "../builtins/index.js";
import { RegoError } from "../errors.js";
import { RegoSet, type Value } from "../value.js";
import { UNDEFINED } from "./context.js";
import type { Evaluator, VK } from "./evaluator.js";
import { MAX_COLLECTION_SIZE } from "./limits.js";

/** Pure, costly builtins of one string argument whose results are memoized per context. */
const MEMOIZED_BUILTINS = new Set([
  "json.unmarshal",
  "yaml.unmarshal",
  "json.is_valid",
  "yaml.is_valid",
  "base64.decode",
]);

/** Elements of an array or set (O(1)); objects only grow from keys computed one by one, which comprehensions bound. */
function collectionSize(v: Value & object): number {
  if (Array.isArray(v)) return v.length;
  return v instanceof RegoSet ? v.size : 0;
}

export const builtinCalls = {
  callBuiltin(this: Evaluator, name: string, t: Term & { type: "call" }, k: VK): boolean {
    const def = this.program.builtins.get(name);
    if (!def) throw new RegoError("rego_type_error", `undefined function ${name}`, t.loc);
    const arity = def.arity;
    const inputs = t.args.length > arity ? t.args.slice(0, arity) : t.args;
    return this.evalList(
      inputs,
      0,
      new Array(inputs.length),
      (args) => {
        const out = this.invoke(def, args, t);
        if (out === undefined) return false;
        if (def.relation) {
          for (const o of out as Value[]) if (this.emit(t, arity, o, k)) return true;
          return false;
        }
        return this.emit(t, arity, out, k);
      },
      // Builtins get the array for the call only (they do not keep it).
      true,
    );
  },

  /** Calls a builtin; its errors fail the query in strict mode, else make the call undefined. */
  invoke(this: Evaluator, def: BuiltinDef, args: Value[], t: Term): Value | undefined {
    // Decoding the same document again (a policy JSON string read by twenty rules) gives the same value.
    if (args.length === 1 && typeof args[0] === "string" && MEMOIZED_BUILTINS.has(def.name)) {
      // Keyed by the argument string itself: V8 keeps a string's hash, so a
      // second lookup of the same input string does not read it again.
      let memo = this.ctx.builtinMemo.get(def.name);
      if (!memo) this.ctx.builtinMemo.set(def.name, (memo = new Map()));
      const hit = memo.get(args[0]);
      if (hit !== undefined) return hit === UNDEFINED ? undefined : hit;
      const out = this.invokeUncached(def, args, t);
      memo.set(args[0], out === undefined ? UNDEFINED : out);
      return out;
    }
    return this.invokeUncached(def, args, t);
  },

  invokeUncached(this: Evaluator, def: BuiltinDef, args: Value[], t: Term): Value | undefined {
    let out: Value | undefined;
    try {
      out = def.impl(args, this.builtinCtx);
    } catch (err) {
      if (err instanceof RegoError || err instanceof RangeError) throw err;
      const rule = this.currentRuleName();
      const where = rule ? ` (in ${rule})` : "";
      // A planguard-only limit fails the rule even outside strict mode: OPA would have a value here.
      if (err instanceof BuiltinLimitError) throw new RegoError(err.code, err.message + where, t.loc);
      if (!this.options.strict) return undefined;
      if (err instanceof BuiltinError) throw new RegoError(err.code, err.message + where, t.loc);
      throw new RegoError(
        "eval_builtin_error",
        `${def.name}: ${err instanceof Error ? err.message : String(err)}${where}`,
        t.loc,
      );
    }
    // Builtins such as array.concat can double a collection per call: checked on every result, so
    // growth stops within a factor of two of the bound instead of at V8's fatal array limit.
    if (typeof out === "object" && out !== null && collectionSize(out) > MAX_COLLECTION_SIZE)
      this.tooLarge(t.loc, def.name);
    return out;
  },
};
