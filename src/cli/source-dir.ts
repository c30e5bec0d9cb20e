import path from "node:path";
import type { SourceOptions, SourceResolver } from "../scan/locate.js";
import { chooseRootModule, findRepoRoot, rootModuleBlocks } from "../source/index.js";

/**
 * Where the .tf sources are. With --source-dir, there. Without it, for each
 * scanned document, the root module it came from: the plan's directory or
 * the working directory, whichever declares the plan's root-module
 * resources (src/source/root-module.ts; a tie is refused). A directory that
 * merely holds .tf files is not enough: a decoy main.tf must not decide the
 * suppressions. Reports are relative to --repo-root, else the git
 * repository around the sources.
 */
export interface SourceChoice {
  source: SourceOptions | SourceResolver;
  /** The directory report paths are relative to; known once the scan has chosen its sources. */
  repoRoot(): string;
}

export function sourceOptions(flags: { sourceDir?: string; repoRoot?: string }, inputs: readonly string[]): SourceChoice {
  const explicitRoot = flags.repoRoot === undefined ? undefined : path.resolve(flags.repoRoot);
  if (flags.sourceDir !== undefined) {
    const sourceDir = path.resolve(flags.sourceDir);
    const source = { sourceDir, repoRoot: explicitRoot ?? findRepoRoot(sourceDir) };
    return { source, repoRoot: () => source.repoRoot };
  }
  let chosenRoot: string | undefined;
  const resolve: SourceResolver = async (file, configuration, addresses) => {
    const cwd = process.cwd();
    const candidates = file === "-" ? [cwd] : [path.dirname(path.resolve(file)), cwd];
    const sourceDir = await chooseRootModule(file, candidates, rootModuleBlocks(configuration, addresses));
    if (sourceDir === undefined) return undefined;
    const repoRoot = explicitRoot ?? findRepoRoot(sourceDir);
    chosenRoot ??= repoRoot;
    return { sourceDir, repoRoot };
  };
  return { source: resolve, repoRoot: () => explicitRoot ?? chosenRoot ?? defaultRoot(inputs) };
}

/** Without sources: the repository around the first plan, else around the working directory. */
function defaultRoot(inputs: readonly string[]): string {
  const first = inputs.find((f) => f !== "-");
  return findRepoRoot(first !== undefined ? path.dirname(path.resolve(first)) : process.cwd());
}

export const SOURCE_DIR_HELP = "the root module's directory, where findings' .tf blocks are looked up (default: the plan's directory or the working directory, whichever declares the plan's resources)";
export const REPO_ROOT_HELP = "report paths relative to this directory (default: the git repository around the sources)";
