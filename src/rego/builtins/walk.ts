/**
 * walk (a relation: every [path, value] in a document, the root first) and
 * graph.reachable.
 */
import { type Value, RegoSet, isObject, objectGet, sortedEntries, sortedMembers } from "../value.js";
import { arrayOrSet, def, obj } from "./args.js";
import type { BuiltinDef } from "./types.js";

function walk(v: Value): Value[] {
  const out: Value[] = [];
  const visit = (path: Value[], x: Value): void => {
    out.push([path, x]);
    if (Array.isArray(x)) x.forEach((e, i) => visit([...path, i], e));
    else if (x instanceof RegoSet) for (const m of sortedMembers(x)) visit([...path, m], m);
    else if (isObject(x)) for (const [k, e] of sortedEntries(x)) visit([...path, k], e);
  };
  visit([], v);
  return out;
}

function reachable(args: Value[]): Value {
  const graph = obj("graph.reachable", args, 0);
  const queue = [...arrayOrSet("graph.reachable", args, 1)];
  const reached = new RegoSet();
  while (queue.length > 0) {
    const node = queue.shift() as Value;
    if (reached.has(node)) continue;
    reached.addDuringConstruction(node);
    const edges = objectGet(graph, node);
    if (Array.isArray(edges) || edges instanceof RegoSet) queue.push(...edges);
  }
  return reached;
}

export const walkBuiltins: readonly BuiltinDef[] = [
  { name: "walk", arity: 1, relation: true, impl: (args) => walk(args[0] as Value) },
  def("graph.reachable", 2, reachable),
];
