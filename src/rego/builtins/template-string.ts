/**
 * internal.template_string: what a template string (`$"a {x} b"`, OPA
 * 1.12) evaluates to. The parser lowers the template to a call on an array
 * of its parts: literal strings, and for each `{expr}` the set of its values.
 * A string shows as itself, any other value in Rego's own syntax (as print
 * shows it), an empty set (the expression was undefined) as `<undefined>`.
 */
import { RegoError } from "../errors.js";
import { type Value, RegoSet, formatValue, isObject, typeName } from "../value.js";
import { def } from "./args.js";
import type { BuiltinDef } from "./types.js";

function show(v: Value): string {
  return typeof v === "string" ? v : formatValue(v);
}

export const templateStringBuiltins: readonly BuiltinDef[] = [
  def("internal.template_string", 1, ([parts]) => {
    if (!Array.isArray(parts))
      throw new RegoError(
        "eval_type_error",
        `internal.template_string: operand 1 must be array but got ${typeName(parts!)}`,
      );
    let out = "";
    for (const part of parts) {
      if (!(part instanceof RegoSet)) {
        if (Array.isArray(part) || isObject(part)) {
          throw new RegoError("eval_type_error", `internal.template_string: illegal argument type: ${typeName(part)}`);
        }
        out += show(part);
        continue;
      }
      // OPA halts here whatever the strictness: one expression gave several values.
      if (part.size > 1)
        throw new RegoError("eval_conflict_error", "template-strings must not produce multiple outputs");
      const [only] = part.values();
      out += only === undefined ? "<undefined>" : show(only);
    }
    return out;
  }),
];
