import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/shared.js";

/**
 * docs/DESIGN.md's "Layout" block names the folders under src/: a line per
 * folder (`src/rego/       the Rego language: ... compiler/, eval/ ...`), and
 * in its description the subfolders it holds, as `name/`. The block must
 * name every folder under src/ down to two levels (deeper ones belong to
 * the folder's own README), and nothing that is not there.
 */

/** The text of the first fenced block after the "## Layout" heading. */
function layoutBlock(design: string): string {
  const section = design.split(/^## Layout\s*$/m)[1];
  if (section === undefined) throw new Error('docs/DESIGN.md has no "## Layout" section');
  const block = /^```[^\n]*\n([\s\S]*?)^```/m.exec(section);
  if (!block) throw new Error('docs/DESIGN.md\'s "## Layout" section has no code block');
  return block[1]!;
}

/** The src/ folders the block names: each line's own, and the `name/` its description mentions. */
function namedSrcFolders(block: string): Set<string> {
  const named = new Set<string>();
  for (const line of block.split("\n")) {
    const head = /^(src\/(?:[\w-]+\/)+)\s+(.*)$/.exec(line);
    if (!head) continue;
    const folder = head[1]!.replace(/\/$/, "");
    named.add(folder);
    // A subfolder is a bare `name/` (not part of a longer path such as a/b or a file name).
    for (const m of head[2]!.matchAll(/(?<![\w./-])([a-z][\w-]*)\/(?![\w.-])/g)) named.add(`${folder}/${m[1]}`);
  }
  return named;
}

function srcFolders(dir: string, depth: number): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const folder = `${dir}/${entry.name}`;
      return depth > 1 ? [folder, ...srcFolders(folder, depth - 1)] : [folder];
    });
}

describe("docs/DESIGN.md's layout", () => {
  const named = namedSrcFolders(layoutBlock(readFileSync(path.join(repoRoot, "docs/DESIGN.md"), "utf8")));

  it("reads folder lines and the subfolders their descriptions name", () => {
    const block = [
      "src/rego/       the language: compiler/, eval/, see src/rego/README.md and a/b",
      "src/drift/report/  formatters",
      "bench/   other/",
    ].join("\n");
    expect([...namedSrcFolders(block)].sort()).toEqual([
      "src/drift/report",
      "src/rego",
      "src/rego/compiler",
      "src/rego/eval",
    ]);
  });

  it("names only folders under src/ that exist", () => {
    const existing = new Set(srcFolders("src", 2));
    expect([...named].filter((folder) => !existing.has(folder))).toEqual([]);
  });

  it("names every folder under src/ (two levels down)", () => {
    expect(srcFolders("src", 2).filter((folder) => !named.has(folder))).toEqual([]);
  });
});
