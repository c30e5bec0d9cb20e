import { lookupTable } from "../plan/own.js";
import { lexHcl, type HclComment, type Token } from "./hcl-lexer.js";

/**
 * Finds where blocks are in an HCL file: the top-level blocks (`resource
 * "T" "N" {`, `data`, `module`, and the rest) with their line ranges, and
 * inside them the attributes and nested blocks, with theirs. Not a parser of
 * expressions: it reads the lexer's tokens and follows brackets.
 *
 * It never throws and returns what it could find. A missing `}` is survived
 * the way a reader would: a top-level keyword at column 0 followed by a block
 * header (`resource "a" "b" {`) starts a new top-level block even inside an
 * unclosed one, and a block still open at the end of the file ends at its last
 * line. A closer that matches no opener is ignored; one that matches an outer
 * opener closes everything in between.
 */

export type { HclComment } from "./hcl-lexer.js";

export interface HclMember {
  name: string;
  /** A nested block's labels (`dynamic "ingress"`, `provisioner "local-exec"`). */
  labels: string[];
  kind: "attribute" | "block";
  line: number;
  endLine: number;
  /** A nested block's own attributes and blocks. */
  members: HclMember[];
  /** An attribute whose value is one constant: a string without interpolation, or true / false (a backend's `encrypt`). */
  value?: string | boolean;
}

export interface HclBlock {
  /** The block type: "resource", "data", "module", "locals" ... */
  kind: string;
  labels: string[];
  line: number;
  endLine: number;
  /** Attributes and nested blocks directly inside the block, in order. */
  members: HclMember[];
  /** Attributes whose value is one constant string (a module's `source`). */
  strings: Record<string, string>;
}

export interface HclFile {
  blocks: HclBlock[];
  comments: HclComment[];
}

/** Block types that only appear at the top level of a Terraform file, and how many labels they take. */
// Indexed by block types read from .tf files: no prototype, so a block "constructor" is unknown.
const TOP_LEVEL: Record<string, number> = lookupTable({
  resource: 2,
  data: 2,
  ephemeral: 2,
  module: 1,
  variable: 1,
  output: 1,
  provider: 1,
  check: 1,
  locals: 0,
  terraform: 0,
  moved: 0,
  import: 0,
  removed: 0,
});

/** An open bracket; a `{` that opens a block body carries where its members go. */
interface Frame {
  open: "{" | "[" | "(";
  body?: { owner: HclBlock | HclMember; top: HclBlock };
}

const CLOSER_OF = { "}": "{", "]": "[", ")": "(" } as const;

export function scanHcl(text: string): HclFile {
  const { tokens, comments } = lexHcl(text);
  return { blocks: findBlocks(tokens), comments };
}

