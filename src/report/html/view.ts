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
  /** Never wrapped (rule ids, severities). */
  nowrap?: boolean;
  /** CSS pixels the column keeps however narrow the window (addresses, paths). */
  minWidth?: number;
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
  /**
   * Set by compactView: per column, the distinct values that the column's
   * cells index into (null for a column stored as is).
   */
  dictionaries?: (string[] | null)[];
  /** Set by compactView: what every link's href in the view starts with; cells hold the rest. */
  hrefPrefix?: string;
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

/**
 * Makes a view smaller for the page, losslessly (client.ts undoes it): a
 * column with few distinct strings (severity, category, rule, type) is
 * stored as indexes into a list of them, and links keep only what follows
 * the prefix they share. 25,000 findings shrink by about a third.
 */
export function compactView(view: TableView): TableView {
  const dictionaries = view.columns.map((column, c) => {
    if (column.kind === "link" || column.kind === "list" || column.kind === "note") return null;
    const distinct = new Set<string>();
    for (const row of view.rows) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      if (typeof v !== "string") return null;
      distinct.add(v);
    }
    return distinct.size * 2 < view.rows.length ? [...distinct] : null;
  });
  const hrefs: string[] = [];
  view.columns.forEach((column, c) => {
    if (column.kind !== "link") return;
    for (const row of view.rows) {
      const v = row[c];
      if (Array.isArray(v) && typeof v[1] === "string") hrefs.push(v[1]);
    }
  });
  const prefix = commonPathPrefix(hrefs);
  const lookup = dictionaries.map((d) => (d ? new Map(d.map((v, i) => [v, i])) : null));
  const rows = view.rows.map((row) =>
    row.map((cell, c): Cell => {
      const index = lookup[c];
      if (index && typeof cell === "string") return index.get(cell)!;
      if (prefix !== "" && view.columns[c]!.kind === "link" && Array.isArray(cell) && typeof cell[1] === "string")
        return [cell[0]!, cell[1].slice(prefix.length)];
      return cell;
    }),
  );
  return { ...view, rows, dictionaries, ...(prefix !== "" ? { hrefPrefix: prefix } : {}) };
}

/** The longest prefix, ending with "/", that every string starts with. */
function commonPathPrefix(values: readonly string[]): string {
  if (values.length === 0) return "";
  let prefix = values[0]!;
  for (const v of values) {
    let i = 0;
    while (i < prefix.length && i < v.length && prefix[i] === v[i]) i++;
    prefix = prefix.slice(0, i);
    if (prefix === "") return "";
  }
  return prefix.slice(0, prefix.lastIndexOf("/") + 1);
}
