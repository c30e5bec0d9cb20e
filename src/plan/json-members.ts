/**
 * Finds where each member of a JSON document's top-level object sits in its
 * bytes, without parsing the values, so that a loader can JSON.parse only
 * the members it needs. A plan repeats its resources in planned_values and
 * prior_state; when nothing will read them, not building them saves about
 * half of the parse, the redaction and the memory.
 *
 * Structural characters are ASCII and UTF-8 never puts an ASCII byte inside
 * a multi-byte character, so bytes are enough. Strings are skipped with
 * Buffer.indexOf (memchr), which is what makes the scan several times
 * cheaper than parsing; only bytes outside strings are looked at one by one.
 *
 * The scan checks structure (balanced brackets, terminated strings, one
 * object at the top), not the full grammar: the members that are kept are
 * then checked by JSON.parse; a skipped member's inside is not. On anything
 * unexpected the caller should parse the whole text, which reports the error
 * with its line and column.
 */
export interface JsonMember {
  /** The key, decoded. */
  key: string;
  /** The value's first byte (after the colon and any white space). */
  start: number;
  /** Just past the value's last byte. */
  end: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

function isSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** The top-level members from `from` on, or undefined when the bytes are not one JSON object. */
export function topLevelMembers(bytes: Buffer, from = 0): JsonMember[] | undefined {
  const n = bytes.length;
  let i = from;
  while (i < n && isSpace(bytes[i])) i++;
  if (bytes[i] !== OPEN_OBJ) return undefined;
  i++;
  const members: JsonMember[] = [];
  let depth = 1;
  let key: string | undefined;
  let valueStart = -1;
  while (i < n) {
    const c = bytes[i]!;
    if (c === QUOTE) {
      const start = i;
      i = stringEnd(bytes, i + 1);
      if (i < 0) return undefined;
      if (depth === 1 && valueStart < 0) {
        if (key !== undefined) return undefined; // two keys without a colon between
        key = decodeKey(bytes, start, i);
        if (key === undefined) return undefined;
      }
      continue;
    }
    if (c === OPEN_OBJ || c === OPEN_ARR) {
      depth++;
    } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
      depth--;
      if (depth === 0) {
        if (c !== CLOSE_OBJ) return undefined;
        if (key !== undefined || valueStart >= 0) {
          if (key === undefined || valueStart < 0) return undefined;
          members.push(member(bytes, key, valueStart, i));
        }
        i++;
        while (i < n && isSpace(bytes[i])) i++;
        return i === n ? members : undefined;
      }
    } else if (depth === 1) {
      if (c === COLON) {
        if (key === undefined || valueStart >= 0) return undefined;
        valueStart = i + 1;
      } else if (c === COMMA) {
        if (key === undefined || valueStart < 0) return undefined;
        members.push(member(bytes, key, valueStart, i));
        key = undefined;
        valueStart = -1;
      }
    }
    i++;
  }
  return undefined;
}

/** Index just past the closing quote of a string whose content starts at i; -1 when unterminated. */
function stringEnd(bytes: Buffer, i: number): number {
  for (;;) {
    const q = bytes.indexOf(QUOTE, i);
    if (q < 0) return -1;
    // The quote is escaped when an odd number of backslashes precede it.
    let backslashes = 0;
    for (let k = q - 1; bytes[k] === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

function decodeKey(bytes: Buffer, start: number, end: number): string | undefined {
  try {
    const key: unknown = JSON.parse(bytes.toString("utf8", start, end));
    return typeof key === "string" ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Trims white space around the value between a colon and its comma or closing brace. */
function member(bytes: Buffer, key: string, start: number, end: number): JsonMember {
  while (start < end && isSpace(bytes[start])) start++;
  while (end > start && isSpace(bytes[end - 1])) end--;
  return { key, start, end };
}
