import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../helpers/cli.js";
import { fixturePath, repoRoot } from "../helpers/shared.js";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

const workflow = parse(readFileSync(path.join(repoRoot, "examples", "workflows", "drift.yml"), "utf8")) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: { drift: { steps: Step[] } };
};
const steps = workflow.jobs.drift.steps;
const runs = steps.map((s) => s.run ?? "").join("\n");

describe("examples/workflows/drift.yml", () => {
  it("runs nightly, refresh-only, and never uploads the plan", () => {
    expect(workflow.on).toHaveProperty("schedule");
    expect(runs).toMatch(/terraform plan -refresh-only .*-out drift\.tfplan/);
    expect(runs).toContain("terraform show -json drift.tfplan > drift.json");
    const uploaded = steps
      .filter((s) => s.uses?.startsWith("actions/upload-artifact"))
      .map((s) => String(s.with?.["path"]));
    expect(uploaded.join()).toContain("drift.md");
    expect(uploaded.join()).not.toMatch(/drift\.json\b|tfplan/);
    expect(workflow.permissions).toMatchObject({ issues: "write", "security-events": "write" });
    expect(runs).toMatch(/gh issue (create|edit)/);
  });

  it("calls planguard drift with options planguard accepts", async () => {
    const line = runs.split("\n").find((l) => l.includes("planguard drift"))!;
    const continued = runs.slice(runs.indexOf(line)).split("\n");
    const command: string[] = [];
    for (const l of continued) {
      command.push(l.replace(/\\$/, "").trim());
      if (!l.trimEnd().endsWith("\\")) break;
    }
    const args = command.join(" ").split(/\s+/).filter(Boolean);
    expect(args.slice(0, 4)).toEqual(["npx", "--yes", "planguard", "drift"]);
    // Run the same arguments on the scenario, writing into a scratch folder.
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-workflow-"));
    const cliArgs = args
      .slice(3)
      .map((a) =>
        a === "drift.json"
          ? fixturePath("drift", "refresh-only-scenario.json")
          : a.replace(/=(drift[^=]*)$/, `=${dir}/$1`),
      );
    const run = await runCli(cliArgs);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(readFileSync(path.join(dir, "drift.md"), "utf8")).toMatch(/^## planguard drift/);
    expect(JSON.parse(readFileSync(path.join(dir, "drift.sarif"), "utf8")).version).toBe("2.1.0");
    expect(readFileSync(path.join(dir, "drift.html"), "utf8")).toMatch(/^<!DOCTYPE html>/);
    expect(readFileSync(path.join(dir, "drift-history.jsonl"), "utf8").trimEnd().split("\n")).toHaveLength(1);
  });

  it("keeps the drift history from run to run and publishes its HTML report", async () => {
    const restore = steps.find((s) => s.uses?.startsWith("actions/cache/restore"));
    const save = steps.find((s) => s.uses?.startsWith("actions/cache/save"));
    expect(restore?.with?.["path"]).toBe("infra/drift-history.jsonl");
    expect(save?.with?.["path"]).toBe("infra/drift-history.jsonl");
    // Each run saves under its own key and restores the newest one by prefix.
    expect(String(restore?.with?.["restore-keys"])).toBe(
      String(save?.with?.["key"]).replace("${{ github.run_id }}", ""),
    );
    expect(steps.indexOf(restore!)).toBeLessThan(steps.findIndex((s) => s.run?.includes("planguard drift")));
    const report = runs.split("\n").find((l) => l.includes("planguard report"))!;
    expect(report).toContain("planguard report drift-history.jsonl -o html=drift-history.html");
    const uploaded = steps
      .filter((s) => s.uses?.startsWith("actions/upload-artifact"))
      .map((s) => String(s.with?.["path"]))
      .join();
    expect(uploaded).toContain("infra/drift-history.html");
    expect(uploaded).toContain("infra/drift.html");
  });
});
