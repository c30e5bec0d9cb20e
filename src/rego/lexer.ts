/**
 * Rego's tokens. Newlines are tokens: they separate body expressions like
 * `;` does, and the parser skips them where an expression obviously goes on
 * (inside brackets, after an operator). Comments are kept aside, with their
 * lines, for `# METADATA` blocks.
 */
import { RegoError } from "./errors.js";

export type TokenType = "ident" | "string" | "template" | "number" | "op" | "newline" | "eof";

/** A part of a template string: literal text, or the tokens of one `{expr}` (ending with eof). */
export type TemplatePart = string | Token[];

export interface Token {
  type: TokenType;
  text: string;
  /** Strings: the decoded value. */
  value?: string;
  /** Raw (backquoted) strings. */
  raw?: boolean;
  /** Template strings (`$"...{expr}..."`): their parts in order. */
  parts?: TemplatePart[];
  line: number;
  col: number;
  /** Whether whitespace (or a comment) precedes the token on its line. */
  spaced: boolean;
}

export interface Comment {
  text: string;
  line: number;
  col: number;
}

const SIMPLE_ESCAPES = new Map([
  ['"', '"'],
  ["\\", "\\"],
  ["/", "/"],
  ["n", "\n"],
  ["t", "\t"],
  ["r", "\r"],
  ["b", "\b"],
  ["f", "\f"],
]);
const NUMBER = /(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const TWO_CHAR_OPS = new Set([":=", "==", "!=", "<=", ">="]);
const ONE_CHAR_OPS = new Set([
  "{",
  "}",
  "[",
  "]",
  "(",
  ")",
  ",",
  ";",
  ".",
  ":",
  "=",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "%",
  "|",
  "&",
]);

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

/**
 * `start` places the text in a larger file (a template string's `{expr}`
 * is tokenized on its own, with the places it has in its module).
 */
export function tokenize(
  src: string,
  file: string,
  start: { line: number; col: number } = { line: 1, col: 1 },
): { tokens: Token[]; comments: Comment[] } {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  let i = 0;
  let line = start.line;
  let lineStart = 1 - start.col;
  let spaced = false;
  const n = src.length;
  const col = () => i - lineStart + 1;
  const fail = (message: string, l = line, c = col()): never => {
    throw new RegoError("rego_parse_error", message, { file, line: l, col: c });
  };
  const push = (type: TokenType, text: string, l: number, c: number) => {
    tokens.push({ type, text, line: l, col: c, spaced });
    spaced = false;
  };
  while (i < n) {
    const c = src[i]!;
    if (c === "\n") {
      push("newline", "\n", line, col());
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r" || c === "\uFEFF") {
      i++;
      spaced = true;
      continue;
    }
    if (c === "#") {
      const end = src.indexOf("\n", i);
      const stop = end < 0 ? n : end;
      comments.push({ text: src.slice(i + 1, stop), line, col: col() });
      i = stop;
      spaced = true;
      continue;
    }
    if (c === "$" && (src[i + 1] === '"' || src[i + 1] === "`")) {
      const startCol = col();
      const startLine = line;
      const t = readTemplate(src, i, file, { line, col: startCol });
      tokens.push({
        type: "template",
        text: src.slice(i, t.end),
        line: startLine,
        col: startCol,
        spaced,
        parts: t.parts,
      });
      spaced = false;
      for (let k = i; k < t.end; k++) {
        if (src[k] === "\n") {
          line++;
          lineStart = k + 1;
        }
      }
      i = t.end;
      continue;
    }
    if (c === '"') {
      const startCol = col();
      let j = i + 1;
      let out = "";
      while (j < n && src[j] !== '"') {
        const ch = src[j]!;
        if (ch === "\n") fail("non-terminated string", line, startCol);
        if (ch === "\\") {
          const e = src[j + 1];
          const simple = e === undefined ? undefined : SIMPLE_ESCAPES.get(e);
          if (simple !== undefined) {
            out += simple;
            j += 2;
            continue;
          }
          if (e === "u") {
            const hex = src.slice(j + 2, j + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("illegal \\u escape in string", line, startCol);
            out += String.fromCharCode(parseInt(hex, 16));
            j += 6;
            continue;
          }
          fail(`illegal escape sequence \\${e ?? ""} in string`, line, startCol);
        }
        out += ch;
        j++;
      }
      if (j >= n) fail("non-terminated string", line, startCol);
      tokens.push({ type: "string", text: src.slice(i, j + 1), line, col: startCol, spaced, value: out });
      spaced = false;
      i = j + 1;
      continue;
    }
    if (c === "`") {
      const startCol = col();
      const startLine = line;
      const end = src.indexOf("`", i + 1);
      if (end < 0) fail("non-terminated raw string", line, startCol);
      const value = src.slice(i + 1, end);
      tokens.push({
        type: "string",
        text: src.slice(i, end + 1),
        line: startLine,
        col: startCol,
        spaced,
        value,
        raw: true,
      });
      spaced = false;
      // A raw string may span lines; keep line numbers right after it.
      for (let k = i + 1; k < end; k++) {
        if (src[k] === "\n") {
          line++;
          lineStart = k + 1;
        }
      }
      i = end + 1;
      continue;
    }
    if (c >= "0" && c <= "9") {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(src)!;
      const after = src.charCodeAt(i + m[0].length);
      if (isIdentStart(after)) fail(`invalid number ${m[0]}${src[i + m[0].length]}`);
      push("number", m[0], line, col());
      i += m[0].length;
      continue;
    }
    if (isIdentStart(src.charCodeAt(i))) {
      let j = i + 1;
      while (j < n && isIdentPart(src.charCodeAt(j))) j++;
      push("ident", src.slice(i, j), line, col());
      i = j;
      continue;
    }
    // Longest first, so that ":=" wins over ":".
    const two = src.slice(i, i + 2);
    const op = TWO_CHAR_OPS.has(two) ? two : ONE_CHAR_OPS.has(c) ? c : undefined;
    if (!op) fail(`illegal token ${JSON.stringify(c)}`);
    push("op", op!, line, col());
    i += op!.length;
  }
  push("eof", "", line, col());
  return { tokens, comments };
}

/**
 * A template string from its `$` (OPA 1.12's string interpolation):
 * `$"...{expr}..."` takes a string's escapes, `` $`...{expr}...` `` is raw;
 * in both, `\{` is a literal brace. Each `{expr}` runs to its matching `}`
 * (braces and strings inside the expression are skipped as such) and is
 * tokenized where it stands.
 */
function readTemplate(
  src: string,
  at: number,
  file: string,
  start: { line: number; col: number },
): { parts: TemplatePart[]; end: number } {
  const raw = src[at + 1] === "`";
  const quote = raw ? "`" : '"';
  const fail = (message: string): never => {
    throw new RegoError("rego_parse_error", message, { file, ...start });
  };
  const parts: TemplatePart[] = [];
  let text = "";
  let j = at + 2;
  // Where j is, to give an expression's tokens their places.
  let line = start.line;
  let lineStart = at - start.col + 1;
  for (;;) {
    if (j >= src.length) fail("non-terminated template string");
    const ch = src[j]!;
    if (ch === quote) break;
    if (ch === "\n") {
      if (!raw) fail("non-terminated template string");
      text += ch;
      j++;
      line++;
      lineStart = j;
      continue;
    }
    if (ch === "\\" && src[j + 1] === "{") {
      text += "{";
      j += 2;
      continue;
    }
    if (ch === "\\" && !raw) {
      // The escape rules of ordinary strings, read by the string lexer.
      const e = src[j + 1];
      if (e === "u") {
        const hex = src.slice(j + 2, j + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("illegal \\u escape in template string");
        text += String.fromCharCode(parseInt(hex, 16));
        j += 6;
        continue;
      }
      const simple = e === undefined ? undefined : SIMPLE_ESCAPES.get(e);
      if (simple === undefined) fail(`illegal escape sequence \\${e ?? ""} in template string`);
      text += simple;
      j += 2;
      continue;
    }
    if (ch === "{") {
      const exprStart = j + 1;
      const exprEnd = matchingBrace(src, exprStart, quote);
      if (exprEnd < 0) fail("template string expression is missing its closing }");
      if (src.slice(exprStart, exprEnd).trim() === "") fail("template string expression is empty");
      if (text !== "") parts.push(text);
      text = "";
      const { tokens } = tokenize(src.slice(exprStart, exprEnd), file, { line, col: exprStart - lineStart + 1 });
      parts.push(tokens);
      for (let k = exprStart; k < exprEnd; k++) {
        if (src[k] === "\n") {
          line++;
          lineStart = k + 1;
        }
      }
      j = exprEnd + 1;
      continue;
    }
    text += ch;
    j++;
  }
  if (text !== "" || parts.length === 0) parts.push(text);
  return { parts, end: j + 1 };
}

/** The index of the `}` closing a template expression that starts at `from`, or -1. */
function matchingBrace(src: string, from: number, quote: string): number {
  let depth = 0;
  for (let k = from; k < src.length; k++) {
    const ch = src[k]!;
    if (ch === '"') {
      for (k++; k < src.length && src[k] !== '"'; k++) if (src[k] === "\\") k++;
    } else if (ch === "`") {
      if (quote === "`") return -1;
      k = src.indexOf("`", k + 1);
      if (k < 0) return -1;
    } else if (ch === "{") depth++;
    else if (ch === "}") {
      if (depth === 0) return k;
      depth--;
    } else if (ch === "\n" && quote === '"') return -1;
  }
  return -1;
}
