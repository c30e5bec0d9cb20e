import { POLICY_PRINCIPAL_TYPES, policyPrincipalRule } from "../environment-aws.js";

export const awsForeignPolicyPrincipal = policyPrincipalRule(
  "PG-AWS-GOV-004",
  "Resource policy grants access to another environment",
  "A bucket, key, repository, queue or topic policy that grants access to principals of another environment's account lets that environment read or change this one's data.",
  [...POLICY_PRINCIPAL_TYPES],
  "policy",
  "grants access to",
);
