/**
 * Comparison operators. `==` and friends compare any two values with OPA's
 * total order (null < boolean < number < string < array < object < set).
 */
import { compare, equal } from "../value.js";
import { def } from "./args.js";
import type { BuiltinDef } from "./types.js";

export const comparisonBuiltins: readonly BuiltinDef[] = [
  def("equal", 2, ([a, b]) => equal(a!, b!)),
  def("neq", 2, ([a, b]) => !equal(a!, b!)),
  def("lt", 2, ([a, b]) => compare(a!, b!) < 0),
  def("lte", 2, ([a, b]) => compare(a!, b!) <= 0),
  def("gt", 2, ([a, b]) => compare(a!, b!) > 0),
  def("gte", 2, ([a, b]) => compare(a!, b!) >= 0),
];
