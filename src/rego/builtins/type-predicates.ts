/** type_name and the is_* predicates (false, not undefined, on a mismatch). */
import { type TypeName, type Value, typeName } from "../value.js";
import { def } from "./args.js";
import type { BuiltinDef } from "./types.js";

const is = (t: TypeName): BuiltinDef => def(`is_${t}`, 1, (args: Value[]) => typeName(args[0] as Value) === t);

export const typeBuiltins: readonly BuiltinDef[] = [
  def("type_name", 1, (args) => typeName(args[0] as Value)),
  is("string"),
  is("number"),
  is("boolean"),
  is("array"),
  is("set"),
  is("object"),
  is("null"),
];
