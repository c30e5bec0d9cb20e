/**
 * Rego values in JavaScript.
 *
 * Values parsed from JSON are used as they are, without copying: a plan may be
 * 60 MB, and converting it would double memory and time. So a Rego object has
 * two representations:
 *   - a plain JavaScript object (string keys only), as JSON.parse makes it, and
 *   - a RegoObject, for objects whose keys are not all strings ({1: "a"}).
 * Sets are always RegoSet. Arrays are JavaScript arrays. Numbers are JavaScript
 * numbers, except a number literal whose text is not the canonical text of its
 * value (`1.0`, `1e3`, `-0`): that is a RegoNumber, which keeps the text, as
 * OPA keeps a literal's text (see the engine's README, "Numbers").
 *
 * Values are immutable by convention: nothing may modify a value after it has
 * been created, since input documents are shared between every evaluation.
 *
 * Always go through the helpers here (objectGet, objectEntries, makeObject...)
 * instead of indexing plain objects directly: a plain object from JSON.parse
 * has Object.prototype, so `obj["constructor"]` would find an inherited
 * function, and assigning "__proto__" would change the prototype.
 */

export type Value = null | boolean | number | RegoNumber | string | Value[] | JsonObject | RegoObject | RegoSet;

/**
 * A number written in a way that is not the canonical text of its value:
 * `1.0`, `1e3`, `-0`, an integer beyond 2^53. OPA's numbers are their text
 * (ast.Number is a json.Number), and the text shows where OPA converts a
 * number to an integer (Number.Int parses the text: `1.0` is no array index)
 * and where it prints one (json.marshal, print, sprintf's %v of a
 * collection). Everywhere else a RegoNumber is its value: equal to and
 * ordered with plain numbers, the same set member and object key as they are
 * (`{1.0} == {1}`), and arithmetic on it gives plain numbers.
 *
 * Only the parser (numberFromText) and to_number of a string make these;
 * JSON input stays plain numbers, and so does every computed number.
 */
export class RegoNumber {
  constructor(
    /** The value, never -0. */
    readonly value: number,
    /** The text as written (a JSON number's syntax), never the canonical one; or the exact digits of an integer beyond 2^53 (builtins/exact-int.ts). */
    readonly text: string,
  ) {}

  /** JSON.stringify (results, messages) sees the value. */
  toJSON(): number {
    return this.value;
  }
}

/**
 * The number a literal's text stands for: a plain number when the text is the
 * canonical text of its value (formatNumber), else a RegoNumber keeping it.
 * `text` must have JSON number syntax.
 */
export function numberFromText(text: string): number | RegoNumber {
  const n = Number(text);
  if (formatNumber(n) === text) return n;
  return new RegoNumber(n === 0 ? 0 : n, text);
}

/** The value of a number (plain or RegoNumber). */
export function numberValue(n: number | RegoNumber): number {
  return typeof n === "number" ? n : n.value;
}

/** A number of either representation, or undefined for any other value. */
export function asNumber(v: Value | undefined): number | undefined {
  if (typeof v === "number") return v;
  return v instanceof RegoNumber ? v.value : undefined;
}

/** Whether v is a number (plain or RegoNumber). */
export function isNumber(v: Value | undefined): v is number | RegoNumber {
  return typeof v === "number" || v instanceof RegoNumber;
}

/**
 * OPA's Number.Int: the integer the number's text parses to as a Go int64
 * (strconv.ParseInt), else undefined: `1.0` and `1e3` are no integers there,
 * `-0` is 0. A plain number's text is its canonical one, so an integral plain
 * number is an integer (exact up to 2^53, as everywhere in this engine).
 */
export function numberInt(v: Value | undefined): number | undefined {
  if (typeof v === "number") return Number.isInteger(v) ? v : undefined;
  if (!(v instanceof RegoNumber) || !/^-?[0-9]+$/.test(v.text)) return undefined;
  const b = BigInt(v.text);
  if (b > 9223372036854775807n || b < -9223372036854775808n) return undefined;
  return v.value;
}

/** A string-keyed object, as JSON.parse returns it. */
export interface JsonObject {
  [key: string]: Value;
}

export type ObjectValue = JsonObject | RegoObject;

export type TypeName = "null" | "boolean" | "number" | "string" | "array" | "object" | "set";

/** An object with keys of any Rego type. Keys are matched structurally. */
export class RegoObject {
  /** canonical key -> [key, value] */
  private readonly map: Map<string, [Value, Value]>;

