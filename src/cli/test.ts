import path from "node:path";
import type { Command } from "commander";
import { InputError } from "../input-error.js";
import type { Value } from "../rego/value.js";
import { collect, parseRegoVersion } from "./common-options.js";
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError } from "./exit.js";
import { tuneV8ForShortRuns } from "./v8-tuning.js";

interface TestFlags {
  format: string;
  run?: string;
  data: string[];
  timeout: string;
  regoVersion: string;
  verbose?: boolean;
}

/**
 * `planguard test`: runs every `test_*` rule of the given policies like
 * `opa test`: the paths are loaded as OPA's loader does (modules, and JSON
 * and YAML files as data at their directory's path), the report lists the
 * tests that did not pass (all of them with -v) and a `PASS: N/M` summary.
 * The bundled helper library (policies/lib: data.planguard.lib, the provider
 * helpers beside it and the test assertions of data.planguard.lib.test) is
 * always loaded, so policies written against it test on their own.
 */
export function registerTest(program: Command): void {
  program
    .command("test")
    .description("run the test_* rules of Rego policies, like opa test")
    .argument("[paths...]", "policy files or directories (default: the working directory)")
    .option("-f, --format <format>", "text or json", "text")
    .option("-r, --run <regex>", "run only tests whose name matches")
    .option("-d, --data <file>", "JSON or YAML document merged at the root of data; repeatable", collect, [])
    .option("-v, --verbose", "list every test, with its print output and trace notes")
    .option("--timeout <ms>", "time budget of each test", "10000")
    .option(
      "--rego-version <v0|v1>",
      "Rego syntax of the policy files: v1 (OPA 1.x, the default) or v0 (OPA 0.x)",
      "v1",
    )
    .action(async (paths: string[], flags: TestFlags) => {
      tuneV8ForShortRuns();
      process.exitCode = await testCommand(paths.length > 0 ? paths : ["."], flags);
    });
}

async function testCommand(paths: string[], flags: TestFlags): Promise<number> {
  const regoVersion = parseRegoVersion(flags.regoVersion);
  if (flags.format !== "text" && flags.format !== "json")
    throw new UsageError(`--format must be text or json (got "${flags.format}")`);
  let runPattern: RegExp | undefined;
  if (flags.run !== undefined) {
    try {
      runPattern = new RegExp(flags.run);
    } catch {
      throw new UsageError(`--run is not a valid regular expression: ${flags.run}`);
    }
  }
  const timeoutMs = Number(flags.timeout);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new UsageError(`--timeout must be a positive number of milliseconds (got "${flags.timeout}")`);
  // The Rego engine is loaded when tests run, not for --help or another command.
  const {
    BUNDLED_POLICY_DIR,
    compileLeavingOutBroken,
    formatTestReport,
    PLANGUARD_BUILTINS,
    readPolicies,
    readPolicyTree,
    runRegoTests,
  } = await import("./test-engine.js");
  const tree = await readPolicyTree(paths, flags.data);
  const sources = tree.sources;
  if (sources.length === 0) throw new InputError(paths.join(", "), "holds no .rego files");
  // Its own tests (*_test.rego) are not added: they run when policies/lib is given.
  const lib = new Set(
    (await readPolicies([path.join(BUNDLED_POLICY_DIR, "lib")], false)).map((s) => path.resolve(s.file)),
  );
  const given = new Set(sources.map((s) => path.resolve(s.file)));
  for (const file of lib) if (!given.has(file)) sources.push(...(await readPolicies([file], false)));
  const data = tree.data;
  // A file that does not compile is reported and left out; the others' tests still run.
  const { compiled, broken } = compileLeavingOutBroken(
    sources.map((s) => {
      const own = lib.has(path.resolve(s.file));
      // The bundled helper library is v1; the user's files are what --rego-version says.
      return {
        file: path.relative(process.cwd(), s.file) || s.file,
        text: s.text,
        regoVersion: own ? "v1" : regoVersion,
        required: own,
      };
    }),
    { extraBuiltins: PLANGUARD_BUILTINS },
  );
  for (const e of broken) process.stderr.write(`planguard: ${e.message}\n`);
  // --run matches data.<package>.<test>, as `opa test --run` does.
  const results = runRegoTests(compiled, { data: data as Value, timeoutMs, ...(runPattern ? { runPattern } : {}) });
  const passed = results.filter((r) => r.status === "pass").length;
  const failed = results.length - passed;
  if (flags.format === "json") {
    process.stdout.write(JSON.stringify({ results, summary: { passed, failed } }, null, 2) + "\n");
  } else {
    process.stdout.write(formatTestReport(results, flags.verbose === true));
  }
  if (broken.length > 0) {
    process.stderr.write(`planguard: ${broken.length} policy file(s) did not compile; their tests did not run\n`);
    return EXIT_ERROR;
  }
  return failed > 0 ? EXIT_FINDINGS : EXIT_OK;
}
