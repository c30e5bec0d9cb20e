import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PLANGUARD_BUILTINS } from "../../src/policy/rego/planguard-builtins.js";
import { compileModules } from "../../src/rego/index.js";
import { internetThreshold } from "../../src/rules/address-space.js";
import { conditionNarrowsCaller } from "../../src/rules/iam/condition-narrowing.js";
import { parsePolicyDocument } from "../../src/rules/iam/policy-document.js";
import { publicGrants } from "../../src/rules/iam/principals.js";
import { repoRoot } from "../helpers/shared.js";

/**
 * The TypeScript IAM rules (conditionNarrowsCaller, publicGrants) and the
 * bundled Rego rules (planguard.lib.aws_iam.narrows_caller, public_statement)
 * must agree on when a statement is open to everyone and when a Condition
 * makes `Principal: "*"` private. Each table goes through both helpers with
 * the answer each case is expected to have, so that a change to one side
 * alone fails here.
 */
const ACCOUNT = "111122223333";

const CASES: [string, unknown, boolean][] = [
  ["aws:PrincipalOrgID", { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } }, true],
  ["a key spelled in another case", { StringEquals: { "AWS:principalorgid": "o-abc123" } }, true],
  ["an operator spelled in another case", { stringequals: { "aws:PrincipalOrgID": "o-abc123" } }, true],
  ["aws:PrincipalAccount", { StringEquals: { "aws:PrincipalAccount": ACCOUNT } }, true],
  ["an account written as a JSON number", { StringEquals: { "aws:SourceAccount": 111122223333 } }, true],
  ["accounts as numbers under StringLike", { StringLike: { "aws:SourceAccount": [111122223333, 444455556666] } }, true],
  ["aws:SourceOwner", { StringLike: { "aws:SourceOwner": ACCOUNT } }, true],
  ["kms:CallerAccount", { StringEquals: { "kms:CallerAccount": ACCOUNT } }, true],
  ["StringEqualsIgnoreCase", { StringEqualsIgnoreCase: { "aws:PrincipalOrgID": "O-ABC123" } }, true],
  ["aws:SourceVpc", { StringEquals: { "aws:SourceVpc": "vpc-0a1b2c3d" } }, true],
  [
    "aws:SourceVpce, among others",
    { StringEquals: { "aws:SourceVpce": "vpce-1", "aws:SecureTransport": "true" } },
    true,
  ],
  ["aws:PrincipalArn of one account", { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/*` } }, true],
  ["ArnEquals of one account", { ArnEquals: { "aws:SourceArn": `arn:aws:sns:*:${ACCOUNT}:topic` } }, true],
  ["aws:SourceArn of one bucket", { ArnLike: { "aws:SourceArn": "arn:aws:s3:::ml-uploads" } }, true],
  ["aws:SourceArn of one bucket's objects", { ArnLike: { "aws:SourceArn": "arn:aws:s3:::ml-uploads/*" } }, true],
  ["aws:SourceArn by StringEquals (literal)", { StringEquals: { "aws:SourceArn": "arn:aws:sqs:*:*:q" } }, true],
  [
    "aws:PrincipalOrgPaths under one organization",
    { "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": "o-abc/r-1/ou-2/*" } },
    true,
  ],
  ["ForAnyValue:StringEquals", { "foranyvalue:StringEquals": { "aws:PrincipalOrgID": "o-abc123" } }, true],
  ["aws:userid of one role's sessions", { StringLike: { "aws:userid": "AROAEXAMPLEID:*" } }, true],
  ["aws:userid of one user", { StringLike: { "aws:userid": "AIDAEXAMPLE" } }, true],
  ["aws:SourceIp of an office range", { IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "10.0.0.0/8"] } }, true],
  ["aws:SourceIp of an IPv6 range", { IpAddress: { "aws:SourceIp": "2001:db8::/32" } }, true],
  ["StringEquals with a literal *", { StringEquals: { "aws:PrincipalOrgID": "*" } }, true],
  [
    "one narrowing pair ANDed with an open one",
    { StringEquals: { "aws:SourceVpce": "vpce-1" }, StringLike: { "aws:SourceAccount": "*" } },
    true,
  ],
  ["no condition", null, false],
  ["an empty condition", {}, false],
  ["aws:SecureTransport", { Bool: { "aws:SecureTransport": "true" } }, false],
  ["aws:RequestedRegion", { StringEquals: { "aws:RequestedRegion": "us-east-1" } }, false],
  ["sts:ExternalId alone (not a secret)", { StringEquals: { "sts:ExternalId": "vendor-42" } }, false],
  ["a negated operator", { StringNotEquals: { "aws:PrincipalOrgID": "o-abc123" } }, false],
  ["a negated ARN operator", { ArnNotLike: { "aws:SourceArn": "arn:aws:s3:::b" } }, false],
  ["a negated address operator", { NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, false],
  ["an ...IfExists test", { StringEqualsIfExists: { "aws:SourceVpce": "vpce-1" } }, false],
  [
    "ForAllValues (true of an absent key)",
    { "ForAllValues:StringEquals": { "aws:PrincipalOrgID": "o-abc123" } },
    false,
  ],
  ["a Null test", { Null: { "aws:PrincipalOrgID": "false" } }, false],
  ["StringLike *", { StringLike: { "aws:PrincipalOrgID": "*" } }, false],
  ["an account pattern", { StringLike: { "aws:SourceAccount": "1111*" } }, false],
  ["a ? in an account pattern", { StringLike: { "aws:SourceAccount": "11112222333?" } }, false],
  ["one open value among narrow ones", { StringLike: { "aws:SourceAccount": [ACCOUNT, "*"] } }, false],
  ["an empty value", { StringEquals: { "aws:PrincipalOrgID": "" } }, false],
  ["an ARN of every account", { ArnLike: { "aws:SourceArn": "arn:aws:sns:us-east-1:*:topic" } }, false],
  ["an ARN of any service", { ArnLike: { "aws:SourceArn": `arn:aws:*:us-east-1:${ACCOUNT}:x` } }, false],
  ["every bucket", { ArnLike: { "aws:SourceArn": "arn:aws:s3:::*" } }, false],
  ["an ARN without an account outside S3", { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam:::user/u" } }, false],
  ["not an ARN", { ArnLike: { "aws:SourceArn": "*" } }, false],
  ["an ARN operator on an account key", { ArnLike: { "aws:SourceAccount": ACCOUNT } }, false],
  ["an organization path of any organization", { StringLike: { "aws:PrincipalOrgPaths": "*/ou-2/*" } }, false],
  ["an organization path of a wildcard organization", { StringLike: { "aws:PrincipalOrgPaths": "o-*/r-1/*" } }, false],
  ["a user id pattern", { StringLike: { "aws:userid": "*:alice" } }, false],
  ["a user id of only :*", { StringLike: { "aws:userid": ":*" } }, false],
  ["the internet (aws:SourceIp 0.0.0.0/0)", { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } }, false],
  ["half the internet and more", { IpAddress: { "aws:SourceIp": ["0.0.0.0/1", "203.0.113.0/24"] } }, false],
  ["an address key under a string operator", { StringEquals: { "aws:SourceIp": "203.0.113.7" } }, false],
  ["an organization key under IpAddress", { IpAddress: { "aws:PrincipalOrgID": "o-abc123" } }, false],
  ["an empty value list", { StringEquals: { "aws:PrincipalOrgID": [] } }, false],
  ["a value that is not text", { StringEquals: { "aws:PrincipalOrgID": { o: 1 } } }, false],
  ["a list holding a value that is not text", { StringEquals: { "aws:PrincipalOrgID": ["o-abc123", true] } }, false],
  ["an operator's tests that are not an object", { StringEquals: ["aws:PrincipalOrgID"] }, false],
  ["a Condition that is not an object", ["aws:PrincipalOrgID"], false],
];

const ORG_ONLY = { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } };
const TLS_ONLY = { Bool: { "aws:SecureTransport": "true" } };

const STATEMENTS: [string, unknown, boolean][] = [
  ["Principal *", { Effect: "Allow", Principal: "*", Action: "es:*" }, true],
  ["AWS *", { Effect: "Allow", Principal: { AWS: "*" } }, true],
  ["AWS [*] among accounts", { Effect: "Allow", Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`, "*"] } }, true],
  ["Service *", { Effect: "Allow", Principal: { Service: "*" } }, true],
  ["a list holding *", { Effect: "Allow", Principal: ["*"] }, true],
  ["NotPrincipal without Principal", { Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }, true],
  ["no Effect (read as Allow)", { Principal: "*" }, true],
  ["Principal * under aws:SecureTransport only", { Effect: "Allow", Principal: "*", Condition: TLS_ONLY }, true],
  [
    "NotPrincipal under aws:SecureTransport only",
    { Effect: "Allow", NotPrincipal: { AWS: "x" }, Condition: TLS_ONLY },
    true,
  ],
  ["Principal * under aws:PrincipalOrgID", { Effect: "Allow", Principal: "*", Condition: ORG_ONLY }, false],
  [
    "NotPrincipal under aws:PrincipalOrgID",
    { Effect: "Allow", NotPrincipal: { AWS: "x" }, Condition: ORG_ONLY },
    false,
  ],
  ["a Deny", { Effect: "Deny", Principal: "*" }, false],
  ["one account", { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }, false],
  ["a service", { Effect: "Allow", Principal: { Service: "sagemaker.amazonaws.com" } }, false],
  ["an account pattern (not *)", { Effect: "Allow", Principal: { AWS: "arn:aws:iam::*:root" } }, false],
  ["* nested a list too deep", { Effect: "Allow", Principal: { AWS: [["*"]] } }, false],
  ["a string Principal other than *", { Effect: "Allow", Principal: "arn:aws:iam::111122223333:root" }, false],
  ["a null Principal", { Effect: "Allow", Principal: null }, false],
  ["a number Principal", { Effect: "Allow", Principal: 7 }, false],
  ["both Principal and NotPrincipal", { Effect: "Allow", Principal: { AWS: "x" }, NotPrincipal: { AWS: "y" } }, false],
  ["no principal at all", { Effect: "Allow", Action: "s3:GetObject" }, false],
  ["a statement that is not an object", "*", false],
];

const PROBE = `package probe
import data.planguard.lib.aws_iam
narrows contains i if {
  some i, c in input.conditions
  aws_iam.narrows_caller(c)
}
public contains i if {
  some i, s in input.statements
  aws_iam.public_statement(s)
}`;

const compiled = compileModules(
  ["lib.rego", "aws_iam.rego"]
    .map((f) => ({ file: f, text: readFileSync(path.join(repoRoot, "policies/lib", f), "utf8") }))
    .concat([{ file: "probe.rego", text: PROBE }]),
  { extraBuiltins: PLANGUARD_BUILTINS },
);

/** The indexes of the conditions the Rego helper reads as narrowing the caller. */
function regoNarrowing(conditions: unknown[], network?: Record<string, number>): number[] {
  const data = network ? { planguard: { config: { network } } } : {};
  return indexes(compiled.evaluate("data.probe.narrows", { input: { conditions } as never, data: data as never }));
}

/** The indexes of the statements the Rego helper reads as open to everyone. */
function regoPublic(statements: unknown[]): number[] {
  return indexes(compiled.evaluate("data.probe.public", { input: { statements } as never, data: {} as never }));
}

function indexes(result: unknown): number[] {
  return [...(result as Iterable<unknown>)].map(Number).sort((a, b) => a - b);
}

describe("conditionNarrowsCaller and planguard.lib.aws_iam.narrows_caller", () => {
  it("give every case of the table its expected answer, both of them", () => {
    const conditions = CASES.map(([, c]) => c);
    const expected = CASES.flatMap(([, , narrows], i) => (narrows ? [i] : []));
    const ts = CASES.flatMap(([, c], i) => (conditionNarrowsCaller(c ?? undefined) ? [i] : []));
    const named = (ids: number[]) => ids.map((i) => CASES[i]?.[0]);
    // Compared by name, so a failure says which cases differ.
    expect(named(ts)).toEqual(named(expected));
    expect(named(regoNarrowing(conditions))).toEqual(named(expected));
  });

  it("read aws:SourceIp against the configured internet threshold alike", () => {
    const condition = { IpAddress: { "aws:SourceIp": "100.0.0.0/9" } };
    const network = { internet_ipv4_prefix: 12, internet_ipv6_prefix: 32 };
    expect(conditionNarrowsCaller(condition)).toBe(true);
    expect(regoNarrowing([condition])).toEqual([0]);
    expect(conditionNarrowsCaller(condition, internetThreshold({ network }))).toBe(false);
    expect(regoNarrowing([condition], network)).toEqual([]);
  });

  it("read the same statements as open to everyone", () => {
    const statements = STATEMENTS.map(([, s]) => s);
    const expected = STATEMENTS.flatMap(([, , open], i) => (open ? [i] : []));
    const parsed = parsePolicyDocument(JSON.stringify({ Version: "2012-10-17", Statement: statements })) ?? [];
    const ts = publicGrants(parsed).map((g) => g.statement.index);
    const named = (ids: number[]) => ids.map((i) => STATEMENTS[i]?.[0]);
    expect(named(ts)).toEqual(named(expected));
    expect(named(regoPublic(statements))).toEqual(named(expected));
  });
});
