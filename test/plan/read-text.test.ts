import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readTextFile } from "../../src/plan/read-text.js";

const dir = mkdtempSync(path.join(tmpdir(), "pg-read-text-"));
const file = (name: string, bytes: Buffer) => {
  const f = path.join(dir, name);
  writeFileSync(f, bytes);
  return f;
};

describe("readTextFile", () => {
  it("reads an ASCII file as its text", () => {
    expect(readTextFile(file("ascii.txt", Buffer.from('{"a": "plain text"}\n')))).toBe('{"a": "plain text"}\n');
  });

  it("decodes UTF-8 when a byte is not ASCII, not as latin1", () => {
    const text = "encryption ≥ AES-256 — 東京 😀\n";
    expect(readTextFile(file("utf8.txt", Buffer.from(text, "utf8")))).toBe(text);
  });

  it("reads an empty file as empty text", () => {
    expect(readTextFile(file("empty.txt", Buffer.alloc(0)))).toBe("");
  });

  it("throws for a missing file, as readFileSync does (callers decide what that means)", () => {
    expect(() => readTextFile(path.join(dir, "missing.txt"))).toThrow(/ENOENT/);
  });
});
