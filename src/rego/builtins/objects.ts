/**
 * Object builtins: object.get/union/union_n/remove/filter/keys/subset, and
 * json.filter / json.remove (path-based pruning). json.patch lives in
 * json-patch.ts.
 */
import {
  type ObjectValue,
  type Value,
  RegoSet,
  canonicalKey as canonical,
  equal,
  isObject,
  makeObject,
  objectEntries,
  objectGet,
  objectKeys,
  numberInt,
  typeName,
} from "../value.js";
import { arr, builtinError, def, elementTypeError, obj, typeError, typeErrorAsListed } from "./args.js";
import type { BuiltinDef } from "./types.js";

/**
 * One step of a path into any collection: object key, array index, set
 * member. An array index is OPA's Array.Get: Number.Int of the key's text,
 * so `object.get({"a": [1, 2]}, ["a", 1.0], d)` is d.
 */
function step(v: Value, key: Value): Value | undefined {
  if (Array.isArray(v)) {
    const i = numberInt(key);
    return i !== undefined && i >= 0 && i < v.length ? v[i] : undefined;
  }
  if (v instanceof RegoSet) return v.has(key) ? key : undefined;
  if (isObject(v)) return objectGet(v, key);
  return undefined;
}

function objectGetBuiltin(args: Value[]): Value {
  const o = obj("object.get", args, 0);
  const key = args[1] as Value;
  const fallback = args[2] as Value;
  if (!Array.isArray(key)) return objectGet(o, key) ?? fallback;
  // An array key is a path; the empty path selects the object itself.
  let cur: Value = o;
  for (const k of key) {
    const next = step(cur, k);
    if (next === undefined) return fallback;
    cur = next;
  }
  return cur;
}

/** Recursive merge where b wins, except that two objects are merged. */
function union(a: ObjectValue, b: ObjectValue): ObjectValue {
  const out = new Map<string, [Value, Value]>();
  for (const [k, v] of objectEntries(a)) out.set(keyOf(k), [k, v]);
  for (const [k, v] of objectEntries(b)) {
    const prev = out.get(keyOf(k));
    if (prev !== undefined && isObject(prev[1]) && isObject(v)) out.set(keyOf(k), [k, union(prev[1], v)]);
    else out.set(keyOf(k), [k, v]);
  }
  return makeObject(out.values());
}

function keyOf(k: Value): string {
  // Plain string keys are by far the most common: avoid hashing composites.
  return typeof k === "string" ? "s" + k : canonical(k);
}

/** The keys named by an array, set, or object (its keys) operand. */
function keySet(name: string, args: Value[], i: number): RegoSet {
  const v = args[i] as Value;
  if (Array.isArray(v)) return new RegoSet(v);
  if (v instanceof RegoSet) return v;
  if (isObject(v)) return new RegoSet(objectKeys(v));
  throw typeErrorAsListed(name, i + 1, v, "object", "set", "array");
}

function arraySubset(sup: Value[], sub: Value[]): boolean {
  if (sub.length > sup.length) return false;
  // A contiguous run of sup equal to sub.
  for (let start = 0; start + sub.length <= sup.length; start++) {
    let ok = true;
    for (let j = 0; j < sub.length && ok; j++) ok = equal(sup[start + j]!, sub[j]!);
    if (ok) return true;
  }
  return false;
}

function setSubset(sup: RegoSet, sub: RegoSet): boolean {
  for (const v of sub) if (!sup.has(v)) return false;
  return true;
}

function objectSubset(sup: ObjectValue, sub: ObjectValue): boolean {
  for (const [k, subV] of objectEntries(sub)) {
    const supV = objectGet(sup, k);
    if (supV === undefined) return false;
    if (equal(subV, supV)) continue;
    if (!nestedSubset(supV, subV)) return false;
  }
  return true;
}

/** Values under the same key: objects recurse, sets and arrays do not. */
function nestedSubset(sup: Value, sub: Value): boolean {
  if (isObject(sup) && isObject(sub)) return objectSubset(sup, sub);
  if (sup instanceof RegoSet && sub instanceof RegoSet) return setSubset(sup, sub);
  if (Array.isArray(sup) && Array.isArray(sub)) return arraySubset(sup, sub);
  return false;
}

function objectSubsetBuiltin(args: Value[]): Value {
  const [sup, sub] = args as [Value, Value];
  if (isObject(sup) && isObject(sub)) return objectSubset(sup, sub);
  if (sup instanceof RegoSet && sub instanceof RegoSet) return setSubset(sup, sub);
  if (Array.isArray(sup) && Array.isArray(sub)) return arraySubset(sup, sub);
  if (Array.isArray(sup) && sub instanceof RegoSet) {
    // Every member of the set appears somewhere in the array. (OPA answers
    // false for an empty array, even with an empty set.)
    if (sup.length === 0) return false;
    const seen = new RegoSet(sup.filter((v) => sub.has(v)));
    return seen.size === sub.size;
  }
  throw builtinError("object.subset", "both arguments object.subset must be of the same type or array and set");
}

// ---------------------------------------------------------------------------
// json.filter and json.remove: paths become a tree whose leaves are null.

type PathTree = Map<string, { key: Value; child: PathTree | null }>;

