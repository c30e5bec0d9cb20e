import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appendHistory, historyRecord, parseHistory, type HistoryRecord } from "../../src/drift/history.js";
import { formatDuration, summarizeHistory } from "../../src/drift/history-summary.js";
import { formatHistoryMarkdown } from "../../src/drift/history-report/markdown.js";
import { runDrift } from "../../src/drift/run.js";
import { InputError } from "../../src/input-error.js";

const tool = { name: "planguard", version: "test" };
const scenario = "fixtures/drift/refresh-only-scenario.json";

function tempFile(name: string): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "pg-history-")), name);
}

/** A record with the given drifted addresses (all low, changed), at a time. */
function record(time: string, addresses: string[], severity: "low" | "high" = "low"): HistoryRecord {
  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  bySeverity[severity] = addresses.length;
  return {
    v: 1,
    time,
    mode: "plan",
    inputs: ["drift.json"],
    counts: {
      drifted: addresses.length,
      changed: addresses.length,
      deleted: 0,
      appeared: 0,
      ignored: 0,
      introduced: 0,
      resolved: 0,
      bySeverity,
    },
    failures: 0,
    resources: addresses.map((address) => ({
      address,
      type: address.split(".")[0]!,
      status: "changed",
      severity,
      fingerprint: "x",
    })),
    findings: [],
  };
}

const lines = (...records: HistoryRecord[]) => records.map((r) => JSON.stringify(r) + "\n").join("");

describe("a drift history record", () => {
  it("holds counts, addresses and fingerprints, never a value (a sensitive one least of all)", async () => {
    const report = await runDrift({ target: { plan: scenario }, config: {} });
    const rec = historyRecord(report, new Date("2026-12-01T03:17:00Z"));
    expect(rec.time).toBe("2026-12-01T03:17:00.000Z");
    expect(rec.counts).toMatchObject({
      drifted: 4,
      changed: 3,
      deleted: 1,
      bySeverity: { high: 1, medium: 1, low: 2 },
    });
    expect(rec.resources.map((r) => r.address)).toContain("aws_ssm_parameter.db_password");
    expect(rec.findings.length).toBe(report.findings.length);
    const text = JSON.stringify(rec);
    // Values the drift report itself shows: none is in the record.
    for (const value of ["0.0.0.0/0", "temporary debug access", "data-eng", "sg-0a1b2c3d4e5f60718", "(sensitive value"])
      expect(text).not.toContain(value);
    expect(Object.keys(rec.resources[0]!).sort()).toEqual(["address", "fingerprint", "severity", "status", "type"]);
  });
});

describe("writing and reading a history", () => {
  it("appends one line per run, creating the file", async () => {
    const file = tempFile("h.jsonl");
    await appendHistory(file, record("2026-12-01T03:00:00Z", ["a.x"]));
    await appendHistory(file, record("2026-12-02T03:00:00Z", ["a.y"]));
    const text = readFileSync(file, "utf8");
    expect(text.split("\n")).toHaveLength(3);
    expect(parseHistory(file, text).records.map((r) => r.time)).toEqual([
      "2026-12-01T03:00:00Z",
      "2026-12-02T03:00:00Z",
    ]);
  });

  it("drops a truncated last line, with a warning, when reading and when appending", async () => {
    const file = tempFile("h.jsonl");
    const good = lines(record("2026-12-01T03:00:00Z", ["a.x"]));
    writeFileSync(file, good + '{"v":1,"time":"2026-12-02T0');
    const read = parseHistory(file, readFileSync(file, "utf8"));
    expect(read.records).toHaveLength(1);
    expect(read.warnings).toEqual([`${file}: line 2 is cut short (an interrupted write?); it is left out`]);
    const warnings = await appendHistory(file, record("2026-12-03T03:00:00Z", ["a.z"]));
    expect(warnings).toHaveLength(1);
    expect(readFileSync(file, "utf8")).toBe(good + lines(record("2026-12-03T03:00:00Z", ["a.z"])));
  });

  it("refuses a broken line that is not the last, an unknown version, and a file that is no history", async () => {
    const broken =
      lines(record("2026-12-01T03:00:00Z", ["a.x"])) + "{oops\n" + lines(record("2026-12-02T03:00:00Z", []));
    expect(() => parseHistory("h.jsonl", broken)).toThrow(new InputError("h.jsonl", "line 2 is not valid JSON"));
    expect(() =>
      parseHistory("h.jsonl", JSON.stringify({ ...record("2026-12-01T03:00:00Z", []), v: 2 }) + "\n"),
    ).toThrow(/unknown drift history version 2/);
    expect(() => parseHistory("h.jsonl", '{"v":1,"time":"yesterday"}\n')).toThrow(/"time" is not a date/);
    const notHistory = tempFile("plan.json");
    writeFileSync(notHistory, 'resource "aws_s3_bucket" "b" {}\n');
    await expect(appendHistory(notHistory, record("2026-12-01T03:00:00Z", []))).rejects.toThrow(
      /not a planguard drift history/,
    );
    expect(readFileSync(notHistory, "utf8")).toBe('resource "aws_s3_bucket" "b" {}\n');
  });
});

