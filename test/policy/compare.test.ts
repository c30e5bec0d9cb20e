import { describe, expect, it } from "vitest";
import { compareText } from "../../src/policy/compare.js";

describe("text order", () => {
  it("is by code unit, the same in every locale (uppercase before lowercase, no accent folding)", () => {
    const addresses = ["aws_s3_bucket.b", "aws_s3_bucket.B", "aws_s3_bucket.a", "aws_s3_bucket.é", "aws_s3_bucket.e"];
    expect([...addresses].sort(compareText)).toEqual([
      "aws_s3_bucket.B",
      "aws_s3_bucket.a",
      "aws_s3_bucket.b",
      "aws_s3_bucket.e",
      "aws_s3_bucket.é",
    ]);
    expect(compareText("PG-AWS-S3-001", "PG-AWS-S3-001")).toBe(0);
  });
});
