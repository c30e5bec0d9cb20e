import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/input-error.js";
import { readStreamUpTo } from "../../src/plan/load.js";
import { MAX_MODULE_NESTING } from "../../src/plan/validate.js";
import { MAX_BUNDLE_UNPACKED_BYTES } from "../../src/policy/wasm.js";
import {
  MAX_BASELINE_BYTES,
  MAX_CONFIG_BYTES,
  MAX_DATA_FILE_BYTES,
  MAX_POLICY_FILE_BYTES,
} from "../../src/plan/read-bounded.js";
import { MAX_TF_FILE_BYTES } from "../../src/source/module-files.js";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

/**
 * Every size the pull request controls has a bound checked while reading;
 * going over it is one line naming the file and the bound, exit 2. (How long
 * and how much memory the refusals take is measured on whole processes, not
 * here: see SECURITY.md.)
 */

const dir = mkdtempSync(path.join(tmpdir(), "planguard-bounds-"));
const ebsPlan = readFileSync(fixturePath("rules", "PG-AWS-EBS-001", "fail.json"), "utf8").trim();
let counter = 0;
const write = (name: string, text: string | Buffer) => {
  const file = path.join(dir, `${counter++}-${name}`);
  writeFileSync(file, text);
  return file;
};

/** The EBS fixture plan with a configuration whose module calls nest `depth` levels. */
function planWithNestedModuleCalls(depth: number): string {
  const open = '{"module_calls":{"m":{"source":"./m","module":'.repeat(depth);
  return `${ebsPlan.slice(0, -1)},"configuration":{"root_module":${open}{}${"}}}".repeat(depth)}}}`;
}

function expectOneLineRefusal(
  run: { code: number; stdout: string; stderr: string },
  file: string,
  problem: RegExp,
): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(problem);
}

writeFileSync(path.join(dir, "0-plan.json"), ebsPlan);
counter = 1;

