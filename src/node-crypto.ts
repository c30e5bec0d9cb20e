import { createRequire } from "node:module";

type NodeCrypto = typeof import("node:crypto");

let loaded: NodeCrypto | undefined;

/**
 * `node:crypto`, loaded at its first use. Its initialization was ~4% of an
 * empty plan's scan, which hashes nothing, while ten modules on every scan's
 * path imported it at their top. `import.meta.url` is the bundle's own URL
 * in the command-line bundle (scripts/build-cli.mjs), so this works in both
 * tsc's ES modules and the bundle.
 */
export function nodeCrypto(): NodeCrypto {
  return (loaded ??= createRequire(import.meta.url)("node:crypto") as NodeCrypto);
}
