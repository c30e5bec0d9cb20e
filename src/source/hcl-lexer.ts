/**
 * A tokenizer for just enough HCL to find blocks: identifiers, brackets,
 * `=`, newlines, strings and comments. Everything that may hide a brace
 * (quoted strings with `${ }` / `%{ }` templates holding braces and strings
 * of their own, heredocs, the three comment forms) becomes one opaque token,
 * so a `{` in it never counts.
 *
 * Two promises, both for malformed files: it never throws, and it is linear.
 * Nesting (a string in a template in a string ...) uses an explicit stack,
 * not recursion, so depth cannot overflow the call stack. The three ways a
 * construct may run to the end of the file are bounded:
 *  - an unclosed `/*` is read as a comment to the end of its line, and once
 *    one is unclosed no later `/*` searches again (none can close either);
 *  - a heredoc whose marker never appears is read as its opening line only
 *    (markers are looked up in an index of the file's lines, not searched for);
 *  - a template may span lines in valid HCL; when one is still open at the
 *    end of the file, the lexer goes back once to the string that held it
 *    and from there on ends every quoted string at its line.
 */

export type TokenKind = "ident" | "string" | "{" | "}" | "[" | "]" | "(" | ")" | "=" | "newline" | "other";

export interface Token {
  kind: TokenKind;
  /** Identifier text; a quoted string's value (templates as `${…}`); else the characters. */
  text: string;
  line: number;
  /** Last line of the token: heredocs and templates may span lines. */
  endLine: number;
  /** Column (0-based, in UTF-16 units) of the token's first character. */
  col: number;
  /** A string with template interpolation, or a heredoc: its value is not a constant. */
  dynamic?: boolean;
}

export interface HclComment {
  /** The comment without its markers (`#`, `//`, `/*`, `*\/`); lines joined with "\n". */
  text: string;
  line: number;
  endLine: number;
  /** Nothing but whitespace before it on its first line. */
  ownLine: boolean;
  /** Nothing but whitespace after it on its last line. */
  endsLine: boolean;
}

export interface LexResult {
  tokens: Token[];
  comments: HclComment[];
}

interface StringFrame {
  kind: "str";
}
interface TemplateFrame {
  kind: "tpl";
  depth: number;
}
type Frame = StringFrame | TemplateFrame;

const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const PERCENT = 37;
const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
const LBRACE = 123;
const RBRACE = 125;
const LT = 60;

const isIdentStart = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c >= 0x80 && c !== 0xfeff && c !== 0xa0);
const isIdentPart = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57) || c === 45;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isBlank = (c: number) => c === SPACE || c === TAB || c === CR || c === 12 || c === 0xfeff || c === 0xa0;

