/**
 * How long report.html takes to open for a 5,000-article corpus, in Debian's chromium.
 *
 *   npm run build && node dist/bench/report-open.js [--articles 5000] [--runs 5]
 *
 * Makes synthetic tables and texts (French-looking filler with entity names placed at known
 * offsets, a tenth of the articles skipped), renders the page once, then opens it `runs` times in
 * a fresh tab and prints the median of: DOMContentLoaded, first contentful paint, the page's own
 * "report-ready" mark (summary, index and article list rendered), and the time to open the
 * article with the most mentions. The same figures for a bare page holding the same JSON show how
 * much of that is the browser loading the file at all. Also times renderReport and writeWorkbook.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { embedJson, renderReport } from "../src/7-write/report-html.js";
import { buildReportData } from "../src/7-write/report/report-data.js";
import type { Tables } from "../src/7-write/tables.js";
import { writeWorkbook } from "../src/7-write/workbook.js";
import { ENTITY_TYPES, type ArticleRow, type EntityRow, type MentionRow } from "../src/types.js";
import { mulberry32 } from "../src/common/random.js";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const FILLER = "le la les de des du un une et à en pour sur dans avec par a été selon ministre gouvernement accord sécurité coopération réunion conseil pays région président sommet déclaration".split(" ");
const NAME_PARTS = "Amine Bernard Claire Diallo Élise Fontaine Gérard Hassan Inès Jacques Karim Laurent Marie Nadia Olivier Pierre Rachid Sophie Thomas Yasmine".split(" ");

interface Options {
  articles: number;
  runs: number;
}

interface Timings {
  domContentLoaded: number;
  firstContentfulPaint: number;
  reportReady: number;
  openLargestArticle: number;
}


function syntheticEntities(count: number, random: () => number): EntityRow[] {
  return Array.from({ length: count }, (_, index) => {
    const type = ENTITY_TYPES[index % ENTITY_TYPES.length]!;
    const pick = () => NAME_PARTS[Math.floor(random() * NAME_PARTS.length)]!;
    const name = type === "UN_RESOLUTION" ? `Résolution ${1000 + index}` : `${pick()} ${pick()} ${index}`;
    return { entity_id: `E${index}`, type, canonical_name: name, acronym: "", aliases: "", mention_count: 0, article_count: 0, first_date: "", last_date: "" };
  });
}

/** About 3,000 characters and 25 mentions per article, entities drawn with a long tail as in news. */
function syntheticCorpus(options: Options): { tables: Tables; texts: Map<string, string> } {
  const random = mulberry32(42);
  const entities = syntheticEntities(options.articles * 2, random);
  const texts = new Map<string, string>();
  const articles: ArticleRow[] = [];
  const mentions: MentionRow[] = [];
  for (let index = 0; index < options.articles; index++) {
    const articleId = `synthetic/${String(index).padStart(5, "0")}`;
    const date = `20${10 + (index % 15)}-${String(1 + (index % 12)).padStart(2, "0")}-${String(1 + (index % 28)).padStart(2, "0")}`;
    if (index % 10 === 9) {
      articles.push(articleRow(articleId, "", "eng", "not French: eng", 0, 0));
      continue;
    }
    const own: MentionRow[] = [];
    let text = "";
    while (text.length < 3000) {
      text += `${FILLER[Math.floor(random() * FILLER.length)]} `;
      if (random() < 0.06) {
        const entity = entities[Math.floor(entities.length * random() ** 3)]!;
        const start = text.length;
        text += `${entity.canonical_name} `;
        own.push({ mention_id: `${articleId}:${start}`, article_id: articleId, entity_id: entity.entity_id, type: entity.type, text: entity.canonical_name, start, end: start + entity.canonical_name.length, sentence: "" });
      }
      if (random() < 0.05) text += ".\n\n";
    }
    texts.set(articleId, text);
    mentions.push(...own);
    articles.push(articleRow(articleId, date, "fra", "", text.split(" ").length, own.length));
  }
  return { tables: { articles, entities: countEntities(entities, mentions), mentions }, texts };
}

function articleRow(article_id: string, date: string, language: string, reason: string, word_count: number, mention_count: number): ArticleRow {
  return { article_id, source_path: `${article_id}.txt`, sha256: "", date, language, status: reason ? "skipped" : "extracted", reason, word_count, mention_count };
}

