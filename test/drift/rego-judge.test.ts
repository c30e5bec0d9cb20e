import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

/**
 * The bundled Rego policies judge drift beside the TypeScript rules. The
 * scenario's security group drifted open to the world on SSH (a TypeScript
 * rule); here it is opened on 8888, Jupyter's port, which only the Rego
 * policy PG-AWS-NET-107 (ML and data service ports) judges.
 */
function jupyterDrift(): string {
  const plan = JSON.parse(readFileSync(fixturePath("drift", "refresh-only-scenario.json"), "utf8")) as {
    resource_drift: {
      type: string;
      change: { after: { ingress: { from_port: number; to_port: number; description: string }[] } };
    }[];
  };
  const group = plan.resource_drift.find((rc) => rc.type === "aws_security_group")!;
  const opened = group.change.after.ingress.find((rule) => rule.from_port === 22)!;
  Object.assign(opened, { from_port: 8888, to_port: 8888, description: "notebook for a demo" });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "planguard-drift-rego-")), "plan.json");
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

describe("drift is judged by the bundled Rego policies too", () => {
  it("reports a Rego rule's violation that the drift introduced", async () => {
    const run = await runCli(["drift", jupyterDrift(), "-f", "json"]);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as { resources: { address: string; introduced: { ruleId: string }[] }[] };
    const group = report.resources.find((r) => r.address === "aws_security_group.training")!;
    expect(group.introduced.map((v) => v.ruleId)).toContain("PG-AWS-NET-107");
    // SSH is no longer opened, so the TypeScript rule that judged it has nothing to say.
    expect(group.introduced.map((v) => v.ruleId)).not.toContain("PG-AWS-NET-001");
  });
});
