/**
 * A small scanner for HCL, enough to find where blocks and attributes are:
 * not a parser of expressions. It understands strings with escapes and
 * `${ }` / `%{ }` templates (which may hold braces and strings of their
 * own), heredocs, the three comment forms and nested braces, so that a `{`
 * inside a string or a comment never counts. It never throws: on malformed
 * text it returns what it found. Linear in the size of the file.
 */

export interface HclAttribute {
  name: string;
  line: number;
}

export interface HclBlock {
  /** "resource", "data", "module" ... */
  kind: string;
  labels: string[];
  line: number;
  endLine: number;
  /** Top-level attributes and nested blocks inside the block, in order. */
  members: HclAttribute[];
  /** Simple string attributes (e.g. a module's `source`). */
  strings: Record<string, string>;
}

export interface HclComment {
  text: string;
  line: number;
  /** The comment is the only thing on its line(s). */
  ownLine: boolean;
}

export interface HclFile {
  blocks: HclBlock[];
  comments: HclComment[];
}

type TokenKind = "ident" | "string" | "{" | "}" | "[" | "]" | "(" | ")" | "=" | "newline" | "other";

interface Token {
  kind: TokenKind;
  text: string;
  line: number;
}

export function scanHcl(text: string): HclFile {
  const { tokens, comments } = tokenize(text);
  return { blocks: findBlocks(tokens), comments };
}

function tokenize(text: string): { tokens: Token[]; comments: HclComment[] } {
  const tokens: Token[] = [];
  const comments: HclComment[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineHasCode = false;

  const push = (kind: TokenKind, t: string, at: number) => {
    tokens.push({ kind, text: t, line: at });
    if (kind !== "newline") lineHasCode = true;
  };

  while (i < n) {
    const c = text[i]!;
    if (c === "\n") {
      push("newline", "\n", line);
      line++;
      lineHasCode = false;
      i++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "#" || (c === "/" && text[i + 1] === "/")) {
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? n : end;
      comments.push({ text: text.slice(i + (c === "#" ? 1 : 2), stop).trim(), line, ownLine: !lineHasCode });
      i = stop;
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? n : end + 2;
      const body = text.slice(i + 2, end < 0 ? n : end);
      comments.push({ text: body.trim(), line, ownLine: !lineHasCode });
      for (const ch of body) if (ch === "\n") line++;
      i = stop;
      continue;
    }
    if (c === '"') {
      const start = line;
      const r = readString(text, i + 1, line);
      push("string", r.value, start);
      i = r.end;
      line = r.line;
      continue;
    }
    if (c === "<" && text[i + 1] === "<") {
      const m = /^<<(-?)([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 200));
      if (m) {
        const start = line;
        const r = skipHeredoc(text, i + m[0].length, m[2]!, line + 1);
        push("string", "", start);
        i = r.end;
        line = r.line;
        continue;
      }
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w-]/.test(text[j]!)) j++;
      push("ident", text.slice(i, j), line);
      i = j;
      continue;
    }
    if (c === "{" || c === "}" || c === "[" || c === "]" || c === "(" || c === ")") {
      push(c, c, line);
      i++;
      continue;
    }
    if (c === "=" && text[i + 1] !== "=" && text[i + 1] !== ">" && text[i - 1] !== "!" && text[i - 1] !== "<" && text[i - 1] !== ">" && text[i - 1] !== "=") {
      push("=", "=", line);
      i++;
      continue;
    }
    push("other", c, line);
    i++;
  }
  return { tokens, comments };
}

/**
 * Reads a quoted string from just after its opening quote. Templates inside
 * it (`${ ... }`, `%{ ... }`) are code: they may hold braces and strings.
 */
