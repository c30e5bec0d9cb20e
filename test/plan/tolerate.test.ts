import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/input-error.js";
import { parseDocument } from "../../src/plan/load.js";
import { buildModel } from "../../src/plan/model.js";
import { MEMBERS_A_SCAN_DOES_NOT_NEED } from "../../src/plan/tolerate.js";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

const planText = readFileSync(fixturePath("rules", "PG-AWS-NET-001", "fail.json"), "utf8");
const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(planText, "utf16le")]);
const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(planText, "utf16le").swap16()]);

describe("a UTF-16 plan with a byte order mark", () => {
  for (const [name, bytes] of [
    ["little-endian", utf16le],
    ["big-endian", utf16be],
  ] as const) {
    it(`is read (${name}) with a warning, the same as its UTF-8 twin`, () => {
      const loaded = parseDocument("plan.json", bytes);
      const twin = parseDocument("plan.json", Buffer.from(planText, "utf8"));
      expect(loaded.warnings[0]).toMatch(/UTF-16 .*converted to UTF-8/);
      expect(twin.warnings).toEqual([]);
      expect(buildModel(loaded).resources.map((r) => r.address)).toEqual(
        buildModel(twin).resources.map((r) => r.address),
      );
    });
  }

  it("is scanned by the command line: findings, not exit 2, and the warning on stderr", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pg-utf16-"));
    const file = path.join(dir, "plan.json");
    writeFileSync(file, utf16le);
    const run = await runCli(["scan", file, "--no-color", "-f", "json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain("PG-AWS-NET-001");
    expect(run.stderr + JSON.stringify(report.inputs)).toMatch(/UTF-16/);
  });
});

describe("Terraform 1.0.x drift entries without an address", () => {
  it("get the address derived from module, mode, type, name and index", () => {
    const file = fixturePath("real-plans", "derived", "tf-1.0-drift-without-address", "plan.json");
    const loaded = parseDocument(file, readFileSync(file));
    const drift = loaded.doc["resource_drift"] as { address: string }[];
    expect(drift.map((d) => d.address)).toEqual(["test_instance.should_refresh"]);
  });

  it("derives module, data source and keyed addresses", () => {
    const doc = {
      format_version: "0.2",
      resource_drift: [
        {
          module_address: 'module.m["a"]',
          mode: "data",
          type: "aws_ami",
          name: "ubuntu",
          index: 0,
          change: { actions: ["update"] },
        },
        { mode: "managed", type: "aws_s3_bucket", name: "b", index: "logs", change: { actions: ["update"] } },
      ],
    };
    const loaded = parseDocument("p.json", Buffer.from(JSON.stringify(doc)));
    expect((loaded.doc["resource_drift"] as { address: string }[]).map((d) => d.address)).toEqual([
      'module.m["a"].data.aws_ami.ubuntu[0]',
      'aws_s3_bucket.b["logs"]',
    ]);
  });
});

describe("members a scan does not need", () => {
  const plan = JSON.parse(planText) as Record<string, unknown>;
  const load = (doc: unknown, tolerate = MEMBERS_A_SCAN_DOES_NOT_NEED) =>
    parseDocument("p.json", Buffer.from(JSON.stringify(doc)), { tolerate });

  it("are left out with a warning naming the member when their shape is unexpected", () => {
    const loaded = load({ ...plan, variables: [], relevant_attributes: "all", checks: {}, timestamp: 42 });
    expect(loaded.warnings).toHaveLength(4);
    for (const m of ["variables", "relevant_attributes", "checks", "timestamp"]) {
      expect(loaded.warnings.some((w) => w.includes(`\`${m}\``))).toBe(true);
      expect(m in loaded.doc).toBe(false);
    }
    expect(buildModel(loaded).resources.length).toBe((plan["resource_changes"] as unknown[]).length);
  });

  it("stay strict for what the scan needs, and for a caller that needs them (drift)", () => {
    expect(() => load({ ...plan, resource_changes: {} })).toThrow(InputError);
    expect(() => load({ ...plan, resource_drift: [{}] }, [])).toThrow(/resource_drift/);
    expect(load({ ...plan, resource_drift: [{}] }).warnings[0]).toMatch(/`resource_drift`/);
  });
});
