import { isDate } from "../config/dates.js";
import type { HclComment } from "./hcl-lexer.js";

/**
 * Inline suppressions written in .tf comments, in planguard's form and in
 * the forms teams migrating from Checkov, Trivy and tfsec already have:
 *
 *   # planguard:ignore PG-AWS-S3-001 exp:2026-12-31 logs bucket, no data
 *   // planguard:ignore PG-AWS-S3-001            (no reason: recorded as "")
 *   #checkov:skip=CKV_AWS_20:public website      (also bridgecrew:skip=)
 *   #trivy:ignore:AVD-AWS-0086                   (also :exp:2026-01-31)
 *   #tfsec:ignore:aws-s3-enable-bucket-encryption tfsec:ignore:aws-s3-enable-bucket-logging
 *
 * Ids are recorded as written; matching Checkov, Trivy and tfsec ids to
 * planguard rules (through their aliases) is the caller's job.
 *
 * Which comments belong to which block is the locator's business; this
 * module only reads directives out of comment text. A directive may sit
 * anywhere in a comment after a `#` or `//`, or at the start of a comment
 * line; several may share a comment (`# checkov:skip=A # trivy:ignore:B`),
 * and each line of a `/* *\/` comment is read on its own, with its own line.
 * planguard's form must start a comment (or follow another directive's `#`),
 * so prose that mentions it is not a suppression.
 */
export interface InlineSuppression {
  ruleId: string;
  /** Free text after the id; "" when none was written. */
  reason: string;
  /** YYYY-MM-DD: the last day it applies. */
  expires?: string;
  file: string;
  line: number;
  form: "planguard" | "checkov" | "trivy" | "tfsec";
  /**
   * Set when the directive is malformed in a way that must not widen it:
   * an expiry that is not a date is recorded as "0000-00-00" (already
   * expired, so the finding stays active) and this says why (a scan refuses
   * it: src/scan/locate.ts).
   */
  problem?: string;
}

const DIRECTIVE_START =
  /(?:^|#|\/\/)\s*(?=(?:planguard:ignore|checkov:skip=|bridgecrew:skip=|trivy:ignore:|tfsec:ignore:))/gi;
const PLANGUARD = /^planguard:ignore(?:\s+([^\s]+))?(?:\s+exp:(\S*))?\s*(.*)$/i;
const CHECKOV = /^(?:checkov|bridgecrew):skip=\s*([A-Za-z0-9_.-]+)(?::(.*))?$/i;
// Trivy and tfsec: several per comment, each `tool:ignore:ID[selector]:exp:DATE`.
const TRIVY = /(?:^|[\s#])(trivy|tfsec):ignore:([A-Za-z0-9_.*-]+)(\[[^\]]*\])?(?::exp:([^\s:]*))?/gi;

/** The directives in these comments, with the line each is written on. */
export function parseSuppressions(comments: readonly HclComment[], file: string): InlineSuppression[] {
  const out: InlineSuppression[] = [];
  for (const c of comments) {
    const lines = c.text.split("\n");
    for (let k = 0; k < lines.length; k++) {
      // A `/* */` comment's continuation lines often start with `*`.
      const text = lines[k]!.replace(/^\s*\*(?!\/)/, "").trim();
      if (text !== "") out.push(...parseLine(text, file, c.line + k));
    }
  }
  return out;
}

function parseLine(text: string, file: string, line: number): InlineSuppression[] {
  const out: InlineSuppression[] = [];
  for (const segment of segments(text)) {
    let m = PLANGUARD.exec(segment);
    if (m) {
      // A directive without a rule id suppresses nothing: there is no "ignore everything".
      if (!m[1]) continue;
      const s: InlineSuppression = { ruleId: m[1], reason: m[3]!.trim(), form: "planguard", file, line };
      if (m[2] !== undefined) setExpiry(s, m[2]);
      out.push(s);
      continue;
    }
    m = CHECKOV.exec(segment);
    if (m) {
      out.push({ ruleId: m[1]!, reason: (m[2] ?? "").trim(), form: "checkov", file, line });
      continue;
    }
    for (const t of segment.matchAll(TRIVY)) {
      // A selector (`[attr=value]`) narrows the ignore to some values, which a block-level
      // suppression cannot honour: it is left out so that the finding stays active.
      if (t[3]) continue;
      const s: InlineSuppression = {
        ruleId: t[2]!,
        reason: "",
        form: t[1]!.toLowerCase() as "trivy" | "tfsec",
        file,
        line,
      };
      if (t[4] !== undefined) setExpiry(s, t[4]);
      out.push(s);
    }
  }
  return out;
}

/** The comment line cut where each directive starts; text before the first directive is dropped. */
function segments(text: string): string[] {
  const starts: number[] = [];
  for (const m of text.matchAll(DIRECTIVE_START)) {
    const at = m.index + m[0].length;
    if (starts[starts.length - 1] !== at) starts.push(at);
  }
  return starts.map((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]! : text.length;
    // Drop the `#` or `//` that introduced the next directive.
    return text.slice(s, end).replace(/\s*(?:#|\/\/)\s*$/, "");
  });
}

function setExpiry(s: InlineSuppression, raw: string): void {
  if (isDate(raw)) {
    s.expires = raw;
  } else {
    s.expires = "0000-00-00";
    s.problem = `expiry "${raw}" is not a date (YYYY-MM-DD)`;
  }
}
