import type { PathStep } from "../plan/paths.js";
import { REDACTED } from "../plan/redact.js";
import { alignLists } from "./align.js";
import type { SensitiveDigests } from "../plan/sensitive-digests.js";
import type { AttributeChange } from "./types.js";

/**
 * Attribute-level differences between a resource's values before and after
 * drift. Objects are compared key by key, lists element by element (see
 * align.ts), down to the leaves; a whole block is one change only when it
 * was added or removed as a whole.
 *
 * A sensitive value (marked in a sensitivity mask, or already replaced by the
 * loader's REDACTED) is never copied into a change: the change says only that
 * it is sensitive. Whether it changed comes from the loader's digests.
 */

export interface DiffSide {
  /** The resource's values; null when it does not exist on this side. */
  values: Record<string, unknown> | null;
  /** before_sensitive / after_sensitive / sensitive_values. */
  sensitive?: unknown;
  /** after_unknown (after side only). */
  unknown?: unknown;
  /** Digests of this side's document (see secrets.ts). */
  digests: SensitiveDigests;
}

/** One value inside a side: where it sits, so its digest and masks can be found. */
interface Node {
  present: boolean;
  value: unknown;
  sensitive: unknown;
  unknown: unknown;
  /** The object or list holding the value, and its key there: how digests are found. */
  container?: object;
  key?: string | number;
}

export function diffValues(before: DiffSide, after: DiffSide): AttributeChange[] {
  const walk: Walk = { before: before.digests, after: after.digests, out: [] };
  diffNode(walk, root(before), root(after), [], "", 0);
  return walk.out;
}

/** What one diff carries down the tree: each side's digests and the changes found. */
interface Walk {
  before: SensitiveDigests;
  after: SensitiveDigests;
  out: AttributeChange[];
}

function root(side: DiffSide): Node {
  return { present: side.values !== null, value: side.values, sensitive: side.sensitive, unknown: side.unknown };
}

function child(node: Node, key: string | number): Node {
  const container = node.value;
  const isContainer = container !== null && typeof container === "object";
  const present = isContainer && Object.hasOwn(container, key);
  const n: Node = {
    present,
    value: present ? (container as Record<string, unknown>)[key] : undefined,
    sensitive: maskChild(node.sensitive, key),
    unknown: maskChild(node.unknown, key),
  };
  if (isContainer) {
    n.container = container;
    n.key = key;
  }
  return n;
}

/** A whole-subtree mark (true) applies to every child. */
function maskChild(mask: unknown, key: string | number): unknown {
  if (mask === true) return true;
  if (mask === null || typeof mask !== "object") return undefined;
  // Own members only: an attribute named "__proto__" or "constructor" is not marked by Object's.
  return Object.hasOwn(mask, key) ? (mask as Record<string | number, unknown>)[key] : undefined;
}

const MAX_DEPTH = 64;