export function lexHcl(text: string): LexResult {
  const n = text.length;
  let tokens: Token[] = [];
  let comments: HclComment[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let lineHasCode = false;
  let blockCommentsCanClose = true;
  let multilineTemplates = true;
  const heredocs = new HeredocMarkers(text);

  // The quoted string being read at the top level: where it began and its value so far.
  const stack: Frame[] = [];
  let strLine = 0;
  let strCol = 0;
  let strParts: string[] = [];
  let strChunk = 0;
  let strDynamic = false;
  let checkpoint: { i: number; line: number; lineStart: number; tokens: number; comments: number } | undefined;

  const push = (kind: TokenKind, t: string, col: number, startLine = line) => {
    tokens.push({ kind, text: t, line: startLine, endLine: line, col });
    if (kind !== "newline") lineHasCode = true;
  };
  const endString = (at: number) => {
    // strChunk is -1 while a template is open: its code is not part of the value.
    if (strChunk >= 0) strParts.push(text.slice(strChunk, at));
    const token: Token = { kind: "string", text: strParts.join(""), line: strLine, endLine: line, col: strCol };
    if (strDynamic) token.dynamic = true;
    tokens.push(token);
    lineHasCode = true;
  };

  for (;;) {
    if (i >= n) {
      if (stack.length === 0) break;
      if (multilineTemplates && checkpoint) {
        // A template still open at the end of the file: read again from its string, one line at a time.
        multilineTemplates = false;
        i = checkpoint.i;
        line = checkpoint.line;
        lineStart = checkpoint.lineStart;
        tokens = tokens.slice(0, checkpoint.tokens);
        comments = comments.slice(0, checkpoint.comments);
        stack.length = 0;
        continue;
      }
      endString(n);
      stack.length = 0;
      break;
    }
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];

    if (top?.kind === "str") {
      const outer = stack.length === 1;
      if (c === BACKSLASH) {
        const next = text.charCodeAt(i + 1);
        if (i + 1 >= n || next === NL) {
          i++;
          continue;
        }
        if (outer) {
          strParts.push(text.slice(strChunk, i), unescapeAt(text, i));
          strChunk = i + escapeLength(text, i);
        }
        i += escapeLength(text, i);
        continue;
      }
      if (c === QUOTE || c === NL) {
        // A quoted string cannot span lines: a newline ends an unterminated one (and is read again as code).
        stack.pop();
        if (outer) endString(i);
        if (c === QUOTE) i++;
        continue;
      }
      if ((c === DOLLAR || c === PERCENT) && i + 1 < n) {
        const next = text.charCodeAt(i + 1);
        if (next === c && text.charCodeAt(i + 2) === LBRACE) {
          // `$${` and `%%{` are literal `${` and `%{`.
          if (outer) {
            strParts.push(text.slice(strChunk, i), String.fromCharCode(c), "{");
            strChunk = i + 3;
          }
          i += 3;
          continue;
        }
        if (next === LBRACE) {
          if (outer) {
            strParts.push(text.slice(strChunk, i), c === DOLLAR ? "${…}" : "%{…}");
            strChunk = -1;
            strDynamic = true;
          }
          stack.push({ kind: "tpl", depth: 1 });
          i += 2;
          continue;
        }
      }
      i++;
      continue;
    }

    if (top?.kind === "tpl") {
      if (c === NL) {
        if (!multilineTemplates) {
          stack.length = 0;
          endString(i);
          continue;
        }
        line++;
        lineStart = i + 1;
        i++;
        continue;
      }
      if (c === QUOTE) {
        stack.push({ kind: "str" });
        i++;
        continue;
      }
      if (c === LBRACE) {
        top.depth++;
        i++;
        continue;
      }
      if (c === RBRACE) {
        top.depth--;
        i++;
        if (top.depth === 0) {
          stack.pop();
          if (stack.length === 1) strChunk = i;
        }
        continue;
      }
      if (c === HASH || (c === SLASH && text.charCodeAt(i + 1) === SLASH)) {
        // A comment inside template code runs to the end of the line.
        i = lineEnd(text, i);
        continue;
      }
      i++;
      continue;
    }

    // Code.
    const col = i - lineStart;
    if (c === NL) {
      push("newline", "\n", col);
      line++;
      lineStart = i + 1;
      lineHasCode = false;
      i++;
      continue;
    }
    if (isBlank(c)) {
      i++;
      continue;
    }
    if (c === HASH || (c === SLASH && text.charCodeAt(i + 1) === SLASH)) {
      const stop = lineEnd(text, i);
      comments.push({
        text: text.slice(i + (c === HASH ? 1 : 2), stop),
        line,
        endLine: line,
        ownLine: !lineHasCode,
        endsLine: true,
      });
      i = stop;
      continue;
    }
    if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const close = blockCommentsCanClose ? text.indexOf("*/", i + 2) : -1;
      if (close < 0) blockCommentsCanClose = false;
      const bodyEnd = close < 0 ? lineEnd(text, i) : close;
      const startLine = line;
      for (let j = i + 2; j < bodyEnd; j++) {
        if (text.charCodeAt(j) === NL) {
          line++;
          lineStart = j + 1;
        }
      }
      const end = close < 0 ? bodyEnd : close + 2;
      let k = end;
      while (k < n && isBlank(text.charCodeAt(k))) k++;
      comments.push({
        text: text.slice(i + 2, bodyEnd),
        line: startLine,
        endLine: line,
        ownLine: !lineHasCode,
        endsLine: k >= n || text.charCodeAt(k) === NL,
      });
      i = end;
      continue;
    }
    if (c === QUOTE) {
      if (multilineTemplates) checkpoint = { i, line, lineStart, tokens: tokens.length, comments: comments.length };
      stack.push({ kind: "str" });
      strLine = line;
      strCol = col;
      strParts = [];
      strChunk = i + 1;
      strDynamic = false;
      i++;
      continue;
    }
    if (c === LT && text.charCodeAt(i + 1) === LT) {
      const opener = heredocOpener(text, i);
      if (opener) {
        const startLine = line;
        const close = heredocs.find(opener.marker, opener.bodyStart);
        if (close) {
          line = close.line;
          lineStart = close.start;
          i = close.end;
        } else {
          // No closing marker: keep only the opening line, read what follows as code.
          i = opener.bodyStart - 1;
        }
        tokens.push({ kind: "string", text: "", line: startLine, endLine: line, col, dynamic: true });
        lineHasCode = true;
        continue;
      }
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(text.charCodeAt(j))) j++;
      push("ident", text.slice(i, j), col);
      i = j;
      continue;
    }
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n && (isIdentPart(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
      push("other", text.slice(i, j), col);
      i = j;
      continue;
    }
    const ch = text[i]!;
    if (ch === "{" || ch === "}" || ch === "[" || ch === "]" || ch === "(" || ch === ")") {
      push(ch, ch, col);
      i++;
      continue;
    }
    const next = text[i + 1];
    if (ch === "=" && next !== "=" && next !== ">") {
      push("=", "=", col);
      i++;
      continue;
    }
    if ((ch === "=" || ch === "!" || ch === "<" || ch === ">") && (next === "=" || (ch === "=" && next === ">"))) {
      // `==`, `=>`, `!=`, `<=`, `>=` are operators, never an assignment.
      push("other", ch + next, col);
      i += 2;
      continue;
    }
    push("other", ch, col);
    i++;
  }
  return { tokens, comments };
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf("\n", from);
  return end < 0 ? text.length : end;
}

