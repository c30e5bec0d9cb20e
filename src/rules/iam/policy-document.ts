/**
 * IAM policy documents as AWS defines them, read from the JSON string a
 * resource carries (`policy`, `assume_role_policy`). Statement, Action and
 * Resource may each be a single value or a list; this normalizes them.
 */

export interface Statement {
  index: number;
  effect: "Allow" | "Deny";
  actions: string[];
  notActions: string[];
  resources: string[];
  notResources: string[];
  principals: unknown;
  hasCondition: boolean;
}

export function parsePolicyDocument(text: unknown): Statement[] | undefined {
  if (typeof text !== "string") return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!doc || typeof doc !== "object") return undefined;
  const raw = (doc as Record<string, unknown>)["Statement"];
  const list = Array.isArray(raw) ? raw : raw && typeof raw === "object" ? [raw] : [];
  return list
    .filter((s): s is Record<string, unknown> => !!s && typeof s === "object")
    .map((s, index) => ({
      index,
      effect: s["Effect"] === "Deny" ? "Deny" : "Allow",
      actions: strings(s["Action"]),
      notActions: strings(s["NotAction"]),
      resources: strings(s["Resource"]),
      notResources: strings(s["NotResource"]),
      principals: s["Principal"],
      hasCondition: !!s["Condition"] && typeof s["Condition"] === "object",
    }));
}

/**
 * Whether a document's JSON text may hold the string value "*", written
 * plainly or through a \u escape. A statement can only name every resource,
 * action or principal with one, so a document without it need not be parsed
 * by a rule that looks for those.
 */
export function mayHoldWildcard(text: string): boolean {
  return WILDCARD_OR_ESCAPE.test(text);
}

/** `"*"`, or any `\u` escape (which could spell one); one pass over the text. */
const WILDCARD_OR_ESCAPE = /"\*"|\\u/;

function strings(v: unknown): string[] {
  if (typeof v === "string") return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Whether an action pattern (IAM wildcards, case-insensitive) covers an action. */
export function actionCovers(pattern: string, action: string): boolean {
  let byPattern = coverage.get(action);
  if (!byPattern) coverage.set(action, (byPattern = new Map()));
  let covers = byPattern.get(pattern);
  if (covers === undefined) {
    const re = new RegExp("^" + pattern.split("*").map(escapeRegex).join(".*").replace(/\\\?/g, ".") + "$", "i");
    covers = re.test(action);
    // Policies repeat the same few actions; a bound keeps odd plans from growing it.
    if (byPattern.size >= MAX_PATTERNS) byPattern.clear();
    byPattern.set(pattern, covers);
  }
  return covers;
}

/**
 * Answers of actionCovers by action, then pattern: a pure function of the
 * two strings, so each pair builds its regex once. Rules ask about a fixed
 * action (iam:PassRole), so the outer map stays small.
 */
const coverage = new Map<string, Map<string, boolean>>();
const MAX_PATTERNS = 10_000;

function escapeRegex(s: string): string {
  return s.replace(/[.+^${}()|[\]\\?]/g, "\\$&");
}
