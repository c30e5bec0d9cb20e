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
  /** The NotPrincipal element as written; undefined when absent. */
  notPrincipal: unknown;
  hasCondition: boolean;
  /** The Condition element as written (operator -> key -> values); undefined when absent. */
  condition: unknown;
  /** Whether the document wrote Statement as a list (a single statement may be written as an object). */
  inList: boolean;
  /** The statement as written, for models of other tools' checks that read elements literally (see aws-narrower-checks.ts). */
  raw: Readonly<Record<string, unknown>>;
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
  const inList = Array.isArray(raw);
  const list = Array.isArray(raw) ? raw : raw && typeof raw === "object" ? [raw] : [];
  const statements: Statement[] = [];
  list.forEach((s: unknown, index) => {
    if (!s || typeof s !== "object") return;
    statements.push(readStatement(s as Record<string, unknown>, index, inList));
  });
  return statements;
}

/** One statement; `index` is its position as written, counting any entry that is not a statement. */
function readStatement(s: Record<string, unknown>, index: number, inList: boolean): Statement {
  return {
    index,
    effect: s["Effect"] === "Deny" ? "Deny" : "Allow",
    actions: strings(s["Action"]),
    notActions: strings(s["NotAction"]),
    resources: strings(s["Resource"]),
    notResources: strings(s["NotResource"]),
    principals: s["Principal"],
    notPrincipal: s["NotPrincipal"],
    hasCondition: !!s["Condition"] && typeof s["Condition"] === "object",
    condition: s["Condition"],
    inList,
    raw: s,
  };
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

/**
 * Whether a document's JSON text may hold a NotPrincipal element: an Allow
 * with NotPrincipal grants every principal but the ones it names, with no
 * "*" written anywhere. (A `\u` escape that could spell it is caught by
 * mayHoldWildcard.)
 */
export function mayHoldNotPrincipal(text: string): boolean {
  return text.includes('"NotPrincipal"');
}

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
