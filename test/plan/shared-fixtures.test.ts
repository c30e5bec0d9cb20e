import path from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/input-error.js";
import { loadDocument } from "../../src/plan/load.js";
import { buildModel } from "../../src/plan/model.js";
import { filesUnder, sharedMissing, sharedPath } from "../helpers/shared.js";

const missing = sharedMissing("fixtures");
const isTerraformJson = (name: string) => name.endsWith(".json") || name.endsWith(".tfstate");

/** JSON in the fixtures that is not a plan or state: refused, with its kind named. */
const NOT_PLAN_OR_STATE: Record<string, RegExp> = {
  "terraform-json/basic/functions.json": /metadata functions/,
  "terraform-json/state_stores/single_store.json": /providers schema/,
};

describe.skipIf(missing)("every real fixture Terraform and OpenTofu wrote", () => {
  const root = sharedPath("fixtures");
  const files = filesUnder(root, isTerraformJson).filter((f) => !f.includes(`${path.sep}invalid${path.sep}`));

  it("finds the fixtures", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  for (const file of files) {
    const rel = path.relative(root, file).split(path.sep).join("/");
    const refusal = NOT_PLAN_OR_STATE[rel];
    if (refusal) {
      it(`refuses ${rel}, naming what it is`, async () => {
        await expect(loadDocument(file)).rejects.toThrow(refusal);
      });
      continue;
    }
    it(`loads and models ${rel}`, async () => {
      const loaded = await loadDocument(file);
      const model = buildModel(loaded);
      for (const r of model.resources) {
        expect(r.address).toMatch(/\S/);
        expect(r.configAddress).not.toMatch(/\[/);
      }
      if (loaded.format === "plan") {
        const changes = (loaded.doc["resource_changes"] as unknown[] | undefined) ?? [];
        expect(model.resources.length).toBe(changes.length);
      }
    });
  }
});

describe.skipIf(sharedMissing("fixtures", "terraform-json", "invalid"))("terraform-json/invalid", () => {
  const files = filesUnder(sharedPath("fixtures", "terraform-json", "invalid"), isTerraformJson);
  for (const file of files) {
    it(`refuses ${path.basename(file)} with the line and column`, async () => {
      const err = await loadDocument(file).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).file).toBe(file);
      expect((err as InputError).problem).toMatch(/line \d+, column \d+/);
    });
  }
});
