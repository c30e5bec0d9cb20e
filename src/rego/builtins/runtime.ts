/**
 * opa.runtime, trace, and helpers for print. print itself needs the evaluator (its
 * arguments may be undefined, and it writes where the evaluator says), so
 * the evaluator calls formatPrintArgs and ctx.print.
 */
import { type Value, formatValue } from "../value.js";
import { def, str } from "./args.js";
import type { BuiltinDef } from "./types.js";

/** print's line: strings as they are, other values in Rego syntax, undefined as <undefined>. */
export function formatPrintArgs(values: readonly (Value | undefined)[]): string {
  return values.map((v) => (v === undefined ? "<undefined>" : typeof v === "string" ? v : formatValue(v))).join(" ");
}

export const runtimeBuiltins: readonly BuiltinDef[] = [
  // planguard has no OPA runtime (config, environment); policies that look
  // at it see an empty environment rather than failing.
  def("opa.runtime", 0, () => ({ env: {}, config: {} })),
  // OPA's trace: true, and the note goes to the tracer (`opa test -v` shows it).
  def("trace", 1, (args, ctx) => {
    const note = str("trace", args, 0);
    ctx.note?.(note);
    return true;
  }),
];
