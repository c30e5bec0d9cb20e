/** array.concat, array.slice, array.flatten, array.reverse. */
import { type Value, numberInt } from "../value.js";
import { arr, def, num } from "./args.js";
import type { BuiltinDef } from "./types.js";

function slice(args: Value[]): Value | undefined {
  const a = arr("array.slice", args, 0);
  num("array.slice", args, 1);
  num("array.slice", args, 2);
  // OPA wants integers by the number's text (IntOperand: Number.Int, so 1.0
  // is refused too); regorus (and OPA's non-strict mode) make a fractional
  // index undefined rather than an error.
  let start = numberInt(args[1]);
  let stop = numberInt(args[2]);
  if (start === undefined || stop === undefined) return undefined;
  // Out-of-range bounds are clamped, as OPA does.
  if (start < 0) start = 0;
  if (stop > a.length) stop = a.length;
  if (start >= stop) return [];
  return a.slice(start, stop);
}

/** array.flatten: one level; members that are not arrays stay as they are. */
function flatten(args: Value[]): Value {
  const out: Value[] = [];
  for (const item of arr("array.flatten", args, 0)) {
    if (Array.isArray(item)) out.push(...item);
    else out.push(item);
  }
  return out;
}

export const arrayBuiltins: readonly BuiltinDef[] = [
  def("array.concat", 2, (args) => [...arr("array.concat", args, 0), ...arr("array.concat", args, 1)]),
  def("array.slice", 3, slice),
  def("array.flatten", 1, flatten),
  def("array.reverse", 1, (args) => [...arr("array.reverse", args, 0)].reverse()),
];
