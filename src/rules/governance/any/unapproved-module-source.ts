import { moduleCalls } from "../../../governance/configuration.js";
import { fail, modelRule, type Outcome } from "../../../policy/rule.js";
import { isLocal } from "../reproducibility.js";

export const unapprovedModuleSource = modelRule({
  id: "PG-GOV-008",
  title: "Module from a source that is not approved",
  description:
    "With `governance.allowed_module_sources` set, every module that is not local to the repository must come from one of the listed prefixes (a private registry, the organisation's git host), so that third-party code is reviewed before it runs with deployment credentials.",
  severity: "high",
  category: "governance",
  remediation:
    "Use an approved module, mirror this one into an approved source, or add its prefix to `governance.allowed_module_sources` after review.",
  check(ctx) {
    const allowed = ctx.config.governance?.allowed_module_sources;
    if (!allowed || allowed.length === 0) return;
    const out: Outcome[] = [];
    for (const call of moduleCalls(ctx.model)) {
      // Local modules are part of the reviewed repository; nested ones inherit their parent's source.
      if (isLocal(call.source) || call.source === "") continue;
      if (!allowed.some((prefix) => call.source.startsWith(prefix)))
        out.push(
          fail(
            `${call.address} comes from ${call.source}, which is not an approved module source.`,
            `${call.address}.source`,
          ),
        );
    }
    return out;
  },
});
