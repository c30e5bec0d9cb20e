/** to_number and the deprecated cast_* builtins. */
import { type Value, RegoNumber, RegoSet, isObject, numberFromText } from "../value.js";
import { builtinError, def, typeError } from "./args.js";
import type { BuiltinDef } from "./types.js";

/** The decimal syntax Go's strconv.ParseFloat accepts (without Inf/NaN/hex). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A JSON number's syntax, the texts a RegoNumber may keep. */
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

function toNumber(args: Value[]): Value {
  const v = args[0] as Value;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  // OPA returns a number operand as it is, text and all (to_number(1.0) is 1.0).
  if (typeof v === "number" || v instanceof RegoNumber) return v;
  if (typeof v === "string") {
    // OPA refuses what Go's ParseFloat would read as infinite or not a
    // number before parsing (signs trimmed): a type error, not a parse failure.
    if (/^[+-]*(?:inf|infinity|nan)$/i.test(v)) throw typeError("to_number", 1, v, "valid number string");
    if (!DECIMAL.test(v))
      throw builtinError("to_number", `strconv.ParseFloat: parsing ${JSON.stringify(v)}: invalid syntax`);
    const n = Number(v);
    if (!Number.isFinite(n))
      throw builtinError("to_number", `strconv.ParseFloat: parsing ${JSON.stringify(v)}: value out of range`);
    // OPA makes the number of the string itself (ast.Number(a)), so
    // to_number("1.0") keeps "1.0". Texts beyond JSON's syntax ("+1", ".5")
    // give their value: JSON could not print their text.
    if (JSON_NUMBER.test(v)) return numberFromText(v);
    return n === 0 ? 0 : n;
  }
  throw typeError("to_number", 1, v, "null", "boolean", "number", "string");
}

export const conversionBuiltins: readonly BuiltinDef[] = [
  def("to_number", 1, toNumber),
  def("cast_array", 1, (args) => {
    const v = args[0] as Value;
    if (Array.isArray(v)) return v;
    if (v instanceof RegoSet) return [...v];
    throw typeError("cast_array", 1, v, "array", "set");
  }),
  def("cast_set", 1, (args) => {
    const v = args[0] as Value;
    if (v instanceof RegoSet) return v;
    if (Array.isArray(v)) return new RegoSet(v);
    throw typeError("cast_set", 1, v, "array", "set");
  }),
  def("cast_string", 1, (args) => {
    const v = args[0] as Value;
    if (typeof v !== "string") throw typeError("cast_string", 1, v, "string");
    return v;
  }),
  def("cast_boolean", 1, (args) => {
    const v = args[0] as Value;
    if (typeof v !== "boolean") throw typeError("cast_boolean", 1, v, "boolean");
    return v;
  }),
  def("cast_null", 1, (args) => {
    const v = args[0] as Value;
    if (v !== null) throw typeError("cast_null", 1, v, "null");
    return null;
  }),
  def("cast_object", 1, (args) => {
    const v = args[0] as Value;
    if (!isObject(v)) throw typeError("cast_object", 1, v, "object");
    return v;
  }),
];
