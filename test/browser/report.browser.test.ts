/**
 * The review page in a real browser: Debian's chromium driven by playwright-core (no browser
 * download). When chromium is missing or does not start, these tests fail: they never skip.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import { chromium, type Browser, type Page } from "playwright-core";
import { runPipeline } from "../../pipeline/run.js";
import { renderReport } from "../../src/7-write/report-html.js";
import type { ArticleRow, EntityRow, MentionRow } from "../../src/types.js";
import { fixtureTables, fixtureText } from "../write/fixture-tables.js";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** A French article carrying markup that would run if the page ever parsed article text as HTML. */
const HOSTILE_ARTICLE = `Le ministre des Affaires étrangères Jean-Yves Le Drian s'est rendu jeudi à Rabat pour rencontrer son homologue marocain Nasser Bourita.
<script>window.__pwned=1</script>
Les deux ministres ont évoqué la coopération contre le terrorisme et la mise en œuvre de la Résolution 2396 du Conseil de sécurité des Nations unies. <img src=x onerror="window.__pwned=1">
Selon le communiqué publié à Paris, la France et le Maroc veulent renforcer leurs échanges de renseignements et la formation des magistrats, a précisé le porte-parole du ministère.
`;
const ENGLISH_ARTICLE = `The foreign ministers met on Thursday in Rabat to discuss cooperation against terrorism and the exchange of intelligence between their services, a spokesman said after the meeting.
`;

interface RunTables {
  articles: ArticleRow[];
  entities: EntityRow[];
  mentions: MentionRow[];
  reportUrl: string;
}

/** Reads a run's CSV tables, the reference the page is checked against (every value a string). */
function readRun(outputDir: string): RunTables {
  const read = <Row>(name: string) => parse(readFileSync(join(outputDir, name)), { bom: true, columns: true, cast: false }) as Row[];
  return {
    articles: read<ArticleRow>("articles.csv"),
    entities: read<EntityRow>("entities.csv"),
    mentions: read<MentionRow>("mentions.csv").map((mention) => ({ ...mention, start: Number(mention.start), end: Number(mention.end) })),
    reportUrl: pathToFileURL(join(outputDir, "report.html")).href,
  };
}

async function runOver(inputDir: string): Promise<RunTables> {
  const outputDir = mkdtempSync(join(scratch, "out-"));
  await runPipeline({ inputDir, outputDir });
  return readRun(outputDir);
}

function launchChromium(): Promise<Browser> {
  let executablePath: string;
  try {
    executablePath = execFileSync("which", ["chromium"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("chromium not found on PATH: install Debian's chromium (apt-get update && apt-get install -y chromium). The browser tests do not skip.");
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/** Opens a report and records what must never happen: script errors, dialogs, requests other than the file. */
async function openReport(browser: Browser, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => message.type() === "error" && problems.push(`console error: ${message.text()}`));
  page.on("dialog", (dialog) => (problems.push(`dialog: ${dialog.message()}`), void dialog.dismiss()));
  page.on("request", (request) => request.url() !== url && problems.push(`request: ${request.url()}`));
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]");
  return { page, problems };
}

/** The button in `container` whose whole text is `text` (hasText alone also matches longer names). */
function buttonNamed(page: Page, container: string, text: string) {
  return page.locator(`${container} button`).filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) });
}

