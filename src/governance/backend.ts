import { realpath } from "node:fs/promises";
import { isBelow, loadModuleDir } from "../source/module-files.js";
import type { HclBlock } from "../source/hcl-scan.js";

/**
 * Where the root module keeps its state, read from its `.tf` files: the plan
 * does not carry the backend. Only constant settings are known; a backend
 * configured partly at `terraform init -backend-config=...` leaves the rest
 * unknown, which the rules treat as undecided.
 */
export type RootBackend =
  /** The .tf files declare neither `backend` nor `cloud`: state is a local file. */
  | { kind: "none"; dir: string }
  /** HCP Terraform / Terraform Enterprise: state is stored, locked and versioned by the service. */
  | { kind: "cloud"; file: string; line: number }
  | {
      kind: "backend";
      type: string;
      file: string;
      line: number;
      /** Constant settings (strings, true/false). */
      settings: Record<string, string | boolean>;
      /** Every setting written in the block, constant or not. */
      written: Set<string>;
    };

/**
 * Reads the root module's backend; undefined when the directory holds no .tf
 * files (nothing to judge) or lies outside the repository root, whose real
 * path bounds what is read, as for locations and suppressions.
 */
export async function readRootBackend(dir: string, repoRoot: string): Promise<RootBackend | undefined> {
  const [real, boundary] = await Promise.all([
    realpath(dir).catch(() => undefined),
    realpath(repoRoot).catch(() => undefined),
  ]);
  if (real === undefined || boundary === undefined || !isBelow(real, boundary)) return undefined;
  const module = await loadModuleDir(dir, boundary);
  if (module.files.length === 0) return undefined;
  for (const file of module.files) {
    for (const block of file.hcl.blocks) {
      if (block.kind !== "terraform") continue;
      const found = backendIn(block, file.path);
      if (found) return found;
    }
  }
  return { kind: "none", dir };
}

function backendIn(block: HclBlock, file: string): RootBackend | undefined {
  for (const member of block.members) {
    if (member.kind !== "block") continue;
    if (member.name === "cloud") return { kind: "cloud", file, line: member.line };
    if (member.name === "backend" && member.labels[0]) {
      // Keyed by names written in the pull request's .tf: no prototype to collide with.
      const settings: Record<string, string | boolean> = Object.create(null);
      const written = new Set<string>();
      for (const m of member.members) {
        written.add(m.name);
        if (m.kind === "attribute" && m.value !== undefined) settings[m.name] = m.value;
      }
      return { kind: "backend", type: member.labels[0], file, line: member.line, settings, written };
    }
  }
  return undefined;
}
