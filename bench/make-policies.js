#!/usr/bin/env node
/**
 * Writes bench/policies/*.rego from the rule table in bench/equivalents.js,
 * so the Rego rules and their TypeScript equivalents cannot drift apart.
 *
 *   node bench/make-policies.js
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { regoFiles, SPECS } from "./equivalents.js";

const dir = fileURLToPath(new URL("./policies/", import.meta.url));
mkdirSync(dir, { recursive: true });
for (const f of readdirSync(dir)) if (f.endsWith(".rego")) rmSync(path.join(dir, f));
for (const { file, text } of regoFiles()) writeFileSync(path.join(dir, file), text);
process.stderr.write(`bench/policies: ${SPECS.length} rules in ${regoFiles().length} files\n`);
