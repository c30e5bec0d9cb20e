import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { formatDriftMarkdown } from "../../src/drift/report/markdown.js";
import type { DriftReport } from "../../src/drift/types.js";
import { summarizeGpus } from "../../src/gpu/summary.js";
import type { Finding } from "../../src/policy/types.js";
import { formatMarkdown } from "../../src/report/markdown.js";
import { mdCode, mdText } from "../../src/report/markdown-text.js";
import type { ScanResult } from "../../src/scan/result.js";

/** GitHub renders GFM with raw HTML allowed (then sanitised); markdown-it with html:true shows what would get through. */
const md = new MarkdownIt({ html: true, linkify: false });

/** Values a pull request controls, each trying one way out of its place in the Markdown. */
const HOSTILE = [
  "a\rb",
  "tick`s``here`",
  "`",
  '<img src="https://evil.example/x.png">',
  "<!-- hide the rest",
  "pipe | in | cell",
  "ping @octocat and @org/team",
  "[click](javascript:alert(1))",
  "back\\slash\\",
  "**bold** _it_ ~~s~~ # h",
];

function hostileResult(value: string): ScanResult {
  const finding: Finding = {
    ruleId: "PG-TEST-001",
    severity: "high",
    category: value,
    message: value,
    resource: { address: `aws_s3_bucket.x["${value}"]`, type: "aws_s3_bucket", module: "" },
    fingerprint: "f",
    file: `plans/${value}.json`,
    source: { file: `infra/${value}.tf`, line: 3 },
  };
  return {
    tool: { name: "planguard", version: "0" },
    inputs: [
      {
        file: `plans/${value}.json`,
        kind: "plan",
        format: "plan",
        formatVersion: "1.2",
        resources: 1,
        judged: 1,
        warnings: [value],
      },
    ],
    rules: [],
    findings: [finding],
    failures: [],
    gpu: summarizeGpus([]),
  };
}

/** What the rendered HTML must never hold, whatever the value. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<img/i);
  expect(html).not.toContain("<!--");
  expect(html).not.toMatch(/href=/i);
  // A mention survives only where GitHub does not link it: in code, or with a zero-width space after the "@".
  expect(html.replace(/<code>[\s\S]*?<\/code>/g, "")).not.toMatch(/@[A-Za-z0-9]/);
}

/** The table rows of the rendered findings table, each with its cells. */
function tableRows(html: string): string[][] {
  const tables = html.split("<table>").slice(1);
  const findings = tables.find((t) => t.includes("<th>message</th>"))!;
  return [...findings.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .slice(1)
    .map((row) => [...row[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1]!));
}

describe("Markdown reports escape every data value", () => {
  for (const value of HOSTILE) {
    it(`the scan report keeps ${JSON.stringify(value)} in its cell, inert`, () => {
      const text = formatMarkdown(hostileResult(value));
      expect(text).not.toMatch(/\r/);
      const html = md.render(text);
      expectInert(html);
      const rows = tableRows(html);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toHaveLength(5);
    });

    it(`the drift report keeps ${JSON.stringify(value)} in its cell, inert`, () => {
      const report = {
        inputs: [{ file: `${value}.json`, kind: "plan", warnings: [value] }],
        resources: [
          {
            address: `aws_s3_bucket.x["${value}"]`,
            severity: "high",
            status: "changed",
            affectsPlan: false,
            changes: [
              {
                path: value,
                action: "changed",
                before: value,
                after: value,
                sensitive: false,
                unknown: false,
                affectsPlan: false,
              },
            ],
            introduced: [{ ruleId: value, severity: "high", category: value, message: value, title: value }],
            resolved: [],
            ignoredChanges: 0,
            id: value,
          },
        ],
        elsewhere: [],
        failures: [],
        findings: [],
        summary: {
          drifted: 1,
          changed: 1,
          deleted: 0,
          appeared: 0,
          ignored: 0,
          bySeverity: { critical: 0, high: 1, medium: 0, low: 0, info: 0 },
        },
      } as unknown as DriftReport;
      const text = formatDriftMarkdown(report);
      expect(text).not.toMatch(/\r/);
      expectInert(md.render(text));
    });
  }

  it("a value reads the same after rendering, as text and in a code span", () => {
    for (const value of HOSTILE.filter((v) => !v.includes("\r") && !v.includes("@"))) {
      expect(md.renderInline(mdText(value))).toBe(md.utils.escapeHtml(value));
      expect(md.renderInline(mdCode(value))).toBe(`<code>${md.utils.escapeHtml(value.replace(/\|/g, "\\|"))}</code>`);
    }
  });
});
