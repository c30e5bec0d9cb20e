import { realpath } from "node:fs/promises";
import path from "node:path";
import { parseAddress } from "../plan/address.js";
import type { SourceLocation } from "../policy/types.js";
import { findMember } from "./attribute.js";
import { blockSuppressions } from "./block-comments.js";
import { isBelow, loadModuleDir, type BlockRef, type ModuleDir } from "./module-files.js";
import { configModuleSources, isLocalSource, localModuleDirs, type ModuleSources } from "./module-tree.js";
import type { InlineSuppression } from "./suppressions.js";

/**
 * Maps resource addresses to the .tf file and line of their block, so that
 * SARIF results and annotations point at source, not at the plan.
 *
 * Module directories come from the plan's configuration: a local `source`
 * is a directory relative to the calling module; a registry or git module
 * has no code in the repository, so its resources (and those of modules it
 * calls) point at the `module` block that calls it. Without a configuration
 * (state), or for a call the configuration does not list, the `module "X"`
 * block in the caller is read and its `source` followed when local.
 *
 * Everything is read when the index is built (each module directory once,
 * each file scanned once); lookups after that are synchronous map accesses.
 *
 * Nothing outside the repository is read: a module directory is read only
 * when its real path (symlinks resolved) is below the repository root's, so
 * a `source = "../../../../etc"` or a symlinked directory leads nowhere.
 * When the source directory itself is outside the repository root (both
 * named on the command line), the source directory is the limit instead.
 */
export interface SourceIndexOptions {
  /** The root module's directory. */
  sourceDir: string;
  /** Locations are written relative to this (the repository root). */
  repoRoot: string;
  /** The plan's `configuration` object; absent for state. */
  configuration?: unknown;
}

/** Where a module's code is: a local directory, or only the call site of a remote module. */
interface ModuleSite {
  dir?: string;
  /** The outermost `module` block in repository code that stands for remote code. */
  callSite?: BlockRef;
  /** The module blocks that lead here, outermost first: their suppressions apply inside. */
  calls: BlockRef[];
  /** This call's own `module` block, when it is in repository code. */
  self?: BlockRef;
}

/** What an address names: a block in a module, or (with no block) the module call itself. */
interface Target {
  modules: string[];
  block?: { kind: "resource" | "data"; labels: [string, string] };
}

/** A cap on module directories, in case local sources lead somewhere unexpected (a huge tree). */
const MAX_DIRS = 10_000;

export async function buildSourceIndex(options: SourceIndexOptions): Promise<SourceIndex> {
  const rootDir = path.resolve(options.sourceDir);
  const sources = configModuleSources(options.configuration);
  const dirs = new Map<string, ModuleDir>();
  const boundary = await readBoundary(rootDir, path.resolve(options.repoRoot));
  const load = async (dir: string): Promise<ModuleDir> => {
    if (boundary === undefined) return emptyModuleDir(dir);
    // A directory that cannot be resolved (gone, a broken link) has no files to read.
    const real = await realpath(dir).catch(() => undefined);
    return real !== undefined && isBelow(real, boundary) ? loadModuleDir(dir, boundary) : emptyModuleDir(dir);
  };
  let queue = localModuleDirs(sources, rootDir);
  while (queue.length > 0 && dirs.size < MAX_DIRS) {
    const batch = [...new Set(queue)].filter((d) => !dirs.has(d)).slice(0, MAX_DIRS - dirs.size);
    queue = [];
    for (const loaded of await Promise.all(batch.map(load))) {
      dirs.set(loaded.dir, loaded);
      // Local module blocks are followed too: state has no configuration to name them.
      for (const file of loaded.files) {
        for (const block of file.hcl.blocks) {
          const source = block.strings["source"];
          if (block.kind === "module" && isLocalSource(source)) queue.push(path.resolve(loaded.dir, source));
        }
      }
    }
  }
  return new SourceIndex(rootDir, path.resolve(options.repoRoot), sources, dirs);
}

/** The real path below which files may be read: the repository root's, or the source directory's when that is outside it. */
async function readBoundary(rootDir: string, repoRoot: string): Promise<string | undefined> {
  const root = await realpath(rootDir).catch(() => undefined);
  if (root === undefined) return undefined;
  const repo = await realpath(repoRoot).catch(() => undefined);
  return repo !== undefined && isBelow(root, repo) ? repo : root;
}

/** A module directory that is not read (outside the repository, or missing). */
function emptyModuleDir(dir: string): ModuleDir {
  return { dir, files: [], block: () => undefined };
}

export class SourceIndex {
  private readonly sites = new Map<string, ModuleSite | null>();
  private readonly suppressionCache = new Map<BlockRef["block"], InlineSuppression[]>();
  private readonly root: ModuleSite;

  /** Use buildSourceIndex (or SourceIndex.build), which reads the files first. */
  constructor(
    rootDir: string,
    private readonly repoRoot: string,
    private readonly sources: ModuleSources,
    private readonly dirs: ReadonlyMap<string, ModuleDir>,
  ) {
    this.root = { dir: rootDir, calls: [] };
  }

