import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { blocks, readAttribute } from "../../read.js";

export const plainHttpListener = resourceRule({
  id: "PG-AWS-NET-005",
  title: "Load balancer listens on plain HTTP",
  description:
    "A listener on HTTP carries inference requests, tokens and data in clear text. Plain HTTP is acceptable only to redirect to HTTPS.",
  severity: "medium",
  category: "network",
  providers: ["aws"],
  resourceTypes: ["aws_lb_listener", "aws_alb_listener"],
  aliases: ["CKV_AWS_2", "AVD-AWS-0054"],
  remediation: "Listen on HTTPS with a certificate (ACM), and make the HTTP listener redirect to HTTPS.",
  check(r, { model }) {
    const protocol = readAttribute(model, r, "protocol");
    if (protocol.state === "unknown") return unknown("The listener's protocol is known only after apply.", "protocol");
    if (protocol.state !== "known" || protocol.value !== "HTTP") return;
    const redirects = blocks(r, "default_action").some(
      ({ block }) => block["type"] === "redirect" && blocksOf(block["redirect"]).some((x) => x["protocol"] === "HTTPS"),
    );
    if (!redirects) return fail(`${r.address} serves plain HTTP without redirecting to HTTPS.`, "protocol");
  },
});

function blocksOf(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === "object") : [];
}
