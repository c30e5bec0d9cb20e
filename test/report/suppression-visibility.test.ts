import { describe, expect, it } from "vitest";
import { summarizeGpus } from "../../src/gpu/summary.js";
import type { Finding, Suppression } from "../../src/policy/types.js";
import { formatGithub } from "../../src/report/github.js";
import { formatJson } from "../../src/report/json.js";
import { formatMarkdown } from "../../src/report/markdown.js";
import type { ScanResult } from "../../src/scan/result.js";

function finding(n: number, suppression?: Suppression): Finding {
  return {
    ruleId: "PG-AWS-IAM-001",
    severity: "critical",
    category: "iam",
    message: "allows every action",
    resource: { address: `aws_iam_policy.p${n}`, type: "aws_iam_policy", module: "" },
    fingerprint: `f${n}`,
    file: "infra/plan.json",
    ...(suppression ? { suppression } : {}),
  };
}

function result(findings: Finding[]): ScanResult {
  return {
    tool: { name: "planguard", version: "0" },
    inputs: [
      {
        file: "infra/plan.json",
        kind: "plan",
        format: "plan",
        formatVersion: "1.2",
        resources: 4,
        judged: 4,
        warnings: [],
      },
    ],
    rules: [],
    findings,
    failures: [],
    gpu: summarizeGpus([]),
  };
}

/** Everything suppressed, one way each (two inline): nothing is left for the exit code. */
const allSuppressed = result([
  finding(1, { kind: "inline", reason: "decoy says fine", origin: "main.tf:1" }),
  finding(2, { kind: "inline", reason: "", origin: "infra/main.tf:9" }),
  finding(3, { kind: "waiver", reason: "ticket 12", origin: ".planguard.yaml" }),
  finding(4, { kind: "baseline", reason: "in the baseline", origin: "baseline.json" }),
]);

describe("suppressions are visible where reviewers look", () => {
  it("the job summary counts them by kind and lists each with where it is written, also when no finding is left", () => {
    const md = formatMarkdown(allSuppressed);
    expect(md).toContain("No findings in `infra/plan.json` (4 suppressed: 2 inline, 1 waiver, 1 baseline).");
    expect(md).toContain("### Suppressed");
    expect(md).toContain("| `PG-AWS-IAM-001` | `aws_iam_policy.p1` | inline | `main.tf:1` | decoy says fine |");
    expect(md).toContain("| `PG-AWS-IAM-001` | `aws_iam_policy.p2` | inline | `infra/main.tf:9` | no reason given |");
    expect(md).toContain("| waiver | `.planguard.yaml` | ticket 12 |");
  });

  it("the annotations end with a notice counting them and naming where they are written, also when no finding is left", () => {
    const lines = formatGithub(allSuppressed, { baseDir: "/", perLevel: 10 }).trimEnd().split("\n");
    expect(lines).toEqual([
      "::notice title=planguard%3A 4 findings suppressed::4 suppressed: 2 inline, 1 waiver, 1 baseline (inline main.tf:1; inline infra/main.tf:9; waiver .planguard.yaml; baseline baseline.json).",
    ]);
  });

  it("the notice takes a notice slot, so GitHub's 10 per level still shows it", () => {
    const lows = Array.from({ length: 12 }, (_, i) => ({ ...finding(10 + i), severity: "low" as const }));
    const lines = formatGithub(result([...lows, finding(1, { kind: "inline", reason: "x", origin: "main.tf:1" })]), {
      baseDir: "/",
      perLevel: 10,
    })
      .trimEnd()
      .split("\n");
    expect(lines.filter((l) => l.startsWith("::notice"))).toHaveLength(10);
    expect(lines.some((l) => l.startsWith("::notice title=planguard%3A 1 finding suppressed::"))).toBe(true);
    expect(lines.at(-1)).toMatch(/^::notice title=planguard::4 more findings are not annotated/);
  });

  it("the JSON summary counts them by kind", () => {
    expect(JSON.parse(formatJson(allSuppressed)).summary).toMatchObject({
      total: 0,
      suppressed: 4,
      suppressedBy: { inline: 2, waiver: 1, baseline: 1 },
    });
  });

  it("no notice and no section when nothing is suppressed", () => {
    const plain = result([finding(1)]);
    expect(formatGithub(plain, { baseDir: "/", perLevel: 10 })).not.toContain("suppressed");
    expect(formatMarkdown(plain)).not.toContain("Suppressed");
  });
});
