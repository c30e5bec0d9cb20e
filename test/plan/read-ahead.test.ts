import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/input-error.js";
import { loadDocument, startReading } from "../../src/plan/load.js";
import { ReadAhead } from "../../src/plan/read-ahead.js";

const dir = mkdtempSync(path.join(tmpdir(), "planguard-read-ahead-"));
const planFile = path.join(dir, "plan.json");
const plan = {
  format_version: "1.2",
  resource_changes: [
    {
      address: "aws_s3_bucket.a",
      mode: "managed",
      type: "aws_s3_bucket",
      name: "a",
      change: { actions: ["create"], before: null, after: { bucket: "a" }, after_unknown: {} },
    },
  ],
};
writeFileSync(planFile, JSON.stringify(plan));

describe("reading a plan ahead", () => {
  it("gives the file's bytes once, to the loader of that file only", async () => {
    const ahead = ReadAhead.start(planFile, 1 << 20)!;
    expect(ahead).toBeDefined();
    expect(ahead.take(path.join(dir, "other.json"))).toBeUndefined();
    const bytes = await ahead.take(planFile)!;
    expect(bytes.equals(readFileSync(planFile))).toBe(true);
    expect(ahead.take(planFile)).toBeUndefined();
  });

  it("starts nothing for stdin, a missing file, a directory, an empty file or one over the limit", () => {
    const empty = path.join(dir, "empty.json");
    writeFileSync(empty, "");
    expect(ReadAhead.start("-", 1 << 20)).toBeUndefined();
    expect(ReadAhead.start(path.join(dir, "missing.json"), 1 << 20)).toBeUndefined();
    expect(ReadAhead.start(dir, 1 << 20)).toBeUndefined();
    expect(ReadAhead.start(empty, 1 << 20)).toBeUndefined();
    expect(ReadAhead.start(planFile, 10)).toBeUndefined();
    // A file the loader would stream is not read whole.
    expect(startReading(planFile, { streamAboveBytes: 10 })).toBeUndefined();
  });

  it("loads the same document as a plain load, and leaves problems to the loader", async () => {
    const plain = await loadDocument(planFile);
    const ahead = await loadDocument(planFile, { readAhead: startReading(planFile)! });
    expect(ahead.doc).toEqual(plain.doc);
    expect(ahead.kind).toBe("plan");

    const missing = path.join(dir, "missing.json");
    const err = await loadDocument(missing, { readAhead: startReading(missing) as ReadAhead }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problem).toBe("no such file");
  });

  it("reads a file that grew after it was opened to its end, as readFile would", async () => {
    const growing = path.join(dir, "growing.json");
    writeFileSync(growing, "x".repeat(1000));
    const ahead = ReadAhead.start(growing, 1 << 20)!;
    // The first read asks for the 1000 bytes fstat saw; its callback (and so the
    // read past them) cannot run before this synchronous append is done.
    writeFileSync(growing, "y".repeat(100_000), { flag: "a" });
    const bytes = await ahead.take(growing)!;
    expect(bytes.equals(readFileSync(growing))).toBe(true);
    expect(bytes.length).toBe(101_000);
  });
});
