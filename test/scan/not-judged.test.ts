import { describe, expect, it } from "vitest";
import { runScan } from "../../src/scan/run.js";
import { fixturePath } from "../helpers/shared.js";

describe("why a resource is not judged", () => {
  it("says a forgotten resource is kept in the cloud, and a deleted one will not exist", async () => {
    const forget = await runScan({ files: [fixturePath("real-plans", "checkov", "forget-action.json")], config: {} });
    expect(forget.inputs[0]?.notJudged).toEqual([
      { reason: "forgotten: removed from state, kept in the cloud", count: 1, examples: ["aws_s3_bucket.forgotten"] },
    ]);
    const deleted = await runScan({ files: [fixturePath("real-plans", "checkov", "pure-delete.json")], config: {} });
    expect(deleted.inputs[0]?.notJudged?.map((n) => n.reason)).toEqual(["will not exist after apply"]);
  });
});
