/**
 * bits.*: two's complement integer operations. Computed with BigInt so that
 * values up to 2^53 (all the exact integers a JS number holds) work; JS's
 * own bitwise operators would cut them to 32 bits.
 */
import type { Value } from "../value.js";
import { builtinError, def, int, toBigInt } from "./args.js";
import type { BuiltinDef } from "./types.js";

function big(name: string, args: Value[], i: number): bigint {
  return toBigInt(int(name, args, i));
}

function out(name: string, v: bigint): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw builtinError(name, "result does not fit in an exact number (beyond 2^53)");
  return n;
}

const binary = (name: string, op: (a: bigint, b: bigint) => bigint) =>
  def(name, 2, (args) => out(name, op(big(name, args, 0), big(name, args, 1))));

export const bitsBuiltins: readonly BuiltinDef[] = [
  binary("bits.and", (a, b) => a & b),
  binary("bits.or", (a, b) => a | b),
  binary("bits.xor", (a, b) => a ^ b),
  def("bits.negate", 1, (args) => out("bits.negate", ~big("bits.negate", args, 0))),
  binary("bits.lsh", (a, b) => {
    if (b < 0n) throw builtinError("bits.lsh", "must be an unsigned integer number but got a negative integer");
    return a << b;
  }),
  binary("bits.rsh", (a, b) => {
    if (b < 0n) throw builtinError("bits.rsh", "must be an unsigned integer number but got a negative integer");
    return a >> b;
  }),
];
