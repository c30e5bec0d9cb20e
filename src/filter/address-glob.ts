/**
 * Resource address patterns for waivers: `*` matches any run of characters
 * (dots and brackets included, so `module.training.*` covers a whole module),
 * `?` one character; everything else is literal.
 */
export function addressMatcher(pattern: string): (address: string) => boolean {
  const source = [...pattern]
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  const re = new RegExp(`^${source}$`);
  return (address) => re.test(address);
}
