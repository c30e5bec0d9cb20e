import { escapeHtml } from "./escape.js";

/** Pieces every HTML report is built of; each returns escaped HTML. */

export interface Card {
  label: string;
  value: number | string;
  /** A swatch class key (a severity, before, after). */
  swatch?: string;
  /** Tests and readers find the number by it: data-card="critical". */
  name: string;
}

export function cards(items: readonly Card[]): string {
  const li = items.map(
    (c) =>
      `<li class="pg-card"><span class="pg-label">${c.swatch ? `<span class="pg-swatch pg-bg-${c.swatch}"></span>` : ""}${escapeHtml(c.label)}</span><span class="pg-num" data-card="${escapeHtml(c.name)}">${escapeHtml(c.value)}</span></li>`,
  );
  return `<ul class="pg-cards">${li.join("")}</ul>`;
}

export type VerdictTone = "pass" | "fail" | "warn";

export function header(
  title: string,
  subtitle: readonly string[],
  verdict: { tone: VerdictTone; text: string },
): string {
  const lines = subtitle.map((s) => `<li>${escapeHtml(s)}</li>`).join("");
  return `<header class="pg-head"><div><h1>${escapeHtml(title)}</h1><ul class="pg-inputs">${lines}</ul></div><p class="pg-verdict pg-verdict-${verdict.tone}" data-verdict="${verdict.tone}" role="status">${escapeHtml(verdict.text)}</p></header>`;
}

export function notices(messages: readonly string[]): string {
  return messages.map((m) => `<p class="pg-notice">${escapeHtml(m)}</p>`).join("");
}

export interface Tab {
  id: string;
  label: string;
  count?: number;
  /** Escaped HTML of the panel. */
  panel: string;
}

/** Tabs after the WAI-ARIA pattern: arrow keys, Home and End move between them (client.ts). */
export function tabs(label: string, items: readonly Tab[]): string {
  const buttons = items.map(
    (t, i) =>
      `<button type="button" role="tab" id="tab-${t.id}" aria-controls="panel-${t.id}" aria-selected="${i === 0}" tabindex="${i === 0 ? 0 : -1}">${escapeHtml(t.label)}${t.count === undefined ? "" : ` (<span data-tab-count="${t.id}">${t.count}</span>)`}</button>`,
  );
  const panels = items.map(
    (t, i) =>
      `<section role="tabpanel" id="panel-${t.id}" aria-labelledby="tab-${t.id}"${i === 0 ? "" : " hidden"}>${t.panel}</section>`,
  );
  return `<div role="tablist" aria-label="${escapeHtml(label)}">${buttons.join("")}</div>${panels.join("")}`;
}

/** Where the page's script draws a table (view.ts); the text is what readers without scripts see. */
export function viewSlot(id: string): string {
  return `<div id="view-${id}" class="pg-view"><p class="pg-empty">Loading the table…</p></div>`;
}

export function footer(tool: { name: string; version: string }): string {
  return `<footer>${escapeHtml(tool.name)} ${escapeHtml(tool.version)} · a self-contained report: no scripts, styles or data are loaded from anywhere else.</footer>`;
}
