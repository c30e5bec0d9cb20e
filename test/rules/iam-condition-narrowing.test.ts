import { describe, expect, it } from "vitest";
import { resourcePolicyChecksFailing, trustPolicyChecksFailing } from "../../src/rules/iam/aws-narrower-checks.js";
import { conditionNarrowsCaller } from "../../src/rules/iam/condition-narrowing.js";
import { parsePolicyDocument } from "../../src/rules/iam/policy-document.js";
import { publicGrants } from "../../src/rules/iam/principals.js";

const ACCOUNT = "111122223333";

describe("conditionNarrowsCaller", () => {
  it.each<[string, Record<string, unknown>]>([
    ["aws:PrincipalOrgID", { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } }],
    ["a key spelled in another case", { StringEquals: { "AWS:principalorgid": "o-abc123" } }],
    ["aws:PrincipalAccount", { StringEquals: { "aws:PrincipalAccount": ACCOUNT } }],
    ["an account written as a JSON number", { StringEquals: { "aws:SourceAccount": 111122223333 } }],
    ["aws:SourceOwner", { StringLike: { "aws:SourceOwner": ACCOUNT } }],
    ["kms:CallerAccount", { StringEquals: { "kms:CallerAccount": ACCOUNT } }],
    ["aws:SourceVpc", { StringEquals: { "aws:SourceVpc": "vpc-0a1b2c3d" } }],
    ["aws:SourceVpce, among others", { StringEquals: { "aws:SourceVpce": "vpce-1", "aws:SecureTransport": "true" } }],
    ["aws:PrincipalArn of one account", { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/*` } }],
    ["aws:SourceArn of one bucket", { ArnLike: { "aws:SourceArn": "arn:aws:s3:::ml-uploads" } }],
    ["aws:SourceArn by StringEquals (literal)", { StringEquals: { "aws:SourceArn": "arn:aws:sqs:*:*:q" } }],
    [
      "aws:PrincipalOrgPaths under one organization",
      { "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": "o-abc/r-1/ou-2/*" } },
    ],
    ["aws:userid of one role's sessions", { StringLike: { "aws:userid": "AROAEXAMPLEID:*" } }],
    ["aws:SourceIp of an office range", { IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "10.0.0.0/8"] } }],
    ["StringEquals with a literal *", { StringEquals: { "aws:PrincipalOrgID": "*" } }],
    [
      "one narrowing pair ANDed with an open one",
      { StringEquals: { "aws:SourceVpce": "vpce-1" }, StringLike: { "aws:SourceAccount": "*" } },
    ],
  ])("narrows by %s", (_name, condition) => {
    expect(conditionNarrowsCaller(condition)).toBe(true);
  });

  it.each<[string, unknown]>([
    ["no condition", undefined],
    ["aws:SecureTransport", { Bool: { "aws:SecureTransport": "true" } }],
    ["aws:RequestedRegion", { StringEquals: { "aws:RequestedRegion": "us-east-1" } }],
    ["sts:ExternalId alone (not a secret)", { StringEquals: { "sts:ExternalId": "vendor-42" } }],
    ["a negated operator", { StringNotEquals: { "aws:PrincipalOrgID": "o-abc123" } }],
    ["a negated ARN operator", { ArnNotLike: { "aws:SourceArn": `arn:aws:s3:::b` } }],
    ["an ...IfExists test (passes when the key is absent)", { StringEqualsIfExists: { "aws:SourceVpce": "vpce-1" } }],
    ["ForAllValues (true of an absent key)", { "ForAllValues:StringEquals": { "aws:PrincipalOrgID": "o-abc123" } }],
    ["StringLike *", { StringLike: { "aws:PrincipalOrgID": "*" } }],
    ["an account pattern", { StringLike: { "aws:SourceAccount": "1111*" } }],
    ["one open value among narrow ones (values are ORed)", { StringLike: { "aws:SourceAccount": [ACCOUNT, "*"] } }],
    ["an ARN of every account", { ArnLike: { "aws:SourceArn": "arn:aws:sns:us-east-1:*:topic" } }],
    ["every bucket", { ArnLike: { "aws:SourceArn": "arn:aws:s3:::*" } }],
    ["an ARN without an account outside S3", { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam:::user/u" } }],
    ["not an ARN", { ArnLike: { "aws:SourceArn": "*" } }],
    ["an organization path of any organization", { StringLike: { "aws:PrincipalOrgPaths": "*/ou-2/*" } }],
    ["a user id pattern", { StringLike: { "aws:userid": "*:alice" } }],
    ["the internet (aws:SourceIp 0.0.0.0/0)", { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } }],
    ["half the internet and more", { IpAddress: { "aws:SourceIp": ["0.0.0.0/1", "203.0.113.0/24"] } }],
    ["an address key under a string operator", { StringEquals: { "aws:SourceIp": "203.0.113.7" } }],
    ["an empty value list", { StringEquals: { "aws:PrincipalOrgID": [] } }],
    ["a value that is not text", { StringEquals: { "aws:PrincipalOrgID": { o: 1 } } }],
    ["a Condition that is not an object", ["aws:PrincipalOrgID"]],
  ])("does not narrow with %s", (_name, condition) => {
    expect(conditionNarrowsCaller(condition)).toBe(false);
  });

  it("reads aws:SourceIp against the configured internet threshold", () => {
    const condition = { IpAddress: { "aws:SourceIp": "100.0.0.0/9" } };
    expect(conditionNarrowsCaller(condition)).toBe(true);
    expect(conditionNarrowsCaller(condition, { ipv4Prefix: 12, ipv6Prefix: 32 })).toBe(false);
  });
});

/** The public grants of a document and the checks each would be named by. */
function named(
  type: string,
  statements: Record<string, unknown>[] | Record<string, unknown>,
  checks = resourcePolicyChecksFailing,
): string[][] {
  const parsed = parsePolicyDocument(JSON.stringify({ Version: "2012-10-17", Statement: statements })) ?? [];
  return publicGrants(parsed).map((g) => checks(type, parsed, g));
}

const trust = (
  type: string,
  s: Parameters<typeof trustPolicyChecksFailing>[0],
  g: Parameters<typeof trustPolicyChecksFailing>[1],
) => (type === "aws_iam_role" ? trustPolicyChecksFailing(s, g) : []);

describe("the models of the narrower checks", () => {
  const open = (extra: Record<string, unknown> = {}) => ({
    Effect: "Allow",
    Principal: "*",
    Action: "s3:GetObject",
    Resource: "*",
    ...extra,
  });

  it("CKV_AWS_70 judges only the first public statement of a bucket", () => {
    // The first public statement passes the check (its StringEquals holds aws:PrincipalOrgID, whatever the value): the bucket passes.
    expect(
      named("aws_s3_bucket_policy", [open({ Condition: { StringLike: { "aws:PrincipalOrgID": "*" } } }), open()]),
    ).toEqual([[], []]);
    expect(named("aws_s3_bucket_policy", [open(), open()])).toEqual([["CKV_AWS_70"], []]);
    // A negated ARN operator passes the check; planguard still reports the statement.
    expect(
      named("aws_s3_bucket", [open({ Condition: { ArnNotLike: { "aws:SourceArn": "arn:aws:s3:::b" } } })]),
    ).toEqual([[]]);
    // The check's ARN test: an aws:SourceArn of every account fails.
    expect(named("aws_s3_bucket", [open({ Condition: { ArnLike: { "aws:SourceArn": "arn:aws:s3::*:x" } } })])).toEqual([
      ["CKV_AWS_70"],
    ]);
    // Another resource type: not the check's.
    expect(named("aws_sqs_queue_policy", [open()])).toEqual([["CKV_AWS_168"]]);
  });

  it("CKV_AWS_32 reads only the first statement, and only Principal * written as a string", () => {
    const ecr = (principal: unknown) => open({ Action: ["ecr:BatchGetImage"], Principal: principal });
    expect(named("aws_ecr_repository_policy", [ecr("*")])).toEqual([["CKV_AWS_32", "AVD-AWS-0032"]]);
    expect(named("aws_ecr_repository_policy", [ecr({ AWS: "*" })])).toEqual([["AVD-AWS-0032"]]);
    // A Statement written as one object: Checkov's Statement[0] raises, and it reports nothing.
    expect(named("aws_ecr_repository_policy", ecr("*"))).toEqual([["AVD-AWS-0032"]]);
    // Trivy reads actions starting "ecr:" only.
    expect(named("aws_ecr_repository_policy", [open({ Action: "*" })])).toEqual([["CKV_AWS_32"]]);
  });

  it("CKV_AWS_33 reads aws_kms_key_policy only, and Effect exactly Allow", () => {
    const key = open({ Action: "kms:*", Principal: { AWS: ["*"] } });
    expect(named("aws_kms_key_policy", [key])).toEqual([["CKV_AWS_33"]]);
    expect(named("aws_kms_key", [key])).toEqual([[]]);
    // planguard reads a missing Effect as Allow (AWS requires one); the check's filter does not match it.
    const { Effect: _dropped, ...noEffect } = key;
    expect(named("aws_kms_key_policy", [noEffect])).toEqual([[]]);
  });

  it("CKV_AWS_168 and CKV_AWS_169 follow policyuniverse's is_internet_accessible", () => {
    expect(named("aws_sns_topic_policy", [open()])).toEqual([["CKV_AWS_169"]]);
    // Any entry holding "*" is open to it, as a wildcard is to planguard.
    expect(
      named("aws_sqs_queue_policy", [open({ Condition: { StringLike: { "aws:SourceVpce": "vpce-*" } } })]),
    ).toEqual([["CKV_AWS_168"]]);
    // A user id without "*" makes policyuniverse raise: Checkov reports nothing for the resource.
    expect(named("aws_sqs_queue_policy", [open({ Condition: { StringLike: { "aws:userid": "AID*X" } } })])).toEqual([
      ["CKV_AWS_168"],
    ]);
    expect(
      named("aws_sqs_queue_policy", [
        open({ Condition: { "ForAllValues:StringEquals": { "aws:userid": "AIDAEXAMPLE" } } }),
      ]),
    ).toEqual([[]]);
    // It walks the statements in order: a raise before the first accessible one ends the check with no result;
    // after it, the answer is already given.
    const raising = open({ Effect: "Deny", Condition: { StringEquals: { "aws:userid": "AIDAEXAMPLE" } } });
    const raisingAllow = open({ Condition: { StringLike: { "aws:userid": "AIDAEXAMPLE" } } });
    // (planguard reads that user id as one user's: only the open statement is a finding.)
    expect(named("aws_sqs_queue_policy", [raisingAllow, open()])).toEqual([[]]);
    expect(named("aws_sqs_queue_policy", [open(), raisingAllow])).toEqual([["CKV_AWS_168"]]);
    // A Deny is not accessible before its condition is read: it does not raise.
    expect(named("aws_sqs_queue_policy", [raising, open()])).toEqual([["CKV_AWS_168"]]);
    // NotPrincipal is open to policyuniverse as to planguard.
    expect(
      named("aws_sns_topic_policy", [
        {
          Effect: "Allow",
          NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: "sns:Publish",
          Resource: "*",
        },
      ]),
    ).toEqual([["CKV_AWS_169"]]);
  });

  it("CKV_AWS_60 walks the trust statements in order and reads only AWS *", () => {
    const assume = (principal: unknown, extra: Record<string, unknown> = {}) => ({
      Effect: "Allow",
      Principal: principal,
      Action: "sts:AssumeRole",
      ...extra,
    });
    expect(named("aws_iam_role", [assume({ AWS: "*" })], trust)).toEqual([["CKV_AWS_60"]]);
    expect(named("aws_iam_role", [assume("*")], trust)).toEqual([[]]);
    // Only the first AWS * statement fails the role; the second finding does not name the check.
    expect(named("aws_iam_role", [assume({ AWS: "*" }), assume({ AWS: ["*"] })], trust)).toEqual([["CKV_AWS_60"], []]);
    // A statement without Principal raises inside the check, which then passes the role.
    expect(named("aws_iam_role", [{ Effect: "Allow", Action: "sts:AssumeRole" }, assume({ AWS: "*" })], trust)).toEqual(
      [[]],
    );
    // A Deny before it is skipped.
    expect(named("aws_iam_role", [{ Effect: "Deny", Action: "sts:AssumeRole" }, assume({ AWS: "*" })], trust)).toEqual([
      ["CKV_AWS_60"],
    ]);
  });
});
