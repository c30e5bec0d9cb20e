import { escapeHtml } from "./escape.js";

/**
 * Charts as plain SVG, drawn here at report time: no library, no script, and
 * they read the same with scripts off. Colours come from CSS classes (the
 * stylesheet switches them for dark mode); every bar also has its number as
 * text, a <title> for pointer users, and the chart a data table below it
 * (collapsed), so no value is only a colour or only a picture.
 */

export interface ChartSeries {
  name: string;
  /** pg-fill-<key> and pg-bg-<key> in the stylesheet. */
  key: string;
  values: number[];
}

export interface ChartData {
  title: string;
  /** One bar (or group of bars) per category. */
  categories: string[];
  series: ChartSeries[];
}

/** Drawn at this size in CSS pixels (so text is 12px), shrunk to fit narrower panels. */
const WIDTH = 600;
const NARROW_WIDTH = 400;
const COLUMN_WIDTH = 1100;
const VALUE_WIDTH = 44;
const MAX_LABEL_CHARS = 24;

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const shorten = (s: string, max = MAX_LABEL_CHARS): string => (s.length <= max ? s : s.slice(0, max - 1) + "…");

function legend(series: readonly ChartSeries[]): string {
  const items = series.map((s) => `<li><span class="pg-swatch pg-bg-${s.key}"></span>${escapeHtml(s.name)}</li>`);
  return `<ul class="pg-legend" aria-hidden="true">${items.join("")}</ul>`;
}

/** The chart's numbers as a table, for screen readers and for copying. */
function dataTable(chart: ChartData): string {
  const head = `<tr><th scope="col">${escapeHtml(chart.title)}</th>${chart.series.map((s) => `<th scope="col">${escapeHtml(s.name)}</th>`).join("")}</tr>`;
  const rows = chart.categories.map(
    (c, i) =>
      `<tr><th scope="row">${escapeHtml(c)}</th>${chart.series.map((s) => `<td>${fmt(s.values[i] ?? 0)}</td>`).join("")}</tr>`,
  );
  return `<details class="pg-data-table"><summary>The numbers</summary><table>${head}${rows.join("")}</table></details>`;
}

function describe(chart: ChartData): string {
  const parts = chart.categories.map(
    (c, i) => `${c}: ${chart.series.map((s) => `${fmt(s.values[i] ?? 0)} ${s.name}`).join(", ")}`,
  );
  return `${chart.title}. ${parts.join("; ")}`;
}

/**
 * Horizontal bars, one row per category. `stacked`: the series add up along
 * one bar (findings by severity); otherwise they stand side by side (GPUs
 * before and after).
 */
