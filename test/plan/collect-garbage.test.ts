import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { collectGarbage } from "../../src/plan/collect-garbage.js";

describe("a full garbage collection on demand", () => {
  it("frees what nothing references any more", async () => {
    let target: { values: number[] } | undefined = { values: Array.from({ length: 1000 }, (_, i) => i) };
    const ref = new WeakRef(target);
    target = undefined;
    // A WeakRef keeps its target until the end of the job that made it.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it("keeps what is still referenced", async () => {
    const target = { values: [1, 2, 3] };
    const ref = new WeakRef(target);
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBe(target);
  });

  it("leaves no `gc` function to any code: the flag it needs is cleared again", () => {
    collectGarbage();
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe("undefined");
    expect(runInNewContext("typeof gc")).toBe("undefined");
  });
});
