import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const scenario = "fixtures/drift/refresh-only-scenario.json";
const tmp = () => mkdtempSync(path.join(tmpdir(), "pg-report-cli-"));

describe("planguard drift --history and planguard report", () => {
  it("appends a record per run and reports the runs as JSON, Markdown and HTML", async () => {
    const dir = tmp();
    const history = path.join(dir, "drift-history.jsonl");
    for (let i = 0; i < 2; i++) {
      const run = await runCli(["drift", scenario, "--history", history, "-f", "json"]);
      expect(run.code).toBe(1);
    }
    expect(readFileSync(history, "utf8").trimEnd().split("\n")).toHaveLength(2);
    const html = path.join(dir, "history.html");
    const run = await runCli([
      "report",
      history,
      "-f",
      "json",
      "-o",
      `html=${html}`,
      "-o",
      `markdown=${path.join(dir, "h.md")}`,
    ]);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.runs.map((r: { drifted: number }) => r.drifted)).toEqual([4, 4]);
    expect(summary.newSincePrevious).toEqual([]);
    expect(summary.mostDrifting[0]).toMatchObject({ address: "aws_security_group.training", runs: 2, highest: "high" });
    expect(readFileSync(html, "utf8")).toMatch(/^<!DOCTYPE html>/);
    expect(readFileSync(path.join(dir, "h.md"), "utf8")).toContain("## planguard drift history");
  });

  it("refuses to append to a file that is not a history, before writing any report", async () => {
    const dir = tmp();
    const notHistory = path.join(dir, "notes.txt");
    writeFileSync(notHistory, "nightly drift notes\n");
    const run = await runCli([
      "drift",
      scenario,
      "--history",
      notHistory,
      "-o",
      `html=${path.join(dir, "drift.html")}`,
      "-f",
      "json",
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^planguard: .*notes\.txt: not a planguard drift history/);
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
    expect(readFileSync(notHistory, "utf8")).toBe("nightly drift notes\n");
  });

  it("names the file and the problem, exit 2, for a missing or broken history", async () => {
    const dir = tmp();
    const missing = await runCli(["report", path.join(dir, "none.jsonl")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^planguard: .*none\.jsonl: .*\n$/);
    const broken = path.join(dir, "broken.jsonl");
    writeFileSync(broken, '{"v":1}\n');
    const bad = await runCli(["report", broken, "-f", "html"]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toBe(`planguard: ${broken}: line 1: "time" is not a date\n`);
  });
});

describe("-f html on the command line", () => {
  it("links findings to the repository through the config's report.source_url", async () => {
    const dir = tmp();
    const config = path.join(dir, "planguard.yaml");
    writeFileSync(config, 'report:\n  source_url: "https://git.example.com/acme/infra/-/blob/main/{path}#L{line}"\n');
    const run = await runCli([
      "scan",
      "examples/ml-platform/plan.json",
      "-c",
      config,
      "-f",
      "html",
      "--source-dir",
      "examples/ml-platform",
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(run.stdout).toContain("https://git.example.com/acme/infra/-/blob/main/");
  });

  it("refuses a source_url that is not http(s), naming the config", async () => {
    const dir = tmp();
    const config = path.join(dir, "planguard.yaml");
    writeFileSync(config, 'report:\n  source_url: "javascript:alert(1)"\n');
    const run = await runCli(["scan", "examples/ml-platform/plan.json", "-c", config, "-f", "html"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${config}:2: "report.source_url" must match pattern`);
  });

  it("renders drift as HTML", async () => {
    const run = await runCli(["drift", scenario, "-f", "html"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('data-card="drifted">4<');
  });
});
