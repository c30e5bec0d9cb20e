import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

/**
 * The plan lives in infra/ beside its root module; the pull request adds a
 * decoy main.tf at the top of the checkout (the working directory) with an
 * inline suppression above a copy of the real resource's header.
 */
const REAL = 'resource "aws_iam_policy" "platform_admin" {\n  name = "platform-admin"\n}\n';
const decoy = (reason: string) => `# planguard:ignore PG-AWS-IAM-001 ${reason}\n${REAL}`;

function checkout(): { repo: string; plan: string } {
  const repo = mkdtempSync(path.join(tmpdir(), "planguard-decoy-"));
  mkdirSync(path.join(repo, ".git"));
  mkdirSync(path.join(repo, "infra"));
  writeFileSync(path.join(repo, "infra", "main.tf"), REAL);
  const plan = JSON.parse(readFileSync(fixturePath("rules", "PG-AWS-IAM-001", "fail.json"), "utf8"));
  plan.configuration = {
    root_module: {
      resources: [
        { address: "aws_iam_policy.platform_admin", mode: "managed", type: "aws_iam_policy", name: "platform_admin" },
      ],
    },
  };
  writeFileSync(path.join(repo, "infra", "plan.json"), JSON.stringify(plan));
  return { repo, plan: path.join("infra", "plan.json") };
}

async function inDir<T>(dir: string, run: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    return await run();
  } finally {
    process.chdir(previous);
  }
}

describe("the source directory is the plan's root module, not any directory with .tf files", () => {
  it("a decoy main.tf in the working directory does not silence the finding: the tie is refused, naming --source-dir", async () => {
    const { repo, plan } = checkout();
    writeFileSync(path.join(repo, "main.tf"), decoy("decoy says fine"));
    const run = await inDir(repo, () => runCli(["scan", plan, "-f", "json"]));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^planguard: infra\/plan\.json: cannot tell which directory is the plan's root module: infra and \. both declare its resources; name it with --source-dir/m,
    );
    expect(run.stdout).toBe("");
  });

  it("with --source-dir the named directory decides, and the finding points into it", async () => {
    const { repo, plan } = checkout();
    writeFileSync(path.join(repo, "main.tf"), decoy("decoy says fine"));
    const run = await inDir(repo, () => runCli(["scan", plan, "-f", "json", "--source-dir", "infra"]));
    expect(run.code).toBe(1);
    const finding = JSON.parse(run.stdout).findings.find((f: { ruleId: string }) => f.ruleId === "PG-AWS-IAM-001");
    expect(finding.suppression).toBeUndefined();
    expect(finding.source).toMatchObject({ file: "infra/main.tf", line: 1 });
  });

  it("a decoy that declares less of the root module than the plan's directory loses", async () => {
    const { repo, plan } = checkout();
    const doc = JSON.parse(readFileSync(path.join(repo, plan), "utf8"));
    doc.configuration.root_module.resources.push({
      address: "aws_s3_bucket.logs",
      mode: "managed",
      type: "aws_s3_bucket",
      name: "logs",
    });
    writeFileSync(path.join(repo, plan), JSON.stringify(doc));
    writeFileSync(path.join(repo, "infra", "main.tf"), REAL + 'resource "aws_s3_bucket" "logs" {}\n');
    writeFileSync(path.join(repo, "main.tf"), decoy("decoy says fine"));
    const run = await inDir(repo, () => runCli(["scan", plan, "-f", "json"]));
    expect(run.code).toBe(1);
    const finding = JSON.parse(run.stdout).findings.find((f: { ruleId: string }) => f.ruleId === "PG-AWS-IAM-001");
    expect(finding.suppression).toBeUndefined();
    expect(finding.source.file).toBe("infra/main.tf");
  });

  it("a plan saved away from its sources still finds them in the working directory, the root module", async () => {
    const { repo, plan } = checkout();
    writeFileSync(path.join(repo, "infra", "main.tf"), decoy("reviewed: break-glass role"));
    mkdirSync(path.join(repo, "out"));
    writeFileSync(path.join(repo, "out", "plan.json"), readFileSync(path.join(repo, plan)));
    const run = await inDir(path.join(repo, "infra"), () => runCli(["scan", "../out/plan.json", "-f", "json"]));
    expect(run.code).toBe(0);
    const finding = JSON.parse(run.stdout).findings.find((f: { ruleId: string }) => f.ruleId === "PG-AWS-IAM-001");
    expect(finding.suppression).toMatchObject({
      kind: "inline",
      reason: "reviewed: break-glass role",
      origin: "infra/main.tf:1",
    });
  });

  it("a working directory whose .tf files declare none of the plan's resources is not read", async () => {
    const { repo, plan } = checkout();
    writeFileSync(
      path.join(repo, "main.tf"),
      '# planguard:ignore PG-AWS-IAM-001 unrelated\nresource "aws_iam_policy" "other" {}\n',
    );
    const run = await inDir(repo, () => runCli(["scan", plan, "-f", "json"]));
    expect(run.code).toBe(1);
    const finding = JSON.parse(run.stdout).findings.find((f: { ruleId: string }) => f.ruleId === "PG-AWS-IAM-001");
    expect(finding.suppression).toBeUndefined();
    expect(finding.source.file).toBe("infra/main.tf");
  });
});
