import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readRootBackend } from "../../src/governance/backend.js";

function moduleDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "pg-backend-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** A root module that is its own repository root. */
const twice = (dir: string): [string, string] => [dir, dir];

describe("the root module's backend", () => {
  it("reads constant strings and booleans, and notes settings that are not constants", async () => {
    const dir = moduleDir({
      "backend.tf":
        'terraform {\n  backend "s3" {\n    bucket       = "acme-tfstate-dev"\n    key          = "ml/${var.name}.tfstate"\n    encrypt      = var.encrypt\n    use_lockfile = false\n  }\n}\n',
    });
    const b = await readRootBackend(dir, dir);
    expect(b?.kind).toBe("backend");
    if (b?.kind !== "backend") return;
    expect(b.type).toBe("s3");
    expect(b.settings).toEqual({ bucket: "acme-tfstate-dev", use_lockfile: false });
    expect([...b.written].sort()).toEqual(["bucket", "encrypt", "key", "use_lockfile"]);
  });

  it("tells HCP Terraform's cloud block, no backend at all, and a directory without .tf files apart", async () => {
    expect(
      (
        await readRootBackend(
          ...twice(moduleDir({ "main.tf": 'terraform {\n  cloud {\n    organization = "acme"\n  }\n}\n' })),
        )
      )?.kind,
    ).toBe("cloud");
    expect(
      (await readRootBackend(...twice(moduleDir({ "main.tf": 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n' }))))
        ?.kind,
    ).toBe("none");
    expect(await readRootBackend(...twice(moduleDir({ "README.md": "no terraform here" })))).toBeUndefined();
  });
});
