import { readdirSync } from "node:fs";
import path from "node:path";
import type { SourceOptions } from "../scan/locate.js";
import { findRepoRoot } from "../source/index.js";

/**
 * Where the .tf sources are: --source-dir, else the working directory when
 * it holds .tf files, else the directory of the first input that does
 * (`terraform show -json tfplan > plan.json` usually writes next to the
 * module). Reports are relative to --repo-root, else the git repository
 * around the sources.
 */
export function sourceOptions(flags: { sourceDir?: string; repoRoot?: string }, inputs: readonly string[]): SourceOptions {
  const sourceDir = path.resolve(flags.sourceDir ?? guessSourceDir(inputs));
  return { sourceDir, repoRoot: path.resolve(flags.repoRoot ?? findRepoRoot(sourceDir)) };
}

function guessSourceDir(inputs: readonly string[]): string {
  const cwd = process.cwd();
  if (hasTfFiles(cwd)) return cwd;
  for (const file of inputs) {
    if (file === "-") continue;
    const dir = path.dirname(path.resolve(file));
    if (hasTfFiles(dir)) return dir;
  }
  return cwd;
}

function hasTfFiles(dir: string): boolean {
  try {
    return readdirSync(dir).some((name) => name.endsWith(".tf"));
  } catch {
    return false;
  }
}
