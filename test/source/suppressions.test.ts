import { describe, expect, it } from "vitest";
import { blockComments, parseSuppressions, scanHcl } from "../../src/source/index.js";

/** Suppressions read from the comments of a one-file snippet, as the locator does. */
function fromText(text: string) {
  const hcl = scanHcl(text);
  return parseSuppressions(hcl.comments, "main.tf").map(({ file: _file, ...s }) => s);
}

describe("parsing suppression comments", () => {
  it("reads planguard's form with an id, an optional expiry and an optional reason", () => {
    expect(
      fromText(
        [
          "# planguard:ignore PG-AWS-S3-001 exp:2026-12-31 logs bucket, no data",
          "# planguard:ignore PG-AWS-S3-002",
          "//planguard:ignore PG-AWS-S3-003 reason with # a hash",
          "/* planguard:ignore PG-AWS-S3-004 in a block comment */",
          "# PLANGUARD:IGNORE pg-aws-s3-005 keyword case does not matter",
        ].join("\n"),
      ),
    ).toEqual([
      { ruleId: "PG-AWS-S3-001", reason: "logs bucket, no data", expires: "2026-12-31", line: 1, form: "planguard" },
      { ruleId: "PG-AWS-S3-002", reason: "", line: 2, form: "planguard" },
      { ruleId: "PG-AWS-S3-003", reason: "reason with # a hash", line: 3, form: "planguard" },
      { ruleId: "PG-AWS-S3-004", reason: "in a block comment", line: 4, form: "planguard" },
      { ruleId: "pg-aws-s3-005", reason: "keyword case does not matter", line: 5, form: "planguard" },
    ]);
  });

  it("treats an expiry that is not a real date as expired, and says why", () => {
    const [s] = fromText("# planguard:ignore PG-X-001 exp:2026-02-30 no such day");
    expect(s).toMatchObject({ ruleId: "PG-X-001", expires: "0000-00-00", reason: "no such day" });
    expect(s!.problem).toContain("2026-02-30");
  });

  it("reads Checkov's form (and the older bridgecrew: prefix)", () => {
    expect(
      fromText(
        "#checkov:skip=CKV_AWS_20:public website\n# checkov:skip=CKV2_AWS_6\n# bridgecrew:skip=CKV_AWS_21: old prefix",
      ),
    ).toEqual([
      { ruleId: "CKV_AWS_20", reason: "public website", line: 1, form: "checkov" },
      { ruleId: "CKV2_AWS_6", reason: "", line: 2, form: "checkov" },
      { ruleId: "CKV_AWS_21", reason: "old prefix", line: 3, form: "checkov" },
    ]);
  });

  it("reads Trivy's and tfsec's forms, several per comment, with their expiry", () => {
    expect(
      fromText(
        "#trivy:ignore:AVD-AWS-0086\n#tfsec:ignore:aws-s3-enable-bucket-encryption tfsec:ignore:aws-s3-enable-bucket-logging:exp:2027-01-02",
      ),
    ).toEqual([
      { ruleId: "AVD-AWS-0086", reason: "", line: 1, form: "trivy" },
      { ruleId: "aws-s3-enable-bucket-encryption", reason: "", line: 2, form: "tfsec" },
      { ruleId: "aws-s3-enable-bucket-logging", reason: "", expires: "2027-01-02", line: 2, form: "tfsec" },
    ]);
  });

  it("reads several forms in one comment, each with its own text", () => {
    expect(
      fromText("x = 1 # checkov:skip=CKV_AWS_3:scratch # trivy:ignore:AVD-AWS-0026 // planguard:ignore PG-1 why"),
    ).toEqual([
      { ruleId: "CKV_AWS_3", reason: "scratch", line: 1, form: "checkov" },
      { ruleId: "AVD-AWS-0026", reason: "", line: 1, form: "trivy" },
      { ruleId: "PG-1", reason: "why", line: 1, form: "planguard" },
    ]);
  });

  it("gives each line of a block comment its own line number", () => {
    expect(
      fromText(["/*", " * planguard:ignore PG-1 first", " * checkov:skip=CKV_AWS_1:second", " */"].join("\n")),
    ).toEqual([
      { ruleId: "PG-1", reason: "first", line: 2, form: "planguard" },
      { ruleId: "CKV_AWS_1", reason: "second", line: 3, form: "checkov" },
    ]);
  });

  it("ignores prose that mentions a directive, a directive without an id, and Trivy's value selectors", () => {
    expect(
      fromText(
        "# use planguard:ignore RULE to suppress\n# planguard:ignore\n#trivy:ignore:AVD-AWS-0107[from_port=22]\n# just a comment",
      ),
    ).toEqual([]);
  });

  it("reads nothing from strings or heredocs that look like comments", () => {
    expect(fromText('x = "# planguard:ignore PG-1"\ny = <<EOT\n# checkov:skip=CKV_1\nEOT\n')).toEqual([]);
  });
});

describe("which comments belong to a block", () => {
  it("takes the comments inside it and the run of comment-only lines directly above it", () => {
    const text = [
      "# about the file", // 1
      "", // 2
      "# note one", // 3
      "/* note", // 4
      "   two */", // 5
      "// note three", // 6
      'resource "a" "b" { # on the header', // 7
      "  x = 1 # inside", // 8
      "} # after the closing brace", // 9
      "# directly below: belongs to the next block", // 10
      'resource "c" "d" {}', // 11
    ].join("\n");
    const hcl = scanHcl(text);
    expect(blockComments(hcl, hcl.blocks[0]!).map((c) => c.text.trim())).toEqual([
      "note one",
      "note\n   two",
      "note three",
      "on the header",
      "inside",
      "after the closing brace",
    ]);
    expect(blockComments(hcl, hcl.blocks[1]!).map((c) => c.text.trim())).toEqual([
      "directly below: belongs to the next block",
    ]);
  });

  it("stops at a line of code or a comment that follows code", () => {
    const hcl = scanHcl(["x = 1 # trailing", "# above", 'resource "a" "b" {}'].join("\n"));
    expect(blockComments(hcl, hcl.blocks[0]!).map((c) => c.text.trim())).toEqual(["above"]);
  });
});
