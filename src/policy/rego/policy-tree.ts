import { stat } from "node:fs/promises";
import path from "node:path";
import { fastGlob } from "../../fast-glob.js";
import { describeFsError, InputError } from "../../input-error.js";
import { readDataFile, readPolicies, type PolicySource } from "./runner.js";

/**
 * What `planguard test <paths>` loads, by the rules of OPA's loader (`opa
 * test`, `opa eval -d`): .rego files are modules; JSON and YAML files are
 * base documents placed at their directory's path below the directory named
 * on the command line (lib/k8s/data.json, or any other name, under
 * `planguard test lib` is data.k8s), and a data file named directly is
 * merged at the root. Documents merge key by key; two files that give one
 * key different non-object values are an error, as in OPA ("merge error").
 * As planguard's policy reading does, node_modules and dot-directories are
 * left out.
 */
export interface PolicyTree {
  sources: PolicySource[];
  data: Record<string, unknown>;
}

const DATA_EXTENSIONS = [".json", ".yaml", ".yml"];
const isDataFile = (file: string) => DATA_EXTENSIONS.includes(path.extname(file).toLowerCase());

/** Reads the paths, then the -d files (JSON or YAML, merged at the root like a data file named directly). */
export async function readPolicyTree(paths: readonly string[], dataFiles: readonly string[] = []): Promise<PolicyTree> {
  const tree: PolicyTree = { sources: [], data: {} };
  const origins = new Map<string, string>();
  // A module reached twice (`planguard test lib lib/k8s`) is loaded once, as
  // OPA keys modules by file; data files load at each place they are reached, as in OPA.
  const seen = new Set<string>();
  const firstTime = (file: string): boolean => {
    const key = path.resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch (err) {
      throw new InputError(p, describeFsError(err));
    }
    if (!isDir) {
      if (isDataFile(p)) await mergeDataFile(tree.data, origins, p, []);
      else if (firstTime(p)) tree.sources.push(...(await readPolicies([p], false, true)));
      continue;
    }
    const fg = await fastGlob();
    const files = (
      await fg(["**/*.rego", ...DATA_EXTENSIONS.map((e) => `**/*${e}`)], {
        cwd: p,
        onlyFiles: true,
        caseSensitiveMatch: false,
        ignore: ["**/node_modules/**"],
      })
    ).sort();
    if (files.length === 0) throw new InputError(p, "holds no .rego, JSON or YAML files");
    const rego = files
      .filter((f) => f.toLowerCase().endsWith(".rego"))
      .map((f) => path.join(p, f))
      .filter(firstTime);
    if (rego.length > 0) tree.sources.push(...(await readPolicies(rego, false, true)));
    for (const f of files.filter(isDataFile)) {
      const dir = path.posix.dirname(f);
      await mergeDataFile(tree.data, origins, path.join(p, f), dir === "." ? [] : dir.split("/"));
    }
  }
  for (const file of dataFiles) await mergeDataFile(tree.data, origins, file, []);
  return tree;
}

async function mergeDataFile(
  data: Record<string, unknown>,
  origins: Map<string, string>,
  file: string,
  prefix: string[],
): Promise<void> {
  const value = await readDataFile(file);
  if (prefix.length === 0 && !isPlainObject(value))
    throw new InputError(file, "a data file at the root must hold an object (its keys become data's keys)");
  if (prefix.length === 0) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) mergeAt(data, [k], v, file, origins);
  } else {
    mergeAt(data, prefix, value, file, origins);
  }
}

/** Puts `value` at `keys` below `root`, merging objects; any other overlap is a conflict. */
function mergeAt(
  root: Record<string, unknown>,
  keys: string[],
  value: unknown,
  file: string,
  origins: Map<string, string>,
): void {
  let node = root;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i]!;
    const next = node[k];
    if (next === undefined) node = node[k] = {};
    else if (isPlainObject(next)) node = next as Record<string, unknown>;
    else throw conflict(file, keys.slice(0, i + 1), origins);
  }
  mergeKey(node, keys, value, file, origins);
}

/** Merges `value` into `parent` under the last of `keys` (the full path, for messages). */
function mergeKey(
  parent: Record<string, unknown>,
  keys: string[],
  value: unknown,
  file: string,
  origins: Map<string, string>,
): void {
  const last = keys[keys.length - 1]!;
  const cur = parent[last];
  if (cur === undefined) {
    parent[last] = value;
    origins.set(keys.join("."), file);
    return;
  }
  if (!isPlainObject(cur) || !isPlainObject(value)) throw conflict(file, keys, origins);
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    mergeKey(cur as Record<string, unknown>, [...keys, k], v, file, origins);
}

/** The conflict, naming the file that defined the path (or the nearest object above it) first. */
function conflict(file: string, keys: string[], origins: Map<string, string>): InputError {
  let other: string | undefined;
  for (let n = keys.length; n > 0 && other === undefined; n--) other = origins.get(keys.slice(0, n).join("."));
  return new InputError(
    file,
    `merge error: data.${keys.join(".")} is already defined${other ? ` by ${other}` : ""} (data files may only add keys, as with opa test)`,
  );
}

const isPlainObject = (v: unknown): boolean => v !== null && typeof v === "object" && !Array.isArray(v);
