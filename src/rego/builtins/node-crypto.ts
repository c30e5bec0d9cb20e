import { createRequire } from "node:module";

type NodeCrypto = typeof import("node:crypto");

let loaded: NodeCrypto | undefined;

/**
 * `node:crypto`, loaded at the first builtin call that needs it (hashes,
 * HMACs, UUIDs, JWTs, certificates): most scans call none, and its
 * initialization was ~4% of an empty plan's scan. The rest of the program
 * takes it through src/node-crypto.ts: src/rego imports nothing outside
 * itself (the compiled caches' fingerprint hashes its tree: ast-cache.ts).
 */
export function nodeCrypto(): NodeCrypto {
  return (loaded ??= createRequire(import.meta.url)("node:crypto") as NodeCrypto);
}
