import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { listSourceFiles, type ListedFile } from "../src/1-read/list-files.js";
import { readArticle } from "../src/1-read/read-file.js";
import { hasHtmlName } from "../src/2-clean/html.js";
import { temporaryPathFor, writeFileDurable } from "../src/common/atomic-write.js";
import { CrossArticleResolver } from "../src/6-resolve/across-articles.js";
import { assignEntityIds, type IdRegistry } from "../src/6-resolve/entity-ids.js";
import { CsvFileWriter, toCsv, parseCsv } from "../src/7-write/csv.js";
import { ARTICLE_COLUMNS, articleRow, ENTITY_COLUMNS, entityRow, MENTION_COLUMNS, mentionRow, type EntityCounts } from "../src/7-write/rows.js";
import type { ArticleExtraction, ArticleRow, MentionRow } from "../src/types.js";
import { extractArticle } from "./extract-article.js";
import { writeExtraFormats, type OutputFormat } from "./formats.js";
import { createPool, type Extracted, type ExtractionPool } from "./pool.js";
import type { NameFinding } from "./stage-options.js";
import { checkModel, loadSharedModel } from "../src/5-extract/tagger/index.js";
import type { LinearModel } from "../src/5-extract/tagger/perceptron.js";
import { Progress } from "./progress.js";
import { commitFiles, recoverCommit, type StagedFile } from "./state/commit.js";
import { acquireLock } from "./state/lock.js";
import { loadRegistry } from "./state/registry-file.js";
import { readSpool, SpoolCache, SpoolWriter, StaleSpoolError } from "./state/spool.js";
import { pipelineVersion } from "./version.js";

export interface RunOptions {
  inputDir: string;
  outputDir: string;
  /** Worker threads for extraction (1: all in this thread). */
  jobs?: number;
  /** Which outputs to write besides the state (default: csv, xlsx and html). */
  formats?: readonly OutputFormat[];
  /** Show a progress bar on a terminal (default: no). */
  progress?: boolean;
  /** Fuse the statistical tagger with the rules (default true). */
  useModel?: boolean;
  /** With the model: let it alone find PERSON, ORG and LOCATION (only to measure it against the fusion). */
  taggerAlone?: boolean;
  /** Where warnings go (default: stderr). */
  warn?: (message: string) => void;
}

export interface RunSummary {
  /** Every input file is exactly one of extracted (now), reused (unchanged since the last run) or skipped. */
  articles: { extracted: number; reused: number; skipped: number; removed: number };
  mentions: number;
  entities: number;
  seconds: number;
  /** Seconds per stage, summed over threads. */
  stageSeconds: Record<string, number>;
  peakRssMb: number;
}

/** Raised when the pipeline cannot run at all; the message is one sentence for the user. */
export class UsageError extends Error {}

export const STATE_DIR = ".state";
const SPOOL_FILE = "extractions.jsonl";
const REGISTRY_FILE = "entity-ids.json";
/** Articles waiting, per job, for extraction or for their turn to be written in order. */
const IN_FLIGHT_PER_JOB = 16;

/**
 * One run: read every file of the input folder, extract what is new or changed (reusing earlier
 * extractions of unchanged content), resolve entities across all articles, then publish the tables,
 * run.json and the state as one set, so that a run killed at any point leaves the previous set.
 */
