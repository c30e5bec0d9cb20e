import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/shared.js";

/**
 * Every command line in the README's `sh` blocks that runs planguard is run
 * here, as a user would type it (bash, with `planguard` the built CLI), in a
 * copy of the example ML platform (plan.json, its .tf files and its
 * .planguard.yaml) so that `plan.json` means something. A command the table
 * below does not know fails the test, and so does a table entry the README
 * no longer has: the README and this test change together.
 */
const bin = path.join(repoRoot, "dist", "cli", "planguard.js");
const built = existsSync(bin);
if (!built) console.warn(`skipped: ${bin} is absent (run npm run build)`);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  dir: string;
}

/** What each README command must do. `fromRepo`: run in the repository (the first line builds and scans the example). */
const EXPECTED: Record<string, { fromRepo?: boolean; check: (run: Run) => void }> = {
  "node dist/cli/planguard.js scan examples/ml-platform/plan.json --config examples/ml-platform/.planguard.yaml": {
    fromRepo: true,
    check: (run) => {
      // "it prints findings in every pillar and exits 1"
      expect(run.code).toBe(1);
      for (const pillar of ["encryption", "iam", "network", "gpu"]) expect(run.stdout).toContain(`[${pillar}]`);
    },
  },
  "node dist/cli/planguard.js scan examples/ml-platform/plan-dev.json --config examples/ml-platform/.planguard.yaml": {
    fromRepo: true,
    check: (run) => {
      // "a dev environment that reaches into prod": the findings the README names.
      expect(run.code).toBe(1);
      for (const id of [
        "PG-GCP-GOV-002",
        "PG-AWS-GOV-002",
        "PG-AWS-GOV-003",
        "PG-GCP-GOV-003",
        "PG-GOV-002",
        "PG-GOV-001",
        "PG-AWS-GOV-010",
      ])
        expect(run.stdout).toContain(id);
    },
  },
  "planguard scan plan.json -o sarif=planguard.sarif -o html=planguard.html": {
    check: (run) => {
      expect(run.code).toBe(1);
      expect(JSON.parse(readFileSync(path.join(run.dir, "planguard.sarif"), "utf8")).version).toBe("2.1.0");
      expect(readFileSync(path.join(run.dir, "planguard.html"), "utf8")).toMatch(/^<!DOCTYPE html>/i);
    },
  },
  "planguard scan plan.json -f junitxml -o sarif=planguard.sarif > planguard.xml": {
    check: (run) => {
      expect(run.code).toBe(1);
      expect(readFileSync(path.join(run.dir, "planguard.xml"), "utf8")).toMatch(
        /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="planguard" tests="\d+" failures="[1-9]\d*"/,
      );
      expect(
        JSON.parse(readFileSync(path.join(run.dir, "planguard.sarif"), "utf8")).runs[0].results.length,
      ).toBeGreaterThan(0);
    },
  },
  "planguard scan plan.json --compact --fail-on high": {
    check: (run) => {
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^CRITICAL PG-/m);
      expect(run.stdout.trimEnd().split("\n").at(-1)).toMatch(/^exit 1: \d+ findings at or above high$/);
    },
  },
  "planguard scan plan.json --quiet --skip-rule CKV_AWS_3,PG-AWS-NET-003": {
    check: (run) => {
      expect(run.code).toBe(1);
      expect(run.stdout.split("\n")).toHaveLength(2);
      expect(run.stdout).toMatch(/^\d+ findings: .*\. exit 1: \d+ findings at or above low\n$/);
    },
  },
  "planguard scan plan.json --rule PG-AWS-EBS-001 -f json | head -1": {
    check: (run) => {
      // pipefail: planguard's own code (1: the EBS volume is unencrypted), and no EPIPE trace.
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("{\n");
    },
  },
  "planguard scan plan.json --policy policy/ --data exceptions.yaml": {
    check: (run) => {
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("unencrypted aws_ebs_volume");
    },
  },
  "planguard test policy/ lib/ -v": {
    check: (run) => {
      expect(run.code).toBe(0);
      // -v lists every test, then opa test's summary line.
      expect(run.stdout).toContain("test_blacklist");
      expect(run.stdout).toContain("test_limit");
      expect(run.stdout).toMatch(/^PASS: 2\/2$/m);
    },
  },
  "planguard test --rego-version v0 old-library/": {
    check: (run) => {
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^PASS: 1\/1$/m);
    },
  },
};

