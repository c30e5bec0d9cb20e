/**
 * Finds where each member of a JSON document's top-level object sits in its
 * bytes, without parsing the values, so that a loader can JSON.parse only
 * the members it needs. A plan repeats its resources in planned_values and
 * prior_state; when nothing will read them, not building them saves about
 * half of the parse, the redaction and the memory.
 *
 * Structural characters are ASCII and UTF-8 never puts an ASCII byte inside
 * a multi-byte character, so bytes are enough. Members' object and array
 * values are skipped whole by json-skip.ts (WebAssembly when the bytes are
 * in its memory), which is where nearly all the bytes are; keys and other
 * values are read here.
 *
 * The scan checks structure (balanced brackets, terminated strings, one
 * object at the top), not the full grammar: the members that are kept are
 * then checked by JSON.parse; a skipped member's inside is not. On anything
 * unexpected the caller should parse the whole text, which reports the error
 * with its line and column.
 */
import { valueEnd, valueStart } from "./json-skip.js";
import { BACKSLASH, CLOSE_ARR, CLOSE_OBJ, COLON, COMMA, isSpace, OPEN_ARR, OPEN_OBJ, QUOTE } from "./json-bytes.js";

export interface JsonMember {
  /** The key, decoded. */
  key: string;
  /** The value's first byte (after the colon and any white space). */
  start: number;
  /** Just past the value's last byte. */
  end: number;
}

/** What to parse of a document to have all its top-level members but the skipped ones. */
export type KeptPiece =
  /** One member's value. */
  | { kind: "member"; key: string; start: number; end: number }
  /** Several whole members, `"k": v, ...` without braces: parse as an object. */
  | { kind: "members"; start: number; end: number };

/**
 * The pieces of a document to parse when the members named in `skip` are
 * to be left out, in document order, and the keys that were left out.
 * Only the members before the first skipped one and after the last one are
 * scanned (from the front and from the back); everything between them is one
 * piece, parsed whole, since a JSON.parse is cheaper than a scan of the same
 * bytes followed by one. Undefined when the structure is not as expected.
 */
export function keptPieces(
  bytes: Buffer,
  from: number,
  skip: ReadonlySet<string>,
): { pieces: KeptPiece[]; skipped: string[] } | undefined {
  const front = scanForward(bytes, from, (key) => skip.has(key));
  if (!front) return undefined;
  const skipped: string[] = [];
  const pieces: KeptPiece[] = [];
  const keep = (list: readonly JsonMember[]) => {
    for (const m of list) {
      if (skip.has(m.key)) {
        if (!skipped.includes(m.key)) skipped.push(m.key);
      } else pieces.push({ kind: "member", ...m });
    }
  };
  keep(front.members);
  if (front.complete) return { pieces, skipped };
  const back = scanBackward(bytes, front.end, (key) => skip.has(key));
  if (!back) return undefined;
  // Between the two skipped members: `, "k": v, ... ,`, or a lone comma, or nothing.
  let start = front.end;
  let end = back.start;
  while (start < end && isSpace(bytes[start])) start++;
  while (end > start && isSpace(bytes[end - 1])) end--;
  if (start < end) {
    if (bytes[start] !== COMMA) return undefined;
    start++;
    while (start < end && isSpace(bytes[start])) start++;
    if (start < end) {
      if (bytes[end - 1] !== COMMA) return undefined;
      end--;
      while (end > start && isSpace(bytes[end - 1])) end--;
      if (start < end) pieces.push({ kind: "members", start, end });
    }
  }
  keep(back.members);
  return { pieces, skipped };
}

interface ForwardScan {
  members: JsonMember[];
  /** True when the object was scanned to its end; else it stopped after a member `stopAfter` chose. */
  complete: boolean;
  /** Just past the last member's value (where the scan stopped). */
  end: number;
}

function scanForward(bytes: Buffer, from: number, stopAfter: (key: string) => boolean): ForwardScan | undefined {
  const n = bytes.length;
  let i = from;
  while (i < n && isSpace(bytes[i])) i++;
  if (bytes[i] !== OPEN_OBJ) return undefined;
  i++;
  const members: JsonMember[] = [];
  // The scan stays at the top level: nested values are skipped whole.
  let key: string | undefined;
  let valueAt = -1;
  while (i < n) {
    const c = bytes[i]!;
    if (c === QUOTE) {
      const start = i;
      i = stringEnd(bytes, i + 1);
      if (i < 0) return undefined;
      if (valueAt < 0) {
        if (key !== undefined) return undefined; // two keys without a colon between
        key = decodeKey(bytes, start, i);
        if (key === undefined) return undefined;
      }
      continue;
    }
    if (c === OPEN_OBJ || c === OPEN_ARR) {
      // A member's value: skipped whole (json-skip.ts; most of the scan's bytes are here).
      i = valueEnd(bytes, i);
      if (i < 0) return undefined;
      continue;
    }
    if (c === CLOSE_OBJ || c === CLOSE_ARR) {
      // The end of the top-level object.
      if (c !== CLOSE_OBJ) return undefined;
      if (key !== undefined || valueAt >= 0) {
        if (key === undefined || valueAt < 0) return undefined;
        members.push(member(bytes, key, valueAt, i));
      }
      const end = i;
      i++;
      while (i < n && isSpace(bytes[i])) i++;
      return i === n ? { members, complete: true, end } : undefined;
    }
    if (c === COLON) {
      if (key === undefined || valueAt >= 0) return undefined;
      valueAt = i + 1;
    } else if (c === COMMA) {
      if (key === undefined || valueAt < 0) return undefined;
      const done = member(bytes, key, valueAt, i);
      members.push(done);
      if (stopAfter(key)) return { members, complete: false, end: done.end };
      key = undefined;
      valueAt = -1;
    }
    i++;
  }
  return undefined;
}