  constructor(entries: Iterable<readonly [Value, Value]> = []) {
    this.map = new Map();
    for (const [k, v] of entries) this.map.set(canonicalKey(k), [k, v]);
  }

  get size(): number {
    return this.map.size;
  }

  get(key: Value): Value | undefined {
    return this.map.get(canonicalKey(key))?.[1];
  }

  has(key: Value): boolean {
    return this.map.has(canonicalKey(key));
  }

  *entries(): IterableIterator<[Value, Value]> {
    for (const entry of this.map.values()) yield entry;
  }

  *keys(): IterableIterator<Value> {
    for (const [k] of this.map.values()) yield k;
  }
}

/** A set of Rego values, with structural membership. */
export class RegoSet {
  private readonly map: Map<string, Value>;

  constructor(values: Iterable<Value> = []) {
    this.map = new Map();
    for (const v of values) this.map.set(canonicalKey(v), v);
  }

  get size(): number {
    return this.map.size;
  }

  has(v: Value): boolean {
    return this.map.has(canonicalKey(v));
  }

  values(): IterableIterator<Value> {
    return this.map.values();
  }

  [Symbol.iterator](): IterableIterator<Value> {
    return this.map.values();
  }

  /**
   * Adds a member while the set is being built. Only the code that created
   * the set may call this, before the set is shared.
   */
  addDuringConstruction(v: Value): void {
    this.map.set(canonicalKey(v), v);
  }
}

export function isObject(v: Value | undefined): v is ObjectValue {
  return (
    typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof RegoSet) && !(v instanceof RegoNumber)
  );
}

export function isPlainObject(v: Value | undefined): v is JsonObject {
  return isObject(v) && !(v instanceof RegoObject);
}

export function isSet(v: Value | undefined): v is RegoSet {
  return v instanceof RegoSet;
}

export function typeName(v: Value): TypeName {
  if (v === null) return "null";
  switch (typeof v) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
  }
  if (Array.isArray(v)) return "array";
  if (v instanceof RegoSet) return "set";
  if (v instanceof RegoNumber) return "number";
  return "object";
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The value of `key` in an object, or undefined when absent. */
export function objectGet(obj: ObjectValue, key: Value): Value | undefined {
  if (obj instanceof RegoObject) return obj.get(key);
  if (typeof key !== "string") return undefined;
  return hasOwn.call(obj, key) ? obj[key] : undefined;
}

export function objectHas(obj: ObjectValue, key: Value): boolean {
  if (obj instanceof RegoObject) return obj.has(key);
  return typeof key === "string" && hasOwn.call(obj, key);
}

export function objectSize(obj: ObjectValue): number {
  return obj instanceof RegoObject ? obj.size : Object.keys(obj).length;
}

export function* objectEntries(obj: ObjectValue): IterableIterator<[Value, Value]> {
  if (obj instanceof RegoObject) {
    yield* obj.entries();
    return;
  }
  for (const k of Object.keys(obj)) yield [k, obj[k] as Value];
}

export function* objectKeys(obj: ObjectValue): IterableIterator<Value> {
  if (obj instanceof RegoObject) {
    yield* obj.keys();
    return;
  }
  yield* Object.keys(obj);
}

/**
 * Builds an object from entries. A later entry with an equal key replaces an
 * earlier one (callers that must detect conflicts check before adding).
 * Returns a plain object when every key is a string.
 */
export function makeObject(entries: Iterable<readonly [Value, Value]>): ObjectValue {
  const list = Array.isArray(entries) ? (entries as (readonly [Value, Value])[]) : [...entries];
  if (list.every(([k]) => typeof k === "string")) {
    const out: JsonObject = {};
    for (const [k, v] of list) {
      // Assignment would call the __proto__ setter: that one key must be defined as an ordinary key.
      if (k === "__proto__")
        Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      else out[k as string] = v;
    }
    return out;
  }
  return new RegoObject(list);
}

// ---------------------------------------------------------------------------
// Ordering and equality

const TYPE_ORDER: Record<TypeName, number> = {
  null: 0,
  boolean: 1,
  number: 2,
  string: 3,
  array: 4,
  object: 5,
  set: 6,
};

/**
 * OPA's total order over values: null < boolean < number < string < array <
 * object < set; arrays element-wise; objects by their sorted keys, then
 * values; sets by their sorted members.
 */
