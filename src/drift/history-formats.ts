import { formatHistoryHtml } from "../report/html/history.js";
import type { HistorySummary } from "./history-summary.js";
import { formatHistoryMarkdown } from "./history-report/markdown.js";

/** `planguard report` formats by name; each a pure function of the summary. */
export const HISTORY_FORMATS: Record<string, (summary: HistorySummary) => string> = {
  html: (s) => formatHistoryHtml(s),
  markdown: (s) => formatHistoryMarkdown(s),
  json: (s) => JSON.stringify(s, null, 2) + "\n",
};
