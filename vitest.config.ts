import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real plans and the Rego conformance corpus take a while on 2 shared cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
