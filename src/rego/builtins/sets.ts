/** Set operators (`&`, `|`) and the n-ary intersection and union. */
import { type Value, RegoSet } from "../value.js";
import { def, elementTypeError, set } from "./args.js";
import type { BuiltinDef } from "./types.js";

function intersect(a: RegoSet, b: RegoSet): RegoSet {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new RegoSet();
  for (const v of small) if (large.has(v)) out.addDuringConstruction(v);
  return out;
}

function unite(sets: Iterable<RegoSet>): RegoSet {
  const out = new RegoSet();
  for (const s of sets) for (const v of s) out.addDuringConstruction(v);
  return out;
}

function setsOf(name: string, args: Value[]): RegoSet[] {
  const outer = set(name, args, 0);
  const members = [...outer];
  for (const m of members) if (!(m instanceof RegoSet)) throw elementTypeError(name, 1, outer, m, "set");
  return members as RegoSet[];
}

export const setBuiltins: readonly BuiltinDef[] = [
  def("and", 2, (args) => intersect(set("and", args, 0), set("and", args, 1))),
  def("or", 2, (args) => unite([set("or", args, 0), set("or", args, 1)])),
  def("intersection", 1, (args) => {
    const sets = setsOf("intersection", args);
    if (sets.length === 0) return new RegoSet();
    return sets.reduce(intersect);
  }),
  def("union", 1, (args) => unite(setsOf("union", args))),
];
