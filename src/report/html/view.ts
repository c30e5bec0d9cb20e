/**
 * The tables of an HTML report, as data: the server side (scan.ts, drift.ts,
 * history.ts) builds them, the page's script (client.ts) filters, pages and
 * renders them. Rows are arrays, not objects, so 25,000 findings stay a few
 * megabytes; long texts repeated across rows (remediation) sit once in
 * `notes` and rows hold their index.
 */

export type ColumnKind =
  /** A severity: a coloured badge with its name. */
  | "severity"
  | "text"
  /** Monospace: addresses, rule ids, attribute paths. */
  | "code"
  /** [text, href] or text alone; href is http(s) only. */
  | "link"
  /** string[]: one line each. */
  | "list"
  /** An index into `notes` (or null): a collapsed "how to fix". */
  | "note";

export interface ViewColumn {
  label: string;
  kind: ColumnKind;
}

/** A drop-down filter on one column: rows whose cell equals the chosen option. */
export interface ViewFilter {
  column: number;
  label: string;
  options: string[];
}

export type Cell = string | number | null | string[];

export interface TableView {
  /** The page holds `<div id="view-{id}">` where the table goes. */
  id: string;
  caption: string;
  columns: ViewColumn[];
  filters: ViewFilter[];
  /** Columns the text search looks in. */
  search: number[];
  rows: Cell[][];
  notes: string[];
  pageSize: number;
  /** Shown instead of the table when there are no rows at all. */
  empty: string;
}

export interface PageData {
  views: TableView[];
}

/** Options for a filter: the distinct values of a column, in `order` first, then alphabetically. */
export function optionsOf(rows: readonly Cell[][], column: number, order: readonly string[] = []): string[] {
  const seen = new Set<string>();
  for (const r of rows) {
    const v = r[column];
    if (typeof v === "string" && v !== "") seen.add(v);
  }
  const ranked = order.filter((o) => seen.has(o));
  const rest = [...seen].filter((v) => !order.includes(v)).sort();
  return [...ranked, ...rest];
}

/** Interns repeated long texts: the index of `text` in `notes`. */
export function noteIndex(notes: string[], index: Map<string, number>, text: string | undefined): number | null {
  if (text === undefined || text === "") return null;
  let i = index.get(text);
  if (i === undefined) {
    i = notes.length;
    notes.push(text);
    index.set(text, i);
  }
  return i;
}