/** `<<EOT` or `<<-EOT` followed by the end of the line; where the body starts. */
function heredocOpener(text: string, at: number): { marker: string; bodyStart: number } | undefined {
  let j = at + 2;
  if (text.charCodeAt(j) === 45) j++;
  const start = j;
  if (!isIdentStart(text.charCodeAt(j))) return undefined;
  while (j < text.length && isIdentPart(text.charCodeAt(j))) j++;
  const marker = text.slice(start, j);
  while (j < text.length && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB || text.charCodeAt(j) === CR))
    j++;
  if (text.charCodeAt(j) !== NL) return undefined;
  return { marker, bodyStart: j + 1 };
}

/**
 * The lines that could close a heredoc (an identifier alone, maybe indented:
 * HCL allows the closing marker to be indented in both forms), indexed once
 * per file on first use, so that finding a marker never scans the file again.
 */
class HeredocMarkers {
  private index: Map<string, { start: number; end: number; line: number }[]> | undefined;
  constructor(private readonly text: string) {}

  /** The first line at or after `from` that holds only `marker`. */
  find(marker: string, from: number): { start: number; end: number; line: number } | undefined {
    const lines = this.build().get(marker);
    if (!lines) return undefined;
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    return lines[lo];
  }

  private build(): Map<string, { start: number; end: number; line: number }[]> {
    if (this.index) return this.index;
    const index = new Map<string, { start: number; end: number; line: number }[]>();
    const text = this.text;
    let start = 0;
    let line = 1;
    while (start <= text.length) {
      const end = lineEnd(text, start);
      let a = start;
      let b = end;
      while (a < b && isBlank(text.charCodeAt(a))) a++;
      while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
      if (a < b && isIdentStart(text.charCodeAt(a))) {
        let k = a + 1;
        while (k < b && isIdentPart(text.charCodeAt(k))) k++;
        if (k === b) {
          const marker = text.slice(a, b);
          let list = index.get(marker);
          if (!list) index.set(marker, (list = []));
          list.push({ start, end, line });
        }
      }
      if (end >= text.length) break;
      start = end + 1;
      line++;
    }
    this.index = index;
    return index;
  }
}

/** How many characters the escape sequence at `at` (a backslash) takes. */
function escapeLength(text: string, at: number): number {
  const c = text[at + 1];
  if (c === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) return 6;
  if (c === "U" && /^[0-9a-fA-F]{8}$/.test(text.slice(at + 2, at + 10))) return 10;
  return 2;
}

function unescapeAt(text: string, at: number): string {
  const c = text[at + 1]!;
  switch (c) {
    case "n":
      return "\n";
    case "t":
      return "\t";
    case "r":
      return "\r";
    case "u":
    case "U": {
      const len = escapeLength(text, at);
      if (len === 2) return c;
      const code = Number.parseInt(text.slice(at + 2, at + len), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
    }
    default:
      return c;
  }
}
