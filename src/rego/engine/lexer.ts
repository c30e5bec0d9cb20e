/**
 * Rego's tokens. Newlines are kept (they separate body expressions, like
 * `;`); comments are kept aside with their lines for `# METADATA` blocks.
 */
export type TokenType = "ident" | "string" | "number" | "op" | "newline" | "eof";

export interface Token {
  type: TokenType;
  text: string;
  /** For strings: the decoded value. */
  value?: string;
  line: number;
  col: number;
}

export interface Comment {
  text: string;
  line: number;
}

export class RegoSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(message);
  }
}

const OPERATORS = [":=", "==", "!=", "<=", ">=", "{", "}", "[", "]", "(", ")", ",", ";", ".", ":", "=", "<", ">", "+", "-", "*", "/", "%", "|", "&"];

export function tokenize(src: string): { tokens: Token[]; comments: Comment[] } {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = src.length;
  const col = () => i - lineStart + 1;
  while (i < n) {
    const c = src[i]!;
    if (c === "\n") {
      tokens.push({ type: "newline", text: "\n", line, col: col() });
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "#") {
      const end = src.indexOf("\n", i);
      const stop = end < 0 ? n : end;
      comments.push({ text: src.slice(i + 1, stop), line });
      i = stop;
      continue;
    }
    if (c === '"') {
      const startCol = col();
      let j = i + 1;
      let out = "";
      while (j < n && src[j] !== '"') {
        if (src[j] === "\n") throw new RegoSyntaxError("unterminated string", line, startCol);
        if (src[j] === "\\") {
          const e = src[j + 1];
          switch (e) {
            case '"':
            case "\\":
            case "/":
              out += e;
              j += 2;
              break;
            case "n":
              out += "\n";
              j += 2;
              break;
            case "t":
              out += "\t";
              j += 2;
              break;
            case "r":
              out += "\r";
              j += 2;
              break;
            case "b":
              out += "\b";
              j += 2;
              break;
            case "f":
              out += "\f";
              j += 2;
              break;
            case "u": {
              const hex = src.slice(j + 2, j + 6);
              if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new RegoSyntaxError("invalid \\u escape", line, startCol);
              out += String.fromCharCode(parseInt(hex, 16));
              j += 6;
              break;
            }
            default:
              throw new RegoSyntaxError(`invalid escape \\${e ?? ""}`, line, startCol);
          }
          continue;
        }
        out += src[j];
        j++;
      }
      if (j >= n) throw new RegoSyntaxError("unterminated string", line, startCol);
      tokens.push({ type: "string", text: src.slice(i, j + 1), value: out, line, col: startCol });
      i = j + 1;
      continue;
    }
    if (c === "`") {
      const startCol = col();
      const end = src.indexOf("`", i + 1);
      if (end < 0) throw new RegoSyntaxError("unterminated raw string", line, startCol);
      const value = src.slice(i + 1, end);
      tokens.push({ type: "string", text: src.slice(i, end + 1), value, line, col: startCol });
      for (const ch of value) if (ch === "\n") line++;
      if (value.includes("\n")) lineStart = i + 1 + value.lastIndexOf("\n") + 1;
      i = end + 1;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(src.slice(i, i + 4096))!;
      tokens.push({ type: "number", text: m[0], line, col: col() });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_]/.test(src[j]!)) j++;
      tokens.push({ type: "ident", text: src.slice(i, j), line, col: col() });
      i = j;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new RegoSyntaxError(`unexpected character ${JSON.stringify(c)}`, line, col());
    tokens.push({ type: "op", text: op, line, col: col() });
    i += op.length;
  }
  tokens.push({ type: "eof", text: "", line, col: col() });
  return { tokens, comments };
}
