#!/usr/bin/env node
/**
 * Bundles the command line, run by `npm run build` after tsc and the policy
 * caches. Writes into dist/cli/:
 *
 *   planguard.cjs              the entry (the package's `bin`): src/cli/main.ts alone
 *   planguard.js               the same entry as an ES module (`node dist/cli/planguard.js`)
 *   planguard-program.cjs      everything else, one CommonJS file (+ .map)
 *   planguard-program.v8cache  V8's code cache of it, made by a training scan
 *   planguard-lib-<name>.cjs   graphql, ajv, re2js, opa-wasm: required by the program at first use
 *   bundled-ast.json, bundled-compiled.json   the policy caches, copied
 *
 * Why: started from tsc's output, every `planguard` run loaded ~200 ES
 * modules one by one (resolution, package.json reads, a compile per file),
 * about 0.3 s of a 0.45 s scan of an empty plan. One file removes the module
 * loading; the code cache removes most of the compiling (Node 20 has no
 * compile cache: src/cli/bundle-loader.ts). The engines a run may not need
 * (drift, opa-wasm, report formats, the other commands') are imported
 * lazily at command dispatch, which esbuild keeps lazy inside the one file:
 * their module code runs only when imported.
 *
 * The bundle cannot hash the Rego compiler's source files at run time to
 * check that the build-time policy caches were written by the same compiler
 * (ast-cache.ts, compiled-cache.ts). The bundle and the caches come from one
 * build of one source, so this script hashes dist/rego (tsc's output of that
 * source) once, writes the result into the bundle, and copies the caches.
 *
 * Not committed (dist/ is build output; see .gitignore): the package is
 * built by `npm run build`, as CI does, so there is no second copy of the
 * source to go stale. The GitHub Action's bundle is the exception, since
 * GitHub runs it straight from the repository.
 *
 *   node scripts/build-cli.mjs            build
 *   node scripts/build-cli.mjs --train    (the build runs this in a child) make the code cache
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { promises as fsPromises } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const OUT = path.join(ROOT, "dist", "cli");
const PROGRAM = path.join(OUT, "planguard-program.cjs");
const ENTRY = path.join(OUT, "planguard.cjs");
const ENTRY_AS_MODULE = path.join(OUT, "planguard.js");
const CACHES = ["bundled-ast.json", "bundled-compiled.json"];
const dist = (p) => import(pathToFileURL(path.join(ROOT, "dist", p)).href);

/**
 * What the program's text starts and ends with (see build()): a script whose value is the function
 * of the program's module, as bundle-loader.ts runs it; a module (`this` is its exports, not the
 * global object) calls that function with its own exports, require and module.
 */
const PROGRAM_OPENING =
  "(this !== globalThis ? (f) => f.call(this, exports, require, module, __filename, __dirname) : (f) => f)(function (exports, require, module, __filename, __dirname) {";
const PROGRAM_CLOSING = "\n})";

/** A plan with no resources: the shortest scan, all start-up. */
const EMPTY_PLAN = {
  format_version: "1.2",
  terraform_version: "1.9.8",
  planned_values: { root_module: {} },
  resource_changes: [],
  configuration: { root_module: {} },
  applyable: false,
  complete: true,
  errored: false,
};

/** A config written as JSON (to the YAML parser, flow collections), with a GPU policy. */
const JSON_CONFIG = {
  gpu: {
    max_total: 64,
    max_per_resource: 8,
    allowed_models: ["A100", "H100", "L4"],
    require_tags: ["team"],
    teams: { vision: { max_total: 16 } },
    environments: { dev: { max_total: 8, require_spot: true } },
  },
};

/**
 * The libraries the program loads only at their first use (src/rego/builtins: graphql, ajv and
 * re2js for their builtins, required lazily; opa-wasm for `scan --bundle`, in a module imported
 * lazily), each bundled into a file of its own beside the program (`planguard-lib-<name>.cjs`) and
 * required from there. Inside the program they were 0.92 MB of its 2.2 MB, code that an empty plan's
 * scan, or any scan whose policies call none of those builtins, never runs, but which every start
 * read, checked for ASCII and decoded (src/plan/read-text.ts). Each keys a file name by package.
 */
const LIBRARIES_BESIDE_THE_PROGRAM = {
  graphql: "planguard-lib-graphql.cjs",
  ajv: "planguard-lib-ajv.cjs",
  re2js: "planguard-lib-re2js.cjs",
  "@open-policy-agent/opa-wasm": "planguard-lib-opa-wasm.cjs",
};

