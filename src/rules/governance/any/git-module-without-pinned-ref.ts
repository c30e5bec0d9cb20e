import { moduleCalls } from "../../../governance/configuration.js";
import { fail, modelRule, type Outcome } from "../../../policy/rule.js";
import { GIT_SOURCE, gitRef, isPinnedRef } from "../reproducibility.js";

export const gitModuleWithoutPinnedRef = modelRule({
  id: "PG-GOV-007",
  title: "Git module without a ref pinned to a tag or commit",
  description:
    "A module from git without `?ref=`, or with a ref that is not a release tag or a full commit id (a branch such as `main`), changes whenever the branch moves.",
  severity: "medium",
  category: "governance",
  remediation: "Add `?ref=v1.4.2` (a release tag) or `?ref=<40-character commit id>` to the source.",
  check(ctx) {
    const out: Outcome[] = [];
    for (const call of moduleCalls(ctx.model)) {
      if (!GIT_SOURCE.test(call.source)) continue;
      const ref = gitRef(call.source);
      const attribute = `${call.address}.source`;
      if (ref === undefined)
        out.push(fail(`${call.address} uses a git source without ?ref=: it follows the default branch.`, attribute));
      else if (!isPinnedRef(ref))
        out.push(
          fail(`${call.address} pins ref "${ref}", which is neither a release tag nor a full commit id.`, attribute),
        );
    }
    return out;
  },
});