function countEntities(entities: EntityRow[], mentions: MentionRow[]): EntityRow[] {
  const byId = new Map(entities.map((entity) => [entity.entity_id, { entity, articles: new Set<string>() }]));
  for (const mention of mentions) {
    const record = byId.get(mention.entity_id)!;
    record.entity.mention_count++;
    record.articles.add(mention.article_id);
  }
  return [...byId.values()].filter(({ articles }) => articles.size > 0).map(({ entity, articles }) => ({ ...entity, article_count: articles.size }));
}

async function measureOpen(url: string, runs: number): Promise<Timings[]> {
  const executablePath = execFileSync("which", ["chromium"], { encoding: "utf8" }).trim();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const timings: Timings[] = [];
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(url);
      await page.waitForSelector("body[data-ready=true]", { timeout: 120_000 });
      timings.push(await page.evaluate(pageTimings));
      await page.close();
    }
    return timings;
  } finally {
    await browser.close();
  }
}

/** Runs in the page: navigation and paint timings, then opens the article with the most mentions. */
function pageTimings(): Timings {
  const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const ready = performance.getEntriesByName("report-ready")[0]!;
  const timings = { domContentLoaded: navigation.domContentLoadedEventEnd, firstContentfulPaint: paint?.startTime ?? Number.NaN, reportReady: ready.startTime };
  const buttons = [...document.querySelectorAll<HTMLElement>("#article-table-body button[data-article]")];
  if (buttons.length === 0) return { ...timings, openLargestArticle: Number.NaN };
  const largest = buttons.reduce((best, button) => {
    const count = (button: HTMLElement) => Number(button.closest("tr")!.lastElementChild!.textContent!.replace(/\D/g, ""));
    return count(button) > count(best) ? button : best;
  });
  const before = performance.now();
  largest.click();
  void document.body.offsetHeight; // forces layout, so that the figure includes it
  return { ...timings, openLargestArticle: performance.now() - before };
}

/** The same data block in a page that does nothing but parse it: what loading 18 MB costs at all. */
function floorPage(tables: Tables, texts: Map<string, string>): string {
  const data = embedJson(buildReportData(tables, (articleId) => texts.get(articleId)));
  const script = `JSON.parse(document.getElementById("report-data").textContent); document.body.dataset.ready = "true"; performance.mark("report-ready");`;
  return `<!doctype html><html><head><meta charset="utf-8"></head><body><p>floor</p><script type="application/json" id="report-data">${data}</script><script>${script}</script></body></html>`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string, fallback: number) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? Number(argv[index + 1]) : fallback;
  };
  return { articles: value("articles", 5000), runs: value("runs", 5) };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // The figures are only comparable on an idle machine: print how busy it was.
  const loadBefore = loadavg()[0]!;
  const { tables, texts } = syntheticCorpus(options);
  const folder = mkdtempSync(join(tmpdir(), "report-open-"));
  const path = join(folder, "report.html");

  let started = performance.now();
  writeFileSync(path, renderReport(tables, (articleId) => texts.get(articleId)));
  const renderMs = performance.now() - started;
  started = performance.now();
  await writeWorkbook(join(folder, "entities.xlsx"), tables);
  const workbookMs = performance.now() - started;

  const floorPath = join(folder, "floor.html");
  writeFileSync(floorPath, floorPage(tables, texts));

  const timings = await measureOpen(pathToFileURL(path).href, options.runs);
  const floorTimings = await measureOpen(pathToFileURL(floorPath).href, options.runs);
  const figure = (key: keyof Timings) => `${Math.round(median(timings.map((timing) => timing[key])))}`.padStart(6) + `${Math.round(median(floorTimings.map((timing) => timing[key])))}`.padStart(8);
  console.log(`load average (1 min) before measuring: ${loadBefore.toFixed(2)}, on ${availableParallelism()} cores`);
  console.log(`corpus: ${tables.articles.length} articles (${texts.size} extracted), ${tables.entities.length} entities, ${tables.mentions.length} mentions`);
  console.log(`report.html: ${(statSync(path).size / 1e6).toFixed(1)} MB, rendered in ${Math.round(renderMs)} ms; entities.xlsx written in ${Math.round(workbookMs)} ms`);
  console.log(`page open in chromium, median of ${options.runs}, ms from navigation start; "floor" is a bare page holding the same JSON that only parses it:`);
  console.log(`                          report   floor`);
  console.log(`  DOMContentLoaded        ${figure("domContentLoaded")}`);
  console.log(`  first contentful paint  ${figure("firstContentfulPaint")}`);
  console.log(`  index and lists ready   ${figure("reportReady")}`);
  console.log(`  open largest article    ${figure("openLargestArticle")}   (ms after ready)`);
  rmSync(folder, { recursive: true, force: true });
}

await main();
