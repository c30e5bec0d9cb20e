/**
 * The build's last step: parses the bundled policies into AST_CACHE_FILE
 * (see ast-cache.ts). Run as `node dist/policy/rego/ast-cache-build.js`.
 */
import { renameSync, writeFileSync } from "node:fs";
import { AST_CACHE_FILE, buildAstCache } from "./ast-cache.js";
import { BUNDLED_POLICY_DIR, readPolicies } from "./runner.js";

const sources = await readPolicies([BUNDLED_POLICY_DIR], true);
const { json, cached, skipped } = buildAstCache(sources);
const tmp = `${AST_CACHE_FILE}.${process.pid}.tmp`;
writeFileSync(tmp, json);
renameSync(tmp, AST_CACHE_FILE);
process.stdout.write(`bundled policies parsed ahead: ${cached} modules, ${(json.length / 1e6).toFixed(1)} MB${skipped.length ? `; left to parse at run time: ${skipped.join(", ")}` : ""}\n`);
