import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The repository root that SARIF URIs are relative to: the nearest
 * directory above `from` that holds a `.git` (a directory, or a file in a
 * worktree), else `from` itself. No git binary needed.
 */
export function findRepoRoot(from: string): string {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, ".git"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(from);
    dir = parent;
  }
}
