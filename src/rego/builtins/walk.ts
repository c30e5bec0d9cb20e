/**
 * walk (a relation: every [path, value] in a document, the root first),
 * graph.reachable and graph.reachable_paths.
 */
import {
  type ObjectValue,
  type Value,
  RegoSet,
  isObject,
  objectGet,
  objectHas,
  sortedEntries,
  sortedMembers,
} from "../value.js";
import { arrayOrSet, def, obj } from "./args.js";
import type { BuiltinDef } from "./types.js";

function walk(v: Value): Value[] {
  const out: Value[] = [];
  const visit = (path: Value[], x: Value): void => {
    out.push([path, x]);
    if (Array.isArray(x)) for (const [i, e] of x.entries()) visit([...path, i], e);
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
    // As OPA: a node that is no key of the graph is not reached.
    if (reached.has(node) || !objectHas(graph, node)) continue;
    reached.addDuringConstruction(node);
    queue.push(...neighbours(graph, node));
  }
  return reached;
}

/** A node's edges: an array or a set of nodes; anything else has none. */
function neighbours(graph: ObjectValue, node: Value): Value[] {
  const edges = objectGet(graph, node);
  return Array.isArray(edges) ? edges : edges instanceof RegoSet ? [...edges] : [];
}

/**
 * graph.reachable_paths: every path from an initial node that goes on until
 * a node without edges (which ends it), a node outside the graph (which is
 * left out of it) or a node already on it (a cycle: the path ends before it).
 */
function reachablePaths(args: Value[]): Value {
  const graph = obj("graph.reachable_paths", args, 0);
  const paths = new RegoSet();
  const follow = (node: Value, path: Value[], onPath: RegoSet): void => {
    if (!objectHas(graph, node)) {
      paths.addDuringConstruction(path);
      return;
    }
    const here = [...path, node];
    const next = neighbours(graph, node);
    if (next.length === 0) {
      paths.addDuringConstruction(here);
      return;
    }
    const seen = new RegoSet([...onPath, node]);
    for (const n of next) {
      if (seen.has(n)) paths.addDuringConstruction(here);
      else follow(n, here, seen);
    }
  };
  for (const start of arrayOrSet("graph.reachable_paths", args, 1)) {
    if (!objectHas(graph, start)) continue;
    const next = neighbours(graph, start);
    if (next.length === 0) paths.addDuringConstruction([start]);
    for (const n of next) follow(n, [start], new RegoSet([start]));
  }
  return paths;
}

export const walkBuiltins: readonly BuiltinDef[] = [
  { name: "walk", arity: 1, relation: true, impl: (args) => walk(args[0] as Value) },
  def("graph.reachable", 2, reachable),
  def("graph.reachable_paths", 2, reachablePaths),
];
