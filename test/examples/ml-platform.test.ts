import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/shared.js";

/**
 * examples/ml-platform/README.md says what the scan prints; this runs the
 * README's command and holds the README to it.
 */
const readme = readFileSync(path.join(repoRoot, "examples", "ml-platform", "README.md"), "utf8");

interface Row {
  resources: string[];
  rules: Set<string>;
  verdict: string;
}

/** The rows of the first table: plan.json's resources (the dev plan's table follows under "Two environments"). */
function tableRows(): Row[] {
  return readme
    .split("\n## Two environments")[0]!
    .split("\n")
    .filter((l) => l.startsWith("| `"))
    .map((l) => {
      const cells = l.split(" | ");
      return {
        resources: [...cells[0]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
        rules: new Set([...cells[1]!.matchAll(/PG-[A-Z0-9-]+/g)].map((m) => m[0])),
        verdict: cells[1]!,
      };
    });
}

/** A finding's resource belongs to a row that names it, or the module call it is in. */
const belongs = (address: string, resource: string) => address === resource || address.startsWith(`${resource}.`);

describe("examples/ml-platform/README.md", () => {
  it("shows the command the scan really runs with, its count line, and every resource's findings", async () => {
    const command = /```sh\nnode dist\/cli\/planguard\.js (scan [^\n]+)\n```/.exec(readme);
    expect(command).not.toBeNull();
    const previous = process.cwd();
    process.chdir(repoRoot);
    try {
      const text = await runCli([...command![1]!.split(" "), "--no-color"]);
      expect(text.code).toBe(1);
      // The README quotes the count line; it must be one of the lines the scan printed.
      const quoted = /```text\n([^\n]+)\n```/.exec(readme);
      expect(text.stdout.split("\n")).toContain(quoted![1]);
      expect(text.stdout).toMatch(/22 of 23 resources judged/);

      const json = await runCli([...command![1]!.split(" "), "-f", "json"]);
      // A finding about the root module (its backend) has no resource: its row is `(plan)`.
      const findings = (JSON.parse(json.stdout).findings as { ruleId: string; resource?: { address: string } }[]).map(
        (f) => ({ ...f, resource: f.resource ?? { address: "(plan)" } }),
      );
      const rows = tableRows();
      expect(rows.length).toBeGreaterThan(15);
      // Every finding is in the row of its resource, and every rule a row names was found there.
      for (const f of findings) {
        const row = rows.find((r) => r.resources.some((res) => belongs(f.resource.address, res)));
        expect(row, f.resource.address).toBeDefined();
        expect([...row!.rules], `${f.ruleId} on ${f.resource.address}`).toContain(f.ruleId);
      }
      for (const row of rows) {
        const found = new Set(
          findings.filter((f) => row.resources.some((res) => belongs(f.resource.address, res))).map((f) => f.ruleId),
        );
        expect(found, row.resources.join(", ")).toEqual(row.rules);
        if (row.verdict === "none" || row.verdict === "not judged") expect(found.size).toBe(0);
      }
    } finally {
      process.chdir(previous);
    }
  });
});
