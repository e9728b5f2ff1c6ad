import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { runPipeline, type RunOptions, type RunSummary } from "../../pipeline/run.js";
import { readTable, ROOT, SAMPLE_CORPUS } from "../helpers.js";

/** The compiled CLI, as users run it (the test script builds it first). */
export const CLI = join(ROOT, "dist", "pipeline", "cli.js");
export const TABLES = ["articles.csv", "entities.csv", "mentions.csv", "entity_redirects.csv", "run.json"];

/** runPipeline as the tests use it: CSV only, rules only, warnings collected instead of printed. */
export async function run(inputDir: string, outputDir: string, options: Partial<RunOptions> = {}): Promise<{ summary: RunSummary; warnings: string[] }> {
  const warnings: string[] = [];
  const summary = await runPipeline({ inputDir, outputDir, formats: ["csv"], useModel: false, warn: (message) => warnings.push(message), ...options });
  return { summary, warnings };
}

export function writeFile(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

/** The paragraphs of the sample corpus, without their date lines. */
export function sampleParagraphs(): string[] {
  return readdirSync(SAMPLE_CORPUS)
    .sort()
    .flatMap((name) => readFileSync(join(SAMPLE_CORPUS, name), "utf8").split(/\n\s*\n/))
    .map((paragraph) => paragraph.replace(/^\s*date\s+\S+\s+/i, "").trim())
    .filter(Boolean);
}

/** Article `i` of a synthetic corpus: a date, a header naming i, and three sample paragraphs; the same on every call. */
export function variedArticle(i: number, paragraphs: string[]): string {
  const pick = (k: number) => paragraphs[(i * (7 + k * 6) + k * 13) % paragraphs.length];
  const month = String(1 + (i % 12)).padStart(2, "0");
  return ` date 20${10 + (i % 14)}-${month} Dépêche n° ${i}.\n\n${pick(0)}\n\n${pick(1)}\n\n${pick(2)}\n`;
}

/** Writes articles [from, to) as NNNN.txt under `folder`, ten folders deep at most. */
export function writeCorpus(folder: string, from: number, to: number): void {
  const paragraphs = sampleParagraphs();
  for (let i = from; i < to; i++) writeFile(join(folder, `d${Math.floor(i / 100)}`, `${String(i).padStart(4, "0")}.txt`), variedArticle(i, paragraphs));
}

/**
 * The three tables with entity ids replaced by what they name (type, canonical name, acronym),
 * entities in a fixed order: what must be equal between runs that differ only by id history.
 */
export function tablesWithoutIds(outputDir: string) {
  const entities = readTable(outputDir, "entities.csv");
  const nameOf = new Map(entities.map((e) => [e.entity_id, `${e.type}|${e.canonical_name}|${e.acronym}`]));
  return {
    articles: readTable(outputDir, "articles.csv"),
    entities: entities.map(({ entity_id, ...rest }) => ({ ...rest, named: nameOf.get(entity_id) })).sort((a, b) => a.named!.localeCompare(b.named!)),
    mentions: readTable(outputDir, "mentions.csv").map((m) => ({ ...m, entity_id: nameOf.get(m.entity_id) })),
  };
}

/**
 * Every file of a published set, byte for byte (undefined when a file is missing), except that of
 * run.json only what it says of the tables is kept: timings differ between any two runs, and how
 * many articles were reused depends on the cache (an edit to the sources in the shared work tree
 * during the tests invalidates it).
 */
export function snapshot(outputDir: string): Record<string, unknown> {
  const read = (name: string) => (existsSync(join(outputDir, name)) ? readFileSync(join(outputDir, name), "latin1") : undefined);
  const counts = (json: string | undefined) =>
    json && (({ articles: { extracted, reused, skipped }, mentions, entities }: RunSummary) => ({ articles: extracted + reused + skipped, mentions, entities }))(JSON.parse(json));
  return Object.fromEntries(TABLES.map((name) => [name, name === "run.json" ? counts(read(name)) : read(name)]));
}

/**
 * What makes a set of tables one run's complete output: every mention's article and entity exist,
 * the counts in articles.csv, entities.csv and run.json agree with mentions.csv, retired ids are
 * gone. Returns the disagreements found (empty: consistent).
 */
export function inconsistencies(outputDir: string): string[] {
  const problems: string[] = [];
  const articles = readTable(outputDir, "articles.csv");
  const entities = readTable(outputDir, "entities.csv");
  const mentions = readTable(outputDir, "mentions.csv");
  const redirects = readTable(outputDir, "entity_redirects.csv");
  const summary = JSON.parse(readFileSync(join(outputDir, "run.json"), "utf8")) as RunSummary;
  const perArticle = countBy(mentions, (m) => m.article_id);
  const perEntity = countBy(mentions, (m) => m.entity_id);
  for (const a of articles) if (Number(a.mention_count) !== (perArticle.get(a.article_id) ?? 0)) problems.push(`article ${a.article_id}: mention_count ${a.mention_count}, ${perArticle.get(a.article_id) ?? 0} rows`);
  for (const e of entities) if (Number(e.mention_count) !== (perEntity.get(e.entity_id) ?? 0)) problems.push(`entity ${e.entity_id}: mention_count ${e.mention_count}, ${perEntity.get(e.entity_id) ?? 0} rows`);
  const articleIds = new Set(articles.map((a) => a.article_id));
  const entityIds = new Set(entities.map((e) => e.entity_id));
  for (const m of mentions) {
    if (!articleIds.has(m.article_id)) problems.push(`mention ${m.mention_id}: unknown article`);
    if (!entityIds.has(m.entity_id)) problems.push(`mention ${m.mention_id}: unknown entity ${m.entity_id}`);
  }
  for (const r of redirects) if (entityIds.has(r.old_id)) problems.push(`retired id ${r.old_id} still names an entity`);
  const { extracted, reused, skipped } = summary.articles;
  if (extracted + reused + skipped !== articles.length) problems.push(`run.json counts ${extracted + reused + skipped} articles, the table ${articles.length}`);
  if (summary.mentions !== mentions.length) problems.push(`run.json counts ${summary.mentions} mentions, the table ${mentions.length}`);
  if (summary.entities !== entities.length) problems.push(`run.json counts ${summary.entities} entities, the table ${entities.length}`);
  return problems;
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