export async function runPipeline(options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const inputDir = resolve(options.inputDir);
  const outputDir = resolve(options.outputDir);
  const stateDir = join(outputDir, STATE_DIR);
  const warn = options.warn ?? ((message: string) => process.stderr.write(`warning: ${message}\n`));
  const names: NameFinding = options.useModel === false ? "rules" : options.taggerAlone ? "tagger" : "fused";
  const jobs = Math.max(1, options.jobs ?? 1);
  checkFolders(inputDir, outputDir, stateDir);
  const model = names === "rules" ? undefined : loadModel();
  const release = acquireLock(outputDir, warn);
  let pool: ExtractionPool | undefined;
  try {
    recoverCommit(outputDir, [outputDir, stateDir]);
    const files = listSourceFiles(inputDir, outputDir);
    const version = pipelineVersion(names);
    const cache = openCache(join(stateDir, SPOOL_FILE), version, existsSync(join(outputDir, "run.json")), warn);
    pool = await createPool(jobs, { names, model });
    const spoolPath = temporaryPathFor(join(stateDir, SPOOL_FILE));
    const progress = new Progress(files.length, options.progress ?? false);
    const pass = await extractAll(files, cache, pool, new SpoolWriter(spoolPath, version), jobs, progress);
    progress.stop();
    cache?.close();

    const groups = pass.resolver.finish();
    const { ids, registry } = assignEntityIds(groups, loadRegistry(join(stateDir, REGISTRY_FILE), outputDir, warn));
    const staged: StagedFile[] = [{ temporary: spoolPath, target: join(stateDir, SPOOL_FILE) }];
    const stage = (target: string) => {
      const temporary = temporaryPathFor(target);
      staged.push({ temporary, target });
      return temporary;
    };
    const { counts, mentionCount } = writeMentions(stage(join(outputDir, "mentions.csv")), spoolPath, version, pass.resolver, ids);
    const entityRows = groups.map((group, i) => entityRow(group, ids[i], counts[i])).sort((a, b) => compare(a.entity_id, b.entity_id));
    const articleRows = pass.articleRows.sort((a, b) => compare(a.article_id, b.article_id));
    writeFileDurable(stage(join(outputDir, "articles.csv")), toCsv(ARTICLE_COLUMNS, articleRows));
    writeFileDurable(stage(join(outputDir, "entities.csv")), toCsv(ENTITY_COLUMNS, entityRows));
    writeFileDurable(stage(join(outputDir, "entity_redirects.csv")), toCsv(["old_id", "new_id"], redirectRows(registry)));
    writeFileDurable(stage(join(stateDir, REGISTRY_FILE)), JSON.stringify(registry));
    const formats = options.formats ?? ["csv", "xlsx", "html"];
    await writeExtraFormats(formats, outputDir, stage, { articles: articleRows, entities: entityRows, mentions: () => mentionRows(spoolPath, version, pass.resolver, ids) }, files);

    const summary: RunSummary = {
      articles: { ...pass.counts, removed: [...previousSourcePaths(cache, outputDir)].filter((path) => !pass.sourcePaths.has(path)).length },
      mentions: mentionCount,
      entities: entityRows.length,
      seconds: round((performance.now() - started) / 1000),
      stageSeconds: Object.fromEntries(Object.entries(pool.times).map(([name, ms]) => [name, round(ms / 1000)])),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    writeFileDurable(stage(join(outputDir, "run.json")), JSON.stringify(summary, null, 2) + "\n");
    commitFiles(outputDir, staged);
    return summary;
  } finally {
    await pool?.close();
    release();
  }
}

/** The tagger's model, read once for every thread; one that cannot be loaded stops the run before it starts, with what to do about it. */
function loadModel(): LinearModel {
  try {
    const model = loadSharedModel();
    checkModel(model);
    return model;
  } catch (error) {
    throw new UsageError(`The tagger model cannot be loaded (${(error as Error).message}); retrain it with npm run train, or run with --no-model.`);
  }
}

function checkFolders(inputDir: string, outputDir: string, stateDir: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(inputDir).isDirectory();
  } catch {
    // reported below
  }
  if (!isFolder) throw new UsageError(`The input folder ${inputDir} does not exist or is not a folder.`);
  try {
    mkdirSync(stateDir, { recursive: true });
    accessSync(outputDir, constants.W_OK);
  } catch (error) {
    throw new UsageError(`The output folder ${outputDir} cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
}

/** The previous run's extractions; none on a first run, and none (with a warning) when the file is missing after earlier runs or damaged. */
function openCache(path: string, version: string, ranBefore: boolean, warn: (message: string) => void): SpoolCache | undefined {
  try {
    return new SpoolCache(path, version);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      if (ranBefore) warn(`the extraction cache ${path} is missing; every article is extracted again`);
      return undefined;
    }
    if (!(error instanceof StaleSpoolError)) warn(`the extraction cache ${path} is damaged; every article is extracted again`);
    return undefined;
  }
}

/** The files the last run listed: from its spool, or from its articles.csv when the spool cannot be reused (another pipeline version, damage). */
function previousSourcePaths(cache: SpoolCache | undefined, outputDir: string): Set<string> {
  if (cache) return cache.sourcePaths;
  try {
    return new Set(parseCsv(readFileSync(join(outputDir, "articles.csv"), "utf8")).map((row) => row.source_path));
  } catch {
    return new Set(); // a first run
  }
}

interface ExtractionPass {
  resolver: CrossArticleResolver;
  articleRows: ArticleRow[];
  sourcePaths: Set<string>;
  counts: { extracted: number; reused: number; skipped: number };
}

/**
 * Reads the files in order, reuses or extracts each, and consumes the results in the same order
 * (workers may finish out of order): each goes to the spool, its row to the articles table and its
 * entities to cross-article resolution; its mentions stay on disk.
 */
async function extractAll(files: ListedFile[], cache: SpoolCache | undefined, pool: ExtractionPool, spool: SpoolWriter, jobs: number, progress: Progress): Promise<ExtractionPass> {
  const pass: ExtractionPass = { resolver: new CrossArticleResolver(), articleRows: [], sourcePaths: new Set(), counts: { extracted: 0, reused: 0, skipped: 0 } };
  const consume = ({ extraction, line, reused }: Extracted & { reused: boolean }) => {
    spool.append(line);
    pass.articleRows.push(articleRow(extraction));
    pass.sourcePaths.add(extraction.sourcePath);
    for (const entity of extraction.entities) pass.resolver.add(entity);
    pass.counts[extraction.status === "skipped" ? "skipped" : reused ? "reused" : "extracted"]++;
    progress.tick();
  };
  const queue: Promise<Extracted & { reused: boolean }>[] = [];
  for (const file of files) {
    queue.push(reuseOrExtract(file, cache, pool));
    if (queue.length >= jobs * IN_FLIGHT_PER_JOB) consume(await queue.shift()!);
  }
  while (queue.length > 0) consume(await queue.shift()!);
  spool.close();
  return pass;
}

async function reuseOrExtract(file: ListedFile, cache: SpoolCache | undefined, pool: ExtractionPool): Promise<Extracted & { reused: boolean }> {
  const article = readArticle(file);
  const cached = article.sha256 && !article.skipReason ? cache?.get(article.sha256) : undefined;
  // The same bytes under a .txt and a .html name are two different articles.
  if (cached && hasHtmlName(cached.extraction.sourcePath) === hasHtmlName(file.sourcePath)) return { ...reusedAs(cached, file), reused: true };
  if (article.skipReason) {
    const extraction = extractArticle(article, {});
    return { extraction, line: JSON.stringify(extraction), reused: false };
  }
  return { ...(await pool.extract(article)), reused: false };
}

/** A cached extraction under this file's name; its spool line is copied as it is when the name is the same. */
function reusedAs(cached: Extracted, file: ListedFile): Extracted {
  const { extraction } = cached;
  if (extraction.articleId === file.articleId && extraction.sourcePath === file.sourcePath) return cached;
  const renamed = { ...extraction, articleId: file.articleId, sourcePath: file.sourcePath };
  return { extraction: renamed, line: JSON.stringify(renamed) };
}

/** The mention rows, in article order, with their entity ids: read back from the spool. */
function* mentionRows(spoolPath: string, version: string, resolver: CrossArticleResolver, ids: string[]): Generator<{ row: MentionRow; group: number; extraction: ArticleExtraction }> {
  for (const extraction of readSpool(spoolPath, version)) {
    const groups = extraction.entities.map((entity) => resolver.groupOf(entity));
    for (const mention of extraction.mentions) {
      const group = groups[mention.localEntity];
      yield { row: mentionRow(extraction, mention, ids[group]), group, extraction };
    }
  }
}

/** Streams mentions.csv, counting on the way what the entities table says of each entity. */
function writeMentions(path: string, spoolPath: string, version: string, resolver: CrossArticleResolver, ids: string[]): { counts: EntityCounts[]; mentionCount: number } {
  const writer = new CsvFileWriter<MentionRow>(path, MENTION_COLUMNS);
  const counts: EntityCounts[] = ids.map(() => ({ mentionCount: 0, articleCount: 0, firstDate: "", lastDate: "" }));
  // The ordinal of the last article that mentioned each entity, not the article itself: holding it
  // kept a parsed extraction, mentions and sentences included, alive per entity until the end.
  const lastArticle = new Int32Array(ids.length).fill(-1);
  let article = -1;
  let previous: ArticleExtraction | undefined;
  let mentionCount = 0;
  for (const { row, group, extraction } of mentionRows(spoolPath, version, resolver, ids)) {
    writer.write(row);
    mentionCount++;
    if (extraction !== previous) [previous, article] = [extraction, article + 1];
    const entity = counts[group];
    entity.mentionCount++;
    if (lastArticle[group] === article) continue;
    lastArticle[group] = article;
    entity.articleCount++;
    if (extraction.date && (!entity.firstDate || extraction.date < entity.firstDate)) entity.firstDate = extraction.date;
    if (extraction.date && extraction.date > entity.lastDate) entity.lastDate = extraction.date;
  }
  writer.close();
  return { counts, mentionCount };
}

/** Every retired id with the id that now names its entity. */
function redirectRows(registry: IdRegistry): { old_id: string; new_id: string }[] {
  const final = (id: string): string => (registry.redirects[id] ? final(registry.redirects[id]) : id);
  return Object.keys(registry.redirects).sort(compare).map((old_id) => ({ old_id, new_id: final(old_id) }));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const round = (x: number) => Math.round(x * 1000) / 1000;