export function compare(a: Value, b: Value): number {
  if (a === b) return 0;
  const ta = typeName(a);
  const tb = typeName(b);
  if (ta !== tb) return TYPE_ORDER[ta] - TYPE_ORDER[tb];
  switch (ta) {
    case "null":
      return 0;
    case "boolean":
      return (a ? 1 : 0) - (b ? 1 : 0);
    case "number": {
      // OPA compares numbers by value (ast.Compare): 1.0 and 1 are equal.
      const x = numberValue(a as number | RegoNumber);
      const y = numberValue(b as number | RegoNumber);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case "string":
      return compareStrings(a as string, b as string);
    case "array":
      return compareSequences(a as Value[], b as Value[]);
    case "set":
      return compareSequences(sortedMembers(a as RegoSet), sortedMembers(b as RegoSet));
    case "object": {
      const ea = sortedEntries(a as ObjectValue);
      const eb = sortedEntries(b as ObjectValue);
      const n = Math.min(ea.length, eb.length);
      for (let i = 0; i < n; i++) {
        const c = compare(ea[i]![0], eb[i]![0]);
        if (c !== 0) return c;
        const d = compare(ea[i]![1], eb[i]![1]);
        if (d !== 0) return d;
      }
      return ea.length - eb.length;
    }
  }
}

/** Compares strings by code point, as Go does (not by UTF-16 unit). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) {
      // Surrogates (0xD800-0xDFFF) encode code points above 0xFFFF, which
      // sort after every BMP character.
      const sa = ca >= 0xd800 && ca <= 0xdfff;
      const sb = cb >= 0xd800 && cb <= 0xdfff;
      if (sa !== sb) return sa ? 1 : -1;
      return ca - cb;
    }
  }
  return a.length - b.length;
}

function compareSequences(a: Value[], b: Value[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compare(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

export function sortedMembers(s: RegoSet): Value[] {
  return [...s.values()].sort(compare);
}

export function sortedEntries(o: ObjectValue): [Value, Value][] {
  return [...objectEntries(o)].sort((x, y) => compare(x[0], y[0]));
}

export function equal(a: Value, b: Value): boolean {
  if (a === b) return true;
  const ta = typeName(a);
  if (ta !== typeName(b)) return false;
  switch (ta) {
    case "null":
    case "boolean":
    case "string":
      return false; // a === b handled above
    case "number":
      // Number.Equal in OPA compares values: 1.0 == 1.
      return numberValue(a as number | RegoNumber) === numberValue(b as number | RegoNumber);
    case "array": {
      const x = a as Value[];
      const y = b as Value[];
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (!equal(x[i]!, y[i]!)) return false;
      return true;
    }
    case "set": {
      const x = a as RegoSet;
      const y = b as RegoSet;
      if (x.size !== y.size) return false;
      for (const v of x) if (!y.has(v)) return false;
      return true;
    }
    case "object": {
      const x = a as ObjectValue;
      const y = b as ObjectValue;
      if (objectSize(x) !== objectSize(y)) return false;
      for (const [k, v] of objectEntries(x)) {
        const w = objectGet(y, k);
        if (w === undefined || !equal(v, w)) return false;
      }
      return true;
    }
  }
}

// ---------------------------------------------------------------------------
// Canonical keys: a string that is equal for structurally equal values.

const keyCache = new WeakMap<object, string>();

/**
 * A canonical string for a value, equal exactly when the values are equal
 * (1 and 1.0 share one). Used for set membership and object keys. Computed
 * once per composite value and cached, except for an object of scalars
 * (see plainObjectKey), which is cheaper to key again than to cache.
 *
 * A composite's key is its members' keys, each prefixed by its length
 * (`3:sab`), so it reads back one way only and nothing needs escaping; object
 * entries and set members are in sorted order. Only equality matters (no
 * order is read from a key): every set member and object built during an
 * evaluation gets one, so it is built in one pass, without intermediate
 * arrays of entries or escaped copies.
 */
export function canonicalKey(v: Value): string {
  if (v === null) return "n";
  switch (typeof v) {
    case "boolean":
      return v ? "t" : "f";
    case "number":
      return "#" + (Object.is(v, -0) ? 0 : v);
    case "string":
      return "s" + v;
  }
  // A RegoNumber is its value here: {1.0} == {1}, {1.0: "a"}[1] is "a".
  if (v instanceof RegoNumber) return "#" + v.value;
  const cached = keyCache.get(v as object);
  if (cached !== undefined) return cached;
  if (!Array.isArray(v) && !(v instanceof RegoSet) && !(v instanceof RegoObject))
    return plainObjectKey(v as JsonObject);
  const key = Array.isArray(v) ? arrayKey(v) : v instanceof RegoSet ? setKey(v) : regoObjectKey(v as RegoObject);
  keyCache.set(v as object, key);
  return key;
}

function arrayKey(v: Value[]): string {
  let key = "[";
  for (let i = 0; i < v.length; i++) {
    const c = canonicalKey(v[i]!);
    key += c.length + ":" + c;
  }
  return key + "]";
}

function setKey(v: RegoSet): string {
  const members: string[] = [];
  for (const m of v.values()) members.push(canonicalKey(m));
  sortStrings(members);
  let key = "<";
  for (let i = 0; i < members.length; i++) key += members[i]!.length + ":" + members[i]!;
  return key + ">";
}

/** A string key k's canonical key is "s" + k, so sorting the keys sorts the entries as regoObjectKey does. */
function plainObjectKey(v: JsonObject): string {
  const keys = Object.keys(v);
  sortStrings(keys);
  let key = "{";
  let flat = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const x = v[k] as Value;
    if (typeof x === "string") {
      // A string member's key is "s" + x, written in place.
      key += k.length + 1 + ":s" + k + (x.length + 1) + ":s" + x;
      continue;
    }
    if (typeof x === "object" && x !== null && !(x instanceof RegoNumber)) flat = false;
    const c = canonicalKey(x);
    key += k.length + 1 + ":s" + k + c.length + ":" + c;
  }
  key += "}";
  // An object of scalars (a finding: its message, resource and attribute) is keyed once, when it
  // joins a set; its key costs about what a cache entry costs to make and, in a WeakMap, to collect.
  // An object holding collections (a resource) is keyed again by every set it joins: cached.
  if (!flat) keyCache.set(v, key);
  return key;
}