  static build(options: SourceIndexOptions): Promise<SourceIndex> {
    return buildSourceIndex(options);
  }

  /**
   * The block of a resource instance: `line`..`endLine` is the block. With
   * an attribute path found inside it, the range is that attribute's or
   * nested block's own lines instead. A resource of a registry module is
   * its `module` block in the caller. `module.a[0].module.b` (a module call
   * address) is the `module "b"` block.
   */
  locate(address: string, attribute?: string): SourceLocation | undefined {
    const target = parseTarget(address);
    if (!target) return undefined;
    const site = this.siteOf(target.modules);
    if (!site) return undefined;
    const ref = this.blockOf(site, target);
    if (!ref) return undefined;
    const where: SourceLocation = {
      file: this.relative(ref.file.path),
      line: ref.block.line,
      endLine: ref.block.endLine,
    };
    if (attribute && target.block && site.dir !== undefined) {
      const member = findMember(ref.block.members, attribute);
      if (member) {
        where.line = member.line;
        where.endLine = member.endLine;
      }
    }
    return where;
  }

  /**
   * Suppression comments for an address: those inside its block or on the
   * comment lines directly above it, and those of every `module` block that
   * leads to it (a suppression on a module block applies to every resource
   * in that module call, nested calls included).
   */
  inlineSuppressions(address: string): InlineSuppression[] {
    const target = parseTarget(address);
    if (!target) return [];
    const site = this.siteOf(target.modules);
    if (!site) return [];
    const refs = [...site.calls];
    const own = site.dir !== undefined ? this.blockOf(site, target) : undefined;
    if (own && !refs.includes(own)) refs.push(own);
    return refs.flatMap((ref) => this.suppressionsOf(ref));
  }

  /** The absolute paths of the .tf files read, for diagnostics. */
  files(): string[] {
    return [...this.dirs.values()].flatMap((d) => d.files.map((f) => f.path));
  }

  private blockOf(site: ModuleSite, target: Target): BlockRef | undefined {
    // A call inside remote code has no block of its own: the remote module's call site stands for it.
    if (!target.block) return site.self ?? site.callSite;
    if (site.dir !== undefined) return this.dirs.get(site.dir)?.block(target.block.kind, target.block.labels);
    return site.callSite;
  }

  private suppressionsOf(ref: BlockRef): InlineSuppression[] {
    let found = this.suppressionCache.get(ref.block);
    if (!found) {
      found = blockSuppressions(ref.file.hcl, ref.block, this.relative(ref.file.path));
      this.suppressionCache.set(ref.block, found);
    }
    return found.map((s) => ({ ...s }));
  }

  /** The site of a module call path, memoized per path. */
  private siteOf(names: readonly string[]): ModuleSite | undefined {
    let site = this.root;
    let key = "";
    for (const name of names) {
      key = key === "" ? name : `${key}.${name}`;
      let next = this.sites.get(key);
      if (next === undefined) {
        next = this.childSite(site, key, name) ?? null;
        this.sites.set(key, next);
      }
      if (next === null) return undefined;
      site = next;
    }
    return site;
  }

  private childSite(parent: ModuleSite, key: string, name: string): ModuleSite | undefined {
    // Inside remote code every nested call is still that remote module's call site.
    if (parent.dir === undefined)
      return parent.callSite ? { callSite: parent.callSite, calls: parent.calls } : undefined;
    const call = this.dirs.get(parent.dir)?.block("module", [name]);
    const source = this.sources.get(key) ?? call?.block.strings["source"];
    const site: ModuleSite = { calls: call ? [...parent.calls, call] : parent.calls };
    if (call) site.self = call;
    if (isLocalSource(source)) site.dir = path.resolve(parent.dir, source);
    else if (call) site.callSite = call;
    else return undefined;
    return site;
  }

  /** Relative to the repository root with forward slashes; absolute when the file is outside it. */
  private relative(file: string): string {
    const rel = path.relative(this.repoRoot, file);
    const outside = rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
    return (outside ? file : rel).split(path.sep).join("/");
  }
}

/** A resource instance address, or a module call address (`module.a[0].module.b`). */
function parseTarget(address: string): Target | undefined {
  const parsed = parseAddress(address);
  if (parsed) {
    return {
      modules: parsed.modules.map((m) => m.name),
      block: { kind: parsed.mode === "data" ? "data" : "resource", labels: [parsed.type, parsed.name] },
    };
  }
  // A module address is a resource address without its last two steps: add two that cannot occur, and check they come back.
  const probe = parseAddress(`${address}.\u0000.\u0001`);
  if (
    probe &&
    probe.mode === "managed" &&
    probe.type === "\u0000" &&
    probe.name === "\u0001" &&
    probe.modules.length > 0
  ) {
    return { modules: probe.modules.map((m) => m.name) };
  }
  return undefined;
}
