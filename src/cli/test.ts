import path from "node:path";
import type { Command } from "commander";
import type { Value } from "../rego/value.js";
import { collect } from "./common-options.js";
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "./exit.js";

interface TestFlags {
  format: string;
  run?: string;
  data: string[];
  timeout: string;
  regoVersion: string;
}

/**
 * `planguard test`: runs every `test_*` rule of the given policies like
 * `opa test`, one line per test, and a closing `N passed, N failed`.
 * The bundled helper package (data.planguard.lib) is always loaded, so
 * policies written against it test on their own.
 */
export function registerTest(program: Command): void {
  program
    .command("test")
    .description("run the test_* rules of Rego policies, like opa test")
    .argument("[paths...]", "policy files or directories (default: the working directory)")
    .option("-f, --format <format>", "text or json", "text")
    .option("-r, --run <regex>", "run only tests whose name matches")
    .option("-d, --data <file>", "JSON or YAML document added under data; repeatable", collect, [])
    .option("--timeout <ms>", "time budget of each test", "10000")
    .option("--rego-version <v0|v1>", "accepted for conftest compatibility; both syntaxes are read either way", "v1")
    .action(async (paths: string[], flags: TestFlags) => {
      process.exitCode = await testCommand(paths.length > 0 ? paths : ["."], flags);
    });
}

async function testCommand(paths: string[], flags: TestFlags): Promise<number> {
  if (flags.regoVersion !== "v0" && flags.regoVersion !== "v1") throw new UsageError(`--rego-version must be v0 or v1 (got "${flags.regoVersion}")`);
  if (flags.format !== "text" && flags.format !== "json") throw new UsageError(`--format must be text or json (got "${flags.format}")`);
  let runPattern: RegExp | undefined;
  if (flags.run !== undefined) {
    try {
      runPattern = new RegExp(flags.run);
    } catch {
      throw new UsageError(`--run is not a valid regular expression: ${flags.run}`);
    }
  }
  const timeoutMs = Number(flags.timeout);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError(`--timeout must be a positive number of milliseconds (got "${flags.timeout}")`);
  // The Rego engine is loaded when tests run, not for --help or another command.
  const [{ BUNDLED_POLICY_DIR, readDataFiles, readPolicies }, { policyInputError }, { compileModules, RegoError, runRegoTests }] = await Promise.all([
    import("../policy/rego/runner.js"),
    import("../policy/rego/compile.js"),
    import("../rego/index.js"),
  ]);
  const sources = await readPolicies(paths, false, true);
  const lib = path.join(BUNDLED_POLICY_DIR, "lib", "lib.rego");
  if (!sources.some((s) => path.resolve(s.file) === lib)) sources.push(...(await readPolicies([lib], false)));
  const data = await readDataFiles(flags.data);
  let compiled;
  try {
    compiled = compileModules(
      sources.map((s) => ({ file: path.relative(process.cwd(), s.file) || s.file, text: s.text })),
      { regoVersion: "auto" },
    );
  } catch (err) {
    if (err instanceof RegoError) throw policyInputError(err);
    throw err;
  }
  // --run matches data.<package>.<test>, as `opa test --run` does.
  const results = runRegoTests(compiled, { data: data as Value, timeoutMs, ...(runPattern ? { runPattern } : {}) });
  const passed = results.filter((r) => r.status === "pass").length;
  const failed = results.length - passed;
  if (flags.format === "json") {
    process.stdout.write(JSON.stringify({ results, summary: { passed, failed } }, null, 2) + "\n");
  } else {
    const lines = results.map((r) => {
      const status = r.status.toUpperCase().padEnd(5);
      const detail = r.error ? `: ${r.error}` : "";
      return `${status} ${r.file}:${r.line} ${r.package}.${r.name} (${r.durationMs.toFixed(1)}ms)${detail}`;
    });
    process.stdout.write([...lines, "", `${passed} passed, ${failed} failed`, ""].join("\n"));
  }
  return failed > 0 ? EXIT_FINDINGS : EXIT_OK;
}
