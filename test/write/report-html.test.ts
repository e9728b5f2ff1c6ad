import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";
import { embedJson, renderReport, writeReport } from "../../src/7-write/report-html.js";
import type { ReportData } from "../../src/7-write/report/report-data.js";
import { FIXTURE_TEXTS, fixtureTables, fixtureText } from "./fixture-tables.js";

const tables = fixtureTables();
const html = renderReport(tables, fixtureText);
const document = parseDocument(html);
const scripts = DomUtils.getElementsByTagName("script", document);
const dataScript = scripts.find((script) => DomUtils.getAttributeValue(script, "id") === "report-data")!;
const data = JSON.parse(DomUtils.textContent(dataScript)) as ReportData;
/** The page without its JSON block: what the HTML parser sees as markup and code. */
const markupAndCode = html.replace(DomUtils.textContent(dataScript), "");

describe("embedJson", () => {
  it("leaves no < in the JSON, and JSON.parse reads the same value back", () => {
    const value = { text: '</script><script>alert(1)</script><!-- <img src=x onerror="x()">', lines: "a\u2028b" };
    const embedded = embedJson(value);
    expect(embedded).not.toContain("<");
    expect(JSON.parse(embedded)).toEqual(value);
  });
});

describe("renderReport", () => {
  it("has exactly two scripts: the JSON data and the page's own code", () => {
    expect(scripts.map((script) => DomUtils.getAttributeValue(script, "type") ?? "code")).toEqual(["application/json", "code"]);
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html.match(/<\/script/gi)).toHaveLength(2);
  });

  it("shows hostile article text only inside the JSON, escaped", () => {
    expect(DomUtils.getElementsByTagName("img", document)).toHaveLength(0);
    expect(markupAndCode).not.toContain("__pwned");
    expect(DomUtils.textContent(dataScript)).toContain("\\u003cscript>window.__pwned=1\\u003c/script>");
  });

  it("writes no table value into the markup: the script builds the page from the JSON", () => {
    for (const value of ["Nathan Sales", "GCTF", "2018/maroc", "not French: eng", "African Lion"]) expect(markupAndCode).not.toContain(value);
  });

  it("embeds each extracted article's text once, and no text for skipped articles", () => {
    expect(data.articles.map((article) => [article.id, article.text])).toEqual([
      ["2018/maroc", FIXTURE_TEXTS["2018/maroc"]],
      ["2019/english", null],
      ["2019/hostile", FIXTURE_TEXTS["2019/hostile"]],
    ]);
    // The fixture's mention sentences are the whole article: a copy per mention would show here.
    expect(html.split("Nathan Sales a rencontré à Rabat")).toHaveLength(2);
  });

  it("embeds mentions as offsets into the text with their entity, in text order", () => {
    const article = data.articles[0]!;
    const placed = [];
    for (let i = 0; i < article.mentions.length; i += 3) {
      const [start, end, entity] = article.mentions.slice(i, i + 3) as [number, number, number];
      placed.push([article.text!.slice(start, end), data.entities[entity]!.id]);
    }
    const expected = tables.mentions.filter((mention) => mention.article_id === "2018/maroc").map((mention) => [mention.text, mention.entity_id]);
    expect(placed).toEqual(expected);
    expect(data.unplacedMentions).toBe(0);
  });

  it("counts, and does not highlight, mentions whose offsets do not fit the text", () => {
    const broken = fixtureTables();
    broken.mentions[0] = { ...broken.mentions[0]!, start: broken.mentions[0]!.start + 1 };
    const missingText = (articleId: string) => (articleId === "2019/hostile" ? undefined : fixtureText(articleId));
    const page = renderReport(broken, missingText);
    const parsed = JSON.parse(DomUtils.textContent(DomUtils.getElementById("report-data", parseDocument(page))!)) as ReportData;
    expect(parsed.unplacedMentions).toBe(1 + 3);
    expect(parsed.articles[0]!.mentions).toHaveLength((6 - 1) * 3);
    expect(parsed.articles[2]!.text).toBeNull();
  });

  it("loads nothing from outside the file, and says so in its Content-Security-Policy", () => {
    expect(markupAndCode).not.toMatch(/\b(src|href)\s*=|url\(|@import|https?:\/\/|<link/i);
    const policy = DomUtils.getAttributeValue(DomUtils.findOne((node) => DomUtils.getAttributeValue(node, "http-equiv") === "Content-Security-Policy", document.children)!, "content")!;
    expect(policy).toContain("default-src 'none'");
    const code = DomUtils.textContent(scripts[1]!);
    expect(policy).toContain(`script-src 'sha256-${createHash("sha256").update(code).digest("base64")}'`);
  });

  it("labels its filter and search inputs", () => {
    for (const id of ["type-filter", "entity-search", "article-search"]) {
      const label = DomUtils.findOne((node) => node.name === "label" && DomUtils.getAttributeValue(node, "for") === id, document.children);
      expect(label).not.toBeNull();
      expect(DomUtils.getElementById(id, document)).not.toBeNull();
    }
  });
});

describe("writeReport", () => {
  it("writes the rendered page", () => {
    const folder = mkdtempSync(join(tmpdir(), "report-"));
    writeReport(join(folder, "report.html"), tables, fixtureText);
    expect(readFileSync(join(folder, "report.html"), "utf8")).toBe(html);
    rmSync(folder, { recursive: true });
  });
});
