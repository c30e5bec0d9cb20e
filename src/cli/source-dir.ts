import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { SourceOptions, SourceResolver } from "../scan/locate.js";
import { chooseRootModule, findRepoRoot, rootModuleBlocks } from "../source/index.js";
import { describeFsError } from "../input-error.js";
import { UsageError } from "./exit.js";

/**
 * Where the .tf sources are. With --source-dir, there. Without it, for each
 * scanned document, the root module it came from: the plan's directory or
 * the working directory, whichever declares the plan's root-module
 * resources (src/source/root-module.ts; a tie is refused). A directory that
 * merely holds .tf files is not enough: a decoy main.tf must not decide the
 * suppressions. Reports are relative to --repo-root, else the git
 * repository around the sources, else the working directory (outside git,
 * paths are never absolute).
 */
export interface SourceChoice {
  source: SourceOptions | SourceResolver;
  /** The directory report paths are relative to; known once the scan has chosen its sources. */
  repoRoot(): string;
}

export function sourceOptions(
  flags: { sourceDir?: string; repoRoot?: string },
  inputs: readonly string[],
): SourceChoice {
  // A mistyped directory would silently leave every finding at line 1 of the plan.
  if (flags.sourceDir !== undefined) requireDirectory(flags.sourceDir, "--source-dir");
  if (flags.repoRoot !== undefined) requireDirectory(flags.repoRoot, "--repo-root");
  const explicitRoot = flags.repoRoot === undefined ? undefined : path.resolve(flags.repoRoot);
  if (flags.sourceDir !== undefined) {
    const sourceDir = path.resolve(flags.sourceDir);
    const source = { sourceDir, repoRoot: explicitRoot ?? defaultRoot(sourceDir) };
    return { source, repoRoot: () => source.repoRoot };
  }
  let chosenRoot: string | undefined;
  const resolve: SourceResolver = async (file, configuration, addresses) => {
    const cwd = process.cwd();
    const candidates = file === "-" ? [cwd] : [path.dirname(path.resolve(file)), cwd];
    const sourceDir = await chooseRootModule(file, candidates, rootModuleBlocks(configuration, addresses));
    if (sourceDir === undefined) return undefined;
    const repoRoot = explicitRoot ?? defaultRoot(sourceDir);
    chosenRoot ??= repoRoot;
    return { sourceDir, repoRoot };
  };
  return {
    source: resolve,
    repoRoot: () => {
      if (explicitRoot !== undefined) return explicitRoot;
      if (chosenRoot !== undefined) return chosenRoot;
      const first = inputs.find((f) => f !== "-");
      return defaultRoot(first !== undefined ? path.dirname(path.resolve(first)) : process.cwd());
    },
  };
}

/**
 * The git repository around `dir`; outside git, the working directory when
 * `dir` is inside it (report paths stay relative), else `dir` itself. The
 * root also bounds which .tf files may be read, so it never widens beyond
 * the directory the sources are in or the working directory.
 */
function defaultRoot(dir: string): string {
  const root = findRepoRoot(dir);
  if (existsSync(path.join(root, ".git"))) return root;
  const cwd = process.cwd();
  const relative = path.relative(cwd, dir);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative)) ? cwd : dir;
}

function requireDirectory(dir: string, flag: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${flag} ${dir}: ${code === "ENOENT" || code === "ENOTDIR" ? "no such directory" : describeFsError(err)}`,
    );
  }
  if (!isDir) throw new UsageError(`${flag} ${dir}: not a directory`);
}
