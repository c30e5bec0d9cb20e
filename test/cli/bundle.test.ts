import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  openSync,
  closeSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { DRIFT_FORMATS } from "../../src/drift/formats.js";
import { DRIFT_FORMAT_NAMES } from "../../src/cli/drift.js";
import { HISTORY_FORMATS } from "../../src/drift/history-formats.js";
import { HISTORY_FORMAT_NAMES } from "../../src/cli/report.js";
import { TUNE_FROM_BYTES } from "../../src/cli/v8-tuning.js";
import { chromiumMissing, launchBrowser, openReport } from "../helpers/browser.js";
import { runCli } from "../helpers/cli.js";
import { fixturePath, repoRoot } from "../helpers/shared.js";

const BIN = path.join(repoRoot, "dist", "cli", "planguard.cjs");
const missing = existsSync(BIN) ? undefined : `skipped: ${BIN} is absent (run npm run build)`;
if (missing) console.warn(missing);

/** The built command line as a user runs it: its own process, another working directory. */
function runBundle(args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: tmpdir(),
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("the command line's formats named ahead of their modules", () => {
  it("names exactly the drift formats the drift engine renders", () => {
    expect([...DRIFT_FORMAT_NAMES].sort()).toEqual(Object.keys(DRIFT_FORMATS).sort());
  });

  it("names exactly the drift-history formats the report engine renders", () => {
    expect([...HISTORY_FORMAT_NAMES].sort()).toEqual(Object.keys(HISTORY_FORMATS).sort());
  });
});

describe.skipIf(missing)("the bundled command line (dist/cli/planguard.cjs, built by npm run build)", () => {
  it("is what package.json's bin runs", () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
      bin: Record<string, string>;
    };
    expect(path.resolve(repoRoot, pkg.bin["planguard"]!)).toBe(BIN);
  });

  it.each([
    ["a failing plan", ["scan", fixturePath("rules", "PG-AWS-EBS-001", "fail.json")]],
    [
      "a plan of three clouds, as JSON",
      ["scan", "--format", "json", fixturePath("plans", "three-clouds", "plan.json")],
    ],
    ["a plan whose input is missing", ["scan", "no-such-plan.json"]],
    ["the rule list", ["rules", "--format", "json"]],
  ])("prints what the source prints in-process, with the same exit code: %s", async (_what, args) => {
    const bundled = runBundle(args);
    const source = await runCli(args);
    expect(bundled.stderr).toBe(source.stderr);
    expect(bundled.code).toBe(source.code);
    // The JSON report carries the input's path; both runs were given the same absolute one.
    expect(bundled.stdout).toBe(source.stdout);
  });

  it("starts as CommonJS, and runs the same as an ES module for `node dist/cli/planguard.js`", () => {
    // CommonJS: no ES module loader at start-up (src/cli/main.ts).
    expect(readFileSync(BIN, "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
    const asModule = path.join(path.dirname(BIN), "planguard.js");
    const args = ["scan", fixturePath("rules", "PG-AWS-EBS-001", "fail.json")];
    const viaModule = spawnSync(process.execPath, [asModule, ...args], {
      cwd: tmpdir(),
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    const bundled = runBundle(args);
    expect(bundled.code).toBe(1);
    expect(viaModule.status).toBe(bundled.code);
    expect(viaModule.stdout).toBe(bundled.stdout);
    expect(viaModule.stderr).toBe(bundled.stderr);
  });

  it("prints its help and version", () => {
    const help = runBundle(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: planguard/);
    for (const command of ["scan", "drift", "rules", "test"])
      expect(help.stdout).toMatch(new RegExp(`\\n  ${command}\\b`));
    expect(runBundle(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("loads its program with the V8 code cache made at build time, as a run starts it (V8's default flags)", () => {
    const loader = pathToFileURL(path.join(repoRoot, "dist", "cli", "bundle-loader.js")).href;
    const program = path.join(path.dirname(BIN), "planguard-program.cjs");
    // A run tunes V8 only after this load, and only for a large plan (src/cli/v8-tuning.ts).
    const script = `const { loadBundle } = await import(${JSON.stringify(loader)});
      const loaded = loadBundle(${JSON.stringify(program)});
      console.log(JSON.stringify({ cacheUsed: loaded.cacheUsed, main: typeof loaded.exports.main }));`;
    const env = { ...process.env };
    delete env["NODE_OPTIONS"];
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ cacheUsed: true, main: "function" });
  });

  it("scans an empty plan without loading node:v8 or node:fs/promises, and tunes V8 for a large plan", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-start-"));
    try {
      // Which of Node's own modules the process loaded, written when it exits.
      const preload = path.join(dir, "modules.cjs");
      writeFileSync(
        preload,
        `process.on("exit", () => require("node:fs").writeSync(2, "\\nMODULES " + JSON.stringify(process.moduleLoadList) + "\\n"));`,
      );
      const config = path.join(dir, "config.json");
      writeFileSync(config, JSON.stringify({ gpu: { max_total: 8 } }));
      const modulesOf = (plan: string) => {
        const run = spawnSync(process.execPath, ["-r", preload, BIN, "scan", plan, "--config", config], {
          cwd: dir,
          encoding: "utf8",
        });
        expect(run.status).toBe(0);
        const line = run.stderr.split("\n").find((l) => l.startsWith("MODULES "));
        return (JSON.parse(line?.slice("MODULES ".length) ?? "[]") as string[]).filter((m) =>
          m.startsWith("NativeModule "),
        );
      };
      const plan = {
        format_version: "1.2",
        terraform_version: "1.9.8",
        resource_changes: [],
        planned_values: { root_module: {} },
      };
      const empty = path.join(dir, "empty.json");
      writeFileSync(empty, JSON.stringify(plan));
      const small = modulesOf(empty);
      expect(small).toContain("NativeModule fs"); // the list is read
      expect(small).not.toContain("NativeModule v8");
      expect(small).not.toContain("NativeModule fs/promises");
      // The same plan padded past the size from which V8 is tuned (src/cli/v8-tuning.ts) loads node:v8 to tune it.
      const large = path.join(dir, "large.json");
      writeFileSync(large, JSON.stringify(plan) + " ".repeat(TUNE_FROM_BYTES));
      // (Only on the V8 the tuning is for: tuneV8ForShortRuns leaves any other alone.)
      if (process.versions.v8.startsWith("11.")) expect(modulesOf(large)).toContain("NativeModule v8");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(chromiumMissing())(
    "writes an HTML report whose script (taken from its function's text, minified with the program) works in a browser",
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "planguard-bundle-html-"));
      const browser = await launchBrowser();
      try {
        const html = path.join(dir, "scan.html");
        const plan = path.join(repoRoot, "examples", "ml-platform", "plan.json");
        expect(runBundle(["scan", plan, "-o", `html=${html}`, "-o", `json=${path.join(dir, "scan.json")}`]).code).toBe(
          1,
        );
        const total = (JSON.parse(readFileSync(path.join(dir, "scan.json"), "utf8")) as { summary: { total: number } })
          .summary.total;
        const report = await openReport(browser.browser, html);
        await report.page.waitForSelector("html.pg-ready");
        expect(report.errors).toEqual([]);
        expect(report.requests).toEqual([]);
        const count = await report.page.$eval('[data-count="findings"]', (e) => Number(e.textContent));
        expect(count).toBe(total);
        expect(total).toBeGreaterThan(1);
        // The search box filters the table: the script's handlers run.
        await report.page.type("#view-findings input[type=search]", "no finding has this text");
        await report.page.waitForFunction(() => document.querySelector('[data-count="findings"]')?.textContent === "0");
      } finally {
        await browser.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it("runs without its code cache when V8 refuses it (another Node or other flags), and with --debug", () => {
    // A V8 flag the cache was not made with: V8 rejects the cache and compiles as usual.
    const flagged = spawnSync(
      process.execPath,
      ["--no-lazy-feedback-allocation", BIN, "scan", fixturePath("rules", "PG-AWS-EBS-001", "pass.json")],
      { cwd: tmpdir(), encoding: "utf8" },
    );
    expect(flagged.stderr).toBe("");
    expect(flagged.status).toBe(0);
    const debug = runBundle(["scan", "--debug", fixturePath("rules", "PG-AWS-EBS-001", "fail.json")]);
    expect(debug.code).toBe(1);
    expect(debug.stdout).toContain("PG-AWS-EBS-001");
  });

  it("under --debug loads its program so that stack traces name the source files and lines, not the bundle's", () => {
    const loader = pathToFileURL(path.join(repoRoot, "dist", "cli", "bundle-loader.js")).href;
    const program = path.join(path.dirname(BIN), "planguard-program.cjs");
    // As the entry does for --debug: source maps on, then the bundle through Node's own loader.
    const script = `process.setSourceMapsEnabled(true);
      const { loadBundle } = await import(${JSON.stringify(loader)});
      const { exports } = loadBundle(${JSON.stringify(program)}, { debug: true });
      try { await exports.main(42); } catch (err) { console.log(err.stack); }`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.stdout).toMatch(/TypeError/);
    expect(run.stdout).toMatch(/src[\\/]cli[\\/]program\.ts:\d+:\d+/);
    expect(run.stdout).not.toMatch(/planguard-program\.cjs:\d+/);
  });

  it("takes the bundled policies as compiled at build time (the cache beside it was written by the compiler inside it)", () => {
    const dir = path.dirname(BIN);
    // The file's first line is its index (compiled-cache.ts).
    const index = readFileSync(path.join(dir, "bundled-compiled.json"), "utf8").split("\n")[0]!;
    const cache = JSON.parse(index) as { engine: string };
    const code = readdirSync(dir)
      .filter((f) => /^planguard.*\.c?js$/.test(f))
      .map((f) => readFileSync(path.join(dir, f), "utf8"))
      .join("\n");
    expect(cache.engine).toMatch(/^[0-9a-f]{64}$/);
    expect(code).toContain(cache.engine);
  });

  it("sees an edited, an added or a removed bundled policy file without a rebuild, and runs from a read-only install", () => {
    // The package as npm installs it: dist/cli beside policies/, every file with one modification time.
    const root = mkdtempSync(path.join(tmpdir(), "planguard-installed-"));
    cpSync(path.dirname(BIN), path.join(root, "dist", "cli"), { recursive: true });
    cpSync(path.join(repoRoot, "policies"), path.join(root, "policies"), { recursive: true });
    const installedAt = new Date("1985-10-26T08:15:00Z");
    const touchAll = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) touchAll(full);
        utimesSync(full, installedAt, installedAt);
      }
    };
    touchAll(root);
    const plan = path.join(root, "plan.json");
    writeFileSync(
      plan,
      JSON.stringify({
        format_version: "1.2",
        terraform_version: "1.9.8",
        resource_changes: [
          {
            address: "aws_kinesis_firehose_delivery_stream.s",
            mode: "managed",
            type: "aws_kinesis_firehose_delivery_stream",
            name: "s",
            provider_name: "registry.terraform.io/hashicorp/aws",
            change: {
              actions: ["create"],
              before: null,
              after: { name: "s", server_side_encryption: [] },
              after_unknown: {},
            },
          },
        ],
        configuration: { root_module: {} },
      }),
    );
    const bin = path.join(root, "dist", "cli", "planguard.cjs");
    const scan = () => {
      const run = spawnSync(process.execPath, [bin, "scan", plan, "--format", "json"], { cwd: root, encoding: "utf8" });
      expect(run.stderr).toBe("");
      return run.stdout;
    };
    const rule = path.join(root, "policies", "encryption", "aws", "firehose_stream_encrypted.rego");
    const text = readFileSync(rule, "utf8");
    try {
      chmodSync(path.join(root, "dist", "cli"), 0o555);
      chmodSync(path.join(root, "policies"), 0o555);
      expect(scan()).toContain("does not encrypt the records it buffers.");
      chmodSync(path.join(root, "policies"), 0o755);
      // The same size, the modification time of an edit.
      writeFileSync(rule, text.replaceAll("the records it buffers", "the entries it buffers"));
      expect(scan()).toContain("does not encrypt the entries it buffers.");
      // Another size is seen whatever the modification time (an edit of the same size under an old one is not: docs/DESIGN.md).
      writeFileSync(rule, text.replaceAll("the records it buffers", "its records"));
      utimesSync(rule, installedAt, installedAt);
      expect(scan()).toContain("does not encrypt its records.");
      writeFileSync(rule, text);
      utimesSync(rule, installedAt, installedAt);
      rmSync(rule);
      expect(scan()).not.toContain("does not encrypt the records");
      const added = path.join(root, "policies", "encryption", "aws", "firehose_stream_again.rego");
      writeFileSync(
        added,
        text.replaceAll("firehose_stream_encrypted", "firehose_stream_again").replaceAll("the records it", "what it"),
      );
      utimesSync(added, installedAt, installedAt);
      expect(scan()).toContain("does not encrypt what it buffers.");
    } finally {
      chmodSync(path.join(root, "dist", "cli"), 0o755);
      chmodSync(path.join(root, "policies"), 0o755);
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("exits only after a slow reader has its whole report and -o's file is in place", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-exit-"));
    try {
      // Many findings: a text report over twice a pipe's 64 KiB, so the process waits on its reader.
      const plan = path.join(dir, "plan.json");
      const made = spawnSync(
        process.execPath,
        [path.join(repoRoot, "bench", "generate-dense.js"), "--resources", "600", "--seed", "3", "--out", plan],
        { encoding: "utf8" },
      );
      expect(made.status, made.stderr).toBe(0);
      const json = path.join(dir, "report.json");
      const args = [BIN, "scan", plan, "-o", `json=${json}`];
      // The reference: stdout to a file, which takes every write at once.
      const expectedFile = path.join(dir, "expected.txt");
      const fd = openSync(expectedFile, "w");
      const reference = spawnSync(process.execPath, args, { cwd: dir, stdio: ["ignore", fd, "pipe"] });
      closeSync(fd);
      expect(reference.status).toBe(1);
      const expected = readFileSync(expectedFile);
      expect(expected.length).toBeGreaterThan(2 * 65536);
      rmSync(json);

      const slow = await new Promise<{ code: number | null; stdout: Buffer }>((resolve, reject) => {
        const child = spawn(process.execPath, args, { cwd: dir, stdio: ["ignore", "pipe", "ignore"] });
        const chunks: Buffer[] = [];
        child.stdout.pause();
        // Read nothing for a while, then a chunk at a time with pauses: the pipe stays full.
        setTimeout(() => {
          child.stdout.on("data", (chunk: Buffer) => {
            chunks.push(chunk);
            child.stdout.pause();
            setTimeout(() => child.stdout.resume(), 5);
          });
          child.stdout.resume();
        }, 300);
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout: Buffer.concat(chunks) }));
      });
      expect(slow.code).toBe(1);
      expect(slow.stdout.equals(expected)).toBe(true);
      const report = JSON.parse(readFileSync(json, "utf8")) as { findings: unknown[] };
      expect(report.findings.length).toBeGreaterThan(100);
      // The -o temporaries (write.ts) are renamed into place or removed: only the files made here remain.
      expect(readdirSync(dir).sort()).toEqual(["expected.txt", "plan.json", "report.json"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("loads the libraries kept beside its program (graphql, ajv, re2js, opa-wasm) from its own directory at first use", async () => {
    // Only dist/cli and policies/, away from the repository and its node_modules: each library is a file of dist/cli.
    const root = mkdtempSync(path.join(tmpdir(), "planguard-libraries-"));
    cpSync(path.dirname(BIN), path.join(root, "dist", "cli"), { recursive: true });
    cpSync(path.join(repoRoot, "policies"), path.join(root, "policies"), { recursive: true });
    const policy = path.join(root, "libraries.rego");
    writeFileSync(
      policy,
      [
        "package main",
        "",
        'deny contains msg if { some r in input.resource_changes; regex.match("^aws_[a-z_]+$", r.type); msg := sprintf("regex: %s", [r.address]) }',
        'deny contains msg if { graphql.is_valid("{ a }", "type Query { a: Int }"); msg := "graphql: valid" }',
        'deny contains msg if { [ok, errs] := json.match_schema({"a": "x"}, {"type": "object", "properties": {"a": {"type": "integer"}}}); not ok; msg := sprintf("schema: %v", [errs]) }',
        "",
      ].join("\n"),
    );
    const plan = fixturePath("rules", "PG-AWS-EBS-001", "fail.json");
    const bin = path.join(root, "dist", "cli", "planguard.cjs");
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
    try {
      const args = ["scan", plan, "--no-bundled", "--policy", policy, "-n", "main", "--format", "json"];
      const bundled = run(args);
      const source = await runCli(args);
      expect(bundled.stderr).toBe(source.stderr);
      expect(bundled.status).toBe(source.code);
      expect(bundled.stdout).toBe(source.stdout);
      for (const seen of ["regex: aws_ebs_volume", "graphql: valid", "schema: "])
        expect(bundled.stdout).toContain(seen);
      // opa-wasm is loaded by --bundle before the file is read as WebAssembly.
      const notWasm = path.join(root, "policy.wasm");
      writeFileSync(notWasm, "this is not wasm");
      const wasmArgs = ["scan", plan, "--no-bundled", "--bundle", notWasm];
      const bundledWasm = run(wasmArgs);
      const sourceWasm = await runCli(wasmArgs);
      expect(bundledWasm.stderr).toMatch(/not a policy compiled with `opa build -t wasm`/);
      expect(bundledWasm.stderr).toBe(sourceWasm.stderr);
      expect(bundledWasm.status).toBe(sourceWasm.code);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
