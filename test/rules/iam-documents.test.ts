import { describe, expect, it } from "vitest";
import { evaluateTypeScriptRules } from "../../src/policy/evaluate.js";
import { RuleSelection } from "../../src/policy/select.js";
import { mayHoldWildcard } from "../../src/rules/iam/policy-document.js";
import { BUNDLED_RULES } from "../../src/rules/index.js";
import { modelOf } from "../gpu/plan.js";

const policy = (statement: Record<string, unknown>): string =>
  JSON.stringify({ Version: "2012-10-17", Statement: [statement] });

function iamFindings(documents: Record<string, string>): string[] {
  const model = modelOf(
    Object.entries(documents).map(([name, text]) => ({
      address: `aws_iam_policy.${name}`,
      after: { name, policy: text },
    })),
  );
  const { findings, failures } = evaluateTypeScriptRules(model, BUNDLED_RULES, {}, new RuleSelection({}));
  expect(failures).toEqual([]);
  return findings.map((f) => `${f.ruleId} ${f.resource?.address}`).sort();
}

describe("IAM policy documents", () => {
  it("are parsed only when they may hold a wildcard, which every document rule looks for", () => {
    expect(mayHoldWildcard(policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }))).toBe(
      false,
    );
    expect(mayHoldWildcard(policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }))).toBe(true);
    // A JSON escape may spell the wildcard: such documents are parsed too.
    expect(mayHoldWildcard('{"Statement":[{"Effect":"Allow","Action":"\\u002a","Resource":"\\u002A"}]}')).toBe(true);
  });

  it("still judge wildcards written plainly or escaped, and pass narrow documents", () => {
    expect(
      iamFindings({
        plain: policy({ Effect: "Allow", Action: "*", Resource: "*" }),
        escaped: '{"Statement":[{"Effect":"Allow","Action":"\\u002a","Resource":"\\u002A"}]}',
        narrow: policy({ Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::1:role/r*" }),
        broken: "{not json",
      }),
    ).toEqual(["PG-AWS-IAM-001 aws_iam_policy.escaped", "PG-AWS-IAM-001 aws_iam_policy.plain"]);
  });
});
