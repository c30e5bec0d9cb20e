import { lstat, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { fastGlob } from "../fast-glob.js";
import { InputError } from "../input-error.js";
import { scanHcl, type HclBlock, type HclFile } from "./hcl-scan.js";

/**
 * The .tf files of one module directory, each read and scanned once, with
 * its blocks indexed by type and labels so that looking one up is a map
 * access however many findings ask.
 *
 * A Terraform module is one directory: its `*.tf` files, not those of
 * subdirectories (which are other modules, or `.terraform/`'s downloads).
 * `*.tf.json` files are not read. Override files (`override.tf`,
 * `*_override.tf`) come last, so a block is found where it is first declared.
 *
 * The files come from the pull request, so only regular files whose real
 * path is below `boundary` (the repository root) are read: a `main.tf`
 * symlinked to `/proc/self/environ` or to a file outside the checkout is
 * skipped, as is a FIFO or a device.
 */
export interface ParsedFile {
  /** Absolute path. */
  path: string;
  hcl: HclFile;
}

export interface BlockRef {
  file: ParsedFile;
  block: HclBlock;
}

export interface ModuleDir {
  dir: string;
  files: ParsedFile[];
  block(kind: string, labels: readonly string[]): BlockRef | undefined;
}

export async function loadModuleDir(dir: string, boundary: string): Promise<ModuleDir> {
  const fg = await fastGlob();
  const names = await fg("*.tf", {
    cwd: dir,
    onlyFiles: true,
    deep: 1,
    absolute: true,
    dot: false,
    ignore: [".terraform/**"],
  }).catch(() => [] as string[]);
  names.sort((a, b) => Number(isOverride(a)) - Number(isOverride(b)) || (a < b ? -1 : a > b ? 1 : 0));
  const files: ParsedFile[] = [];
  for (const name of names) {
    const real = await readablePath(name, boundary);
    if (real !== undefined) await refuseOversizedTf(real, name);
    const text = real === undefined ? undefined : await readFile(real, "utf8").catch(() => undefined);
    if (text !== undefined) files.push({ path: name, hcl: scanHcl(text) });
  }
  const index = new Map<string, BlockRef>();
  for (const file of files) {
    for (const block of file.hcl.blocks) {
      const key = blockKey(block.kind, block.labels);
      if (!index.has(key)) index.set(key, { file, block });
    }
  }
  return { dir, files, block: (kind, labels) => index.get(blockKey(kind, labels)) };
}

/** The real path of a regular file below `boundary` (an absolute real path), else undefined. */
async function readablePath(file: string, boundary: string): Promise<string | undefined> {
  try {
    const link = await lstat(file);
    if (!link.isFile() && !link.isSymbolicLink()) return undefined;
    const real = await realpath(file);
    if (!isBelow(real, boundary) || !(await stat(real)).isFile()) return undefined;
    return real;
  } catch {
    // Gone, unreadable or a broken link: the index leaves the file out, as it does a file outside the boundary.
    return undefined;
  }
}

/** Whether `file` is `dir` or below it; both absolute and already resolved. */
export function isBelow(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * Largest `.tf` file read for locations and suppressions. Hand-written files
 * are kilobytes and generated ones a few MB; the scanner keeps a token per
 * word, so a 107 MB file ran out of memory. Checked before reading.
 */
export const MAX_TF_FILE_BYTES = 8 * 1024 * 1024;

async function refuseOversizedTf(real: string, file: string): Promise<void> {
  const info = await stat(real).catch(() => undefined);
  if (info && info.size > MAX_TF_FILE_BYTES) {
    throw new InputError(
      file,
      `the file is ${info.size} bytes, over the limit of ${MAX_TF_FILE_BYTES} bytes for a .tf file planguard reads`,
    );
  }
}

function blockKey(kind: string, labels: readonly string[]): string {
  // NUL cannot appear in a label that Terraform accepts, so the key is unambiguous.
  return [kind, ...labels].join("\u0000");
}

function isOverride(file: string): boolean {
  const base = file.slice(file.lastIndexOf("/") + 1);
  return base === "override.tf" || base.endsWith("_override.tf");
}
