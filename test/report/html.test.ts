import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { escapeHtml, jsonForScript } from "../../src/report/html/escape.js";
import { sourceLinker, sourceUrlTemplate } from "../../src/report/html/links.js";
import { formatHtml } from "../../src/report/html/scan.js";
import { runScan } from "../../src/scan/run.js";
import { syntheticResult } from "../helpers/synthetic-result.js";
import { summarizeHistory } from "../../src/drift/history-summary.js";
import { formatHistoryHtml } from "../../src/report/html/history.js";

const PAYLOADS = [
  "<script>window.__pwned=1</script>",
  '"><img src=x onerror="window.__pwned=2">',
  "</script><script>window.__pwned=3</script>",
];

/** The JSON the page's script reads, parsed back as the browser would. */
function pageData(html: string): { views: { id: string; rows: unknown[][]; notes: string[] }[] } {
  const m = /<script type="application\/json" id="pg-data">([\s\S]*?)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]!);
}

describe("escaping for the HTML report", () => {
  it("escapes the five HTML metacharacters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });

  it("writes JSON that cannot close its script element and reads back unchanged", () => {
    const value = { names: [...PAYLOADS, "<!-- x -->", "a\u2028b\u2029c", "&amp;"] };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe("links to the .tf sources", () => {
  it("fills the template with an encoded path and the line range", () => {
    const link = sourceLinker("https://git.example.com/acme/infra/-/blob/main/{path}#L{line}-{end_line}")!;
    expect(link("modules/gpu pool/main.tf", 7, 12)).toBe(
      "https://git.example.com/acme/infra/-/blob/main/modules/gpu%20pool/main.tf#L7-12",
    );
    expect(link("main.tf", 3)).toBe("https://git.example.com/acme/infra/-/blob/main/main.tf#L3-3");
  });

  it("links nothing outside the repository, and takes only http(s) templates", () => {
    const link = sourceLinker("https://example.com/{path}#L{line}")!;
    expect(link("../elsewhere/main.tf", 1)).toBeUndefined();
    expect(link("/etc/passwd", 1)).toBeUndefined();
    expect(sourceLinker("javascript:alert(1)//{path}")).toBeUndefined();
    expect(sourceLinker("data:text/html,{path}")).toBeUndefined();
  });

  it("builds the GitHub template from the Actions environment, the config's first", () => {
    const env = {
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_REPOSITORY: "acme/infra",
      GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
    };
    expect(sourceUrlTemplate(undefined, env)).toBe(
      "https://github.com/acme/infra/blob/0123456789abcdef0123456789abcdef01234567/{path}#L{line}-L{end_line}",
    );
    expect(sourceUrlTemplate("https://example.com/{path}", env)).toBe("https://example.com/{path}");
    expect(sourceUrlTemplate(undefined, { ...env, GITHUB_SHA: "not a sha" })).toBeUndefined();
    expect(sourceUrlTemplate(undefined, {})).toBeUndefined();
  });
});

describe("the HTML scan report", () => {
  it("allows exactly its own inline script and style in the Content-Security-Policy, and nothing from the network", async () => {
    const html = formatHtml(await runScan({ files: ["fixtures/html/hostile-plan.json"], config: {} }));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const sha = (t: string) => createHash("sha256").update(t).digest("base64");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'sha256-${sha(script)}'`);
    expect(csp).toContain(`style-src 'sha256-${sha(style)}'`);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
  });

  it("keeps every hostile value escaped: only its own two script elements, no tag from the plan", async () => {
    const result = await runScan({ files: ["fixtures/html/hostile-plan.json"], config: {} });
    const html = formatHtml(result);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("window.__pwned=1</script>");
    // The payloads are still there, as data: in the GPU charts' labels and in the table data.
    expect(html).toContain(escapeHtml(PAYLOADS[1]!));
    const rows = pageData(html).views.find((v) => v.id === "findings")!.rows;
    expect(rows.map((r) => r[3])).toEqual(
      expect.arrayContaining([`aws_ebs_volume.vol["${PAYLOADS[0]}"]`, `aws_instance.gpu["${PAYLOADS[2]}"]`]),
    );
  });

  it("judges the verdict at --fail-on and counts findings as the JSON report does", async () => {
    const result = await runScan({ files: ["fixtures/html/hostile-plan.json"], config: {} });
    expect(formatHtml(result)).toContain('data-verdict="fail"');
    expect(formatHtml(result, { failOn: "critical" })).toContain('data-verdict="pass"');
    const html = formatHtml(result);
    expect(html).toContain('data-card="high">1<');
    expect(html).toContain('data-card="medium">1<');
    expect(html).toContain('data-card="suppressed">0<');
  });

  it("lists suppressed findings apart with reason and expiry", async () => {
    const result = await runScan({
      files: ["fixtures/html/hostile-plan.json"],
      config: { waivers: [{ rule: "PG-AWS-EBS-001", reason: "scratch <data> only", expires: "2099-01-01" }] },
      today: "2026-12-07",
    });
    const data = pageData(formatHtml(result));
    const suppressed = data.views.find((v) => v.id === "suppressed")!.rows;
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]).toEqual(
      expect.arrayContaining(["PG-AWS-EBS-001", "waiver", "scratch <data> only", "2099-01-01"]),
    );
    expect(data.views.find((v) => v.id === "findings")!.rows.map((r) => r[2])).not.toContain("PG-AWS-EBS-001");
  });

  it("stays under 10 MB with 25,000 findings, remediation stored once per rule", () => {
    const result = syntheticResult(25_000);
    const html = formatHtml(result, {
      link: sourceLinker(
        "https://github.com/acme/infra/blob/0123456789abcdef0123456789abcdef01234567/{path}#L{line}-L{end_line}",
      )!,
    });
    expect(Buffer.byteLength(html)).toBeLessThan(10 * 1024 * 1024);
    const findings = pageData(html).views.find((v) => v.id === "findings")!;
    expect(findings.rows).toHaveLength(25_000);
    expect(findings.notes.length).toBeLessThanOrEqual(result.rules.length);
  });
});

describe("the HTML drift history", () => {
  it("keeps addresses from the history as text, and shows the numbers of the summary", () => {
    const hostile = 'aws_s3_bucket.b["</script><img src=x onerror=alert(1)>"]';
    const bySeverity = { critical: 0, high: 1, medium: 0, low: 0, info: 0 };
    const summary = summarizeHistory(
      {
        records: ["2026-12-01T03:17:00Z", "2026-12-02T03:17:00Z"].map((time) => ({
          v: 1 as const,
          time,
          mode: "plan" as const,
          inputs: ["drift.json"],
          counts: {
            drifted: 1,
            changed: 1,
            deleted: 0,
            appeared: 0,
            ignored: 0,
            introduced: 0,
            resolved: 0,
            bySeverity,
          },
          failures: 0,
          resources: [
            {
              address: hostile,
              type: "aws_s3_bucket",
              status: "changed" as const,
              severity: "high" as const,
              fingerprint: "f",
            },
          ],
          findings: [],
        })),
        warnings: [],
      },
      "history.jsonl",
      { name: "planguard", version: "test" },
    );
    const html = formatHistoryHtml(summary);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toContain("<img");
    expect(html).toContain('data-card="runs">2<');
    expect(html).toContain('data-card="oldest">1 d<');
    const frequent = pageData(html).views.find((v) => v.id === "frequent")!;
    expect(frequent.rows[0]).toEqual(["high", hostile, "aws_s3_bucket", "2 of 2", "2026-12-02 03:17 UTC"]);
  });
});
