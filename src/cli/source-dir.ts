import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { SourceOptions } from "../scan/locate.js";
import { findRepoRoot } from "../source/index.js";
import { UsageError } from "./exit.js";

/**
 * Where the .tf sources are: --source-dir, else the working directory when
 * it holds .tf files, else the directory of the first input that does
 * (`terraform show -json tfplan > plan.json` usually writes next to the
 * module). Reports are relative to --repo-root, else the git repository
 * around the sources, else the working directory (outside git, paths the
 * user typed stay as typed, never absolute).
 */
export function sourceOptions(flags: { sourceDir?: string; repoRoot?: string }, inputs: readonly string[]): SourceOptions {
  // A mistyped directory would silently leave every finding at line 1 of the plan.
  if (flags.sourceDir !== undefined) requireDirectory(flags.sourceDir, "--source-dir");
  if (flags.repoRoot !== undefined) requireDirectory(flags.repoRoot, "--repo-root");
  const sourceDir = path.resolve(flags.sourceDir ?? guessSourceDir(inputs));
  return { sourceDir, repoRoot: path.resolve(flags.repoRoot ?? gitRoot(sourceDir) ?? process.cwd()) };
}

function gitRoot(dir: string): string | undefined {
  const root = findRepoRoot(dir);
  return existsSync(path.join(root, ".git")) ? root : undefined;
}

function requireDirectory(dir: string, flag: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new UsageError(`${flag} ${dir}: no such directory`);
  }
  if (!isDir) throw new UsageError(`${flag} ${dir}: not a directory`);
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

export const SOURCE_DIR_HELP = "the root module's directory, where findings' .tf blocks are looked up (default: the working directory if it has .tf files, else the plan's directory)";
export const REPO_ROOT_HELP = "report paths relative to this directory (default: the git repository around the sources, else the working directory)";
