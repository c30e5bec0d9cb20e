import { modelRule } from "../../../policy/rule.js";
import { foreignProviders } from "../common.js";

export const awsProviderOtherAccount = modelRule({
  id: "PG-AWS-GOV-001",
  title: "AWS provider configured for another environment's account",
  description:
    "A provider configuration whose `allowed_account_ids` or `assume_role.role_arn` names an account declared for another environment lets this plan create or change resources there: a dev pipeline that can write to prod.",
  severity: "critical",
  category: "governance",
  providers: ["aws"],
  remediation:
    "Point the provider at this environment's account, or run the change from the other environment's pipeline. Cross-account work belongs in that account's configuration.",
  check(ctx) {
    return foreignProviders(ctx, "aws_account", "account");
  },
});