export function barChart(chart: ChartData, stacked: boolean, narrow = false): string {
  const width = narrow ? NARROW_WIDTH : WIDTH;
  const labelWidth = narrow ? 140 : 170;
  const rowHeight = stacked ? 26 : 34;
  const barHeight = stacked ? 16 : 11;
  const top = 4;
  const height = top + chart.categories.length * rowHeight + 4;
  const area = width - labelWidth - VALUE_WIDTH;
  const totals = chart.categories.map((_, i) => chart.series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...(stacked ? totals : chart.series.flatMap((s) => s.values)));
  const scale = (n: number): number => (n / max) * area;
  const out: string[] = [];
  chart.categories.forEach((category, i) => {
    const y = top + i * rowHeight;
    out.push(
      `<text x="${labelWidth - 8}" y="${y + rowHeight / 2}" text-anchor="end" dominant-baseline="middle"><title>${escapeHtml(category)}</title>${escapeHtml(shorten(category, narrow ? 20 : MAX_LABEL_CHARS))}</text>`,
    );
    if (stacked) {
      let x = labelWidth;
      for (const s of chart.series) {
        const v = s.values[i] ?? 0;
        if (v <= 0) continue;
        const w = Math.max(scale(v), 2);
        out.push(
          `<rect class="pg-fill-${s.key}" x="${x.toFixed(1)}" y="${y + (rowHeight - barHeight) / 2}" width="${w.toFixed(1)}" height="${barHeight}"><title>${escapeHtml(`${category}: ${fmt(v)} ${s.name}`)}</title></rect>`,
        );
        x += w;
      }
      out.push(
        `<text class="pg-value" x="${(x + 6).toFixed(1)}" y="${y + rowHeight / 2}" dominant-baseline="middle">${fmt(totals[i]!)}</text>`,
      );
    } else {
      chart.series.forEach((s, k) => {
        const v = s.values[i] ?? 0;
        const by = y + 5 + k * (barHeight + 2);
        const w = v > 0 ? Math.max(scale(v), 2) : 0;
        if (w > 0)
          out.push(
            `<rect class="pg-fill-${s.key}" x="${labelWidth}" y="${by}" width="${w.toFixed(1)}" height="${barHeight}"><title>${escapeHtml(`${category}: ${fmt(v)} ${s.name}`)}</title></rect>`,
          );
        out.push(
          `<text class="pg-value" x="${(labelWidth + w + 5).toFixed(1)}" y="${by + barHeight / 2}" dominant-baseline="middle">${fmt(v)}</text>`,
        );
      });
    }
  });
  out.push(`<line class="pg-axis" x1="${labelWidth}" x2="${labelWidth}" y1="0" y2="${height}"/>`);
  return figure(
    chart,
    `<svg class="pg-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(describe(chart))}">${out.join("")}</svg>`,
  );
}

/**
 * Vertical stacked columns along time, one per category (a run), with the
 * first, last and a few labels between on the axis.
 */
export function columnChart(chart: ChartData): string {
  const height = 220;
  const left = 40;
  const bottom = 36;
  const area = { w: COLUMN_WIDTH - left - 8, h: height - bottom - 10 };
  const n = Math.max(1, chart.categories.length);
  const slot = area.w / n;
  const bar = Math.max(1, Math.min(28, slot * 0.7));
  const totals = chart.categories.map((_, i) => chart.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const y = (v: number): number => 10 + area.h - (v / max) * area.h;
  const out: string[] = [];
  // Three gridlines: 0, half, max.
  for (const v of [0, max / 2, max]) {
    const gy = y(v).toFixed(1);
    out.push(`<line class="pg-axis" x1="${left}" x2="${COLUMN_WIDTH - 8}" y1="${gy}" y2="${gy}"/>`);
    out.push(
      `<text class="pg-value" x="${left - 6}" y="${gy}" text-anchor="end" dominant-baseline="middle">${fmt(Math.round(v * 10) / 10)}</text>`,
    );
  }
  const labelEvery = Math.max(1, Math.ceil(n / 6));
  chart.categories.forEach((category, i) => {
    const x = left + i * slot + (slot - bar) / 2;
    let acc = 0;
    for (const s of chart.series) {
      const v = s.values[i] ?? 0;
      if (v <= 0) continue;
      const y1 = y(acc + v);
      const h = y(acc) - y1;
      out.push(
        `<rect class="pg-fill-${s.key}" x="${x.toFixed(1)}" y="${y1.toFixed(1)}" width="${bar.toFixed(1)}" height="${Math.max(h, 1).toFixed(1)}"><title>${escapeHtml(`${category}: ${fmt(v)} ${s.name}`)}</title></rect>`,
      );
      acc += v;
    }
    if (i % labelEvery === 0 || i === n - 1) {
      out.push(
        `<text class="pg-value" x="${(x + bar / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle">${escapeHtml(shorten(category))}</text>`,
      );
    }
  });
  return figure(
    chart,
    `<svg class="pg-chart" width="${COLUMN_WIDTH}" height="${height}" viewBox="0 0 ${COLUMN_WIDTH} ${height}" role="img" aria-label="${escapeHtml(describe(chart))}">${out.join("")}</svg>`,
  );
}

function figure(chart: ChartData, svg: string): string {
  return `<figure class="pg-panel"><h3>${escapeHtml(chart.title)}</h3>${legend(chart.series)}${svg}${dataTable(chart)}</figure>`;
}
