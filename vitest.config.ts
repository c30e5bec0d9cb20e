import { defineConfig } from "vitest/config";

/**
 * Tests that take long for what they add to a pre-merge run: generated-input
 * property tests, the HTML report in a real browser, streaming loads of large
 * plans, whole-process runs of the built bundle and `npm pack`, and full
 * compiles of the bundled library. `npm test` leaves them out,
 * `npm run test:slow` runs them, and CI (.ci/run) runs both.
 */
const SLOW = [
  // properties (fast-check)
  "test/hardening/hostile-keys.test.ts",
  "test/hardening/properties.test.ts",
  "test/hardening/rego-parser-properties.test.ts",
  "test/rego/properties.test.ts",
  "test/rego/builtins/properties.test.ts",
  "test/plan/json-skip.test.ts",
  "test/plan/partial-parse.test.ts",
  "test/plan/large-load-memory.test.ts",
  // a browser
  "test/report/html-browser.test.ts",
  // streaming
  "test/plan/stream.test.ts",
  // whole processes: the built command line, the package
  "test/cli/bundle.test.ts",
  "test/packaging/package.test.ts",
  // the bundled library compiled from text, several times over
  "test/policy/rego/compiled-cache.test.ts",
];

export default defineConfig({
  test: {
    // Real plans and the Rego conformance corpus take a while on 2 shared cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      // One module graph per worker, not per file: importing was most of the fast tests' time
      // (10 s instead of about 40). Safe because tests restore what they change of the process
      // (cwd, env, exitCode) and the source keeps no state a later file could see.
      { extends: true, test: { name: "fast", include: ["test/**/*.test.ts"], exclude: SLOW, isolate: false } },
      { extends: true, test: { name: "slow", include: SLOW } },
    ],
  },
});
