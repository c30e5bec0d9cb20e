import { describe, expect, it } from "vitest";
import { Progress } from "../../src/cli/progress.js";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, columns: 40, write: (s: string) => writes.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

describe("the progress line", () => {
  it("shows on a terminal once the delay has passed, and is cleared at the end", () => {
    const { stream, writes } = fakeStream(true);
    const p = new Progress(stream, 0);
    p.update("judging 15000 resources of a-very-long-file-name-that-is-cut.json");
    p.done();
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the progress line starts with the terminal's erase-line sequence
    expect(writes[0]).toMatch(/^\r\x1b\[2Kplanguard: judging 15000/);
    expect(writes[0]!.length).toBeLessThanOrEqual("\r\x1b[2K".length + 39);
    expect(writes[1]).toBe("\r\x1b[2K");
  });

  it("says nothing when stderr is not a terminal, or before the delay", () => {
    const ci = fakeStream(false);
    new Progress(ci.stream, 0).update("x");
    const quick = fakeStream(true);
    const p = new Progress(quick.stream, 60_000);
    p.update("x");
    p.done();
    expect(ci.writes).toEqual([]);
    expect(quick.writes).toEqual([]);
  });
});
