import { describe, expect, it } from "vitest";
import { enableCompileCache } from "../../src/cli/compile-cache.js";

describe("Node's compile cache for the command line", () => {
  const calls: (string | undefined)[] = [];
  const enable = (dir?: string) => {
    calls.push(dir);
    return { status: 1, directory: dir };
  };

  it("is switched on only in the directory the user named: PLANGUARD_COMPILE_CACHE, else NODE_COMPILE_CACHE", () => {
    calls.length = 0;
    expect(
      enableCompileCache({ PLANGUARD_COMPILE_CACHE: "/cache/pg", NODE_COMPILE_CACHE: "/cache/node" }, enable),
    ).toBe("/cache/pg");
    expect(enableCompileCache({ NODE_COMPILE_CACHE: "/cache/node" }, enable)).toBe("/cache/node");
    expect(calls).toEqual(["/cache/pg", "/cache/node"]);
  });

  it("writes nothing anywhere when no directory is named (an install may be read-only)", () => {
    calls.length = 0;
    expect(enableCompileCache({}, enable)).toBeUndefined();
    expect(enableCompileCache({ NODE_COMPILE_CACHE: "" }, enable)).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it("does nothing on a Node without the cache (Node 20), and never fails the run when Node cannot use the directory", () => {
    expect(enableCompileCache({ NODE_COMPILE_CACHE: "/cache" }, undefined)).toBeUndefined();
    const throws = () => {
      throw new Error("EACCES");
    };
    expect(enableCompileCache({ NODE_COMPILE_CACHE: "/read-only" }, throws)).toBeUndefined();
    // Node's own answer for a directory it cannot write: status "failed", no directory.
    expect(
      enableCompileCache({ NODE_COMPILE_CACHE: "/read-only" }, () => ({ status: 0, message: "EACCES" })),
    ).toBeUndefined();
  });
});