/**
 * Sorts strings as sort() does (by UTF-16 unit). Objects have a handful of keys,
 * which an insertion sort orders without the temporary arrays sort() makes.
 */
function sortStrings(list: string[]): void {
  if (list.length > 16) {
    list.sort();
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const x = list[i]!;
    let j = i - 1;
    for (; j >= 0 && list[j]! > x; j--) list[j + 1] = list[j]!;
    list[j + 1] = x;
  }
}

function regoObjectKey(v: RegoObject): string {
  const entries: [string, string][] = [];
  for (const [k, x] of v.entries()) entries.push([canonicalKey(k), canonicalKey(x)]);
  // Keys are distinct, so no two entries compare equal.
  entries.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  let key = "{";
  for (const [k, c] of entries) key += k.length + ":" + k + c.length + ":" + c;
  return key + "}";
}

// ---------------------------------------------------------------------------
// Conversion for output

/**
 * Converts a value to plain JSON, as OPA prints results: sets become sorted
 * arrays, object keys are sorted, non-string object keys are rendered as
 * their JSON text.
 */
export function toJSON(v: Value): unknown {
  if (v === null || typeof v !== "object") return v;
  if (v instanceof RegoNumber) return v.value; // JavaScript's JSON has no place for the text
  if (Array.isArray(v)) return v.map(toJSON);
  if (v instanceof RegoSet) return sortedMembers(v).map(toJSON);
  const out: Record<string, unknown> = {};
  for (const [k, x] of sortedEntries(v)) {
    const name = typeof k === "string" ? k : JSON.stringify(toJSON(k));
    Object.defineProperty(out, name, { value: toJSON(x), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Rego's own textual form of a value, as used in `sprintf("%v")` and print. */
export function formatValue(v: Value): string {
  if (v === null) return "null";
  switch (typeof v) {
    case "boolean":
      return v ? "true" : "false";
    case "number":
      return formatNumber(v);
    case "string":
      return JSON.stringify(v);
  }
  if (v instanceof RegoNumber) return v.text; // OPA's Number.String is its text
  if (Array.isArray(v)) return "[" + v.map(formatValue).join(", ") + "]";
  if (v instanceof RegoSet) {
    if (v.size === 0) return "set()";
    return "{" + sortedMembers(v).map(formatValue).join(", ") + "}";
  }
  return (
    "{" +
    sortedEntries(v as ObjectValue)
      .map(([k, x]) => formatValue(k) + ": " + formatValue(x))
      .join(", ") +
    "}"
  );
}

/** Numbers as Go's OPA prints them: integers without exponent where exact. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}
