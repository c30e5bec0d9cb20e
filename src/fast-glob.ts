/**
 * fast-glob, loaded at its first use. Its modules' initialization (and the
 * built-in modules they require) was ~2% of an empty plan's scan, which
 * globs nothing: a scan globs only with a source directory to place findings
 * in, or with --policy directories. Inside the command line's bundle esbuild
 * keeps this import lazy.
 */
export async function fastGlob(): Promise<typeof import("fast-glob")> {
  return (await import("fast-glob")).default;
}