describe("the history summary", () => {
  const history = {
    records: [
      // Out of order on purpose: runs are taken in time order.
      record("2026-12-03T03:00:00Z", ["aws_s3_bucket.logs", "aws_instance.gpu"]),
      record("2026-12-01T03:00:00Z", ["aws_s3_bucket.logs"]),
      record("2026-12-02T03:00:00Z", ["aws_s3_bucket.logs", "aws_security_group.ssh"], "high"),
      record("2026-12-04T15:00:00Z", ["aws_instance.gpu", "aws_db_instance.db"]),
    ],
    warnings: [],
  };
  const s = summarizeHistory(history, "h.jsonl", tool);

  it("counts drift per run by severity, in time order", () => {
    expect(s.runs.map((r) => [r.time.slice(0, 10), r.drifted, r.bySeverity.high])).toEqual([
      ["2026-12-01", 1, 0],
      ["2026-12-02", 2, 2],
      ["2026-12-03", 2, 0],
      ["2026-12-04", 2, 0],
    ]);
  });

  it("ranks resources by how often they drift", () => {
    expect(s.mostDrifting.map((d) => [d.address, d.runs, d.highest])).toEqual([
      ["aws_s3_bucket.logs", 3, "high"],
      ["aws_instance.gpu", 2, "low"],
      ["aws_security_group.ssh", 1, "high"],
      ["aws_db_instance.db", 1, "low"],
    ]);
  });

  it("measures how long each drift stayed open: open ones to the latest run, closed ones to the run that no longer saw them", () => {
    const by = Object.fromEntries(s.episodes.map((e) => [e.address, e]));
    expect(by["aws_s3_bucket.logs"]).toMatchObject({
      open: false,
      from: "2026-12-01T03:00:00Z",
      to: "2026-12-04T15:00:00Z",
      runs: 3,
    });
    expect(formatDuration(by["aws_s3_bucket.logs"]!.durationMs)).toBe("3 d 12 h");
    expect(by["aws_security_group.ssh"]).toMatchObject({
      open: false,
      from: "2026-12-02T03:00:00Z",
      to: "2026-12-03T03:00:00Z",
      runs: 1,
    });
    expect(by["aws_instance.gpu"]).toMatchObject({ open: true, from: "2026-12-03T03:00:00Z", runs: 2 });
    expect(formatDuration(by["aws_instance.gpu"]!.durationMs)).toBe("1 d 12 h");
    expect(by["aws_instance.gpu"]!.to).toBeUndefined();
    // Open ones first.
    expect(s.episodes.slice(0, 2).every((e) => e.open)).toBe(true);
  });

  it("names what started and what stopped drifting since the previous run", () => {
    expect(s.newSincePrevious.map((r) => r.address)).toEqual(["aws_db_instance.db"]);
    expect(s.resolvedSincePrevious.map((r) => r.address)).toEqual(["aws_s3_bucket.logs"]);
  });

  it("reads as Markdown with the same numbers", () => {
    const md = formatHistoryMarkdown(s);
    expect(md).toContain(
      "4 runs from 2026-12-01 03:00 UTC to 2026-12-04 15:00 UTC. The latest found 2 drifted resources; 1 newly drifting, 1 no longer drifting",
    );
    expect(md).toContain("| `aws_instance.gpu` | 2026-12-03 03:00 UTC | 1 d 12 h | 2 | low |");
    expect(md).toContain("| `aws_s3_bucket.logs` | 3 | 4 | high | 2026-12-03 03:00 UTC |");
  });

  it("formats durations in days, hours and minutes", () => {
    expect(formatDuration(0)).toBe("0 min");
    expect(formatDuration(40 * 60_000)).toBe("40 min");
    expect(formatDuration((5 * 60 + 12) * 60_000)).toBe("5 h 12 min");
    expect(formatDuration(2 * 86_400_000)).toBe("2 d");
  });
});
