/**
 * The HTML report's one stylesheet. Severity colours follow the Okabe-Ito
 * palette, which stays distinguishable with the common kinds of colour
 * blindness; every coloured mark also carries its name or number as text,
 * so colour is never the only signal. Dark mode follows the reader's system
 * setting.
 */
export const REPORT_CSS = `
:root {
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa; --link: #0550ae; --focus: #0969da;
  --sev-critical: #a6403a; --sev-high: #d55e00; --sev-medium: #e69f00; --sev-low: #56b4e9; --sev-info: #9aa1a9;
  --sev-critical-fg: #ffffff; --sev-high-fg: #000000; --sev-medium-fg: #000000; --sev-low-fg: #000000; --sev-info-fg: #000000;
  --before: #0072b2; --after: #e69f00; --pass: #1a7f37; --fail: #a6403a; --warn: #9a6700;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #161b22; --link: #79c0ff; --focus: #58a6ff;
    --sev-critical: #e07a72; --sev-critical-fg: #000000; --sev-info: #8b949e;
    --before: #56b4e9; --pass: #3fb950; --fail: #f47067; --warn: #d29922;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0 auto; max-width: 1400px; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; }
h3 { font-size: 14px; margin: 0 0 6px; }
a { color: var(--link); }
code, .pg-mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; overflow-wrap: break-word; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.pg-muted { color: var(--muted); }
.pg-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.pg-head { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: flex-start; justify-content: space-between; border-bottom: 1px solid var(--line); padding-bottom: 14px; }
.pg-inputs { margin: 4px 0 0; padding: 0; list-style: none; color: var(--muted); }
.pg-verdict { border: 2px solid var(--line); border-radius: 8px; padding: 8px 14px; font-weight: 600; font-size: 15px; }
.pg-verdict-pass { border-color: var(--pass); color: var(--pass); }
.pg-verdict-fail { border-color: var(--fail); color: var(--fail); }
.pg-verdict-warn { border-color: var(--warn); color: var(--warn); }
.pg-notice { border-left: 4px solid var(--warn); background: var(--panel); padding: 6px 12px; margin: 12px 0 0; }
.pg-cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0 0; padding: 0; list-style: none; }
.pg-card { min-width: 88px; padding: 8px 12px; border: 1px solid var(--line); border-radius: 8px; background: var(--panel); }
.pg-card .pg-num { display: block; font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; }
.pg-card .pg-label { display: flex; align-items: center; gap: 6px; color: var(--muted); }
.pg-swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; border: 1px solid var(--line); }
.pg-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 16px; align-items: start; }
figure { margin: 0; }
.pg-panel { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: var(--bg); min-width: 0; }
.pg-chart { max-width: 100%; height: auto; display: block; }
.pg-chart text { fill: var(--fg); font-size: 12px; font-family: inherit; }
.pg-chart .pg-axis { stroke: var(--line); }
.pg-chart .pg-value { fill: var(--muted); font-variant-numeric: tabular-nums; }
.pg-legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0 0 6px; padding: 0; list-style: none; color: var(--muted); font-size: 12.5px; }
.pg-legend li { display: flex; align-items: center; gap: 5px; }
.pg-fill-critical { fill: var(--sev-critical); } .pg-fill-high { fill: var(--sev-high); } .pg-fill-medium { fill: var(--sev-medium); }
.pg-fill-low { fill: var(--sev-low); } .pg-fill-info { fill: var(--sev-info); } .pg-fill-before { fill: var(--before); } .pg-fill-after { fill: var(--after); }
.pg-bg-critical { background: var(--sev-critical); } .pg-bg-high { background: var(--sev-high); } .pg-bg-medium { background: var(--sev-medium); }
.pg-bg-low { background: var(--sev-low); } .pg-bg-info { background: var(--sev-info); } .pg-bg-before { background: var(--before); } .pg-bg-after { background: var(--after); }
.pg-data-table { margin-top: 6px; font-size: 12.5px; }
.pg-data-table table { border-collapse: collapse; }
.pg-data-table th, .pg-data-table td { border: 1px solid var(--line); padding: 2px 8px; text-align: right; }
.pg-data-table th[scope="row"] { text-align: left; font-weight: normal; }
.pg-gpu-total { font-size: 15px; margin: 0 0 10px; }
[role="tablist"] { display: flex; gap: 4px; border-bottom: 1px solid var(--line); margin: 28px 0 12px; }
[role="tab"] { font: inherit; font-weight: 600; color: var(--muted); background: none; border: 1px solid transparent; border-bottom: none; border-radius: 6px 6px 0 0; padding: 8px 14px; cursor: pointer; margin-bottom: -1px; }
[role="tab"][aria-selected="true"] { color: var(--fg); background: var(--bg); border-color: var(--line); border-bottom: 1px solid var(--bg); }
.pg-controls { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: end; margin: 0 0 8px; }
.pg-control { display: flex; flex-direction: column; gap: 2px; font-size: 12.5px; color: var(--muted); }
.pg-control select, .pg-control input { font: inherit; font-size: 13.5px; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 5px 8px; min-width: 150px; }
.pg-search input { min-width: 280px; }
.pg-status { margin: 0 0 6px; color: var(--muted); }
.pg-status strong { color: var(--fg); }
.pg-table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }
.pg-table { border-collapse: collapse; width: 100%; }
.pg-table th { position: sticky; top: 0; background: var(--panel); text-align: left; font-size: 12.5px; color: var(--muted); padding: 7px 10px; border-bottom: 1px solid var(--line); }
.pg-table td { padding: 7px 10px; border-top: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
.pg-table td code { overflow-wrap: anywhere; }
.pg-table td.pg-nowrap, .pg-table td.pg-nowrap code { white-space: nowrap; overflow-wrap: normal; }
.pg-table tbody tr:first-child td { border-top: none; }
.pg-table tbody tr:hover { background: var(--panel); }
.pg-col-severity { width: 84px; }
.pg-col-note { width: 110px; white-space: nowrap; }
td.pg-col-note details[open] { white-space: normal; min-width: 240px; }
.pg-lines { margin: 0; padding: 0; list-style: none; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.pg-badge { display: inline-block; white-space: nowrap; min-width: 64px; text-align: center; border-radius: 10px; padding: 1px 8px; font-size: 12px; font-weight: 600; }
.pg-sev-critical { background: var(--sev-critical); color: var(--sev-critical-fg); } .pg-sev-high { background: var(--sev-high); color: var(--sev-high-fg); }
.pg-sev-medium { background: var(--sev-medium); color: var(--sev-medium-fg); } .pg-sev-low { background: var(--sev-low); color: var(--sev-low-fg); }
.pg-sev-info { background: var(--sev-info); color: var(--sev-info-fg); }
details summary { cursor: pointer; color: var(--link); }
details p { margin: 6px 0 0; }
.pg-pager { display: flex; gap: 12px; align-items: center; justify-content: flex-end; margin: 8px 0 0; }
.pg-pager button { font: inherit; color: var(--fg); background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 4px 12px; cursor: pointer; }
.pg-pager button:disabled { opacity: 0.45; cursor: default; }
.pg-empty { color: var(--muted); padding: 12px 0; }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 10px; }
`;
