/**
 * Reading collections the way Rego does: indexing by key, and iterating
 * members in OPA's order (arrays by index, objects by sorted key, sets by
 * sorted member), without copying the collection.
 */
import {
  canonicalKey,
  compare,
  compareStrings,
  equal,
  formatNumber,
  isObject,
  makeObject,
  numberInt,
  objectEntries,
  objectGet,
  RegoNumber,
  RegoObject,
  RegoSet,
  sortedMembers,
  type ObjectValue,
  type Value,
} from "../value.js";

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * An own member of a plain object, or undefined. A JSON value is never a
 * function, and what a plain object inherits is functions and the
 * `__proto__` accessor, so only those need the own-property check.
 */
export function ownMember(obj: Record<string, Value>, key: string): Value | undefined {
  const v = obj[key];
  if (v === undefined || typeof v === "function") return undefined;
  return key === "__proto__" && !hasOwn.call(obj, key) ? undefined : v;
}

/**
 * `coll[key]`: an array element, an object value, a set member; undefined
 * otherwise. An array index is OPA's Number.Int of the key (Array.Get), which
 * parses the number's text: `arr[1.0]` is undefined, as in OPA.
 */
export function indexValue(coll: Value, key: Value): Value | undefined {
  // Most lookups are a string key in a plain object from JSON.parse (r.change.after.tags):
  // its constructor is Object (JSON never makes a function, so no own "constructor" can be Object).
  if (typeof key === "string" && coll !== null && typeof coll === "object" && coll.constructor === Object)
    return ownMember(coll as Record<string, Value>, key);
  if (Array.isArray(coll)) {
    if (typeof key !== "number") {
      const i = key instanceof RegoNumber ? numberInt(key) : undefined;
      return i === undefined || i < 0 ? undefined : coll[i];
    }
    if (!Number.isInteger(key) || key < 0) return undefined;
    return coll[key];
  }
  if (coll instanceof RegoSet) return coll.has(key) ? key : undefined;
  if (isObject(coll)) return objectGet(coll, key);
  return undefined;
}

/**
 * `data[key]` on a base document, as OPA reads its store: the ref becomes a
 * storage path of strings (storage.NewPathForRef turns a number key into its
 * text, Number.String, so `data.x[1]` finds the key "1" and `data.x[1.0]` the
 * key "1.0"), and a path segment indexes an
 * array when it is an integer in decimal (inmem's ValidateArrayIndex, so
 * `data.arr["0"]` is its first element). Sets and non-string object keys
 * (base data given as values rather than JSON) keep the plain lookup.
 */
export function indexBase(coll: Value, key: Value): Value | undefined {
  if (Array.isArray(coll)) {
    if (typeof key === "string" && /^[+-]?[0-9]+$/.test(key)) return indexValue(coll, Number(key));
    return indexValue(coll, key);
  }
  if (typeof key === "number" && isObject(coll)) return objectGet(coll, formatNumber(key)) ?? objectGet(coll, key);
  // The path segment is the number's text (Number.String): data.x[1.0] reads the key "1.0".
  if (key instanceof RegoNumber && isObject(coll)) return objectGet(coll, key.text) ?? objectGet(coll, key);
  return indexValue(coll, key);
}

const sortedKeyCache = new WeakMap<object, string[]>();
const sortedSetCache = new WeakMap<RegoSet, Value[]>();
const sortedEntryCache = new WeakMap<RegoObject, [Value, Value][]>();

/**
 * Calls `f(key, value)` for each member until it returns true (stop);
 * returns whether it stopped. Scalars have no members.
 *
 * Indexed loops here and on the evaluator's other per-call paths, not
 * for...of: a scan runs most of this code once, unoptimized, and there each
 * for...of step is an iterator call and a result object (~15 MB of a dense
 * plan's scan).
 */
export function forEachMember(coll: Value, f: (key: Value, value: Value) => boolean): boolean {
  if (Array.isArray(coll)) {
    for (let i = 0; i < coll.length; i++) if (f(i, coll[i]!)) return true;
    return false;
  }
  if (coll instanceof RegoSet) {
    let members = sortedSetCache.get(coll);
    if (!members) sortedSetCache.set(coll, (members = sortedMembers(coll)));
    for (let i = 0; i < members.length; i++) if (f(members[i]!, members[i]!)) return true;
    return false;
  }
  if (coll instanceof RegoObject) {
    let entries = sortedEntryCache.get(coll);
    if (!entries) sortedEntryCache.set(coll, (entries = [...coll.entries()].sort((a, b) => compare(a[0], b[0]))));
    for (let i = 0; i < entries.length; i++) if (f(entries[i]![0], entries[i]![1])) return true;
    return false;
  }
  if (isObject(coll)) {
    const obj = coll as Record<string, Value>;
    const keys = sortedKeys(obj);
    for (let i = 0; i < keys.length; i++) if (f(keys[i]!, obj[keys[i]!]!)) return true;
    return false;
  }
  return false;
}

function sortedKeys(obj: Record<string, Value>): string[] {
  let keys = sortedKeyCache.get(obj);
  if (!keys) sortedKeyCache.set(obj, (keys = Object.keys(obj).sort(compareStrings)));
  return keys;
}

/** A copy of `base` with `value` at `path`; only the objects along the path are copied. */
export function setPath(base: Value | undefined, path: readonly string[], value: Value): Value {
  if (path.length === 0) return value;
  const [first, ...rest] = path as [string, ...string[]];
  const obj: ObjectValue = base !== undefined && isObject(base) ? base : {};
  const entries: [Value, Value][] = [...objectEntries(obj)].filter(([k]) => k !== first);
  entries.push([first, setPath(objectGet(obj, first), rest, value)]);
  return makeObject(entries);
}

const memberIndexes = new WeakMap<object, Map<string, Map<string, [Value, Value][]>>>();
const NO_MEMBERS: [Value, Value][] = [];

/**
 * The members of `coll` whose `field` equals `value`, in iteration order,
 * from an index built on first use per collection and field. Collections are
 * immutable, so the index stays right for as long as the collection lives.
 */
export function lookupMembers(coll: Value, field: readonly string[], value: Value): [Value, Value][] {
  if (coll === null || typeof coll !== "object") return NO_MEMBERS;
  // Small collections (often built during evaluation) are cheaper to filter than to index.
  if (Array.isArray(coll) && coll.length < 32) {
    const out: [Value, Value][] = [];
    for (let i = 0; i < coll.length; i++) if (fieldEquals(coll[i]!, field, value)) out.push([i, coll[i]!]);
    return out;
  }
  let byField = memberIndexes.get(coll);
  if (!byField) memberIndexes.set(coll, (byField = new Map()));
  const fieldKey = field.join("\0");
  let index = byField.get(fieldKey);
  if (!index) {
    const built = new Map<string, [Value, Value][]>();
    forEachMember(coll, (k, v) => {
      let f: Value | undefined = v;
      for (const p of field) {
        f = f === undefined ? undefined : indexValue(f, p);
        if (f === undefined) break;
      }
      if (f !== undefined) {
        const ck = canonicalKey(f);
        const bucket = built.get(ck);
        if (bucket) bucket.push([k, v]);
        else built.set(ck, [[k, v]]);
      }
      return false;
    });
    byField.set(fieldKey, (index = built));
  }
  return index.get(canonicalKey(value)) ?? NO_MEMBERS;
}

function fieldEquals(v: Value, field: readonly string[], value: Value): boolean {
  let f: Value | undefined = v;
  for (const p of field) {
    f = indexValue(f, p);
    if (f === undefined) return false;
  }
  return equal(f, value);
}
