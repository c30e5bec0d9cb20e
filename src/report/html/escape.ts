/**
 * Escaping for the HTML report. Resource names, tags and messages come from
 * an untrusted pull request, so every value goes through one of these on its
 * way into the page: text and attribute values through `escapeHtml`, the
 * data the page's script reads through `jsonForScript`.
 */

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Safe in element text and in quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * JSON that can sit inside `<script type="application/json">`: no `<`, `>`
 * or `&` survives, so neither `</script>` nor `<!--` can end or change the
 * element, and U+2028/U+2029 are escaped for older parsers. JSON.parse reads
 * the escapes back to the same characters.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"),
  );
}
