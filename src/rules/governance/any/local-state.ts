import { fail, modelRule } from "../../../policy/rule.js";
import { where } from "../backend.js";

export const localState = modelRule({
  id: "PG-GOV-011",
  title: "State kept in a local file",
  description:
    'A root module with `backend "local"`, or, once the config declares `environments`, one without a `backend` or `cloud` block, keeps its state in a file on the machine that ran it: in CI that file is lost with the runner, nothing locks it against a concurrent apply, and nothing versions or encrypts it. A module with no backend block at all is only judged for a declared environment: before that, planguard cannot tell a deployed root module from a module run locally or as an example.',
  severity: "high",
  category: "governance",
  remediation:
    "Declare a remote backend (s3 with encryption and locking, gcs, azurerm) or HCP Terraform's `cloud` block.",
  check(ctx) {
    const b = ctx.backend;
    if (!b) return;
    // Without declared environments, a module without any backend block may be a local experiment or an example: not judged.
    if (b.kind === "none" && ctx.config.environments === undefined) return;
    if (b.kind === "none")
      return fail("The root module declares no backend: state is a local terraform.tfstate file.", "terraform.backend");
    if (b.kind === "backend" && b.type === "local")
      return fail(
        `The root module uses backend "local" (${where(b)}): state is a file on the runner.`,
        "terraform.backend.local",
      );
  },
});