function readString(text: string, from: number, line: number): { value: string; end: number; line: number } {
  let i = from;
  let value = "";
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === "\\") {
      value += text[i + 1] ?? "";
      i += 2;
      continue;
    }
    if (c === '"') return { value, end: i + 1, line };
    if (c === "\n") {
      // Quoted strings cannot span lines in HCL: stop here, keep scanning.
      return { value, end: i, line };
    }
    if ((c === "$" || c === "%") && text[i + 1] === "{") {
      if (text[i - 1] === c) {
        // $${ and %%{ are escapes, not templates.
        value += "{";
        i += 2;
        continue;
      }
      const r = skipTemplate(text, i + 2, line);
      i = r.end;
      line = r.line;
      value += "${…}";
      continue;
    }
    value += c;
    i++;
  }
  return { value, end: n, line };
}

/** Skips template code up to its closing brace, through nested braces and strings. */
function skipTemplate(text: string, from: number, line: number): { end: number; line: number } {
  let depth = 1;
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === "\n") line++;
    if (c === '"') {
      const r = readString(text, i + 1, line);
      i = r.end;
      line = r.line;
      continue;
    }
    if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) return { end: i + 1, line };
    }
    i++;
  }
  return { end: n, line };
}

/** Skips a heredoc body up to the line that holds only its delimiter. */
function skipHeredoc(text: string, from: number, delimiter: string, line: number): { end: number; line: number } {
  let i = from;
  const n = text.length;
  while (i < n) {
    const eol = text.indexOf("\n", i);
    const stop = eol < 0 ? n : eol;
    if (text.slice(i, stop).trim() === delimiter) return { end: stop, line };
    if (eol < 0) return { end: n, line };
    i = eol + 1;
    line++;
  }
  return { end: n, line };
}

/** Finds top-level blocks and their first-level members from the tokens. */
function findBlocks(tokens: Token[]): HclBlock[] {
  const blocks: HclBlock[] = [];
  let depth = 0;
  let current: HclBlock | undefined;
  let atStatementStart = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.kind) {
      case "newline":
        if (depth <= 1) atStatementStart = true;
        continue;
      case "{":
      case "[":
      case "(":
        depth++;
        atStatementStart = false;
        continue;
      case "}":
      case "]":
      case ")":
        depth = Math.max(0, depth - 1);
        if (depth === 0 && current && t.kind === "}") {
          current.endLine = t.line;
          blocks.push(current);
          current = undefined;
        }
        atStatementStart = depth <= 1;
        continue;
      case "ident":
        if (atStatementStart && depth === 0) {
          const header = readHeader(tokens, i);
          if (header) {
            current = { kind: t.text, labels: header.labels, line: t.line, endLine: t.line, members: [], strings: {} };
            depth = 1;
            i = header.brace;
            atStatementStart = true;
            continue;
          }
        } else if (atStatementStart && depth === 1 && current) {
          const next = nextSignificant(tokens, i + 1);
          if (next?.kind === "=") {
            current.members.push({ name: t.text, line: t.line });
            const value = tokens[nextIndex(tokens, i + 1) + 1];
            const after = value ? tokens[nextIndex(tokens, i + 1) + 2] : undefined;
            if (value?.kind === "string" && (!after || after.kind === "newline")) current.strings[t.text] = value.text;
          } else if (next?.kind === "{" || next?.kind === "string") {
            current.members.push({ name: t.text, line: t.line });
          }
        }
        atStatementStart = false;
        continue;
      default:
        atStatementStart = false;
    }
  }
  return blocks;
}

/** `kind "label" "label" {` starting at tokens[i]; the index of its brace. */
function readHeader(tokens: Token[], i: number): { labels: string[]; brace: number } | undefined {
  const labels: string[] = [];
  let j = i + 1;
  while (j < tokens.length && (tokens[j]!.kind === "string" || tokens[j]!.kind === "ident")) {
    labels.push(tokens[j]!.text);
    j++;
  }
  if (tokens[j]?.kind !== "{") return undefined;
  return { labels, brace: j };
}

function nextIndex(tokens: Token[], from: number): number {
  let j = from;
  while (j < tokens.length && tokens[j]!.kind === "newline") j++;
  return j;
}

function nextSignificant(tokens: Token[], from: number): Token | undefined {
  return tokens[nextIndex(tokens, from)];
}
