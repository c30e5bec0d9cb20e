import { SEVERITIES, type Severity } from "../policy/types.js";
import { mdCode, mdText } from "../report/markdown-text.js";

/**
 * The first lines of the job summary: the verdict (pass, fail or error),
 * the fail-on threshold, the counts, what was suppressed and by what, and
 * which config was used. A reviewer reads this before any table.
 */
export interface VerdictFacts {
  mode: "scan" | "drift";
  code: number;
  failOn: string;
  softFail: boolean;
  /** Active findings by severity (drift: the drift findings). */
  bySeverity: Record<Severity, number>;
  suppressedBy?: { inline: number; waiver: number; baseline: number };
  /** Drift mode: resources that drifted. */
  drifted?: number;
  config?: string;
  /** Why the run failed (exit 2), when it did. */
  errors: string[];
}

export function verdictMarkdown(v: VerdictFacts): string {
  const total = SEVERITIES.reduce((n, s) => n + v.bySeverity[s], 0);
  const failOn = (SEVERITIES as readonly string[]).includes(v.failOn) ? (v.failOn as Severity) : "low";
  const reached = SEVERITIES.slice(0, SEVERITIES.indexOf(failOn) + 1).reduce((n, s) => n + v.bySeverity[s], 0);
  const title = v.mode === "drift" ? "planguard drift" : "planguard";
  const verdict =
    v.code === 2
      ? "⚠️ error"
      : v.code === 1
        ? "❌ fail"
        : reached > 0 && v.softFail
          ? "✅ pass (soft-fail: it would fail)"
          : "✅ pass";
  const severities = SEVERITIES.filter((s) => v.bySeverity[s] > 0).map((s) => `${v.bySeverity[s]} ${s}`);
  const facts = [
    `fail-on ${mdCode(failOn)}`,
    `${total} finding${total === 1 ? "" : "s"}${severities.length > 0 ? ` (${severities.join(", ")})` : ""}, ${reached} at or above ${failOn}`,
  ];
  if (v.drifted !== undefined) facts.push(`${v.drifted} drifted resource${v.drifted === 1 ? "" : "s"}`);
  if (v.suppressedBy) {
    const s = v.suppressedBy;
    const n = s.inline + s.waiver + s.baseline;
    facts.push(`${n} suppressed${n > 0 ? ` (${s.inline} inline, ${s.waiver} waiver, ${s.baseline} baseline)` : ""}`);
  }
  facts.push(v.config !== undefined ? `config ${mdCode(v.config)}` : "no config file");
  const lines = [`## ${title}: ${verdict}`, "", facts.join(" · "), ""];
  for (const e of v.errors) lines.push(`> ❌ ${mdText(e)}`, "");
  return lines.join("\n");
}
