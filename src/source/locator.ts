import { readFile } from "node:fs/promises";
import path from "node:path";
import fg from "fast-glob";
import { parseAddress } from "../plan/address.js";
import type { SourceLocation } from "../policy/types.js";
import { scanHcl, type HclBlock, type HclFile } from "./hcl-scan.js";
import { parseSuppressions, type InlineSuppression } from "./suppressions.js";

/**
 * Maps resource addresses to the .tf file and line of their block, so that
 * SARIF results and annotations point at source, not at the plan. Module
 * directories come from the plan's configuration: a local `source` is a
 * directory relative to the calling module; a registry or git module has no
 * source here, so its resources point at the `module` block that calls it.
 * Without a configuration (state), local module blocks are found by name.
 */
export interface SourceIndexOptions {
  /** The root module's directory. */
  sourceDir: string;
  /** Locations are written relative to this (the repository root). */
  repoRoot: string;
  /** The plan's `configuration` object, when there is one. */
  configuration?: unknown;
}

interface ParsedFile {
  file: string;
  hcl: HclFile;
}

/** Where a module's code is: a local directory, or only a call site. */
interface ModuleSite {
  dir?: string;
  /** The `module` block in the caller that stands for a remote module. */
  callSite?: { dir: string; name: string };
  /** The module blocks that lead here, outermost first (their suppressions apply inside). */
  calls: { dir: string; name: string }[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isLocalSource = (s: unknown): s is string => typeof s === "string" && (s.startsWith("./") || s.startsWith("../") || s === "." || s === "..");

export class SourceIndex {
  private readonly files = new Map<string, Promise<ParsedFile[]>>();
  private readonly sites = new Map<string, ModuleSite>();

  private constructor(private readonly options: SourceIndexOptions) {}

  static async build(options: SourceIndexOptions): Promise<SourceIndex> {
    const index = new SourceIndex(options);
    const root: ModuleSite = { dir: path.resolve(options.sourceDir), calls: [] };
    index.sites.set("", root);
    const rootModule = isObj(options.configuration) ? options.configuration["root_module"] : undefined;
    if (isObj(rootModule)) index.addCalls(rootModule, "", root, 0);
    return index;
  }

  /** The block of a resource instance (and the attribute's line inside it, when found). */
  async locate(address: string, attribute?: string): Promise<SourceLocation | undefined> {
    const found = await this.findBlock(address);
    if (!found) return undefined;
    const { file, block } = found;
    const loc: SourceLocation = { file: this.relative(file.file), line: block.line, endLine: block.endLine };
    if (attribute && block.kind !== "module") {
      const line = memberLine(block, attribute);
      if (line !== undefined) return { file: loc.file, line, endLine: line };
    }
    return loc;
  }

  /** Suppression comments inside or just above the block, and on the module blocks that lead to it. */
  async inlineSuppressions(address: string): Promise<InlineSuppression[]> {
    const parsed = parseAddress(address);
    if (!parsed) return [];
    const site = await this.siteOf(parsed.modules.map((m) => m.name));
    const out: InlineSuppression[] = [];
    for (const call of site?.calls ?? []) {
      const found = await this.blockIn(call.dir, "module", [call.name]);
      if (found) out.push(...this.suppressionsAround(found));
    }
    const found = await this.findBlock(address);
    if (found && found.block.kind !== "module") out.push(...this.suppressionsAround(found));
    return out;
  }

  private async findBlock(address: string): Promise<{ file: ParsedFile; block: HclBlock } | undefined> {
    const parsed = parseAddress(address);
    if (!parsed) return undefined;
    const site = await this.siteOf(parsed.modules.map((m) => m.name));
    if (!site) return undefined;
    if (site.dir) return this.blockIn(site.dir, parsed.mode === "data" ? "data" : "resource", [parsed.type, parsed.name]);
    if (site.callSite) return this.blockIn(site.callSite.dir, "module", [site.callSite.name]);
    return undefined;
  }

  private suppressionsAround(found: { file: ParsedFile; block: HclBlock }): InlineSuppression[] {
    const { hcl, file } = found.file;
    const { line, endLine } = found.block;
    // Comment lines directly above the block, without a gap, belong to it.
    let top = line;
    const ownLines = new Set(hcl.comments.filter((c) => c.ownLine).map((c) => c.line));
    while (ownLines.has(top - 1)) top--;
    const relevant = hcl.comments.filter((c) => (c.line >= top && c.line < line && c.ownLine) || (c.line >= line && c.line <= endLine));
    return parseSuppressions(relevant, this.relative(file));
  }

  private addCalls(module: Obj, prefix: string, parent: ModuleSite, depth: number): void {
    const calls = module["module_calls"];
    if (!isObj(calls) || depth > 64) return;
    for (const [name, call] of Object.entries(calls)) {
      if (!isObj(call)) continue;
      const key = prefix === "" ? name : `${prefix}.${name}`;
      const viaDir = parent.dir ?? parent.callSite?.dir;
      const site: ModuleSite = { calls: viaDir ? [...parent.calls, { dir: viaDir, name: parent.dir ? name : parent.callSite!.name }] : [...parent.calls] };
      if (parent.dir && isLocalSource(call["source"])) site.dir = path.resolve(parent.dir, call["source"]);
      else if (parent.dir) site.callSite = { dir: parent.dir, name };
      else if (parent.callSite) site.callSite = parent.callSite;
      this.sites.set(key, site);
      if (isObj(call["module"])) this.addCalls(call["module"], key, site, depth + 1);
    }
  }

  /** The site of a module path; without a configuration, local module blocks are followed. */
  private async siteOf(names: string[]): Promise<ModuleSite | undefined> {
    const key = names.join(".");
    const known = this.sites.get(key);
    if (known || names.length === 0) return known;
    const parent = await this.siteOf(names.slice(0, -1));
    if (!parent?.dir) return parent?.callSite ? { callSite: parent.callSite, calls: parent.calls } : undefined;
    const name = names[names.length - 1]!;
    const found = await this.blockIn(parent.dir, "module", [name]);
    if (!found) return undefined;
    const source = found.block.strings["source"];
    const site: ModuleSite = { calls: [...parent.calls, { dir: parent.dir, name }] };
    if (isLocalSource(source)) site.dir = path.resolve(parent.dir, source);
    else site.callSite = { dir: parent.dir, name };
    this.sites.set(key, site);
    return site;
  }

  private async blockIn(dir: string, kind: string, labels: string[]): Promise<{ file: ParsedFile; block: HclBlock } | undefined> {
    for (const file of await this.filesIn(dir)) {
      const block = file.hcl.blocks.find((b) => b.kind === kind && b.labels.length === labels.length && b.labels.every((l, i) => l === labels[i]));
      if (block) return { file, block };
    }
    return undefined;
  }

  /** A module is one directory: its .tf files, not those of subdirectories. Each file is read once. */
  private filesIn(dir: string): Promise<ParsedFile[]> {
    let pending = this.files.get(dir);
    if (!pending) {
      pending = (async () => {
        const names = await fg("*.tf", { cwd: dir, onlyFiles: true, deep: 1, absolute: true }).catch(() => [] as string[]);
        const parsed: ParsedFile[] = [];
        for (const file of names.sort()) {
          const text = await readFile(file, "utf8").catch(() => undefined);
          if (text !== undefined) parsed.push({ file, hcl: scanHcl(text) });
        }
        return parsed;
      })();
      this.files.set(dir, pending);
    }
    return pending;
  }

  private relative(file: string): string {
    const rel = path.relative(this.options.repoRoot, file);
    return (rel.startsWith("..") ? file : rel).split(path.sep).join("/");
  }
}

/** The line of an attribute path's first segment; `ingress.1` is the second ingress block. */
function memberLine(block: HclBlock, attribute: string): number | undefined {
  const [name, index] = attribute.split(".");
  const matches = block.members.filter((m) => m.name === name);
  if (matches.length === 0) return undefined;
  const n = index !== undefined && /^\d+$/.test(index) ? Number(index) : 0;
  return (matches[n] ?? matches[0])!.line;
}