describe("module nesting", () => {
  it.each([20_000, 100_000])("refuses %i nested module calls in one line", async (depth) => {
    const file = write("plan.json", planWithNestedModuleCalls(depth));
    expectOneLineRefusal(
      await runCli(["scan", file]),
      file,
      new RegExp(`modules in configuration are nested more than ${MAX_MODULE_NESTING} levels deep`),
    );
  });

  it("refuses state modules nested past the bound, and reads them up to it", async () => {
    const nest = (depth: number) => {
      let module = `{"address":"module.m0","resources":[]}`;
      for (let i = 1; i < depth; i++) module = `{"address":"module.m${i}","resources":[],"child_modules":[${module}]}`;
      return `{"format_version":"1.0","terraform_version":"1.9.8","values":{"root_module":{"resources":[],"child_modules":[${module}]}}}`;
    };
    const deep = write("state.json", nest(MAX_MODULE_NESTING + 1));
    expectOneLineRefusal(await runCli(["scan", deep]), deep, /modules in values are nested more than/);
    const atBound = await runCli(["scan", write("state.json", nest(MAX_MODULE_NESTING))]);
    expect(atBound.stderr).toBe("");
    expect(atBound.code).toBe(0);
  });

  it("reads a plan whose module calls nest up to the bound", async () => {
    const run = await runCli(["scan", write("plan.json", planWithNestedModuleCalls(MAX_MODULE_NESTING)), "-f", "json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
  });
});

describe("stdin", () => {
  it("stops reading as soon as the input passes --max-input-size", async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<Buffer> {
      for (;;) {
        pulled++;
        yield Buffer.alloc(64 * 1024, 0x20);
      }
    }
    const err = await readStreamUpTo("-", endless(), 1024 * 1024).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problem).toBe(
      "the input is over the limit of 1048576 bytes (raise it with --max-input-size)",
    );
    // 16 chunks reach the bound, the 17th passes it; nothing after that is asked for.
    expect(pulled).toBe(17);
  });

  it("is refused in one line by the command while the writer is still writing (a pipe that never ends)", async () => {
    const child = spawn(process.execPath, ["dist/cli/main.js", "scan", "-", "--max-input-size", "100000"], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    let stdout = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stdin.on("error", () => {
      // EPIPE once planguard stops reading: expected, the test judges its output
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let open = true;
    const pump = () => {
      while (open && child.stdin.write(chunk));
      if (open) child.stdin.once("drain", pump);
    };
    pump();
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    open = false;
    child.stdin.destroy();
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("planguard: -: the input is over the limit of 100000 bytes (raise it with --max-input-size)\n");
  });
});

describe(".tf files", () => {
  it("refuses a .tf file over the bound before reading it", async () => {
    const src = path.join(dir, `src-${counter++}`);
    mkdirSync(src);
    const plan = path.join(src, "plan.json");
    writeFileSync(plan, ebsPlan);
    const tf = path.join(src, "main.tf");
    writeFileSync(tf, 'resource "aws_ebs_volume" "scratch" {\n}\n');
    truncateSync(tf, MAX_TF_FILE_BYTES + 1); // sparse: no disk or memory spent making it
    expectOneLineRefusal(
      await runCli(["scan", plan, "--source-dir", src]),
      tf,
      new RegExp(`over the limit of ${MAX_TF_FILE_BYTES} bytes for a .tf file`),
    );
    truncateSync(tf, 64 * 1024);
    const small = await runCli(["scan", plan, "--source-dir", src, "-f", "json"]);
    expect(small.code).toBe(1);
    expect(JSON.parse(small.stdout).findings[0].source.file).toMatch(/main\.tf$/);
  });
});

/** A ustar header for one entry, with the size field as given (normally 11 octal digits). */
function tarHeader(name: string, sizeField: string): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, "latin1");
  h.write("0000644\0", 100, "latin1");
  h.write(sizeField, 124, "latin1");
  h.write("ustar\0", 257, "latin1");
  return h;
}

describe("wasm bundles", () => {
  it.each(["-0000001000", "77777777777x", "\x80\x00\x00\x00\x00\x00\x00\x00\x00\x00\x10\x00"])(
    "refuses a tar entry with the size field %j",
    async (sizeField) => {
      const bundle = write(
        "bundle.tar.gz",
        gzipSync(Buffer.concat([tarHeader("policy.wasm", sizeField), Buffer.alloc(2048)])),
      );
      expectOneLineRefusal(
        await runCli(["scan", path.join(dir, "0-plan.json"), "--bundle", bundle]),
        bundle,
        /the bundle's tar archive is corrupt: the entry at byte 0 has the size field/,
      );
    },
  );

  it("refuses an entry whose size runs past the end of the archive", async () => {
    const bundle = write(
      "bundle.tar.gz",
      gzipSync(Buffer.concat([tarHeader("policy.wasm", "00000100000"), Buffer.alloc(1024)])),
    );
    expectOneLineRefusal(
      await runCli(["scan", path.join(dir, "0-plan.json"), "--bundle", bundle]),
      bundle,
      /the bundle's tar archive is corrupt/,
    );
  });

  it("stops inflating a gzip bomb at the bound", async () => {
    // Concatenated gzip members inflate as one stream: a few hundred KB that unpack past the bound.
    const member = gzipSync(Buffer.alloc(16 * 1024 * 1024));
    const bomb = Buffer.concat(
      Array.from({ length: MAX_BUNDLE_UNPACKED_BYTES / (16 * 1024 * 1024) + 1 }, () => member),
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const bundle = write("bundle.tar.gz", bomb);
    expectOneLineRefusal(
      await runCli(["scan", path.join(dir, "0-plan.json"), "--bundle", bundle]),
      bundle,
      new RegExp(`the bundle unpacks to more than ${MAX_BUNDLE_UNPACKED_BYTES} bytes`),
    );
  });
});

describe("config, data, policy and baseline files", () => {
  it.each([
    ["--config", "config.yaml", MAX_CONFIG_BYTES, "a config file"],
    ["--data", "data.json", MAX_DATA_FILE_BYTES, "a data file"],
    ["--policy", "policy.rego", MAX_POLICY_FILE_BYTES, "a policy file"],
    ["--baseline", "baseline.json", MAX_BASELINE_BYTES, "a baseline"],
  ] as const)(
    "%s: a file over the bound is refused from its size, before it is read",
    async (flag, name, bound, what) => {
      const file = write(name, "");
      truncateSync(file, bound + 1); // sparse: no disk or memory spent making it
      expectOneLineRefusal(
        await runCli(["scan", path.join(dir, "0-plan.json"), flag, file]),
        file,
        new RegExp(`the file is ${bound + 1} bytes, over the limit of ${bound} bytes for ${what}$`),
      );
    },
  );
});
