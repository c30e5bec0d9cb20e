import type { HclMember } from "./hcl-scan.js";

/**
 * The member of a block that an attribute path names, as deep as the source
 * goes: `ingress.1.cidr_blocks` is the `cidr_blocks` line of the second
 * `ingress` block; `tags.Name` is the `tags` line (object keys are
 * expressions, not members); `ingress.0` with the block written as
 * `dynamic "ingress" { content { ... } }` is found through the dynamic block.
 *
 * The index counts blocks in source order. That is Terraform's order for
 * list blocks; for set blocks (a security group's `ingress`) the plan's
 * order is Terraform's own, so the line may be a sibling block of the same
 * type. When the index is out of range the first block of the name is used.
 */
export function findMember(members: readonly HclMember[], attribute: string): HclMember | undefined {
  const segments = splitPath(attribute);
  let list = members;
  let found: HclMember | undefined;
  for (let k = 0; k < segments.length; ) {
    const name = segments[k]!;
    const direct = list.filter((m) => m.name === name);
    const matches =
      direct.length > 0
        ? direct
        : list.filter((m) => m.kind === "block" && m.name === "dynamic" && m.labels[0] === name);
    if (matches.length === 0) break;
    const index = k + 1 < segments.length && /^\d+$/.test(segments[k + 1]!) ? Number(segments[k + 1]) : undefined;
    const pick = (index !== undefined ? matches[index] : undefined) ?? matches[0]!;
    found = pick;
    if (pick.kind === "attribute") break;
    k += index !== undefined ? 2 : 1;
    // A dynamic block's attributes are in its `content` block.
    list =
      pick.name === "dynamic" && name !== "dynamic"
        ? (pick.members.find((m) => m.name === "content")?.members ?? [])
        : pick.members;
  }
  return found;
}

/** `a.0.b`, `a[0].b` and `a["k"]` as segments. */
function splitPath(attribute: string): string[] {
  return attribute
    .replace(/\[(\d+)\]/g, ".$1")
    .replace(/\["((?:[^"\\]|\\.)*)"\]/g, ".$1")
    .split(".")
    .filter((s) => s !== "");
}
