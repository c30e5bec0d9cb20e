/**
 * `node:crypto`, loaded at its first use: its initialization was ~4% of an
 * empty plan's scan, which hashes nothing. One loader for the whole program;
 * it lives in src/rego because src/rego imports nothing outside itself (the
 * compiled caches' fingerprint hashes its tree: ast-cache.ts).
 */
export { nodeCrypto } from "./rego/builtins/node-crypto.js";
