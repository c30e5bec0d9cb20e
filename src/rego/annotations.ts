/**
 * `# METADATA` blocks: a comment line saying METADATA, then comment lines of
 * YAML, right above the package or rule they annotate (OPA's annotations).
 */
import { parse as parseYaml } from "yaml";
import type { Annotation } from "./ast.js";
import type { Comment } from "./lexer.js";
import { RegoError } from "./errors.js";
import { parseSimpleYaml } from "./metadata-yaml.js";

const SCOPES = new Set(["rule", "document", "package", "subpackages"]);
const KNOWN_KEYS = new Set([
  "scope",
  "title",
  "description",
  "related_resources",
  "authors",
  "organizations",
  "schemas",
  "entrypoint",
  "custom",
  "compile",
]);

/** Annotation blocks keyed by the line right after each block (where the annotated statement starts). */
export function parseAnnotations(comments: Comment[], file: string): Map<number, Annotation[]> {
  const out = new Map<number, Annotation[]>();
  for (let i = 0; i < comments.length; i++) {
    const c = comments[i]!;
    if (c.text.trim() !== "METADATA" || c.col !== 1) continue;
    const lines: string[] = [];
    let last = c.line;
    let j = i + 1;
    while (j < comments.length && comments[j]!.line === last + 1 && comments[j]!.col === 1) {
      lines.push(comments[j]!.text);
      last = comments[j]!.line;
      j++;
    }
    const loc = { file, line: c.line, col: 1 };
    const raw = parseBlock(dedent(lines), loc);
    const scope = raw["scope"] ?? "rule";
    if (typeof scope !== "string" || !SCOPES.has(scope)) {
      throw new RegoError("rego_parse_error", `invalid annotation scope '${String(scope)}'`, loc);
    }
    for (const key of Object.keys(raw)) {
      if (!KNOWN_KEYS.has(key)) throw new RegoError("rego_parse_error", `invalid annotation key '${key}'`, loc);
    }
    const annotation: Annotation = { scope: scope as Annotation["scope"], raw, loc };
    if (typeof raw["title"] === "string") annotation.title = raw["title"];
    if (typeof raw["description"] === "string") annotation.description = raw["description"];
    if (raw["custom"] !== undefined) {
      if (raw["custom"] === null || typeof raw["custom"] !== "object" || Array.isArray(raw["custom"])) {
        throw new RegoError("rego_parse_error", "invalid annotation: custom must be a map", loc);
      }
      annotation.custom = raw["custom"] as Record<string, unknown>;
    }
    const list = out.get(last + 1) ?? [];
    list.push(annotation);
    out.set(last + 1, list);
    i = j - 1;
  }
  return out;
}

/** Removes the indentation every line shares (usually the one space after `#`). */
export function dedent(lines: string[]): string {
  let common = Infinity;
  for (const l of lines) {
    if (l.trim() === "") continue;
    common = Math.min(common, l.length - l.trimStart().length);
  }
  if (!Number.isFinite(common)) common = 0;
  return lines.map((l) => l.slice(common)).join("\n");
}

/** Parsed blocks by their text: policy libraries are compiled more than once per run (tests, scans). */
const parsedBlocks = new Map<string, Record<string, unknown>>();

function parseBlock(text: string, loc: { file: string; line: number; col: number }): Record<string, unknown> {
  // The usual METADATA block is in the subset the small reader knows, and it is much cheaper than yaml cold.
  const simple = parseSimpleYaml(text);
  if (simple) return simple;
  const hit = parsedBlocks.get(text);
  if (hit) return structuredClone(hit);
  const parsed = parseBlockUncached(text, loc);
  if (parsedBlocks.size < 10_000) parsedBlocks.set(text, structuredClone(parsed));
  return parsed;
}

function parseBlockUncached(text: string, loc: { file: string; line: number; col: number }): Record<string, unknown> {
  let yaml: unknown;
  try {
    yaml = parseYaml(text);
  } catch (err) {
    throw new RegoError("rego_parse_error", `yaml: ${(err as Error).message.split("\n")[0]}`, loc);
  }
  if (yaml === null || yaml === undefined) return {};
  if (typeof yaml !== "object" || Array.isArray(yaml))
    throw new RegoError("rego_parse_error", "invalid METADATA block: expected a YAML map", loc);
  return yaml as Record<string, unknown>;
}