function parsePath(name: string, p: Value): Value[] {
  if (typeof p === "string") {
    if (p === "") return [];
    return p
      .replace(/^\/+/, "")
      .split("/")
      .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"));
  }
  if (Array.isArray(p)) return p;
  throw builtinError(
    name,
    `operand 2 must be one of {set, array} containing string paths or array of path segments but got ${typeName(p)}`,
  );
}

function pathsOf(name: string, args: Value[]): Value[][] {
  const v = args[1] as Value;
  let items: Value[];
  if (Array.isArray(v)) items = v;
  else if (v instanceof RegoSet) items = [...v];
  else throw typeError(name, 2, v, "set", "array");
  return items.map((p) => parsePath(name, p));
}

function buildTree(paths: Value[][]): PathTree {
  const root: PathTree = new Map();
  for (const path of paths) {
    if (path.length === 0) continue;
    let node = root;
    let done = false;
    for (let i = 0; i < path.length - 1 && !done; i++) {
      const k = canonical(path[i]!);
      const existing = node.get(k);
      if (existing === undefined) {
        const child: PathTree = new Map();
        node.set(k, { key: path[i]!, child });
        node = child;
      } else if (existing.child === null) {
        done = true; // a shorter path already selects the whole subtree
      } else {
        node = existing.child;
      }
    }
    if (!done) node.set(canonical(path[path.length - 1]!), { key: path[path.length - 1]!, child: null });
  }
  return root;
}

function arrayIndexKey(i: number): string {
  return canonical(String(i)); // array indexes appear in paths as strings ("a/0")
}

/** Keeps only what the tree selects. */
function filterValue(v: Value, tree: PathTree): Value {
  if (Array.isArray(v)) {
    const out: Value[] = [];
    for (let i = 0; i < v.length; i++) {
      const e = tree.get(arrayIndexKey(i));
      if (e !== undefined) out.push(e.child === null ? v[i]! : filterValue(v[i]!, e.child));
    }
    return out;
  }
  if (v instanceof RegoSet) {
    const out = new RegoSet();
    for (const m of v) {
      const e = tree.get(canonical(m));
      if (e !== undefined) out.addDuringConstruction(e.child === null ? m : filterValue(m, e.child));
    }
    return out;
  }
  if (isObject(v)) {
    const out: [Value, Value][] = [];
    for (const { key, child } of tree.values()) {
      const x = objectGet(v, key);
      if (x !== undefined) out.push([key, child === null ? x : filterValue(x, child)]);
    }
    return makeObject(out);
  }
  return v;
}

/** Drops what the tree selects; undefined means "drop this value". */
function removeValue(v: Value, tree: PathTree | null | undefined): Value | undefined {
  if (tree === undefined) return v;
  if (tree === null) return undefined;
  if (Array.isArray(v)) {
    const out: Value[] = [];
    v.forEach((x, i) => {
      const r = removeValue(x, tree.has(arrayIndexKey(i)) ? tree.get(arrayIndexKey(i))!.child : undefined);
      if (r !== undefined) out.push(r);
    });
    return out;
  }
  if (v instanceof RegoSet) {
    const out = new RegoSet();
    for (const m of v) {
      const e = tree.get(canonical(m));
      const r = removeValue(m, e === undefined ? undefined : e.child);
      if (r !== undefined) out.addDuringConstruction(r);
    }
    return out;
  }
  if (isObject(v)) {
    const out: [Value, Value][] = [];
    for (const [k, x] of objectEntries(v)) {
      const e = tree.get(canonical(k));
      const r = removeValue(x, e === undefined ? undefined : e.child);
      if (r !== undefined) out.push([k, r]);
    }
    return makeObject(out);
  }
  return v;
}

function unionN(args: Value[]): Value {
  const list = arr("object.union_n", args, 0);
  let acc: ObjectValue = {};
  for (const o of list) {
    if (!isObject(o)) throw elementTypeError("object.union_n", 1, list, o, "object");
    acc = union(acc, o);
  }
  return acc;
}

export const objectBuiltins: readonly BuiltinDef[] = [
  def("object.get", 3, objectGetBuiltin),
  def("object.union", 2, (args) => union(obj("object.union", args, 0), obj("object.union", args, 1))),
  def("object.union_n", 1, unionN),
  def("object.remove", 2, (args) => {
    const o = obj("object.remove", args, 0);
    const keys = keySet("object.remove", args, 1);
    return makeObject([...objectEntries(o)].filter(([k]) => !keys.has(k)));
  }),
  def("object.filter", 2, (args) => {
    const o = obj("object.filter", args, 0);
    const keys = keySet("object.filter", args, 1);
    return makeObject([...objectEntries(o)].filter(([k]) => keys.has(k)));
  }),
  def("object.keys", 1, (args) => new RegoSet(objectKeys(obj("object.keys", args, 0)))),
  def("object.subset", 2, objectSubsetBuiltin),
  def("json.filter", 2, (args) => {
    const o = obj("json.filter", args, 0);
    return filterValue(o, buildTree(pathsOf("json.filter", args)));
  }),
  def("json.remove", 2, (args) => {
    const o = obj("json.remove", args, 0);
    return removeValue(o, buildTree(pathsOf("json.remove", args)));
  }),
];
