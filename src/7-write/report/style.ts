import { ENTITY_TYPES } from "../../types.js";
import { TYPE_COLOURS } from "../type-colours.js";

/** One custom property per type, so that badges, highlights and the legend share the workbook's colours. */
const TYPE_RULES = ENTITY_TYPES.map((type) => `[data-type="${type}"] { --type-colour: ${TYPE_COLOURS[type]}; }`).join("\n");

/** The report page's style sheet: system fonts only, so that the page needs nothing from the network. */
export const REPORT_CSS = `
:root { color-scheme: light; --border: #d0d4da; --muted: #5a6270; --accent: #1f4fbf; --panel: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: #1b1f24; background: #fff; }
header.page-header { padding: 1rem 1.5rem .5rem; border-bottom: 1px solid var(--border); }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
h3 { font-size: 1rem; margin: .75rem 0 .25rem; }
main { padding: 1rem 1.5rem 2rem; }
.muted, .hint { color: var(--muted); }
.number { text-align: right; font-variant-numeric: tabular-nums; }
.dates { white-space: nowrap; font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; width: 100%; }
th { white-space: nowrap; }
th, td { padding: .25rem .5rem; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; overflow-wrap: break-word; }
thead th { background: var(--panel); }
.scroll thead th { position: sticky; top: 0; z-index: 1; }
tr.selected td { background: #e6eeff; }
button { font: inherit; }
button.link { border: 0; padding: 0; background: none; color: var(--accent); text-align: left; cursor: pointer; text-decoration: underline; text-underline-offset: 2px; overflow-wrap: break-word; }
th button { border: 0; padding: 0; background: none; font-weight: 600; cursor: pointer; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
button.more { margin-top: .5rem; padding: .25rem .75rem; border: 1px solid var(--border); border-radius: 4px; background: #fff; cursor: pointer; }
#summary { display: flex; flex-wrap: wrap; gap: 1rem 2.5rem; align-items: flex-start; margin-bottom: 1.25rem; }
#summary > h2 { flex-basis: 100%; margin: 0; }
dl.stats { display: grid; grid-template-columns: max-content auto; gap: .15rem 1rem; margin: 0; }
dl.stats dt { font-weight: 600; }
dl.stats dd { margin: 0; }
#type-table { width: auto; }
#skipped { flex: 1 1 24rem; }
#skipped summary { cursor: pointer; font-weight: 600; }
.warning { color: #8a1c1c; font-weight: 600; flex-basis: 100%; margin: 0; }
.warning:empty { display: none; }
#loading { margin: .5rem 1.5rem 0; }
body[data-ready] #loading { display: none; }
.workspace { display: grid; grid-template-columns: minmax(30rem, 1fr) minmax(28rem, 1.2fr); gap: 1.5rem; align-items: start; }
#entity-table td:first-child { min-width: 9rem; }
#entity-table th, #entity-table td { padding: .25rem .4rem; }
#entity-table .dates { font-size: .85em; }
@media (max-width: 60rem) { .workspace { grid-template-columns: 1fr; } }
.lists section { margin-bottom: 1.25rem; }
.controls { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin-bottom: .5rem; }
.controls label { display: flex; flex-direction: column; font-size: .85rem; font-weight: 600; gap: .15rem; }
.controls select, .controls input { font: inherit; font-weight: normal; padding: .25rem .4rem; border: 1px solid #8a929e; border-radius: 4px; }
.controls input { width: 16rem; max-width: 100%; }
.scroll { max-height: 28rem; overflow: auto; border: 1px solid var(--border); border-radius: 4px; }
.status { margin: .25rem 0; font-size: .9rem; color: var(--muted); }
.acronym { color: var(--muted); font-size: .9em; }
/* The viewer stays in sight while the lists scroll; only the article text scrolls inside it. */
.viewer { position: sticky; top: .5rem; height: calc(100vh - 1rem); display: flex; flex-direction: column; gap: 1rem; }
.viewer section { border: 1px solid var(--border); border-radius: 6px; padding: .75rem 1rem; background: #fff; }
#article-view { flex: 1; min-height: 12rem; display: flex; flex-direction: column; }
@media (max-width: 60rem) { .viewer { position: static; height: 80vh; } }
#entity-panel { background: var(--panel); }
#entity-facts { display: grid; grid-template-columns: max-content auto; gap: .1rem 1rem; margin: 0; }
#entity-facts dt { font-weight: 600; }
#entity-facts dd { margin: 0; overflow-wrap: anywhere; }
#entity-article-list { margin: 0; padding-left: 1.2rem; max-height: 10rem; overflow: auto; }
#entity-article-list .muted { margin-left: .5rem; }
.legend { display: flex; flex-wrap: wrap; gap: .35rem; margin: .25rem 0 .5rem; }
.type-badge { display: inline-block; white-space: nowrap; padding: .05rem .45rem; border-radius: .3rem; background: var(--type-colour); font-size: .75rem; font-weight: 700; letter-spacing: .02em; color: #111; }
.article-text { flex: 1; min-height: 0; overflow: auto; white-space: pre-wrap; overflow-wrap: break-word; line-height: 2.1; font-size: 1rem; }
/* Highlights in the manner of displaCy's entity view: tinted box, type label after the text. */
mark.entity { background: var(--type-colour); color: #111; padding: .2em .35em; margin: 0 .1em; border-radius: .35em; box-decoration-break: clone; -webkit-box-decoration-break: clone; cursor: pointer; }
mark.entity::after { content: attr(data-type); font-size: .62em; font-weight: 700; margin-left: .45em; vertical-align: middle; letter-spacing: .02em; }
mark.entity.selected { outline: 3px solid #1b1f24; outline-offset: 1px; }
${TYPE_RULES}
`;
