/**
 * Resource address patterns for waivers: `*` matches any run of characters
 * (dots and brackets included, so `module.training.*` covers a whole module),
 * `?` one character; everything else is literal.
 *
 * Patterns come from the config and addresses from the plan, both written by
 * the pull request, so matching must not backtrack: a regular expression
 * `^.*a.*a.*a...b$` takes time exponential in the number of stars on a
 * backtracking engine. Here the pattern is split at its stars into segments:
 * the first must start the address, the last must end it, and each one in
 * between is matched at its leftmost place after the previous one (leftmost
 * is always safe, since a star can absorb whatever is skipped). Each segment
 * is looked for once, left to right: at most address × pattern steps, and
 * one `indexOf` per segment when it has no `?`.
 */
export function addressMatcher(pattern: string): (address: string) => boolean {
  const segments = pattern.split("*");
  if (segments.length === 1) return (address) => address.length === pattern.length && matchesAt(address, 0, pattern);
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  const middle = segments.slice(1, -1).filter((s) => s !== "");
  const fixedLength = first.length + last.length;
  return (address) => {
    if (address.length < fixedLength) return false;
    if (!matchesAt(address, 0, first)) return false;
    const end = address.length - last.length;
    if (!matchesAt(address, end, last)) return false;
    let at = first.length;
    for (const segment of middle) {
      const found = indexOfSegment(address, segment, at, end);
      if (found < 0) return false;
      at = found + segment.length;
    }
    return true;
  };
}

/** Whether `segment` (literal characters and `?`) matches address at `at`. */
function matchesAt(address: string, at: number, segment: string): boolean {
  if (at + segment.length > address.length) return false;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c !== "?" && c !== address[at + i]) return false;
  }
  return true;
}

/** The first place at or after `from` where `segment` matches and ends by `end`, or -1. */
function indexOfSegment(address: string, segment: string, from: number, end: number): number {
  if (!segment.includes("?")) {
    const i = address.indexOf(segment, from);
    return i >= 0 && i + segment.length <= end ? i : -1;
  }
  for (let i = from; i + segment.length <= end; i++) if (matchesAt(address, i, segment)) return i;
  return -1;
}