async function openArticle(page: Page, articleId: string): Promise<void> {
  await buttonNamed(page, "#article-table-body", articleId).click();
  await page.waitForFunction((id) => document.getElementById("article-title")?.textContent === id, articleId);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The open article's highlights, in text order: their text, entity name on hover, type, and whether selected. */
function highlights(page: Page): Promise<{ text: string; title: string; type: string; selected: boolean }[]> {
  return page.$$eval("#article-text mark", (marks) =>
    marks.map((mark) => ({
      text: mark.textContent ?? "",
      title: mark.getAttribute("title") ?? "",
      type: mark.getAttribute("data-type") ?? "",
      selected: mark.classList.contains("selected"),
    })),
  );
}

function indexRows(page: Page): Promise<{ name: string; type: string }[]> {
  return page.$$eval("#entity-table-body tr", (rows) =>
    rows.map((row) => ({ name: row.querySelector("button")?.textContent ?? "", type: row.querySelector(".type-badge")?.textContent ?? "" })),
  );
}

function mentionsOf(run: RunTables, articleId: string, entityId?: string): MentionRow[] {
  return run.mentions
    .filter((mention) => mention.article_id === articleId && (entityId === undefined || mention.entity_id === entityId))
    .sort((a, b) => a.start - b.start);
}

/** Inputs and outputs of this file's runs, removed at the end. */
const scratch = mkdtempSync(join(tmpdir(), "report-browser-"));
let browser: Browser;
beforeAll(async () => (browser = await launchChromium()));
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("report.html of the sample corpus", () => {
  let run: RunTables;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    run = await runOver(join(REPO, "data", "articles"));
    ({ page, problems } = await openReport(browser, run.reportUrl));
  });
  afterAll(async () => page?.close());

  it("has extracted articles with mentions to check", () => {
    expect(run.articles.filter((article) => article.status === "extracted").length).toBeGreaterThan(0);
    expect(run.mentions.length).toBeGreaterThan(0);
  });

  it("highlights, in each article, exactly the mentions of mentions.csv, with the entity's name on hover", async () => {
    const names = new Map(run.entities.map((entity) => [entity.entity_id, `${entity.canonical_name} (${entity.type})`]));
    for (const article of run.articles.filter((row) => row.status === "extracted")) {
      await openArticle(page, article.article_id);
      const expected = mentionsOf(run, article.article_id).map((mention) => ({ text: mention.text, title: names.get(mention.entity_id)!, type: mention.type }));
      const shown = (await highlights(page)).map(({ text, title, type }) => ({ text, title, type }));
      expect(shown).toEqual(expected);
    }
  });

  it("summarises articles, mentions and entities as the tables count them", async () => {
    const stats = await page.locator("#summary-stats").innerText();
    const skipped = run.articles.filter((article) => article.status === "skipped").length;
    expect(stats).toContain(`${run.articles.length}: ${run.articles.length - skipped} extracted, ${skipped} skipped`);
    expect(stats).toMatch(new RegExp(`Mentions\\s+${run.mentions.length.toLocaleString("en-GB")}`));
    expect(stats).toMatch(new RegExp(`Entities\\s+${run.entities.length.toLocaleString("en-GB")}`));
    const perType = await page.$$eval("#type-table-body tr", (rows) => (rows as HTMLTableRowElement[]).map((row) => [...row.cells].map((cell) => cell.textContent)));
    const count = (rows: { type: string }[], type: string) => String(rows.filter((row) => row.type === type).length);
    expect(perType).toEqual(perType.map(([type]) => [type, count(run.mentions, type!), count(run.entities, type!)]));
    expect(perType.map(([type]) => type).sort()).toEqual(["EXERCISE", "LOCATION", "ORG", "PERSON", "UN_RESOLUTION"]);
  });

  it("narrows the index to one type with the type filter", async () => {
    expect(await indexRows(page)).toHaveLength(run.entities.length);
    for (const type of new Set(run.entities.map((entity) => entity.type))) {
      await page.selectOption("#type-filter", type);
      const rows = await indexRows(page);
      expect(rows.map((row) => row.type)).toEqual(run.entities.filter((entity) => entity.type === type).map(() => type));
    }
    await page.selectOption("#type-filter", "");
    expect(await indexRows(page)).toHaveLength(run.entities.length);
  });

  it("narrows the index with the search box, ignoring case and accents", async () => {
    const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    const target = run.entities.find((entity) => entity.canonical_name.length >= 4)!;
    const query = fold(target.canonical_name).slice(0, 4);
    await page.fill("#entity-search", query.toUpperCase());
    const names = (await indexRows(page)).map((row) => row.name);
    const matching = run.entities.filter((entity) => fold(`${entity.canonical_name} ${entity.acronym} ${entity.aliases}`).includes(query));
    expect(names.sort()).toEqual(matching.map((entity) => entity.canonical_name).sort());
    expect(names).toContain(target.canonical_name);
    await page.fill("#entity-search", "zzz-no-such-entity");
    expect(await indexRows(page)).toHaveLength(0);
    await page.fill("#entity-search", "");
    expect(await indexRows(page)).toHaveLength(run.entities.length);
  });

  it("narrows the article list with its search box", async () => {
    const extracted = run.articles.filter((article) => article.status === "extracted").map((article) => article.article_id);
    const articleIds = () => page.$$eval("#article-table-body button", (buttons) => buttons.map((button) => button.textContent));
    expect(await articleIds()).toEqual(extracted);
    await page.fill("#article-search", extracted[0]!);
    expect(await articleIds()).toEqual(extracted.filter((id) => id.includes(extracted[0]!)));
    await page.fill("#article-search", "");
    expect(await articleIds()).toEqual(extracted);
  });

  it("sorts the index by name when its header is clicked", async () => {
    await page.click("#entity-table th button[data-sort=name]");
    const names = (await indexRows(page)).map((row) => row.name);
    const sorted = await page.evaluate((list) => [...list].sort(new Intl.Collator("fr", { sensitivity: "base", numeric: true }).compare), names);
    expect(names).toEqual(sorted);
    expect(await page.getAttribute("#entity-table th[data-sort=name]", "aria-sort")).toBe("ascending");
  });

  it("on clicking an entity, lists its articles and highlights its mentions in each", async () => {
    const entity = [...run.entities].sort((a, b) => Number(b.article_count) - Number(a.article_count) || Number(b.mention_count) - Number(a.mention_count))[0]!;
    await buttonNamed(page, "#entity-table-body", entity.canonical_name).click();
    await expect(page.locator("#entity-title").innerText()).resolves.toContain(entity.canonical_name);
    const articleIds = [...new Set(run.mentions.filter((mention) => mention.entity_id === entity.entity_id).map((mention) => mention.article_id))];
    const listed = await page.$$eval("#entity-article-list button", (buttons) => buttons.map((button) => button.textContent));
    expect(listed.sort()).toEqual(articleIds.sort());
    for (const articleId of articleIds) {
      await buttonNamed(page, "#entity-article-list", articleId).click();
      await page.waitForFunction((id) => document.getElementById("article-title")?.textContent === id, articleId);
      const selected = (await highlights(page)).filter((mark) => mark.selected).map((mark) => mark.text);
      expect(selected).toEqual(mentionsOf(run, articleId, entity.entity_id).map((mention) => mention.text));
    }
    await buttonNamed(page, "#entity-article-list", articleIds[0]!).click();
    // Saved in output/ (not committed); docs/report.png, shown by the README, is a copy made by hand.
    mkdirSync(join(REPO, "output"), { recursive: true });
    writeFileSync(join(REPO, "output", "report.png"), await page.screenshot({ fullPage: true }));
  });

  it("raised no script error, dialog or request", () => {
    expect(problems).toEqual([]);
  });
});

