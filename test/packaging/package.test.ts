import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/shared.js";

/** What `npm pack` ships. */
describe("the npm package", () => {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
    bin: Record<string, string>;
  };

  it("builds before packing, so a pack from a clean checkout is never without dist/", () => {
    expect(pkg.scripts["prepack"]).toBe("npm run build");
  });

  it("ships the config schema that the unknown-key error names, the CLI and the bundled policies", () => {
    // --ignore-scripts: list the files without rebuilding (the build ran before the tests).
    const listing = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: repoRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const files = new Set((JSON.parse(listing) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
    expect(files).toContain("src/config/config.schema.json");
    expect(files).toContain(pkg.bin["planguard"]!);
    expect([...files].some((f) => f.startsWith("policies/"))).toBe(true);
    expect(
      [...files].filter(
        (f) => f.startsWith("test/") || (f.startsWith("src/") && f !== "src/config/config.schema.json"),
      ),
    ).toEqual([]);
    const configSource = readFileSync(path.join(repoRoot, "src", "config", "config.ts"), "utf8");
    expect(configSource).toContain("see src/config/config.schema.json");
  });

  it("gives the schema an $id that is the raw JSON at its own path, not a web page about it", () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, "src", "config", "config.schema.json"), "utf8")) as {
      $id: string;
    };
    const id = new URL(schema.$id);
    expect(id.hostname).toBe("raw.githubusercontent.com");
    // /<owner>/<repository>/<branch>/<path in the repository>
    expect(id.pathname.split("/").slice(4).join("/")).toBe("src/config/config.schema.json");
    expect(id.pathname.split("/").slice(1, 3)).toEqual(["planguard", "planguard"]);
  });
});
