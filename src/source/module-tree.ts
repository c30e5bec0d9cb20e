import path from "node:path";

/**
 * What the plan's `configuration` says about module calls: for each call
 * path ("a", "a.b": call names without instance keys), the `source` as
 * written. The configuration has no file positions; it only tells which
 * calls are local directories and which are registry or git modules.
 */
export type ModuleSources = Map<string, string | undefined>;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A local source is a directory relative to the calling module (Terraform's rule: it starts with ./ or ../). */
export function isLocalSource(source: unknown): source is string {
  return typeof source === "string" && (source.startsWith("./") || source.startsWith("../"));
}

export function configModuleSources(configuration: unknown): ModuleSources {
  const sources: ModuleSources = new Map();
  const root = isObj(configuration) ? configuration["root_module"] : undefined;
  // Walked with a stack: a configuration nests as deep as its modules, and depth must not throw.
  const todo: { module: unknown; prefix: string }[] = [{ module: root, prefix: "" }];
  while (todo.length > 0) {
    const { module, prefix } = todo.pop()!;
    const calls = isObj(module) ? module["module_calls"] : undefined;
    if (!isObj(calls)) continue;
    for (const [name, call] of Object.entries(calls)) {
      if (!isObj(call)) continue;
      const key = prefix === "" ? name : `${prefix}.${name}`;
      sources.set(key, typeof call["source"] === "string" ? call["source"] : undefined);
      todo.push({ module: call["module"], prefix: key });
    }
  }
  return sources;
}

/** The directories of the local modules the configuration names, resolved from the root module's directory. */
export function localModuleDirs(sources: ModuleSources, rootDir: string): string[] {
  const dirs = new Map<string, string | undefined>([["", rootDir]]);
  // Parents come before children when keys are sorted by depth.
  const keys = [...sources.keys()].sort((a, b) => a.split(".").length - b.split(".").length);
  for (const key of keys) {
    const dot = key.lastIndexOf(".");
    const parent = dirs.get(dot < 0 ? "" : key.slice(0, dot));
    const source = sources.get(key);
    dirs.set(key, parent !== undefined && isLocalSource(source) ? path.resolve(parent, source) : undefined);
  }
  return [...new Set([...dirs.values()].filter((d): d is string => d !== undefined))];
}