/**
 * Scans members from the end of the object backwards, never before `limit`,
 * and stops after the first (from the end) member `stopAfter` chooses; returns
 * them in document order and where the stopping member's key starts.
 * Backwards works as forwards: a quote is a delimiter exactly when an even
 * number of backslashes precede it.
 */
function scanBackward(
  bytes: Buffer,
  limit: number,
  stopAfter: (key: string) => boolean,
): { members: JsonMember[]; start: number } | undefined {
  let i = bytes.length - 1;
  while (i >= limit && isSpace(bytes[i])) i--;
  if (i < limit || bytes[i] !== CLOSE_OBJ) return undefined;
  i--;
  const members: JsonMember[] = [];
  for (;;) {
    while (i >= limit && isSpace(bytes[i])) i--;
    // Back at the front scan's last member: nothing else between.
    if (i < limit) return { members, start: limit };
    const valueEnd = i + 1;
    const valueStart = valueStartBackward(bytes, i, limit);
    if (valueStart < 0) return undefined;
    i = valueStart - 1;
    while (i > limit && isSpace(bytes[i])) i--;
    if (bytes[i] !== COLON) return undefined;
    i--;
    while (i > limit && isSpace(bytes[i])) i--;
    if (bytes[i] !== QUOTE) return undefined;
    const keyStart = openingQuote(bytes, i, limit);
    if (keyStart < 0) return undefined;
    const key = decodeKey(bytes, keyStart, i + 1);
    if (key === undefined) return undefined;
    members.unshift({ key, start: valueStart, end: valueEnd });
    if (stopAfter(key)) return { members, start: keyStart };
    i = keyStart - 1;
    while (i > limit && isSpace(bytes[i])) i--;
    if (bytes[i] !== COMMA) return undefined;
    i--;
  }
}

/** Where the value whose last byte is at `i` begins; -1 when it cannot be found after `limit`. */
function valueStartBackward(bytes: Buffer, i: number, limit: number): number {
  const c = bytes[i];
  if (c === QUOTE) return openingQuote(bytes, i, limit);
  if (c === CLOSE_OBJ || c === CLOSE_ARR) return valueStart(bytes, i, limit);
  // A number, true, false or null: back to the byte before it.
  let j = i;
  while (
    j > limit &&
    !isSpace(bytes[j - 1]) &&
    bytes[j - 1] !== COLON &&
    bytes[j - 1] !== COMMA &&
    bytes[j - 1] !== OPEN_ARR &&
    bytes[j - 1] !== OPEN_OBJ
  )
    j--;
  return j > limit ? j : -1;
}

/** The opening quote of the string whose closing quote is at `closing`; -1 when there is none after `limit`. */
function openingQuote(bytes: Buffer, closing: number, limit: number): number {
  let q = closing;
  do {
    q = bytes.lastIndexOf(QUOTE, q - 1);
  } while (q > limit && isEscaped(bytes, q));
  return q > limit ? q : -1;
}

function isEscaped(bytes: Buffer, quote: number): boolean {
  let backslashes = 0;
  for (let k = quote - 1; bytes[k] === BACKSLASH; k--) backslashes++;
  return backslashes % 2 === 1;
}

/** Index just past the closing quote of a string whose content starts at i; -1 when unterminated. */
function stringEnd(bytes: Buffer, i: number): number {
  for (;;) {
    const q = bytes.indexOf(QUOTE, i);
    if (q < 0) return -1;
    if (!isEscaped(bytes, q)) return q + 1;
    i = q + 1;
  }
}

function decodeKey(bytes: Buffer, start: number, end: number): string | undefined {
  try {
    const key: unknown = JSON.parse(bytes.toString("utf8", start, end));
    return typeof key === "string" ? key : undefined;
  } catch {
    // Not a JSON string: undefined makes the caller parse the whole text, which reports the error.
    return undefined;
  }
}

/** Trims white space around the value between a colon and its comma or closing brace. */
function member(bytes: Buffer, key: string, start: number, end: number): JsonMember {
  while (start < end && isSpace(bytes[start])) start++;
  while (end > start && isSpace(bytes[end - 1])) end--;
  return { key, start, end };
}
