import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { writePiecesToStream } from "../../src/cli/write-pieces.js";
import { gatherPieces, joinPieces, jsonPieces, writePieces, type Flushed } from "../../src/report/pieces.js";

/** Values JSON.stringify treats in each of its ways. */
const awkward = {
  empty: { a: [], o: {}, nested: [[], {}, [{}]] },
  omitted: { u: undefined, f: () => 1, s: Symbol("x"), kept: 1 },
  inArrays: [undefined, () => 1, Symbol("y"), null, 0],
  numbers: [-0, 1e21, 1.5, Number.NaN, Number.POSITIVE_INFINITY],
  text: ["a\nb", 'quo"te', "\u2028", "é😀", "\ud800 lone", "tab\t"],
  toJson: { date: new Date(0), gone: { toJSON: () => undefined }, swapped: { toJSON: () => ({ x: [1] }) } },
  gonesInArray: [{ toJSON: () => undefined }],
  'key "quoted"\n': { deep: { deeper: { deepest: [1, { x: "y" }] } } },
  __proto__: null,
};

describe("jsonPieces", () => {
  it("is JSON.stringify(value, null, 2) at every depth", () => {
    for (const value of [awkward, [], {}, [awkward, awkward], { only: awkward }, "s", 1, null]) {
      const expected = JSON.stringify(value, null, 2);
      for (let depth = 0; depth <= 6; depth++) expect(joinPieces(jsonPieces(value, depth))).toBe(expected);
    }
  });

  it("stringifies the elements of an array at the last level a batch at a time, in place", () => {
    const findings = Array.from({ length: 250 }, (_, id) => ({ id, nested: { list: [id, "x\ny"] }, gone: undefined }));
    const report = { summary: { total: 250 }, findings: [...findings, undefined, () => 1], empty: [] };
    for (let depth = 0; depth <= 4; depth++)
      expect(joinPieces(jsonPieces(report, depth))).toBe(JSON.stringify(report, null, 2));
    // At depth 2 the findings come in three pieces (100, 100, 52 elements), each many lines long.
    const pieces = [...jsonPieces(report, 2)].filter((p) => p.includes('"id"'));
    expect(pieces).toHaveLength(3);
    expect(pieces[0]!.startsWith('    {\n      "id": 0,')).toBe(true);
  });
});

describe("gatherPieces", () => {
  it("joins small pieces into larger ones, in order", () => {
    const small = Array.from({ length: 5000 }, (_, i) => `${i},`);
    const gathered = [...gatherPieces(small)];
    expect(gathered.length).toBeGreaterThan(1);
    expect(gathered.length).toBeLessThan(10);
    expect(gathered.join("")).toBe(small.join(""));
  });
});

/** What writePieces hands out, copied, with the outcome each flush returns. */
async function chunksOf(text: string | string[], chunkBytes: number, outcome: Flushed = "written"): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  await writePieces(
    text,
    (chunk) => {
      expect(chunk.length).toBeLessThanOrEqual(chunkBytes);
      chunks.push(outcome === "held" ? chunk : Buffer.from(chunk));
      return outcome;
    },
    chunkBytes,
  );
  return chunks;
}

describe("writePieces", () => {
  const mixed = ["plain ", "é".repeat(50), "😀".repeat(40), "\ud800", "x".repeat(9000), "末尾\n"];
  const expected = Buffer.from(mixed.join(""));

  it("encodes the pieces as one UTF-8 text would be, through chunks of the size given", async () => {
    for (const size of [12, 64, 4096, 64 * 1024]) {
      const chunks = await chunksOf(mixed, size);
      if (size < expected.length) expect(chunks.length).toBeGreaterThan(1);
      expect(Buffer.concat(chunks).equals(expected)).toBe(true);
    }
    // A whole string is cut too, never inside a surrogate pair.
    expect(Buffer.concat(await chunksOf(mixed.join(""), 12)).equals(expected)).toBe(true);
  });

  it("gives a new buffer after a chunk the destination still holds", async () => {
    const chunks = await chunksOf(mixed, 64, "held");
    expect(new Set(chunks.map((c) => c.buffer)).size).toBe(chunks.length);
    expect(Buffer.concat(chunks).equals(expected)).toBe(true);
  });

  it("stops producing the report when the destination is gone", async () => {
    let produced = 0;
    function* pieces() {
      for (let i = 0; i < 1000; i++) {
        produced++;
        yield "y".repeat(1000);
      }
    }
    let flushes = 0;
    await writePieces(pieces(), () => (++flushes === 2 ? "stop" : "written"), 4096);
    expect(flushes).toBe(2);
    expect(produced).toBeLessThan(50);
  });
});

describe("writePiecesToStream", () => {
  /** A stream that takes each chunk later, as a slow pipe does, and keeps what it was given. */
  function slowStream(): { stream: NodeJS.WriteStream; written: Buffer[] } {
    const written: Buffer[] = [];
    const stream = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        setImmediate(() => {
          written.push(chunk);
          callback();
        });
      },
    });
    return { stream: stream as unknown as NodeJS.WriteStream, written };
  }

  it("writes every byte to a stream that holds chunks for a while", async () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `line ${i} é😀\n`);
    const { stream, written } = slowStream();
    await writePiecesToStream(stream, text);
    await new Promise<void>((resolve) => stream.end(resolve));
    expect(Buffer.concat(written).toString()).toBe(text.join(""));
  });

  it("ends without writing once the stream is destroyed", async () => {
    const { stream, written } = slowStream();
    stream.destroy();
    await writePiecesToStream(stream, ["x".repeat(200_000)]);
    expect(written).toEqual([]);
  });
});
