import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module without types
import { WASM_TARGETS, assemble, wasmModuleSource } from "../../scripts/generate-wasm.mjs";
import { JSON_SKIP_WASM } from "../../src/plan/json-skip-wasm.generated.js";

interface WasmModuleClass {
  new (bytes: Uint8Array): object;
  exports(module: object): { name: string; kind: string }[];
}

interface WasmTarget {
  source: string;
  output: string;
  constant: string;
}

/**
 * The WebAssembly planguard runs is what wabt's wat2wasm makes of the text
 * source in the repository, byte for byte (what the module does is tested
 * against the JavaScript loops in json-skip.test.ts).
 */
describe("the WebAssembly modules and their .wat sources", () => {
  for (const target of WASM_TARGETS as WasmTarget[]) {
    it(`${target.output} is ${target.source} assembled (regenerate with npm run gen:wasm)`, async () => {
      const bytes: Uint8Array = await assemble(target.source);
      expect(readFileSync(target.output, "utf8")).toBe(wasmModuleSource(target, bytes));
    });
  }

  it("json-skip.ts runs exactly the bytes assembled from json-skip.wat", async () => {
    const bytes: Uint8Array = await assemble("src/plan/json-skip.wat");
    expect(Buffer.from(JSON_SKIP_WASM).equals(Buffer.from(bytes))).toBe(true);
    // The module exports what json-skip.ts calls and reads (the project's TypeScript libs do not declare WebAssembly).
    const { Module } = (globalThis as unknown as { WebAssembly: { Module: WasmModuleClass } }).WebAssembly;
    const module = new Module(JSON_SKIP_WASM);
    expect(Module.exports(module)).toEqual([
      { name: "valueStart", kind: "function" },
      { name: "continueValue", kind: "function" },
      { name: "depth", kind: "global" },
      { name: "inString", kind: "global" },
      { name: "escaped", kind: "global" },
    ]);
  });
});
