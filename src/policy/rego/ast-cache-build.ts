/**
 * The build's last step: parses the bundled policies into AST_CACHE_FILE
 * (see ast-cache.ts) and compiles them into COMPILED_CACHE_FILE (see
 * compiled-cache.ts). Run as `node dist/policy/rego/ast-cache-build.js`.
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { AST_CACHE_FILE, buildAstCache } from "./ast-cache.js";
import { buildCompiledCache, COMPILED_CACHE_FILE } from "./compiled-cache.js";
import { readBundledPolicies } from "./load.js";

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

// The sources exactly as a scan reads them (same files, same order), or the compiled cache would not match.
const sources = await readBundledPolicies();
const { json, cached, skipped } = buildAstCache(sources);
writeAtomically(AST_CACHE_FILE, json);
const compiled = buildCompiledCache(sources);
if ("json" in compiled) writeAtomically(COMPILED_CACHE_FILE, compiled.json);
else rmSync(COMPILED_CACHE_FILE, { force: true });
process.stdout.write(
  "json" in compiled
    ? `bundled policies compiled ahead: ${sources.length} modules, ${(compiled.json.length / 1e6).toFixed(1)} MB\n`
    : `bundled policies not compiled ahead: ${compiled.skipped}\n`,
);
process.stdout.write(
  `bundled policies parsed ahead: ${cached} modules, ${(json.length / 1e6).toFixed(1)} MB${skipped.length ? `; left to parse at run time: ${skipped.join(", ")}` : ""}\n`,
);