const V1_POLICY = `package main

blacklist := ["aws_ebs_volume"]

deny contains msg if {
  changeset := input.resource_changes[_]
  changeset.type == blacklist[_]
  "create" in changeset.change.actions
  not changeset.change.after.encrypted
  msg := sprintf("%-40s :: unencrypted %s", [changeset.address, changeset.type])
}
`;

/** The planguard command lines of the README's sh blocks, comments dropped. */
function readmeCommands(): string[] {
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const commands: string[] = [];
  for (const block of readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)) {
    for (const raw of block[1]!.split("\n")) {
      const line = raw.replace(/\s+#.*$/, "").trim();
      const built = /(?:^|&&\s*)(node dist\/cli\/planguard\.js .*)$/.exec(line);
      if (line.startsWith("planguard ")) commands.push(line);
      else if (built) commands.push(built[1]!);
    }
  }
  return commands;
}

/** A project like the reader's: the example's plan, sources and config, and the conftest policy the Rego example names. */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "planguard-readme-"));
  cpSync(path.join(repoRoot, "examples", "ml-platform"), dir, { recursive: true });
  // policy/: conftest's plan policy in today's (v1) syntax; old-library/: the same in v0.
  mkdirSync(path.join(dir, "policy"));
  writeFileSync(path.join(dir, "policy", "terraform.rego"), V1_POLICY);
  writeFileSync(
    path.join(dir, "policy", "terraform_test.rego"),
    'package main\n\ntest_blacklist if { blacklist[_] == "aws_ebs_volume" }\n',
  );
  mkdirSync(path.join(dir, "old-library"));
  copyFileSync(
    path.join(repoRoot, "fixtures", "conftest", "terraform.rego"),
    path.join(dir, "old-library", "terraform.rego"),
  );
  writeFileSync(
    path.join(dir, "old-library", "terraform_test.rego"),
    'package main\n\ntest_blacklist { blacklist[_] == "aws_ebs_volume" }\n',
  );
  // lib/: a helper package with its data file, loaded at data.limits as opa test does.
  mkdirSync(path.join(dir, "lib", "limits"), { recursive: true });
  writeFileSync(path.join(dir, "lib", "limits", "data.json"), '{"max_gpus": 8}\n');
  writeFileSync(
    path.join(dir, "lib", "limits", "limits.rego"),
    "package limits\n\ntest_limit if { data.limits.max_gpus == 8 }\n",
  );
  writeFileSync(path.join(dir, "exceptions.yaml"), "exceptions: []\n");
  return dir;
}

function run(command: string, cwd: string): Run {
  const script = `set -o pipefail\nplanguard() { "${process.execPath}" "${bin}" "$@"; }\n${command}\n`;
  const r = spawnSync("bash", ["-c", script], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, dir: cwd };
}

describe("the README's examples", () => {
  const commands = readmeCommands();

  it("are all known to this test, and this test knows no command the README dropped", () => {
    expect(commands.length).toBeGreaterThan(0);
    expect([...commands].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.skipIf(!built).each(commands)("%s", (command) => {
    const expected = EXPECTED[command];
    if (!expected) throw new Error(`README command not in the table: ${command}`);
    const result = run(command, expected.fromRepo ? repoRoot : project());
    // No example prints a warning or an error: each runs clean.
    expect(result.stderr).toBe("");
    expected.check(result);
  });
});
