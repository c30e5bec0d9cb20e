import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScan } from "../../src/scan/run.js";
import { buildSourceIndex } from "../../src/source/index.js";
import { fixturePath } from "../helpers/shared.js";
import { runCli } from "../helpers/cli.js";

/**
 * A checkout (with .git) beside a directory that stands for the rest of the
 * machine: its .tf text carries a "secret" in a suppression comment, which
 * must never be read, let alone reported.
 */
const SECRET = "AWS_SECRET_ACCESS_KEY=hunter2";
const DECOY = `# planguard:ignore PG-AWS-IAM-001 ${SECRET}\nresource "aws_iam_policy" "platform_admin" {\n  name = "x"\n}\n`;

function layout(): { repo: string; outside: string } {
  const top = mkdtempSync(path.join(tmpdir(), "planguard-outside-"));
  const repo = path.join(top, "checkout");
  const outside = path.join(top, "etc");
  mkdirSync(path.join(repo, ".git"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(outside, "secrets.tf"), DECOY);
  return { repo, outside };
}

/** PG-AWS-IAM-001's failing plan, its policy moved into module "m" whose source is `source`. */
function planWithModule(repo: string, source: string): string {
  const plan = JSON.parse(readFileSync(fixturePath("rules", "PG-AWS-IAM-001", "fail.json"), "utf8"));
  const rc = plan.resource_changes[0];
  rc.address = "module.m.aws_iam_policy.platform_admin";
  rc.module_address = "module.m";
  plan.configuration = {
    root_module: {
      module_calls: {
        m: {
          source,
          module: {
            resources: [
              {
                address: "aws_iam_policy.platform_admin",
                mode: "managed",
                type: "aws_iam_policy",
                name: "platform_admin",
              },
            ],
          },
        },
      },
    },
  };
  const file = path.join(repo, "plan.json");
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

describe("nothing outside the repository is read", () => {
  it("a module source leading out of the repository is not followed", async () => {
    const { repo } = layout();
    writeFileSync(path.join(repo, "main.tf"), 'module "m" {\n  source = "../etc"\n}\n');
    const plan = planWithModule(repo, "../etc");
    const result = await runScan({ files: [plan], config: {}, source: { sourceDir: repo, repoRoot: repo } });
    const finding = result.findings.find((f) => f.ruleId === "PG-AWS-IAM-001");
    expect(finding).toBeDefined();
    expect(finding!.suppression).toBeUndefined();
    expect(JSON.stringify(result)).not.toContain("hunter2");
  });

  it("a .tf symlinked to a file outside the repository is not read, through the CLI either", async () => {
    const { repo, outside } = layout();
    symlinkSync(path.join(outside, "secrets.tf"), path.join(repo, "main.tf"));
    const plan = path.join(repo, "plan.json");
    writeFileSync(plan, readFileSync(fixturePath("rules", "PG-AWS-IAM-001", "fail.json")));
    const index = await buildSourceIndex({ sourceDir: repo, repoRoot: repo });
    expect(index.files()).toEqual([]);
    for (const format of ["text", "json", "sarif", "markdown"]) {
      const run = await runCli(["scan", plan, "--source-dir", repo, "-f", format]);
      expect(run.code, format).toBe(1);
      expect(run.stdout + run.stderr, format).not.toContain("hunter2");
    }
  });

  it("a symlinked module directory pointing out of the repository is not read", async () => {
    const { repo, outside } = layout();
    symlinkSync(outside, path.join(repo, "mod"));
    writeFileSync(path.join(repo, "main.tf"), 'module "m" {\n  source = "./mod"\n}\n');
    const plan = planWithModule(repo, "./mod");
    const result = await runScan({ files: [plan], config: {}, source: { sourceDir: repo, repoRoot: repo } });
    expect(result.findings.find((f) => f.ruleId === "PG-AWS-IAM-001")?.suppression).toBeUndefined();
  });

  it("a .tf that is a FIFO is skipped, not waited on", async () => {
    const { repo } = layout();
    const { execFileSync } = await import("node:child_process");
    execFileSync("mkfifo", [path.join(repo, "main.tf")]);
    const index = await buildSourceIndex({ sourceDir: repo, repoRoot: repo });
    expect(index.files()).toEqual([]);
  });

  it("symlinks that stay inside the repository are still followed", async () => {
    const { repo } = layout();
    mkdirSync(path.join(repo, "shared"));
    writeFileSync(path.join(repo, "shared", "policy.tf"), DECOY.replace(SECRET, "reviewed"));
    symlinkSync(path.join(repo, "shared", "policy.tf"), path.join(repo, "main.tf"));
    const plan = path.join(repo, "plan.json");
    writeFileSync(plan, readFileSync(fixturePath("rules", "PG-AWS-IAM-001", "fail.json")));
    const result = await runScan({ files: [plan], config: {}, source: { sourceDir: repo, repoRoot: repo } });
    expect(result.findings.find((f) => f.ruleId === "PG-AWS-IAM-001")?.suppression).toMatchObject({
      kind: "inline",
      reason: "reviewed",
      origin: "main.tf:1",
    });
  });
});
