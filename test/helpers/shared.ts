import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, whatever the working directory of the test run. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The shared data folder next to the repository; absent in a clone elsewhere. */
const sharedDir = path.resolve(repoRoot, "../shared");

export function sharedPath(...parts: string[]): string {
  return path.join(sharedDir, ...parts);
}

/** Why a test that needs ../shared is skipped, or undefined when it is there. */
export function sharedMissing(...parts: string[]): string | undefined {
  const p = sharedPath(...parts);
  if (existsSync(p)) return undefined;
  const reason = `skipped: ${p} is absent (a clone without ../shared)`;
  console.warn(reason);
  return reason;
}

export function fixturePath(...parts: string[]): string {
  return path.join(repoRoot, "fixtures", ...parts);
}

/** Every file below a directory whose name passes the filter. */
export function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const p = path.join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, keep));
    else if (keep(entry)) out.push(p);
  }
  return out.sort();
}