function diffNode(walk: Walk, b: Node, a: Node, steps: PathStep[], path: string, depth: number): void {
  const out = walk.out;
  if (isSensitive(b) || isSensitive(a)) {
    if (identity(b, walk.before) !== identity(a, walk.after))
      out.push({ path, steps, action: actionOf(b, a), sensitive: true });
    return;
  }
  if (a.unknown === true) {
    const change: AttributeChange = { path, steps, action: b.present ? "changed" : "added", unknown: true };
    if (b.present) change.before = b.value;
    out.push(change);
    return;
  }
  const bv = b.present ? b.value : undefined;
  const av = a.present ? a.value : undefined;
  // Absent, null, [] and {} all say "nothing here"; providers swap them freely.
  if (isEmpty(bv) && isEmpty(av)) return;
  if (identity(b, walk.before) === identity(a, walk.after)) return;
  if (depth < MAX_DEPTH && isObjectOrEmpty(bv) && isObjectOrEmpty(av)) {
    // Objects key by key; an added or removed block is walked too, so it
    // reads as its attributes (and a sensitive one inside it stays hidden).
    const bk = isPlainObject(bv) ? Object.keys(bv) : [];
    const ak = isPlainObject(av) ? Object.keys(av) : [];
    const keys = [...bk, ...ak.filter((k) => !bk.includes(k))];
    for (const key of keys) {
      diffNode(walk, child(b, key), child(a, key), [...steps, key], joinKey(path, key), depth + 1);
    }
    return;
  }
  if (depth < MAX_DEPTH && walksAsList(bv, av)) {
    const bl = Array.isArray(bv) ? bv : [];
    const al = Array.isArray(av) ? av : [];
    // Elements are equal when their identities are: a rotated secret inside a block is a change.
    const alignment = alignLists(bl, al, {
      before: bl.map((v, i) => identityOf(v, walk.before, bl, i)),
      after: al.map((v, i) => identityOf(v, walk.after, al, i)),
    });
    alignment.pairs.forEach((pair, n) => {
      const bn = pair.before !== undefined ? child(b, pair.before) : absent();
      const an = pair.after !== undefined ? child(a, pair.after) : absent();
      const index = (pair.after ?? pair.before)!;
      const label =
        alignment.keyName !== undefined
          ? `${path}[${alignment.keyName}=${JSON.stringify(alignment.keys![n])}]`
          : `${path}.${index}`;
      const start = out.length;
      diffNode(walk, bn, an, [...steps, index], label, depth + 1);
      // An added or removed element is named by its key already; its key attribute says nothing more.
      if (alignment.keyName !== undefined && (pair.before === undefined || pair.after === undefined)) {
        const keyPath = joinKey(label, alignment.keyName);
        const kept = out.splice(start).filter((c) => c.path !== keyPath);
        out.push(...kept);
      }
    });
    return;
  }
  const change: AttributeChange = { path, steps, action: isEmpty(bv) ? "added" : isEmpty(av) ? "removed" : "changed" };
  if (bv !== undefined) change.before = bv;
  if (av !== undefined) change.after = av;
  out.push(change);
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isPlainObject(v) && Object.keys(v).length === 0;
}

function isObjectOrEmpty(v: unknown): boolean {
  return isPlainObject(v) || v === undefined || v === null;
}

/**
 * Lists are walked element by element when both sides have elements, or when
 * a list of blocks (objects) appears or goes; a list of plain values that
 * appears or goes is one change (`cidr_blocks: ["0.0.0.0/0"]`).
 */
function walksAsList(bv: unknown, av: unknown): boolean {
  const bl = Array.isArray(bv) ? bv : bv === undefined || bv === null ? [] : undefined;
  const al = Array.isArray(av) ? av : av === undefined || av === null ? [] : undefined;
  if (!bl || !al) return false;
  if (bl.length > 0 && al.length > 0) return true;
  return [...bl, ...al].every(isPlainObject);
}

function absent(): Node {
  return { present: false, value: undefined, sensitive: undefined, unknown: undefined };
}

function isSensitive(n: Node): boolean {
  return n.present && (n.sensitive === true || n.value === REDACTED);
}

/**
 * What a value is, for comparison only: its JSON with each redacted value
 * replaced by its digest (a redacted value with no digest, from a document
 * loaded without them, counts as unchanged). Never shown to anyone.
 */
function identity(n: Node, digests: SensitiveDigests): string {
  if (!n.present) return "absent";
  return identityOf(n.value, digests, n.container, n.key);
}

function identityOf(
  value: unknown,
  digests: SensitiveDigests,
  container?: object,
  key?: string | number,
  depth = 0,
): string {
  if (value === REDACTED)
    return `{"$redacted":${JSON.stringify(container && key !== undefined ? (digests.get(container, key) ?? "?") : "?")}}`;
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return JSON.stringify(value) ?? "undefined";
  if (Array.isArray(value)) return `[${value.map((v, i) => identityOf(v, digests, value, i, depth + 1)).join(",")}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${identityOf(obj[k], digests, obj, k, depth + 1)}`)
    .join(",")}}`;
}

function actionOf(b: Node, a: Node): AttributeChange["action"] {
  if (!b.present) return "added";
  if (!a.present) return "removed";
  return "changed";
}

function joinKey(path: string, key: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return path === "" ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
