/**
 * Data values placed in Markdown: job summaries, pull-request comments,
 * issue bodies. The values come from the pull request (addresses, messages,
 * file names, tags), so none may end a table row or a code span, open raw
 * HTML (`<img src=...>`, an unclosed `<!--` that hides the rest of the
 * report), make a link (`[text](javascript:...)`) or notify someone
 * (`@user`, `@org/team`).
 */

const ZWSP = "\u200b";

/** Characters that start Markdown syntax inside a line, escaped with a backslash (CommonMark shows them as they are). */
const SYNTAX = /[\\`*_[\]<>|~!#]/g;

/** Line breaks of any kind (a lone CR ends a line too) become spaces: a value stays in its table cell. */
function oneLine(s: string): string {
  return s.replace(/\r\n|[\r\n\u2028\u2029]/g, " ");
}

/** `@name` and `@org/team` would notify; a zero-width space after the @ keeps the text and drops the mention. */
function noMentions(s: string): string {
  return s.replace(/@(?=[A-Za-z0-9])/g, `@${ZWSP}`);
}

/** A data value as Markdown text, for a table cell or a sentence. */
export function mdText(value: string): string {
  return noMentions(
    oneLine(value)
      .replace(/&/g, "&amp;")
      .replace(SYNTAX, (c) => `\\${c}`),
  );
}

/**
 * A data value as an inline code span, which shows HTML, links and mentions
 * literally. The fence is longer than any run of backticks inside, and `|`
 * is still escaped because GitHub splits table cells before it reads spans.
 */
export function mdCode(value: string): string {
  const text = oneLine(value).replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  // A space inside the fence when the value starts or ends with a backtick (CommonMark strips one on each side).
  const pad = text.startsWith("`") || text.endsWith("`") || text === "" ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
