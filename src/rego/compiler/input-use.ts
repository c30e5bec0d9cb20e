/**
 * Which top-level members of `input` compiled policies can read. A scan uses
 * it to leave out of a large plan the parts no policy looks at. The answer is
 * conservative: `input` used as a whole (`x := input`, `walk(input, ...)`,
 * `input[k]` with a variable key) means every member.
 */
import type { Module, Term } from "../ast.js";
import { walkRule, walkTerm } from "./visit.js";

export type InputUse = ReadonlySet<string> | "whole";

export function inputMembersRead(modules: readonly Module[]): InputUse {
  const keys = new Set<string>();
  let whole = false;

  const visit = (t: Term): boolean => {
    if (whole) return false;
    // A root not at the head of a reference with a constant first key.
    if (t.type === "root" && t.root === "input") whole = true;
    if (t.type === "ref" && t.head.type === "root" && t.head.root === "input") {
      const first = t.path[0];
      if (first?.type === "scalar" && typeof first.value === "string") keys.add(first.value);
      else whole = true;
      // The path's own terms may read input too; the head is this reference's.
      for (const seg of t.path) walkTerm(seg, visit);
      return false;
    }
    return true;
  };

  // Every term of every rule, `with` values included (`with input as x` replaces input; x may read it).
  for (const m of modules) for (const rule of m.rules) walkRule(rule, visit);
  return whole ? "whole" : keys;
}
