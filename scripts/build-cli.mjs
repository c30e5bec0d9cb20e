#!/usr/bin/env node
/**
 * Bundles the command line into dist/cli/planguard.js (the package's `bin`),
 * run by `npm run build` after tsc and the policy caches.
 *
 * Why a bundle: started from tsc's output, every `planguard` run loaded ~200
 * ES modules one by one (resolution, package.json reads, a compile per file)
 * before it read its input: about 0.3 s of a 0.45 s scan of an empty plan.
 * The bundle is one entry file plus chunks that are imported only when a run
 * needs them (esbuild's code splitting over the `import()`s at command
 * dispatch: the drift engine, opa-wasm, YAML, the report formats).
 *
 * What the bundle cannot do that tsc's dist/ does: hash the Rego compiler's
 * source files at run time to check that the build-time caches of the
 * bundled policies were written by the same compiler (ast-cache.ts,
 * compiled-cache.ts). The bundle and the caches come from one build of one
 * source, so this script hashes dist/rego (tsc's output of that source) once
 * and writes the result into the bundle, and copies the caches beside it.
 *
 * Not committed (dist/ is build output; see .gitignore): the package is
 * built by `npm run build`, as CI does, so there is no second copy of the
 * source to drift out of date. The GitHub Action's bundle is the exception,
 * since GitHub runs it straight from the repository.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const OUT = path.join(ROOT, "dist", "cli");
const CACHES = ["bundled-ast.json", "bundled-compiled.json"];

const { engineFingerprint } = await import(pathToFileURL(path.join(ROOT, "dist", "policy", "rego", "ast-cache.js")).href);
// The two hashes the caches are keyed by (ast-cache.ts: the parser; compiled-cache.ts: the compiler).
const fingerprints = { "parser.js": engineFingerprint(undefined, "parser.js"), "compiler/compile.js": engineFingerprint(undefined, "compiler/compile.js") };

// A previous build's chunks have other hashes in their names: remove them, or they pile up.
mkdirSync(OUT, { recursive: true });
for (const name of readdirSync(OUT)) if (/^planguard[.-]/.test(name)) rmSync(path.join(OUT, name));

await build({
  entryPoints: { planguard: path.join(ROOT, "src", "cli", "main.ts") },
  outdir: OUT,
  // Chunks beside the entry: code that finds files relative to its own module (the
  // policies, the caches) sees the same directory from every chunk.
  chunkNames: "planguard-[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
  define: { PLANGUARD_ENGINE_FINGERPRINTS: JSON.stringify(fingerprints) },
  // The bundled CommonJS packages (commander, ajv ...) call require() for Node's own modules.
  banner: { js: "import { createRequire as __planguardCreateRequire } from 'node:module'; const require = __planguardCreateRequire(import.meta.url);" },
});

for (const name of CACHES) {
  const from = path.join(ROOT, "dist", "policy", "rego", name);
  const to = path.join(OUT, name);
  if (existsSync(from)) copyFileSync(from, to);
  else rmSync(to, { force: true }); // no cache (a library that cannot be cached): the bundle compiles at run time
}
process.stdout.write(`command line bundled: ${path.relative(ROOT, path.join(OUT, "planguard.js"))}\n`);
