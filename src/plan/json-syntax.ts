/**
 * Finds where JSON text first goes wrong, for error messages: V8's own
 * messages do not always carry a position. Iterative (an explicit stack), so
 * 100k levels of nesting cannot overflow the call stack. Called only after
 * JSON.parse has failed.
 */
export interface SyntaxProblem {
  offset: number;
  reason: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function findSyntaxError(text: string): SyntaxProblem | undefined {
  let i = 0;
  const n = text.length;
  // What the parser expects next, innermost container last.
  const stack: ("object" | "array")[] = [];
  type State = "value" | "afterValue" | "key" | "colon" | "firstKeyOrEnd" | "firstValueOrEnd";
  let state: State = "value";

  const skipWs = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const problem = (reason: string): SyntaxProblem => ({ offset: i, reason });

  for (;;) {
    skipWs();
    if (i >= n) {
      if (state === "afterValue" && stack.length === 0) return undefined;
      return problem("unexpected end of the file");
    }
    const c = text[i]!;
    switch (state) {
      case "value":
      case "firstValueOrEnd": {
        if (state === "firstValueOrEnd" && c === "]") {
          stack.pop();
          i++;
          state = "afterValue";
          break;
        }
        if (c === "{") {
          stack.push("object");
          i++;
          state = "firstKeyOrEnd";
        } else if (c === "[") {
          stack.push("array");
          i++;
          state = "firstValueOrEnd";
        } else if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== "number") return end;
          i = end;
          state = "afterValue";
        } else {
          const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
          if (!m) return problem(`unexpected ${describeChar(c)} where a value was expected`);
          i += m[0].length;
          state = "afterValue";
        }
        break;
      }
      case "firstKeyOrEnd":
      case "key": {
        if (state === "firstKeyOrEnd" && c === "}") {
          stack.pop();
          i++;
          state = "afterValue";
          break;
        }
        if (c !== '"') return problem(`unexpected ${describeChar(c)} where a quoted property name was expected`);
        const end = scanString(text, i);
        if (typeof end !== "number") return end;
        i = end;
        state = "colon";
        break;
      }
      case "colon":
        if (c !== ":") return problem(`unexpected ${describeChar(c)} where ':' was expected`);
        i++;
        state = "value";
        break;
      case "afterValue": {
        const top = stack[stack.length - 1];
        if (top === undefined) return problem(`unexpected ${describeChar(c)} after the end of the JSON document`);
        if (c === ",") {
          i++;
          state = top === "object" ? "key" : "value";
        } else if ((c === "}" && top === "object") || (c === "]" && top === "array")) {
          stack.pop();
          i++;
        } else {
          return problem(`unexpected ${describeChar(c)} where ',' or '${top === "object" ? "}" : "]"}' was expected`);
        }
        break;
      }
    }
  }
}

function scanString(text: string, start: number): number | SyntaxProblem {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code === 0x5c) {
      const next = text[i + 1];
      if (next === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
          return { offset: i, reason: "invalid \\u escape in a string" };
        i += 6;
        continue;
      }
      if (next === undefined || !'"\\/bfnrt'.includes(next)) return { offset: i, reason: "invalid escape in a string" };
      i += 2;
      continue;
    }
    if (code < 0x20) return { offset: i, reason: "control character or line break inside a string" };
    i++;
  }
  return { offset: start, reason: "unterminated string" };
}

function describeChar(c: string): string {
  return /^[\x21-\x7e]$/.test(c)
    ? `'${c}'`
    : `character U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}
