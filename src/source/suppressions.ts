import type { HclComment } from "./hcl-scan.js";

/**
 * Inline suppressions written in .tf comments, in planguard's form and in
 * the forms teams migrating from Checkov, Trivy and tfsec already have:
 *
 *   # planguard:ignore PG-AWS-S3-001 exp:2026-12-31 logs bucket, no data
 *   # checkov:skip=CKV_AWS_20:public website
 *   # trivy:ignore:AVD-AWS-0086
 *   # tfsec:ignore:aws-s3-enable-bucket-encryption
 */
export interface InlineSuppression {
  ruleId: string;
  reason: string;
  /** YYYY-MM-DD: the last day it applies. */
  expires?: string;
  form: "planguard" | "checkov" | "trivy" | "tfsec";
  file: string;
  line: number;
}

const PLANGUARD = /planguard:ignore\s+([A-Za-z0-9_.-]+)(?:\s+exp:(\d{4}-\d{2}-\d{2}))?\s*(.*)$/;
const CHECKOV = /checkov:skip=([A-Za-z0-9_]+)(?::(.*))?$/;
const TRIVY = /(trivy|tfsec):ignore:([A-Za-z0-9_.-]+?)(?:\[[^\]]*\])?(?::exp:(\d{4}-\d{2}-\d{2}))?(?:\s|$)/;

export function parseSuppressions(comments: readonly HclComment[], file: string): InlineSuppression[] {
  const out: InlineSuppression[] = [];
  for (const c of comments) {
    // One comment may hold several directives: `# checkov:skip=A # trivy:ignore:B`.
    for (const part of c.text.split(/(?:^|\s)(?:#|\/\/)\s*/)) {
      const text = part.trim();
      let m = PLANGUARD.exec(text);
      if (m) {
        const s: InlineSuppression = { ruleId: m[1]!, reason: m[3]!.trim(), form: "planguard", file, line: c.line };
        if (m[2]) s.expires = m[2];
        out.push(s);
        continue;
      }
      m = CHECKOV.exec(text);
      if (m) {
        out.push({ ruleId: m[1]!, reason: (m[2] ?? "").trim(), form: "checkov", file, line: c.line });
        continue;
      }
      m = TRIVY.exec(text);
      if (m) {
        const s: InlineSuppression = { ruleId: m[2]!, reason: "", form: m[1] as "trivy" | "tfsec", file, line: c.line };
        if (m[3]) s.expires = m[3];
        out.push(s);
      }
    }
  }
  return out;
}
