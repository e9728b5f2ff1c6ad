import { createHash } from "node:crypto";
import { writeFileAtomic } from "../common/atomic-write.js";
import { reportClient } from "./report/client.js";
import { buildReportData } from "./report/report-data.js";
import { REPORT_CSS } from "./report/style.js";
import type { Tables } from "./tables.js";

/** The page's script: the client function's own source, called once the page's elements exist. */
const CLIENT_SCRIPT = `(${reportClient.toString()})();`;

/** Writes `report.html`, the self-contained review page. */
export function writeReport(path: string, tables: Tables, originalText: (articleId: string) => string | undefined): void {
  writeFileAtomic(path, renderReport(tables, originalText));
}

/**
 * The review page as one HTML file: static markup, the data once as JSON, and a script that builds
 * the rest with `textContent`. No table value is ever written into the markup itself.
 */
export function renderReport(tables: Tables, originalText: (articleId: string) => string | undefined): string {
  const data = embedJson(buildReportData(tables, originalText));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<title>Named entities: review</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${PAGE_BODY}
<script type="application/json" id="report-data">${data}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

/**
 * JSON that cannot end its <script> block early: every `<` becomes `\u003c`, which JSON.parse reads
 * back as `<`, so no `</script>` or `<!--` from an article can reach the HTML parser.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/**
 * A second line of defence behind textContent: only the page's own script and style may run, so an
 * injected handler would be refused, and the page may load nothing at all (no network, no fonts).
 */
function contentSecurityPolicy(): string {
  const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
  return [
    "default-src 'none'",
    `script-src ${hash(CLIENT_SCRIPT)}`,
    `style-src ${hash(REPORT_CSS)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

const PAGE_BODY = `<header class="page-header">
<h1>Named entities: review</h1>
<p class="muted">People, organisations, places, UN resolutions and military exercises found in the articles. The CSV tables beside this file are the reference; this page is for reading them.</p>
</header>
<noscript><p class="warning">This page needs JavaScript to show the tables.</p></noscript>
<p class="status" id="loading" role="status">Loading the tables…</p>
<main>
<section id="summary" aria-labelledby="summary-title">
<h2 id="summary-title">Summary</h2>
<p class="warning" id="summary-warning"></p>
<dl class="stats" id="summary-stats"></dl>
<table id="type-table">
<caption class="muted">Types and their colours</caption>
<thead><tr><th scope="col">Type</th><th scope="col" class="number">Mentions</th><th scope="col" class="number">Entities</th></tr></thead>
<tbody id="type-table-body"></tbody>
</table>
<details id="skipped">
<summary id="skipped-title">Skipped articles</summary>
<p class="muted" id="skipped-reasons"></p>
<div class="scroll">
<table id="skipped-table">
<thead><tr><th scope="col">Article</th><th scope="col">Date</th><th scope="col">Language</th><th scope="col">Reason</th></tr></thead>
<tbody id="skipped-table-body"></tbody>
</table>
</div>
</details>
</section>
<div class="workspace">
<div class="lists">
<section id="entity-index" aria-labelledby="entity-index-title">
<h2 id="entity-index-title">Entities</h2>
<div class="controls" role="search">
<label for="type-filter">Type<select id="type-filter"><option value="">All types</option></select></label>
<label for="entity-search">Search names, acronyms and aliases<input id="entity-search" type="search" autocomplete="off" spellcheck="false"></label>
</div>
<p class="status" id="entity-status" aria-live="polite"></p>
<div class="scroll">
<table id="entity-table">
<thead><tr>
<th scope="col" data-sort="name"><button type="button" data-sort="name">Name</button></th>
<th scope="col" data-sort="type"><button type="button" data-sort="type">Type</button></th>
<th scope="col" data-sort="mentions" class="number"><button type="button" data-sort="mentions">Mentions</button></th>
<th scope="col" data-sort="articles" class="number"><button type="button" data-sort="articles">Articles</button></th>
<th scope="col">Dates</th>
</tr></thead>
<tbody id="entity-table-body"></tbody>
</table>
</div>
<button type="button" class="more" id="entity-more" hidden>Show more entities</button>
</section>
<section id="article-index" aria-labelledby="article-index-title">
<h2 id="article-index-title">Articles</h2>
<div class="controls" role="search">
<label for="article-search">Find an article by id<input id="article-search" type="search" autocomplete="off" spellcheck="false"></label>
</div>
<p class="status" id="article-status" aria-live="polite"></p>
<div class="scroll">
<table id="article-table">
<thead><tr><th scope="col">Article</th><th scope="col">Date</th><th scope="col" class="number">Mentions</th></tr></thead>
<tbody id="article-table-body"></tbody>
</table>
</div>
<button type="button" class="more" id="article-more" hidden>Show more articles</button>
</section>
</div>
<div class="viewer">
<section id="entity-panel" aria-labelledby="entity-title" hidden>
<h2 id="entity-title"></h2>
<dl id="entity-facts"></dl>
<h3>Articles</h3>
<ul id="entity-article-list"></ul>
</section>
<section id="article-view" aria-labelledby="article-title">
<h2 id="article-title">Article</h2>
<p class="muted" id="article-meta"></p>
<div class="legend" id="article-legend"><span class="muted">Colours:</span></div>
<p class="hint" id="article-hint">Choose an article, or an entity to see its articles. Hover a highlight for the entity's name; click it to select the entity.</p>
<div class="article-text" id="article-text"></div>
</section>
</div>
</div>
</main>`;
