import { realpath } from "node:fs/promises";
import path from "node:path";
import { parseAddress } from "../plan/address.js";
import { InputError } from "../input-error.js";
import { loadModuleDir } from "./module-files.js";
import { findRepoRoot } from "./repo-root.js";

/**
 * Which directory is the root module a plan came from, when the user did not
 * say (--source-dir). It matters: inline suppressions are read from there,
 * and the pull request can put a decoy `main.tf` anywhere, with a
 * `# planguard:ignore` above a copy of a real resource's header.
 *
 * The candidates are the plan's own directory and the working directory.
 * Each is scored by how many of the blocks the plan says its root module has
 * (resources, data sources, module calls, by type and name) its .tf files
 * declare. The one that declares the most wins; a tie between two
 * directories that both declare some is refused, naming both, since guessing
 * would let the decoy decide; none declaring any gives no source directory.
 */

/** A block of the root module: "resource", "data" or "module", and its labels. */
export interface RootBlock {
  kind: "resource" | "data" | "module";
  labels: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The root module's blocks: from the plan's `configuration` when it has one
 * (it lists every declared resource and module call), else from the
 * addresses of the resources (a state, or a plan without configuration).
 */
export function rootModuleBlocks(configuration: unknown, addresses: Iterable<string>): RootBlock[] {
  const blocks = new Map<string, RootBlock>();
  const add = (b: RootBlock) => blocks.set([b.kind, ...b.labels].join("\u0000"), b);
  const root = isObj(configuration) && isObj(configuration["root_module"]) ? configuration["root_module"] : undefined;
  if (root) {
    for (const r of Array.isArray(root["resources"]) ? root["resources"] : []) {
      if (isObj(r) && typeof r["type"] === "string" && typeof r["name"] === "string")
        add({ kind: r["mode"] === "data" ? "data" : "resource", labels: [r["type"], r["name"]] });
    }
    if (isObj(root["module_calls"]))
      for (const name of Object.keys(root["module_calls"])) add({ kind: "module", labels: [name] });
    return [...blocks.values()];
  }
  for (const address of addresses) {
    const parsed = parseAddress(address);
    if (!parsed) continue;
    if (parsed.modules.length > 0) add({ kind: "module", labels: [parsed.modules[0]!.name] });
    else add({ kind: parsed.mode === "data" ? "data" : "resource", labels: [parsed.type, parsed.name] });
  }
  return [...blocks.values()];
}

/**
 * The root module's directory among the candidates (absolute paths, in
 * order of preference only for the message), or undefined when none
 * declares any of the blocks. `file` names the plan in the error.
 */
export async function chooseRootModule(
  file: string,
  candidates: readonly string[],
  blocks: readonly RootBlock[],
): Promise<string | undefined> {
  if (blocks.length === 0) return undefined;
  const scored: { dir: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const dir of candidates) {
    const real = await realpath(dir).catch(() => undefined);
    if (real === undefined || seen.has(real)) continue;
    seen.add(real);
    const module = await loadModuleDir(dir, await realpath(findRepoRoot(dir)).catch(() => real));
    const score = blocks.filter((b) => module.block(b.kind, b.labels) !== undefined).length;
    if (score > 0) scored.push({ dir, score });
  }
  if (scored.length === 0) return undefined;
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  if (top.length > 1) {
    const cwd = process.cwd();
    const names = top.map((s) => path.relative(cwd, s.dir) || ".");
    throw new InputError(
      file,
      `cannot tell which directory is the plan's root module: ${names.join(" and ")} both declare its resources; name it with --source-dir (the Action's source-dir input)`,
    );
  }
  return top[0]!.dir;
}
