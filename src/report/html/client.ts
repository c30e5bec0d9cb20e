/// <reference lib="dom" />
import type { Cell, PageData, TableView } from "./view.js";

/**
 * The HTML report's script, run in the reader's browser. page.ts inlines
 * `clientMain.toString()`, so this function must stay self-contained: no
 * imports at run time, nothing from module scope, no helpers a bundler could
 * hoist out of it (a coverage tool that instruments it would break it).
 *
 * It renders each table of the page's data (view.ts) with filters, a text
 * search and paging, and wires the tabs for mouse and keyboard. Every value
 * reaches the page as text (textContent), never as HTML.
 */
export function clientMain(): void {
  const SEVERITY_ORDER = ["critical", "high", "medium", "low", "info"];
  const dataElement = document.getElementById("pg-data");
  const data = JSON.parse(dataElement?.textContent ?? '{"views":[]}') as PageData;

  function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    className?: string,
    text?: string,
  ): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function safeHref(href: unknown): string | undefined {
    return typeof href === "string" && /^https?:\/\//i.test(href) ? href : undefined;
  }

  function cellText(value: Cell | undefined): string {
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) return value.join(" ");
    return String(value);
  }

  function renderCell(view: TableView, column: number, value: Cell | undefined): HTMLTableCellElement {
    const kind = view.columns[column]!.kind;
    const td = el("td", "pg-col-" + kind + (view.columns[column]!.nowrap ? " pg-nowrap" : ""));
    if (value === null || value === undefined || value === "") return td;
    if (kind === "severity") {
      const s = String(value);
      td.appendChild(el("span", "pg-badge pg-sev-" + (SEVERITY_ORDER.includes(s) ? s : "info"), s));
    } else if (kind === "code") {
      td.appendChild(el("code", undefined, String(value)));
    } else if (kind === "link") {
      const text = Array.isArray(value) ? String(value[0] ?? "") : String(value);
      const href = Array.isArray(value) ? safeHref(value[1]) : undefined;
      if (href) {
        const a = el("a", undefined, text);
        a.href = href;
        a.rel = "noopener noreferrer";
        td.appendChild(a);
      } else {
        td.appendChild(el("code", undefined, text));
      }
    } else if (kind === "list") {
      const ul = el("ul", "pg-lines");
      for (const line of Array.isArray(value) ? value : [String(value)]) ul.appendChild(el("li", undefined, line));
      td.appendChild(ul);
    } else if (kind === "note") {
      const text = typeof value === "number" ? view.notes[value] : undefined;
      if (text !== undefined) {
        const details = el("details");
        details.appendChild(el("summary", undefined, "How to fix"));
        details.appendChild(el("p", undefined, text));
        td.appendChild(details);
      }
    } else {
      td.textContent = String(value);
    }
    return td;
  }

  /** Undoes compactView (view.ts): dictionary indexes back to strings, link suffixes back to whole hrefs. */
  function expand(view: TableView): void {
    const dictionaries = view.dictionaries ?? [];
    const prefix = view.hrefPrefix ?? "";
    for (const row of view.rows) {
      for (let c = 0; c < row.length; c++) {
        const dictionary = dictionaries[c];
        const cell = row[c];
        if (dictionary && typeof cell === "number") row[c] = dictionary[cell] ?? "";
        else if (
          prefix !== "" &&
          view.columns[c]!.kind === "link" &&
          Array.isArray(cell) &&
          typeof cell[1] === "string"
        )
          row[c] = [cell[0]!, prefix + cell[1]];
      }
    }
  }

  function setupView(view: TableView): void {
    expand(view);
    const root = document.getElementById("view-" + view.id);
    if (!root) return;
    root.textContent = "";
    if (view.rows.length === 0) {
      root.appendChild(el("p", "pg-empty", view.empty));
      return;
    }
    // The lower-cased text each row is searched in: computed at the first search, not at load.
    let haystacks: string[] | undefined;
    const controls = el("div", "pg-controls");
    controls.setAttribute("role", "search");
    controls.setAttribute("aria-label", "Filter " + view.caption);
    const selects: HTMLSelectElement[] = [];
    view.filters.forEach((filter, i) => {
      const id = "pg-" + view.id + "-filter-" + i;
      const label = el("label", undefined, filter.label);
      label.htmlFor = id;
      const select = el("select");
      select.id = id;
      select.dataset["column"] = String(filter.column);
      select.appendChild(el("option", undefined, "All"));
      (select.options[0] as HTMLOptionElement).value = "";
      for (const option of filter.options) {
        const o = el("option", undefined, option);
        o.value = option;
        select.appendChild(o);
      }
      select.addEventListener("change", () => apply(true));
      selects.push(select);
      const wrap = el("span", "pg-control");
      wrap.append(label, select);
      controls.appendChild(wrap);
    });
    const searchId = "pg-" + view.id + "-search";
    const searchLabel = el("label", undefined, "Search");
    searchLabel.htmlFor = searchId;
    const search = el("input");
    search.type = "search";
    search.id = searchId;
    search.placeholder = "any text in the table";
    search.addEventListener("input", () => apply(true));
    const searchWrap = el("span", "pg-control pg-search");
    searchWrap.append(searchLabel, search);
    controls.appendChild(searchWrap);

    const status = el("p", "pg-status");
    status.setAttribute("aria-live", "polite");
    const count = el("strong");
    count.dataset["count"] = view.id;
    status.append(count, document.createTextNode(" of " + view.rows.length + " shown"));

    const scroller = el("div", "pg-table-wrap");
    const table = el("table", "pg-table");
    const caption = el("caption", "pg-visually-hidden", view.caption);
    const thead = el("thead");
    const headRow = el("tr");
    for (const c of view.columns) {
      const th = el("th", "pg-col-" + c.kind, c.label);
      th.scope = "col";
      // CSSOM, not a style attribute: the page's CSP allows the one, not the other.
      if (c.minWidth) th.style.minWidth = c.minWidth + "px";
      headRow.appendChild(th);
    }
    thead.appendChild(headRow);
    const tbody = el("tbody");
    table.append(caption, thead, tbody);
    scroller.appendChild(table);

    const pager = el("nav", "pg-pager");
    pager.setAttribute("aria-label", view.caption + " pages");
    const prev = el("button", undefined, "‹ Previous");
    const next = el("button", undefined, "Next ›");
    prev.type = "button";
    next.type = "button";
    const pageText = el("span", "pg-page");
    pager.append(prev, pageText, next);
    root.append(controls, status, scroller, pager);

    let matches: number[] = [];
    let page = 0;
    prev.addEventListener("click", () => {
      page--;
      render();
    });
    next.addEventListener("click", () => {
      page++;
      render();
    });

    function apply(resetPage: boolean): void {
      const wanted = selects
        .map((s) => ({ column: Number(s.dataset["column"]), value: s.value }))
        .filter((f) => f.value !== "");
      const needle = search.value.trim().toLowerCase();
      if (needle !== "")
        haystacks ??= view.rows.map((row) =>
          view.search
            .map((c) => cellText(row[c]))
            .join("\n")
            .toLowerCase(),
        );
      matches = [];
      for (let i = 0; i < view.rows.length; i++) {
        const row = view.rows[i]!;
        if (wanted.some((f) => cellText(row[f.column]) !== f.value)) continue;
        if (needle !== "" && !haystacks![i]!.includes(needle)) continue;
        matches.push(i);
      }
      if (resetPage) page = 0;
      render();
    }

    function render(): void {
      const pages = Math.max(1, Math.ceil(matches.length / view.pageSize));
      page = Math.min(Math.max(page, 0), pages - 1);
      const start = page * view.pageSize;
      const shown = matches.slice(start, start + view.pageSize);
      const fragment = document.createDocumentFragment();
      for (const i of shown) {
        const row = view.rows[i]!;
        const tr = el("tr");
        for (let c = 0; c < view.columns.length; c++) tr.appendChild(renderCell(view, c, row[c]));
        fragment.appendChild(tr);
      }
      tbody.replaceChildren(fragment);
      count.textContent = String(matches.length);
      pageText.textContent =
        matches.length === 0
          ? "no matching rows"
          : "rows " + (start + 1) + "–" + (start + shown.length) + ", page " + (page + 1) + " of " + pages;
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
      pager.hidden = pages <= 1;
    }

    apply(true);
  }

  function setupTabs(tablist: Element): void {
    const tabs = Array.from(tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
    function select(tab: HTMLButtonElement, focus: boolean): void {
      for (const t of tabs) {
        const selected = t === tab;
        t.setAttribute("aria-selected", String(selected));
        t.tabIndex = selected ? 0 : -1;
        const panel = document.getElementById(t.getAttribute("aria-controls") ?? "");
        if (panel) panel.hidden = !selected;
      }
      if (focus) tab.focus();
    }
    tabs.forEach((tab, i) => {
      tab.addEventListener("click", () => select(tab, false));
      tab.addEventListener("keydown", (event) => {
        const to =
          event.key === "ArrowRight"
            ? (i + 1) % tabs.length
            : event.key === "ArrowLeft"
              ? (i - 1 + tabs.length) % tabs.length
              : event.key === "Home"
                ? 0
                : event.key === "End"
                  ? tabs.length - 1
                  : -1;
        if (to < 0) return;
        event.preventDefault();
        select(tabs[to]!, true);
      });
    });
  }

  for (const view of data.views) setupView(view);
  document.querySelectorAll('[role="tablist"]').forEach(setupTabs);
  document.documentElement.classList.add("pg-ready");
}
