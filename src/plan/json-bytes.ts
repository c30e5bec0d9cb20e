/**
 * The bytes JSON's structure is made of, for the byte scanners (json-stream.ts,
 * json-members.ts, json-skip.ts): structural characters are ASCII, and UTF-8
 * never puts an ASCII byte inside a multi-byte character, so bytes are enough.
 */
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const OPEN_OBJ = 0x7b;
export const CLOSE_OBJ = 0x7d;
export const OPEN_ARR = 0x5b;
export const CLOSE_ARR = 0x5d;
export const COLON = 0x3a;
export const COMMA = 0x2c;

export function isSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** V8 refuses strings longer than this; bigger files need the streaming loader, bigger values cannot be read. */
export const MAX_STRING_BYTES = 0x1fffffe8;
