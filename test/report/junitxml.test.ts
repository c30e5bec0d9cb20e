import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { formatJunitXml } from "../../src/report/junitxml.js";
import { runScan } from "../../src/scan/run.js";
import type { ScanResult } from "../../src/scan/result.js";
import { runCli } from "../helpers/cli.js";
import { fixturePath, repoRoot } from "../helpers/shared.js";

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

/** Parses with saxes, a strict XML 1.0 parser: anything not well-formed throws. */
function parseXml(xml: string): Element {
  const parser = new SaxesParser();
  const root: Element = { name: "#document", attributes: {}, children: [], text: "" };
  const stack = [root];
  parser.on("error", (err) => {
    throw err;
  });
  parser.on("opentag", (tag) => {
    const el: Element = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: "",
    };
    stack.at(-1)!.children.push(el);
    stack.push(el);
  });
  parser.on("text", (t) => (stack.at(-1)!.text += t));
  parser.on("closetag", () => stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}

const all = (el: Element, name: string): Element[] => [
  ...(el.name === name ? [el] : []),
  ...el.children.flatMap((c) => all(c, name)),
];

const ebsFail = fixturePath("rules", "PG-AWS-EBS-001", "fail.json");

describe("the junitxml format", () => {
  it("is well-formed JUnit: testsuites > testsuite > testcase, with counts that add up", async () => {
    const run = await runCli(["scan", ebsFail, "-f", "junitxml"]);
    expect(run.code).toBe(1);
    const doc = parseXml(run.stdout);
    expect(doc.name).toBe("testsuites");
    const suites = doc.children;
    expect(suites.map((s) => s.name)).toEqual(["testsuite"]);
    const cases = all(doc, "testcase");
    expect(Number(doc.attributes["tests"])).toBe(cases.length);
    expect(Number(suites[0]!.attributes["tests"])).toBe(cases.length);
    const failures = all(doc, "failure");
    expect(failures).toHaveLength(1);
    expect(doc.attributes["failures"]).toBe("1");
    expect(failures[0]!.attributes).toMatchObject({
      message: "EBS volume aws_ebs_volume.scratch is not encrypted at rest.",
      type: "high",
    });
    expect(failures[0]!.text).toContain("fix: Set `encrypted = true`");
    // Every other rule that ran passed on this plan, and is listed as such.
    const passed = cases.filter((c) => c.children.length === 0);
    expect(passed.length).toBe(cases.length - 1);
    expect(passed.some((c) => c.attributes["classname"] === "PG-AWS-S3-001")).toBe(true);
  });

  it("a clean plan has no failures", async () => {
    const doc = parseXml(
      (await runCli(["scan", fixturePath("rules", "PG-AWS-EBS-001", "pass.json"), "-f", "junitxml"])).stdout,
    );
    expect(doc.attributes["failures"]).toBe("0");
    expect(Number(doc.attributes["tests"])).toBeGreaterThan(0);
  });

  it("follows --fail-on: findings below it pass, with the finding as output", async () => {
    const doc = parseXml((await runCli(["scan", ebsFail, "-f", "junitxml", "--fail-on", "critical"])).stdout);
    expect(doc.attributes["failures"]).toBe("0");
    const ebs = all(doc, "testcase").find(
      (c) => c.attributes["name"] === "PG-AWS-EBS-001 aws_ebs_volume.scratch encrypted",
    )!;
    expect(ebs.children.map((c) => c.name)).toEqual(["system-out"]);
    expect(ebs.children[0]!.text).toMatch(/^\[high\] EBS volume/);
  });

  it("suppressed findings are skipped with their reason; rule errors are errors", async () => {
    const result = await runScan({
      files: [ebsFail],
      config: { waivers: [{ rule: "CKV_AWS_3", reason: 'scratch <data> & "logs"' }] },
    });
    result.failures.push({ ruleId: "main.deny", origin: "policy.rego (main.deny)", message: "eval_conflict_error" });
    const doc = parseXml(formatJunitXml(result, { failOn: "low", baseDir: repoRoot }));
    expect(all(doc, "skipped")[0]!.attributes["message"]).toBe(
      'suppressed (waiver, .planguard.yaml (waivers[0])): scratch <data> & "logs"',
    );
    expect(doc.attributes).toMatchObject({ failures: "0", errors: "1", skipped: "1" });
    expect(all(doc, "testsuite").at(-1)!.attributes["name"]).toBe("planguard: rules that could not run");
  });

  it("drift writes it too: each drifted resource that fails the run is a failure", async () => {
    const json = JSON.parse(
      (await runCli(["drift", fixturePath("drift", "refresh-only-scenario.json"), "-f", "json"])).stdout,
    );
    const run = await runCli([
      "drift",
      fixturePath("drift", "refresh-only-scenario.json"),
      "-f",
      "junitxml",
      "--fail-on",
      "medium",
    ]);
    expect(run.code).toBe(1);
    const doc = parseXml(run.stdout);
    const failing = json.findings.filter((f: { severity: string }) =>
      ["critical", "high", "medium"].includes(f.severity),
    ).length;
    expect(failing).toBeGreaterThan(0);
    expect(all(doc, "failure")).toHaveLength(failing);
    expect(all(doc, "testcase").map((c) => c.attributes["classname"])).toContain("PG-DRIFT-002");
  });

  it("escapes what comes from the plan and policies: markup, quotes, line breaks, characters XML cannot carry", () => {
    const hostile = "x\"/><injected a='1'>]]>&amp;\n\u0000\u001b\ud800";
    const result: ScanResult = {
      tool: { name: "planguard", version: "0" },
      inputs: [
        {
          file: "plan.json",
          kind: "plan",
          format: "plan",
          formatVersion: "1.2",
          resources: 1,
          judged: 1,
          warnings: [],
        },
      ],
      rules: [],
      findings: [
        {
          ruleId: `main.deny${hostile}`,
          severity: "high",
          category: "policy",
          message: `bad ${hostile}`,
          resource: { address: `aws_s3_bucket.b["${hostile}"]`, type: "aws_s3_bucket", module: "" },
          fingerprint: "f",
          file: "plan.json",
        },
      ],
      failures: [],
      gpu: {
        before: { total: 0, byModel: {}, byTeam: {}, byKind: {} },
        after: { total: 0, byModel: {}, byTeam: {}, byKind: {} },
      } as unknown as ScanResult["gpu"],
    };
    const xml = formatJunitXml(result, { failOn: "low", baseDir: repoRoot });
    expect(xml).not.toContain("<injected");
    const doc = parseXml(xml);
    expect(all(doc, "injected")).toEqual([]);
    const failure = all(doc, "failure")[0]!;
    expect(failure.attributes["message"]).toBe("bad x\"/><injected a='1'>]]>&amp;\n\ufffd\ufffd\ufffd");
    expect(all(doc, "testcase")[0]!.attributes["classname"]).toBe(
      "main.denyx\"/><injected a='1'>]]>&amp;\n\ufffd\ufffd\ufffd",
    );
  });
});
