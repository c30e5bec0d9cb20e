/**
 * json.patch: RFC 6902 over Rego values, immutably (the input is shared).
 * As in OPA, paths may also be arrays of segments, and a set member is
 * addressed by its value. Any failing operation makes the call undefined
 * rather than an error.
 */
import {
  type ObjectValue,
  type Value,
  RegoNumber,
  RegoSet,
  equal,
  isObject,
  makeObject,
  numberInt,
  objectEntries,
  objectGet,
  objectHas,
} from "../value.js";
import { arr, def } from "./args.js";
import type { BuiltinDef } from "./types.js";

class PatchFailed extends Error {}

const fail = (): never => {
  throw new PatchFailed();
};

/** The document, or absent after the root was removed. */
type Doc = Value | undefined;

/**
 * A path: a JSON pointer or an array of segments. As OPA's parsePath, the
 * leading slashes of a pointer are optional ("a/b" is "/a/b"), and any
 * number of them is trimmed.
 */
function parsePointer(p: Value): Value[] {
  if (typeof p === "string") {
    if (p === "") return [];
    return p
      .replace(/^\/+/, "")
      .split("/")
      .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
  }
  if (Array.isArray(p)) return p;
  return fail();
}

/** An array index from a segment; "-" (append) only where allowed. */
function arrayIndex(seg: Value, length: number, forInsert: boolean): number {
  if (forInsert && seg === "-") return length;
  let i: number;
  if (typeof seg === "string") {
    if (!/^(0|[1-9][0-9]*)$/.test(seg)) fail();
    i = Number(seg);
  } else if (typeof seg === "number" && Number.isSafeInteger(seg)) {
    i = seg;
  } else if (seg instanceof RegoNumber && numberInt(seg) !== undefined) {
    // OPA's edittree toIndex takes Number.Int, which parses the number's text:
    // the literal 1.0 is no index ("invalid number type for indexing"), -0 is 0.
    i = numberInt(seg)!;
  } else {
    return fail();
  }
  if (i < 0 || i > (forInsert ? length : length - 1)) fail();
  return i;
}

function get(doc: Doc, path: Value[]): Value {
  let cur = doc;
  for (const seg of path) {
    if (cur === undefined) fail();
    if (Array.isArray(cur)) cur = cur[arrayIndex(seg, cur.length, false)];
    else if (cur instanceof RegoSet) cur = cur.has(seg) ? seg : fail();
    else if (isObject(cur)) cur = objectHas(cur, seg) ? (objectGet(cur, seg) as Value) : fail();
    else fail();
  }
  return cur === undefined ? fail() : cur;
}

/** Rebuilds the path down to the parent, applying `edit` to the parent. */
function update(doc: Doc, path: Value[], edit: (parent: Value, last: Value) => Value): Value {
  if (doc === undefined) return fail();
  if (path.length === 1) return edit(doc, path[0] as Value);
  const [seg, ...rest] = path as [Value, ...Value[]];
  if (Array.isArray(doc)) {
    const i = arrayIndex(seg, doc.length, false);
    const copy = [...doc];
    copy[i] = update(doc[i], rest, edit);
    return copy;
  }
  if (doc instanceof RegoSet) {
    if (!doc.has(seg)) fail();
    // The member changes identity: take it out, put the new value in.
    const changed = update(seg, rest, edit);
    return new RegoSet([...doc].filter((m) => !equal(m, seg)).concat([changed]));
  }
  if (isObject(doc)) {
    const child = objectGet(doc, seg);
    if (child === undefined) fail();
    return replaceKey(doc, seg, update(child, rest, edit));
  }
  return fail();
}

function replaceKey(o: ObjectValue, key: Value, value: Value | undefined): Value {
  const entries = [...objectEntries(o)].filter(([k]) => !equal(k, key));
  if (value !== undefined) entries.push([key, value]);
  return makeObject(entries);
}

function add(doc: Doc, path: Value[], value: Value): Value {
  if (path.length === 0) return value;
  return update(doc, path, (parent, last) => {
    if (Array.isArray(parent)) {
      const i = arrayIndex(last, parent.length, true);
      return [...parent.slice(0, i), value, ...parent.slice(i)];
    }
    if (parent instanceof RegoSet) {
      // A set member's path is its own value.
      if (!equal(last, value)) fail();
      return new RegoSet([...parent, value]);
    }
    if (isObject(parent)) return replaceKey(parent, last, value);
    return fail();
  });
}

function remove(doc: Doc, path: Value[]): Doc {
  if (path.length === 0) {
    if (doc === undefined) fail();
    return undefined;
  }
  return update(doc, path, (parent, last) => {
    if (Array.isArray(parent)) {
      const i = arrayIndex(last, parent.length, false);
      return [...parent.slice(0, i), ...parent.slice(i + 1)];
    }
    if (parent instanceof RegoSet) {
      if (!parent.has(last)) fail();
      return new RegoSet([...parent].filter((m) => !equal(m, last)));
    }
    if (isObject(parent)) {
      if (!objectHas(parent, last)) fail();
      return replaceKey(parent, last, undefined);
    }
    return fail();
  });
}

function isProperPrefix(prefix: Value[], path: Value[]): boolean {
  return prefix.length < path.length && prefix.every((seg, i) => equal(seg, path[i] as Value));
}

/** An operation's member; null is a value like any other (`"value": null`). */
function attr(op: Value, name: string): Value {
  if (!isObject(op) || !objectHas(op, name)) return fail();
  return objectGet(op, name) as Value;
}

function applyOne(doc: Doc, op: Value): Doc {
  const kind = attr(op, "op");
  const path = parsePointer(attr(op, "path"));
  switch (kind) {
    case "add":
      return add(doc, path, attr(op, "value"));
    case "remove":
      return remove(doc, path);
    case "replace":
      return add(remove(doc, path), path, attr(op, "value"));
    case "move": {
      const from = parsePointer(attr(op, "from"));
      if (isProperPrefix(from, path)) fail(); // into its own child
      const moved = get(doc, from);
      return add(remove(doc, from), path, moved);
    }
    case "copy": {
      const from = parsePointer(attr(op, "from"));
      return add(doc, path, get(doc, from));
    }
    case "test":
      if (!equal(get(doc, path), attr(op, "value"))) fail();
      return doc;
    default:
      return fail();
  }
}

export const jsonPatchBuiltins: readonly BuiltinDef[] = [
  def("json.patch", 2, (args) => {
    const ops = arr("json.patch", args, 1);
    let doc: Doc = args[0] as Value;
    try {
      for (const op of ops) doc = applyOne(doc, op);
    } catch (e) {
      if (e instanceof PatchFailed) return undefined;
      throw e;
    }
    return doc;
  }),
];
