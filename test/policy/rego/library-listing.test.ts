import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCompiledCache, loadCompiledCache } from "../../../src/policy/rego/compiled-cache.js";

/**
 * How a scan of the bundled policies alone tells, mostly without reading
 * them, that the files on disk are the ones compiled at build time
 * (CompiledLibrary.listedFrom; docs/DESIGN.md, "The library revived lazily").
 */
const dir = mkdtempSync(path.join(tmpdir(), "planguard-library-listing-"));
const A = 'package planguard.a\n\ndeny contains "a" if { some r in data.planguard.resources_by_type.a; r }\n';
const B = 'package planguard.b\n\ndeny contains "b" if { some r in data.planguard.resources_by_type.b; r }\n';
const built = buildCompiledCache([
  { file: "policies/a.rego", text: A },
  { file: "policies/b.rego", text: B },
]);
if (!("json" in built)) throw new Error(built.skipped);
const CACHE = path.join(dir, "library.json");
writeFileSync(CACHE, built.json);
// The cache written at t = 2000 s (after its sources, as the build does).
const WRITTEN = 2_000_000;
utimesSync(CACHE, WRITTEN / 1000, WRITTEN / 1000);
const library = loadCompiledCache(CACHE)!;

/** A file as the scan lists it; `reads` counts how often its text was read. */
function listed(file: string, text: string, mtimeMs: number, reads: string[] = []) {
  return {
    file,
    size: Buffer.byteLength(text, "utf8"),
    mtimeMs,
    get text() {
      reads.push(file);
      return text;
    },
  };
}

/** The check, each file's text read from its object (which records the read). */
const listedFrom = (files: readonly ReturnType<typeof listed>[]) => library.listedFrom(files, (i) => files[i]!.text);

describe("the bundled files against the compiled library's list", () => {
  it("match without a read when each has its recorded size and was not modified after the cache", () => {
    const reads: string[] = [];
    expect(
      listedFrom([listed("policies/a.rego", A, 1_000_000, reads), listed("policies/b.rego", B, WRITTEN, reads)]),
    ).toBe(true);
    expect(reads).toEqual([]);
  });

  it("read and hash only a file modified after the cache, and match when its text is the one compiled", () => {
    const reads: string[] = [];
    expect(
      listedFrom([listed("policies/a.rego", A, 1_000_000, reads), listed("policies/b.rego", B, WRITTEN + 1, reads)]),
    ).toBe(true);
    expect(reads).toEqual(["policies/b.rego"]);
  });

  it("do not match after an edit of the same size, a change of size, an added, a removed or a renamed file", () => {
    const edited = B.replace('"b"', '"c"');
    expect(edited.length).toBe(B.length);
    expect(listedFrom([listed("policies/a.rego", A, 0), listed("policies/b.rego", edited, WRITTEN + 1)])).toBe(false);
    expect(listedFrom([listed("policies/a.rego", A, 0), listed("policies/b.rego", `${B}\n`, 0)])).toBe(false);
    const extra = listed("policies/c.rego", A.replace("planguard.a", "planguard.c"), 0);
    expect(listedFrom([listed("policies/a.rego", A, 0), listed("policies/b.rego", B, 0), extra])).toBe(false);
    expect(listedFrom([listed("policies/a.rego", A, 0)])).toBe(false);
    expect(listedFrom([listed("policies/a.rego", A, 0), listed("policies/bb.rego", B, 0)])).toBe(false);
    expect(listedFrom([listed("policies/b.rego", B, 0), listed("policies/a.rego", A, 0)])).toBe(false);
  });
});