function findBlocks(tokens: readonly Token[]): HclBlock[] {
  const blocks: HclBlock[] = [];
  const stack: Frame[] = [];
  // How many of each opener are on the stack: whether a closer matches anything is O(1).
  const open = { "{": 0, "[": 0, "(": 0 };
  let atStatementStart = true;
  let lastLine = 1;
  // The attribute being read: it ends at the first newline back in its body.
  let pending: { member: HclMember; depth: number } | undefined;

  const topBody = () => stack[stack.length - 1]?.body;
  const inBody = () => stack.length === 0 || topBody() !== undefined;
  const pop = (endLine: number) => {
    const frame = stack.pop()!;
    open[frame.open]--;
    if (pending && pending.depth === stack.length + 1) {
      pending.member.endLine = Math.max(pending.member.line, endLine);
      pending = undefined;
    }
    if (frame.body) frame.body.owner.endLine = Math.max(frame.body.owner.line, endLine);
  };
  const openBody = (owner: HclBlock | HclMember, top: HclBlock) => {
    stack.push({ open: "{", body: { owner, top } });
    open["{"]++;
    atStatementStart = true;
  };

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === "newline") {
      if (pending && pending.depth === stack.length) {
        pending.member.endLine = Math.max(pending.member.line, lastLine);
        pending = undefined;
      }
      if (inBody()) atStatementStart = true;
      continue;
    }
    lastLine = t.endLine;

    if (t.kind === "ident") {
      const expected = TOP_LEVEL[t.text];
      const header =
        expected !== undefined && (stack.length === 0 ? atStatementStart : t.col === 0)
          ? readHeader(tokens, k)
          : undefined;
      if (header && (stack.length === 0 || header.labels.length === expected)) {
        // At column 0 inside an unclosed block, a top-level header means a `}` is missing above it.
        while (stack.length > 0) pop(Math.max(1, t.line - 1));
        const block: HclBlock = {
          kind: t.text,
          labels: header.labels,
          line: t.line,
          endLine: t.line,
          members: [],
          strings: {},
        };
        blocks.push(block);
        k = header.brace;
        lastLine = tokens[k]!.endLine;
        openBody(block, block);
        continue;
      }
      if (stack.length === 0 && atStatementStart) {
        // Any other top-level block (unknown types too) is kept: its braces must not confuse what follows.
        const other = readHeader(tokens, k);
        if (other) {
          const block: HclBlock = {
            kind: t.text,
            labels: other.labels,
            line: t.line,
            endLine: t.line,
            members: [],
            strings: {},
          };
          blocks.push(block);
          k = other.brace;
          lastLine = tokens[k]!.endLine;
          openBody(block, block);
          continue;
        }
      }
      const body = topBody();
      if (body && atStatementStart && stack.length > 0) {
        const next = tokens[k + 1];
        if (next?.kind === "=") {
          const member: HclMember = {
            name: t.text,
            labels: [],
            kind: "attribute",
            line: t.line,
            endLine: t.line,
            members: [],
          };
          body.owner.members.push(member);
          pending = { member, depth: stack.length };
          const value = tokens[k + 2];
          const after = tokens[k + 3];
          const alone = !after || after.kind === "newline" || after.kind === "}";
          if (alone && value?.kind === "string" && !value.dynamic) {
            member.value = value.text;
            if (body.owner === body.top) body.top.strings[t.text] = value.text;
          } else if (alone && value?.kind === "ident" && (value.text === "true" || value.text === "false"))
            member.value = value.text === "true";
          atStatementStart = false;
          continue;
        }
        const nested = readHeader(tokens, k);
        if (nested) {
          const member: HclMember = {
            name: t.text,
            labels: nested.labels,
            kind: "block",
            line: t.line,
            endLine: t.line,
            members: [],
          };
          body.owner.members.push(member);
          k = nested.brace;
          lastLine = tokens[k]!.endLine;
          openBody(member, body.top);
          continue;
        }
      }
      atStatementStart = false;
      continue;
    }

    if (t.kind === "{" || t.kind === "[" || t.kind === "(") {
      stack.push({ open: t.kind });
      open[t.kind]++;
      atStatementStart = false;
      continue;
    }

    if (t.kind === "}" || t.kind === "]" || t.kind === ")") {
      const want = CLOSER_OF[t.kind];
      if (open[want] > 0) {
        while (stack[stack.length - 1]!.open !== want) pop(t.line);
        const wasBody = topBody() !== undefined;
        pop(t.line);
        atStatementStart = wasBody && inBody();
      }
      continue;
    }

    atStatementStart = false;
  }
  while (stack.length > 0) pop(lastLine);
  return blocks;
}

/** `type "label" label {` from tokens[k]: the labels and the index of the brace; undefined otherwise. */
function readHeader(tokens: readonly Token[], k: number): { labels: string[]; brace: number } | undefined {
  const labels: string[] = [];
  let j = k + 1;
  for (;;) {
    const t = tokens[j];
    if (!t) return undefined;
    if (t.kind === "{") return { labels, brace: j };
    if (t.kind === "string" && !t.dynamic) labels.push(t.text);
    else if (t.kind === "ident") labels.push(t.text);
    else return undefined;
    j++;
  }
}
