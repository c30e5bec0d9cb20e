import { stableJson } from "../plan/sensitive-digests.js";

/**
 * Lines up the elements of a list before and after drift, so that nested
 * blocks are compared element by element instead of as one blob.
 *
 * 1. By natural key: when every element on both sides is an object with the
 *    same key attribute (the first of NATURAL_KEYS that every element has as
 *    a string or number, unique on each side), elements are matched by it:
 *    `setting[name="env"]`. Providers key such blocks by it themselves.
 * 2. Otherwise by position, after lining up the elements that did not change
 *    at all (a longest common subsequence): an element inserted at the front
 *    is one addition, not a change to every element after it. Between two
 *    unchanged elements, what is left is paired by position (and compared
 *    attribute by attribute); the surplus is added or removed.
 */

const NATURAL_KEYS = ["key", "name", "device_name", "namespace"] as const;

export interface Pair {
  /** Index in the list before; absent for an added element. */
  before?: number;
  /** Index in the list after; absent for a removed element. */
  after?: number;
}

export interface Alignment {
  /** The natural key attribute, when elements were matched by it. */
  keyName?: string;
  /** The key's value for each pair, when matched by key. */
  keys?: (string | number)[];
  pairs: Pair[];
}

/** Past this many element comparisons, lists are paired by position alone. */
const MAX_LCS_CELLS = 250_000;

/**
 * `identities` say when two elements are equal (default: their JSON); the
 * differ passes its own, in which a redacted value counts by its digest.
 */
export function alignLists(
  before: readonly unknown[],
  after: readonly unknown[],
  identities?: { before: string[]; after: string[] },
): Alignment {
  return (
    alignByKey(before, after) ?? {
      pairs: alignByPosition(identities?.before ?? before.map(stableJson), identities?.after ?? after.map(stableJson)),
    }
  );
}

function alignByKey(before: readonly unknown[], after: readonly unknown[]): Alignment | undefined {
  const all = [...before, ...after];
  if (all.length === 0 || !all.every(isPlainObject)) return undefined;
  for (const keyName of NATURAL_KEYS) {
    const b = keysOf(before, keyName);
    const a = keysOf(after, keyName);
    if (!b || !a) continue;
    const pairs: Pair[] = [];
    const keys: (string | number)[] = [];
    const afterIndex = new Map(a.map((k, i) => [k, i]));
    b.forEach((k, i) => {
      const j = afterIndex.get(k);
      pairs.push(j === undefined ? { before: i } : { before: i, after: j });
      keys.push(k);
    });
    const beforeKeys = new Set(b);
    a.forEach((k, j) => {
      if (!beforeKeys.has(k)) {
        pairs.push({ after: j });
        keys.push(k);
      }
    });
    return { keyName, keys, pairs };
  }
  return undefined;
}

/** The key values of every element, or undefined when one lacks it or two share it. */
function keysOf(list: readonly unknown[], keyName: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  const seen = new Set<string | number>();
  for (const el of list) {
    const k = (el as Record<string, unknown>)[keyName];
    if ((typeof k !== "string" && typeof k !== "number") || seen.has(k)) return undefined;
    seen.add(k);
    out.push(k);
  }
  return out;
}

function alignByPosition(before: readonly string[], after: readonly string[]): Pair[] {
  const anchors = before.length * after.length <= MAX_LCS_CELLS ? commonSubsequence(before, after) : [];
  const pairs: Pair[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, aj] of [...anchors, [before.length, after.length] as const]) {
    // The gap before this anchor: pair by position, then the surplus.
    while (i < ai && j < aj) pairs.push({ before: i++, after: j++ });
    while (i < ai) pairs.push({ before: i++ });
    while (j < aj) pairs.push({ after: j++ });
    if (ai < before.length) pairs.push({ before: i++, after: j++ });
  }
  return pairs;
}

/** Index pairs of a longest common subsequence of equal elements. */
function commonSubsequence(a: readonly string[], b: readonly string[]): (readonly [number, number])[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: LCS length of a[i..] and b[j..].
  const lengths: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const out: (readonly [number, number])[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push([i++, j++]);
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      i++;
    } else {
      j++;
    }
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
