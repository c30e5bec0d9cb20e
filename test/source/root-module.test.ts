import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chooseRootModule, rootModuleBlocks } from "../../src/source/index.js";

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "planguard-root-"));
  mkdirSync(path.join(dir, ".git"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("rootModuleBlocks", () => {
  it("reads the configuration's root module: resources, data sources and module calls", () => {
    const configuration = {
      root_module: {
        resources: [
          { address: "aws_s3_bucket.a", mode: "managed", type: "aws_s3_bucket", name: "a" },
          { address: "data.aws_iam_policy_document.p", mode: "data", type: "aws_iam_policy_document", name: "p" },
        ],
        module_calls: { net: { source: "./net" } },
      },
    };
    expect(rootModuleBlocks(configuration, ["ignored.address"])).toEqual([
      { kind: "resource", labels: ["aws_s3_bucket", "a"] },
      { kind: "data", labels: ["aws_iam_policy_document", "p"] },
      { kind: "module", labels: ["net"] },
    ]);
  });

  it("falls back to the addresses (a state): instance keys dropped, a module's resources stand for its call", () => {
    expect(
      rootModuleBlocks(undefined, [
        'aws_instance.n["a"]',
        "aws_instance.n[1]",
        "module.pool[0].aws_instance.x",
        "data.aws_ami.u",
        "not an address",
      ]),
    ).toEqual([
      { kind: "resource", labels: ["aws_instance", "n"] },
      { kind: "module", labels: ["pool"] },
      { kind: "data", labels: ["aws_ami", "u"] },
    ]);
  });
});

describe("chooseRootModule", () => {
  const blocks = rootModuleBlocks(undefined, ["aws_s3_bucket.a", "aws_s3_bucket.b"]);

  it("takes the one directory that declares the most of the plan's blocks", async () => {
    const full = dirWith({ "main.tf": 'resource "aws_s3_bucket" "a" {}\nresource "aws_s3_bucket" "b" {}\n' });
    const part = dirWith({ "main.tf": 'resource "aws_s3_bucket" "a" {}\n' });
    expect(await chooseRootModule("plan.json", [part, full], blocks)).toBe(full);
    expect(await chooseRootModule("plan.json", [full, part], blocks)).toBe(full);
  });

  it("refuses a tie, naming both directories and --source-dir", async () => {
    const one = dirWith({ "main.tf": 'resource "aws_s3_bucket" "a" {}\n' });
    const two = dirWith({ "copy.tf": 'resource "aws_s3_bucket" "a" {}\n' });
    await expect(chooseRootModule("plan.json", [one, two], blocks)).rejects.toThrow(
      /plan\.json: cannot tell which directory is the plan's root module: .* and .* both declare its resources; name it with --source-dir/,
    );
  });

  it("counts one directory once, however it is named", async () => {
    const dir = dirWith({ "main.tf": 'resource "aws_s3_bucket" "a" {}\n' });
    expect(await chooseRootModule("plan.json", [dir, path.join(dir, ".")], blocks)).toBe(dir);
  });

  it("gives none when no directory declares any block, or the plan names none", async () => {
    const other = dirWith({ "main.tf": 'resource "aws_s3_bucket" "zzz" {}\n' });
    const empty = dirWith({});
    expect(await chooseRootModule("plan.json", [other, empty, path.join(empty, "missing")], blocks)).toBeUndefined();
    expect(await chooseRootModule("plan.json", [other], [])).toBeUndefined();
  });
});
