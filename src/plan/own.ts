/**
 * Keys from a plan, a config, a data document or a `.tf` file are chosen by
 * the pull request. A key such as "constructor", "__proto__" or "toString"
 * must find nothing in a table that does not hold it, not Object's own
 * members; these helpers make such look-ups own-property only.
 */

/** A copy of a constant look-up table without a prototype: `table[key]` is undefined for keys it does not hold. */
export function lookupTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** obj[key] when obj holds key itself, else undefined. */
export function ownValue(obj: object, key: string): unknown {
  return Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}