describe("report.html with a hostile article and a skipped one", () => {
  let run: RunTables;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    const inputDir = mkdtempSync(join(scratch, "in-"));
    writeFileSync(join(inputDir, "hostile.txt"), HOSTILE_ARTICLE);
    writeFileSync(join(inputDir, "english.txt"), ENGLISH_ARTICLE);
    copyFileSync(join(REPO, "data", "articles", "000_ec600bba5e5dcb73.txt"), join(inputDir, "sample.txt"));
    run = await runOver(inputDir);
    ({ page, problems } = await openReport(browser, run.reportUrl));
  });
  afterAll(async () => page?.close());

  it("shows the hostile markup as text, and it never runs", async () => {
    expect(run.articles.find((article) => article.article_id === "hostile")?.status).toBe("extracted");
    await openArticle(page, "hostile");
    const text = await page.locator("#article-text").textContent();
    expect(text).toBe(HOSTILE_ARTICLE);
    expect(await page.locator("#article-text script, #article-text img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it("lists the skipped article with its reason", async () => {
    const skipped = run.articles.find((article) => article.article_id === "english")!;
    expect(skipped.status).toBe("skipped");
    await page.click("#skipped-title");
    const rows = await page.$$eval("#skipped-table-body tr", (trs) => (trs as HTMLTableRowElement[]).map((tr) => [...tr.cells].map((cell) => cell.textContent)));
    expect(rows).toContainEqual(["english", skipped.date, skipped.language, skipped.reason]);
  });

  it("raised no script error, dialog or request", () => {
    expect(problems).toEqual([]);
  });
});

describe("report.html with markup in every table value", () => {
  const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    const tables = fixtureTables();
    tables.entities = tables.entities.map((entity) => ({ ...entity, canonical_name: `${entity.canonical_name} ${payload}`, aliases: payload, acronym: entity.acronym && payload }));
    tables.articles = tables.articles.map((article) => ({ ...article, reason: article.reason && `${article.reason} ${payload}`, source_path: payload }));
    const path = join(mkdtempSync(join(scratch, "fixture-")), "report.html");
    writeFileSync(path, renderReport(tables, fixtureText));
    ({ page, problems } = await openReport(browser, pathToFileURL(path).href));
  });
  afterAll(async () => page?.close());

  it("shows names, aliases, paths and reasons as text, and none of them runs", async () => {
    await page.locator("#entity-table-body button").first().click();
    await page.click("#skipped-title");
    expect(await page.locator("#entity-title").innerText()).toContain(payload);
    expect(await page.locator("#entity-facts").innerText()).toContain(payload);
    expect(await page.locator("#article-meta").innerText()).toContain(payload);
    expect(await page.locator("#skipped-table-body").innerText()).toContain(payload);
    expect(await page.locator("main img, main script").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
  });
});