/**
 * Modules loaded, inside the program, at the first use of one of their exports, not when a module
 * that imports them is initialised: any scan initialises all the modules that import them, and an
 * empty plan's scan with a valid JSON config uses neither. `node:fs/promises` (with the readline,
 * stream and file-watching modules it requires) was ~3% of that scan; the YAML library's module
 * code ~2-3% (a JSON config is read with JSON.parse: src/config/config.ts). Each is replaced by an
 * ES module of forwarders, one per function (or class) the real module exports, listed from the
 * copy the build uses (the one bundled: for the YAML library, node_modules'; for node:fs/promises,
 * the building Node's), and a default export whose members are getters of the real module's.
 * esbuild links an import of a forwarder directly (a CommonJS stand-in would be copied, getter by
 * getter, into every module importing it). An import of anything else fails the build.
 */
const LOADED_AT_FIRST_USE = {
  "node:fs/promises": { filter: /^(node:)?fs\/promises$/, real: () => fsPromises },
  yaml: { filter: /^yaml$/, real: () => createRequire(import.meta.url)("yaml") },
};

if (process.argv.includes("--train")) await train();
else await build();

async function build() {
  const { build: esbuild } = await import("esbuild");
  const { engineFingerprint } = await dist("policy/rego/ast-cache.js");
  const { RULE_LIST_ENTRY } = await dist("policy/rego/compiled-cache.js");
  const { codeCacheFileOf } = await dist("cli/bundle-loader.js");
  // The hashes the caches are keyed by (ast-cache.ts: the parser; compiled-cache.ts: the compiler, and the code that lists its rules).
  const fingerprints = {
    "parser.js": engineFingerprint(undefined, "parser.js"),
    "compiler/compile.js": engineFingerprint(undefined, "compiler/compile.js"),
    // The code that lists the library's rules, which the compiled cache holds listed (compiled-cache.ts).
    [RULE_LIST_ENTRY]: engineFingerprint(undefined, RULE_LIST_ENTRY),
  };

  mkdirSync(OUT, { recursive: true });
  // An earlier build's bundle files (chunks of another layout included): remove them.
  for (const name of readdirSync(OUT)) if (/^planguard[.-]/.test(name)) rmSync(path.join(OUT, name));
  const common = {
    bundle: true,
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    legalComments: "none",
    logLevel: "warning",
  };
  await esbuild({
    ...common,
    entryPoints: [path.join(ROOT, "src", "cli", "program.ts")],
    outfile: PROGRAM,
    format: "cjs",
    // Fewer bytes to read and decode at each start (~2 -> 0.96 MB), and fewer pages touched (the
    // file is read, then copied into a string): local and module-level names are minified too
    // (1.31 -> 0.96 MB; an empty plan's scan ~6% less CPU). Nothing reads a function's or class's
    // name: errors are told apart with instanceof and name themselves, --debug traces use the
    // source map. The one function whose text is output, the HTML report's client script
    // (src/report/html/client.ts, self-contained), is minified with the rest and works the same
    // (test/cli/bundle.test.ts opens the bundle's HTML report in a browser).
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    define: {
      PLANGUARD_ENGINE_FINGERPRINTS: JSON.stringify(fingerprints),
      // CommonJS has no import.meta: the code that finds files beside itself (policies, caches) gets the bundle's URL.
      "import.meta.url": "__planguardBundleUrl",
    },
    // The program is written inside the function Node's CommonJS loader would wrap it in, so that the
    // loader compiles the file's text as read, without a 2.2 MB copy to add the wrapper at each start
    // (bundle-loader.ts). Run by Node's own require (--debug), the first line calls that function.
    banner: { js: `${PROGRAM_OPENING}var __planguardBundleUrl = require("node:url").pathToFileURL(__filename).href;` },
    footer: { js: PROGRAM_CLOSING },
    plugins: [lazyChildProcessForCommander(), modulesLoadedAtFirstUse(), librariesBesideTheProgram()],
  });
  await buildLibrariesBesideTheProgram(esbuild, common);
  // The loader reads an ASCII-only bundle fastest (src/plan/read-text.ts; esbuild's default
  // charset escapes the rest): hold the build to that, so that a change of charset is noticed.
  const nonAscii = readFileSync(PROGRAM).findIndex((byte) => byte > 0x7f);
  if (nonAscii !== -1)
    throw new Error(
      `build-cli: ${PROGRAM} has a non-ASCII byte at ${nonAscii}; it would load ~30 ms slower (src/plan/read-text.ts)`,
    );
  for (const name of CACHES) {
    const from = path.join(ROOT, "dist", "policy", "rego", name);
    const to = path.join(OUT, name);
    if (existsSync(from)) copyFileSync(from, to);
    else rmSync(to, { force: true }); // no cache (a library that cannot be cached): the bundle compiles at run time
  }

  // The code cache is made in a process of its own, started as planguard's are (no NODE_OPTIONS),
  // so that V8's flags match a user's run; V8 refuses a cache made under other flags.
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  // stdout is not a terminal there, so help is recorded at the program's 80 columns (quick-answers.ts).
  const answersFile = path.join(mkdtempSync(path.join(tmpdir(), "planguard-build-")), "quick-answers.json");
  const trained = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--train", answersFile], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const cache = codeCacheFileOf(PROGRAM);
  if (trained.status !== 0 || !existsSync(cache)) {
    rmSync(cache, { force: true });
    process.stderr.write("build-cli: no V8 code cache was made; the command line compiles its code at run time\n");
  }
  // Without a record (the training failed), the entry answers everything by loading the program.
  const answers = trained.status === 0 && existsSync(answersFile) ? readFileSync(answersFile, "utf8") : "undefined";
  rmSync(path.dirname(answersFile), { recursive: true, force: true });
  // CommonJS, as the program: started as an ES module, Node's ES module loader (resolution, an
  // asynchronous read, an ES facade of each built-in module imported) was ~10% of an empty plan's scan.
  await esbuild({
    ...common,
    entryPoints: [path.join(ROOT, "src", "cli", "main.ts")],
    outfile: ENTRY,
    format: "cjs",
    define: {
      PLANGUARD_PROGRAM_BUNDLE: JSON.stringify(path.basename(PROGRAM)),
      PLANGUARD_QUICK_ANSWERS: answers,
      "import.meta.url": "__planguardEntryUrl",
    },
    banner: { js: 'var __planguardEntryUrl = require("node:url").pathToFileURL(__filename).href;' },
    // Only tsc's output imports the modules; the bundled entry loads PROGRAM instead.
    external: ["./program.js"],
  });
  // `node dist/cli/planguard.js`, as the docs and earlier versions run it: the same entry, through
  // Node's ES module loader (slower to start; the package's bin is the .cjs file).
  writeFileSync(
    ENTRY_AS_MODULE,
    `#!/usr/bin/env node\n// The command line's entry (${path.basename(ENTRY)}, the package's bin), for \`node dist/cli/${path.basename(ENTRY_AS_MODULE)}\`.\nimport "./${path.basename(ENTRY)}";\n`,
  );
  chmodSync(ENTRY_AS_MODULE, 0o755);
  process.stdout.write(
    `command line bundled: ${path.relative(ROOT, ENTRY)}, ${path.relative(ROOT, PROGRAM)}${existsSync(cache) ? " and its V8 code cache" : ""}\n`,
  );
}

