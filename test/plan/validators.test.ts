import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module without types
import { TARGETS, targetSchemas, validatorModule } from "../../scripts/generate-validators.mjs";
import * as planSchemas from "../../src/plan/schemas.js";

/** The committed validators are what scripts/generate-validators.mjs makes of today's schemas. */
describe("the precompiled schema validators", async () => {
  const schemas = await targetSchemas(planSchemas);
  for (const [target, file] of Object.entries(TARGETS as Record<string, string>)) {
    it(`${file} is up to date with its schemas (regenerate with npm run gen:validators)`, () => {
      expect(readFileSync(file, "utf8")).toBe(validatorModule(schemas[target]));
    });
  }
});
