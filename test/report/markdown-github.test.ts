import { describe, expect, it } from "vitest";
import { summarizeGpus } from "../../src/gpu/summary.js";
import type { Finding, Severity } from "../../src/policy/types.js";
import { escapeData, escapeProperty, formatGithub } from "../../src/report/github.js";
import { formatMarkdown } from "../../src/report/markdown.js";
import type { ScanResult } from "../../src/scan/result.js";

function finding(i: number, severity: Severity): Finding {
  return {
    ruleId: `PG-TEST-${String(i).padStart(3, "0")}`,
    severity,
    category: i % 2 === 0 ? "network" : "iam",
    message: `Finding ${i}: 100% bad, with a, comma`,
    resource: { address: `aws_instance.n[${i}]`, type: "aws_instance", module: "" },
    fingerprint: `f${i}`,
    file: "plan.json",
    source: { file: "infra/main.tf", line: 10 + i, endLine: 20 + i },
  };
}

function result(findings: Finding[]): ScanResult {
  return {
    tool: { name: "planguard", version: "0" },
    inputs: [
      { file: "plan.json", kind: "plan", format: "plan", formatVersion: "1.2", resources: 1, judged: 1, warnings: [] },
    ],
    rules: [],
    findings,
    failures: [],
    gpu: summarizeGpus([]),
  };
}

describe("GitHub annotations", () => {
  it("ranks by severity, caps each level at 10 and counts the rest in a final notice", () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding(i, "low")),
      ...Array.from({ length: 13 }, (_, i) => finding(100 + i, "critical")),
      ...Array.from({ length: 3 }, (_, i) => finding(200 + i, "medium")),
    ];
    const lines = formatGithub(result(findings), { baseDir: "/", perLevel: 10 }).trimEnd().split("\n");
    const count = (prefix: string) => lines.filter((l) => l.startsWith(prefix)).length;
    expect(count("::error ")).toBe(10);
    expect(count("::warning ")).toBe(3);
    expect(count("::notice file=")).toBe(9);
    expect(count("::notice ")).toBe(10);
    expect(lines[0]).toMatch(
      /^::error file=infra\/main\.tf,line=110,endLine=120,title=PG-TEST-100 aws_instance\.n\[100\]::\[critical\] /,
    );
    expect(lines.at(-1)).toMatch(/^::notice title=planguard::6 more findings are not annotated/);
  });

  it("escapes workflow command data and properties", () => {
    expect(escapeData("50%\r\nnext")).toBe("50%25%0D%0Anext");
    expect(escapeProperty("a:b,c")).toBe("a%3Ab%2Cc");
    const line = formatGithub(result([finding(1, "high")]), { baseDir: "/", perLevel: 10 });
    expect(line).toContain("::[high] Finding 1: 100%25 bad, with a, comma");
  });
});

describe("Markdown report", () => {
  it("counts by severity and category and lists findings with file:line", () => {
    const md = formatMarkdown(result([finding(1, "high"), finding(2, "medium")]));
    expect(md).toContain("**2 findings**");
    expect(md).toMatch(/\| 🟧 high \| 1 \|/);
    expect(md).toMatch(/\| network \| 1 \|/);
    expect(md).toContain("`infra/main.tf:11`");
  });

  it("stays under its size cap and says how many findings it left out", () => {
    const findings = Array.from({ length: 2000 }, (_, i) => finding(i, "low"));
    const md = formatMarkdown(result(findings), { maxChars: 20_000 });
    expect(md.length).toBeLessThanOrEqual(20_000);
    const shown = md.split("\n").filter((l) => l.startsWith("| 🟦 low | `PG-")).length;
    expect(shown).toBeGreaterThan(10);
    expect(md).toContain(`_${2000 - shown} more findings left out`);
  });
});