/** In the program: each of those packages, required from its own file beside the program. */
function librariesBesideTheProgram() {
  const names = Object.keys(LIBRARIES_BESIDE_THE_PROGRAM).map((n) => n.replace(/[/@.-]/g, "\\$&"));
  return {
    name: "libraries-beside-the-program",
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(${names.join("|")})$`) }, (args) => ({
        path: `./${LIBRARIES_BESIDE_THE_PROGRAM[args.path]}`,
        external: true,
      }));
    },
  };
}

/** Each of those packages as one CommonJS file (the program's bundle options; no code cache of its own). */
async function buildLibrariesBesideTheProgram(esbuild, common) {
  for (const [name, file] of Object.entries(LIBRARIES_BESIDE_THE_PROGRAM)) {
    await esbuild({
      ...common,
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: ROOT, loader: "js" },
      outfile: path.join(OUT, file),
      format: "cjs",
      minifyWhitespace: true,
      minifySyntax: true,
    });
    const nonAscii = readFileSync(path.join(OUT, file)).findIndex((byte) => byte > 0x7f);
    if (nonAscii !== -1) throw new Error(`build-cli: ${file} has a non-ASCII byte at ${nonAscii}`);
  }
}

/**
 * commander requires node:child_process when it is loaded, for the one thing
 * planguard never does (running a subcommand as another executable); loading
 * that module is ~2% of a scan of an empty plan. Inside the bundle commander
 * gets a stand-in that loads it at its first spawn instead.
 */
function lazyChildProcessForCommander() {
  return {
    name: "lazy-child-process-for-commander",
    setup(build) {
      build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
        /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
          ? { path: "lazy-child-process", namespace: "planguard-lazy" }
          : undefined,
      );
      build.onLoad({ filter: /^lazy-child-process$/, namespace: "planguard-lazy" }, () => ({
        contents:
          'let loaded; module.exports = { spawn: (...args) => (loaded ??= require("node:child_process")).spawn(...args) };',
        loader: "js",
      }));
    },
  };
}

function isClass(f) {
  return /^class\b/.test(Function.prototype.toString.call(f));
}

function modulesLoadedAtFirstUse() {
  return {
    name: "modules-loaded-at-first-use",
    setup(build) {
      for (const [name, { filter, real }] of Object.entries(LOADED_AT_FIRST_USE)) {
        const module = real();
        const keys = Object.keys(module).filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== "default");
        // A class is constructed through its forwarder (`new LineCounter()`), a function called;
        // `instanceof` a class's forwarder asks the real class.
        const forwarders = keys
          .filter((key) => typeof module[key] === "function")
          .flatMap((key) => [
            `export function ${key}(...args) { return new.target ? new (load().${key})(...args) : load().${key}(...args); }`,
            ...(isClass(module[key])
              ? [`Object.defineProperty(${key}, Symbol.hasInstance, { value: (v) => v instanceof load().${key} });`]
              : []),
          ]);
        const members = keys.map((key) => `get ${key}() { return load().${key}; }`);
        // The stand-in's own require is of the real module, resolved as usual (node:fs/promises stays Node's).
        build.onResolve({ filter }, (args) =>
          args.namespace === "planguard-lazy" ? undefined : { path: name, namespace: "planguard-lazy" },
        );
        build.onLoad({ filter: new RegExp(`^${name.replace(/[/.]/g, "\\$&")}$`), namespace: "planguard-lazy" }, () => ({
          contents: [
            `let loaded;`,
            `const load = () => (loaded ??= require(${JSON.stringify(name)}));`,
            ...forwarders,
            `export default { ${members.join(", ")} };`,
          ].join("\n"),
          loader: "js",
          resolveDir: ROOT,
        }));
      }
    },
  };
}

/**
 * Loads the program bundle as a run does (V8's default flags, the same
 * loader), runs the commands a CI run runs (a scan with findings in every
 * report format and a YAML config, a scan of an empty plan with a JSON
 * config, --help), then saves what V8 compiled.
 */
async function train() {
  const { codeCacheFileOf, loadBundle } = await dist("cli/bundle-loader.js");
  // Under V8's default flags, as a run loads the program (src/cli/v8-tuning.ts tunes V8 later, and only
  // for a large plan: none of the scans below is one, so the cache is made under the flags it was loaded with).
  const { exports, script } = loadBundle(PROGRAM, { withoutCache: true });
  writeFileSync(process.argv[process.argv.indexOf("--train") + 1], JSON.stringify(await recordQuickAnswers(exports)));
  const tmp = mkdtempSync(path.join(tmpdir(), "planguard-train-"));
  try {
    const plan = path.join(ROOT, "fixtures", "plans", "three-clouds", "plan.json");
    const reports = ["json", "sarif", "markdown", "github"].flatMap((f) => ["-o", `${f}=${path.join(tmp, f)}`]);
    // With a config, in both of its forms (a YAML one in block style, a JSON one in flow style): a
    // config's parse and checks were compiled at run time and were ~10% of an empty plan's scan.
    const yamlConfig = path.join(ROOT, "fixtures", "plans", "three-clouds", ".planguard.yaml");
    // A run that fails (exit 2) would train the cache on its error path: the build says so instead.
    const run = async (args) => {
      if ((await exports.main(args)) === 2)
        throw new Error(`build-cli: the training run failed: planguard ${args.join(" ")}`);
    };
    await run(["scan", plan, "--source-dir", tmp, "--config", yamlConfig, ...reports]);
    const emptyPlan = path.join(tmp, "empty-plan.json");
    writeFileSync(emptyPlan, JSON.stringify(EMPTY_PLAN));
    const jsonConfig = path.join(tmp, "config.json");
    writeFileSync(jsonConfig, JSON.stringify(JSON_CONFIG, null, 2));
    await run(["scan", emptyPlan, "--source-dir", tmp, "--config", jsonConfig]); // the text report on stdout
    await run(["--help"]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  writeFileSync(codeCacheFileOf(PROGRAM), script.createCachedData());
  process.exitCode = 0;
}

/**
 * What the program prints for --help, --version and each command's help
 * (src/cli/quick-answers.ts), recorded for the entry to print without
 * loading the program. Kept only when the program wrote nothing to stderr,
 * and no line could be taken for a GitHub workflow command (the program's
 * guard would have changed it there).
 */
async function recordQuickAnswers(program) {
  const { keyOf, quickAnswerArgs } = await dist("cli/quick-answers.js");
  const commands = program.buildProgram().commands.map((c) => c.name());
  const answers = {};
  for (const args of quickAnswerArgs(commands)) {
    let stdout = "";
    let stderr = "";
    const { write: out } = process.stdout;
    const { write: err } = process.stderr;
    process.stdout.write = (chunk) => {
      stdout += String(chunk);
      return true;
    };
    process.stderr.write = (chunk) => {
      stderr += String(chunk);
      return true;
    };
    let code;
    try {
      code = await program.main(args);
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
      process.exitCode = undefined;
    }
    if (stderr === "" && !/^::/m.test(stdout)) answers[keyOf(args)] = { stdout, code };
  }
  return answers;
}
