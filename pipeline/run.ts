import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { listSourceFiles, type ListedFile } from "../src/1-read/list-files.js";
import { fileStamp, readArticle } from "../src/1-read/read-file.js";
import { temporaryPathFor, writeFileDurable } from "../src/common/atomic-write.js";
import { CrossArticleResolver, type ResolverState } from "../src/6-resolve/across-articles.js";
import { assignEntityIds, type IdRegistry } from "../src/6-resolve/entity-ids.js";
import { ArticlesTable } from "../src/7-write/articles-table.js";
import { parseCsv, toCsv } from "../src/7-write/csv.js";
import { countMentions, MentionPlan, writeMentionsTable, type RowsPlace } from "../src/7-write/mentions-table.js";
import { ENTITY_COLUMNS, entityRow } from "../src/7-write/rows.js";
import type { ArticleRecord } from "../src/types.js";
import { skippedRecord, type Extracted } from "./article-extraction.js";
import { writeExtraFormats, type OutputFormat } from "./formats.js";
import { ExtractionPool, ModelLoadError } from "./pool.js";
import type { NameFinding } from "./stage-options.js";
import { Progress } from "./progress.js";
import { timed } from "./stage-times.js";
import { indexLine, IndexWriter, PreviousIndex, StaleStateError, type IndexEntry, type IndexLine, type Stamp } from "./state/article-index.js";
import { commitFiles, recoverCommit, type AppendedFile, type StagedFile } from "./state/commit.js";
import { acquireLock } from "./state/lock.js";
import { DamagedStateError, MentionRowsFile } from "./state/mention-rows-file.js";
import { loadRegistry } from "./state/registry-file.js";
import { extendsSnapshot, readRunSnapshot, StampDigests, tableStamp, writeRunSnapshot, type RunSnapshot } from "./state/run-snapshot.js";
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
const INDEX_FILE = "articles.jsonl";
const ROWS_FILE = "mention-rows.dat";
const REGISTRY_FILE = "entity-ids.json";
const SNAPSHOT_FILE = "run-snapshot.dat";
/** The state of earlier pipeline versions (one JSON line per extraction): never reused, removed by the next run. */
const LEGACY_STATE_FILES = ["extractions.jsonl"];
/**
 * Articles waiting, per job, for extraction or for their turn to be consumed in order. Requests
 * are paths and results a few kilobytes; with 16, the workers ran dry whenever this thread was
 * busy (20,000 articles without the model, 2 jobs: 18.6 s; with 128: 12.8 s).
 */
const IN_FLIGHT_PER_JOB = 128;
/**
 * Bytes of read files waiting for extraction beyond which this thread reads no further ahead: 256
 * news articles in plain text are under a megabyte, but as many saved web pages can be a hundred.
 */
const MAX_BYTES_IN_FLIGHT = 32 * 1024 * 1024;
/**
 * A rerun that appends at most this many articles extracts them on one worker: starting another
 * costs more than it saves. Reruns of 20,000 articles with the tagger, 2 jobs, one worker against
 * two: 200 new articles 1.79-1.82 s against 2.28-2.38 s; 1,000 new 3.33-3.38 s against 3.46 s.
 */
const FEW_ARTICLES = 1000;

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
  checkFolders(inputDir, outputDir, stateDir);
  const release = acquireLock(outputDir, warn);
  try {
    recoverCommit(outputDir, [outputDir, stateDir]);
    const run: Run = { ...options, inputDir, outputDir, stateDir, warn, names, started, jobs: Math.max(1, options.jobs ?? 1) };
    try {
      return await runOnce(run, true);
    } catch (error) {
      if (error instanceof ModelLoadError) throw new UsageError(`The tagger model cannot be loaded (${error.message}); retrain it with npm run train, or run with --no-model.`);
      if (!(error instanceof DamagedStateError)) throw error;
      warn(`${error.message}; every article is extracted again`);
      return await runOnce(run, false);
    }
  } finally {
    release();
  }
}

interface Run extends RunOptions {
  stateDir: string;
  warn: (message: string) => void;
  names: NameFinding;
  started: number;
  jobs: number;
}

/** The run itself, reusing the previous run's state when `reuse` is set and the state is sound. */
async function runOnce(run: Run, reuse: boolean): Promise<RunSummary> {
  const { inputDir, outputDir, stateDir } = run;
  // What must be closed however the run ends.
  const opened: { previous?: PreviousIndex; rowsFile?: MentionRowsFile; articles?: ArticlesTable; pool?: ExtractionPool } = {};
  try {
    // The workers start first (the pool posts them the model): they load the lexicons while this thread lists the files.
    const pool = (opened.pool = new ExtractionPool(run.jobs, run.names));
    const files = listSourceFiles(inputDir, outputDir);
    const version = pipelineVersion(run.names);
    const paths = statePaths(outputDir, stateDir);
    const inFlight = run.jobs * IN_FLIGHT_PER_JOB;
    const { snapshot, previous, early } = await chooseWay(run, reuse, { files, paths, version, pool, inFlight });
    opened.previous = previous;
    // With a snapshot, the files it holds are not gone through again: only those after them are.
    const known = snapshot?.files.sourcePaths.length ?? 0;
    const added = files.slice(known);
    const rowsFile = (opened.rowsFile = new MentionRowsFile(paths.rows, snapshot?.rows ?? (previous && { token: previous.header.rowsToken, end: previous.rowsEnd, live: previous.rowsLive })));
    const indexPath = temporaryPathFor(paths.index);
    const articlesPath = temporaryPathFor(paths.articles);
    const articles = (opened.articles = new ArticlesTable(articlesPath, !snapshot));
    const progress = new Progress(files.length, run.progress ?? false);
    const index = new IndexWriter(indexPath, snapshot ? undefined : { index: 2, version, rowsToken: rowsFile.token });
    const pass = await extractAll(added, early, snapshot ? restoredPass(snapshot) : newPass(), { previous, pool, rowsFile, index, articles, inFlight, progress });
    progress.stop();
    previous?.close();
    rowsFile.finishWriting();
    // The workers' memory is given back before the tables are written.
    await pool.close();
    const stageSeconds = Object.fromEntries(Object.entries(pool.times).map(([name, ms]) => [name, round(ms / 1000)]));
    return await publish(run, { files, known, snapshot, previous, pass, rowsFile, articles, indexPath, articlesPath, version, paths, stageSeconds });
  } finally {
    opened.previous?.close();
    opened.rowsFile?.close();
    opened.articles?.close();
    await opened.pool?.close();
  }
}

/** What going through the files left for publishing: the pass, and where the state and tables are being written. */
interface Gathered {
  files: ListedFile[];
  /** The files the snapshot held, not gone through again (0 without one). */
  known: number;
  snapshot: RunSnapshot | undefined;
  previous: PreviousIndex | undefined;
  pass: ExtractionPass;
  rowsFile: MentionRowsFile;
  articles: ArticlesTable;
  indexPath: string;
  articlesPath: string;
  version: string;
  paths: StatePaths;
  stageSeconds: Record<string, number>;
}

/**
 * Resolves entities and their ids, writes the tables, run.json and the state to temporary files
 * (or the rows to append, with a snapshot), commits them as one set, then leaves the snapshot.
 */
async function publish(run: Run, { files, known, snapshot, previous, pass, rowsFile, articles, indexPath, articlesPath, version, paths, stageSeconds }: Gathered): Promise<RunSummary> {
  const { outputDir, stateDir, warn } = run;
  // Taken before finish(), which links lone surnames into the state; as JSON at once (see RunSnapshot.resolver).
  const resolverState = JSON.stringify(pass.resolver.state());
  const groups = pass.resolver.finish();
  const previousRegistry = loadRegistry(paths.registry, outputDir, warn);
  const { ids, registry } = assignEntityIds(groups, previousRegistry);
  // Appended to the published files when the snapshot's articles keep their rows; else written whole.
  const staged: (StagedFile | AppendedFile)[] = [];
  const stage = (target: string, at?: number, temporary = temporaryPathFor(target)) => {
    staged.push(at === undefined ? { temporary, target } : { temporary, target, at });
    return temporary;
  };
  const appendAt = (target: string) => (snapshot ? statSync(target).size : undefined);
  stage(paths.index, appendAt(paths.index), indexPath);
  stage(paths.articles, appendAt(paths.articles), articlesPath);
  if (rowsFile.temporary) staged.push({ temporary: rowsFile.temporary, target: paths.rows });
  const keepMentions = snapshot !== undefined && idsKept(pass.resolver, pass.restoredNodes, previousRegistry, ids);
  const mentionsPath = stage(paths.mentions, keepMentions ? appendAt(paths.mentions) : undefined);
  const groupOfNode = (node: number) => pass.resolver.groupOfNode(node);
  writeMentionsTable(mentionsPath, pass.plan, { readRows: (rows) => rowsFile.read(rows), groupOfNode, ids }, keepMentions ? known : 0);
  const counts = countMentions(pass.plan, groupOfNode, groups.length);
  const entityRows = groups.map((group, i) => entityRow(group, ids[i], counts[i])).sort((a, b) => compare(a.entity_id, b.entity_id));
  articles.finish(byArticleId(files.slice(known)));
  writeFileDurable(stage(join(outputDir, "entities.csv")), toCsv(ENTITY_COLUMNS, entityRows));
  writeFileDurable(stage(join(outputDir, "entity_redirects.csv")), toCsv(["old_id", "new_id"], redirectRows(registry)));
  writeFileDurable(stage(paths.registry), JSON.stringify(registry));
  const formats = run.formats ?? ["csv", "xlsx", "html"];
  await writeExtraFormats(formats, outputDir, stage, {
    articlesPaths: snapshot ? [paths.articles, articlesPath] : [articlesPath],
    entities: entityRows,
    mentionsPaths: keepMentions ? [paths.mentions, mentionsPath] : [mentionsPath],
  }, files);

  const summary: RunSummary = {
    articles: { ...pass.counts, removed: snapshot ? 0 : removedCount(previousSourcePaths(previous, outputDir), files) },
    mentions: pass.plan.mentionCount,
    entities: entityRows.length,
    seconds: round((performance.now() - run.started) / 1000),
    stageSeconds,
    peakRssMb: peakMemoryMb(),
  };
  writeFileDurable(stage(join(outputDir, "run.json")), JSON.stringify(summary, null, 2) + "\n");
  commitFiles(outputDir, staged);
  for (const name of LEGACY_STATE_FILES) rmSync(join(stateDir, name), { force: true });
  leaveSnapshot(paths, version, files, pass, resolverState, rowsFile.token);
  return summary;
}

interface StatePaths {
  index: string;
  rows: string;
  registry: string;
  snapshot: string;
  articles: string;
  mentions: string;
}

function statePaths(outputDir: string, stateDir: string): StatePaths {
  return {
    index: join(stateDir, INDEX_FILE),
    rows: join(stateDir, ROWS_FILE),
    registry: join(stateDir, REGISTRY_FILE),
    snapshot: join(stateDir, SNAPSHOT_FILE),
    articles: join(outputDir, "articles.csv"),
    mentions: join(outputDir, "mentions.csv"),
  };
}

/** How a run goes through the files: appending to the last run's snapshot, or the ordinary way, with the previous index when there is one. */
interface Way {
  snapshot?: RunSnapshot;
  previous?: PreviousIndex;
  /** The files whose extraction started already. */
  early: Map<ListedFile, Promise<Place>>;
}

/**
 * Files the previous run did not see are extracted whichever way the run takes: they are sent to
 * the workers before the others are checked (with a snapshot) or the previous index is opened.
 */
async function chooseWay(run: Run, reuse: boolean, { files, paths, version, pool, inFlight }: { files: ListedFile[]; paths: StatePaths; version: string; pool: ExtractionPool; inFlight: number }): Promise<Way> {
  const early = new Map<ListedFile, Promise<Place>>();
  const lastSnapshot = reuse ? readRunSnapshot(paths.snapshot, version) : undefined;
  if (lastSnapshot) {
    const unseen = unseenBy(files, new Set(lastSnapshot.files.sourcePaths));
    pool.useWorkers(unseen.length > FEW_ARTICLES ? run.jobs : 1);
    await startFirst(unseen, early, pool, inFlight);
    if (appendsTo(lastSnapshot, files, paths)) return { snapshot: lastSnapshot, early };
  }
  pool.useWorkers(run.jobs);
  const previous = reuse ? openPreviousIndex(run.stateDir, version, existsSync(join(run.outputDir, "run.json")), run.warn) : undefined;
  if (previous && !lastSnapshot) await startFirst(unseenBy(files, new Set(previous.sourcePaths)), early, pool, inFlight);
  return { previous, early };
}

/** Writes what the next run needs to append to this one, stamped with the files it appends to as they are now. */
function leaveSnapshot(paths: StatePaths, version: string, files: ListedFile[], pass: ExtractionPass, resolver: string, rowsToken: string): void {
  writeRunSnapshot(paths.snapshot, {
    version,
    files: { sourcePaths: files.map((f) => f.sourcePath), articleIds: files.map((f) => f.articleId), stamps: pass.stamps, skipReasons: files.map((f) => f.skipReason ?? "") },
    skipped: pass.counts.skipped,
    rows: { token: rowsToken, end: pass.rowsEnd, live: pass.rowsLive },
    appendedFiles: Object.fromEntries([paths.index, paths.articles, paths.mentions].map((path) => [path, tableStamp(path)])),
    resolver,
    plan: pass.plan.state(),
  });
}

/** Whether this run only adds files after those of the previous run's snapshot, and can append to its state and tables. */
function appendsTo(snapshot: RunSnapshot, files: ListedFile[], paths: StatePaths): boolean {
  return MentionRowsFile.isAppendable(paths.rows, snapshot.rows) && extendsSnapshot(files, snapshot, (file) => fileStamp(file.absolutePath));
}

const unseenBy = (files: ListedFile[], seen: Set<string>) => files.filter((file) => !seen.has(file.sourcePath));

/**
 * Starts extracting the first `files` (up to the in-flight budget) and lets the pool send them
 * before this thread goes on: in a rerun the new files tend to come last (their names carry later
 * dates or numbers), and the workers would otherwise wait for this thread to go through every
 * other file first.
 */
async function startFirst(files: ListedFile[], early: Map<ListedFile, Promise<Place>>, pool: ExtractionPool, inFlight: number): Promise<void> {
  for (const file of files.slice(0, inFlight)) early.set(file, awaitedLater(reuseOrExtract(file, undefined, pool)));
  await nextEvent();
}

/** Whether every node the snapshot's articles use keeps the id it had: their rows of mentions.csv are then unchanged. */
function idsKept(resolver: CrossArticleResolver, knownNodes: number, previous: IdRegistry, ids: readonly string[]): boolean {
  for (let node = 0; node < knownNodes; node++) {
    if (previous.idOfKey[resolver.keyOfNodeAt(node)] !== ids[resolver.groupOfNode(node)]) return false;
  }
  return true;
}

/**
 * The run's peak resident memory, in MB. Linux carries a process's peak over exec (ru_maxrss, which
 * process.resourceUsage reads), so a run started by a large process reported that process's size
 * when it forked: the bench's reruns without the model reported 318 MB, and 163 MB after this. VmHWM
 * in /proc counts this program's own pages (every thread's); elsewhere ru_maxrss is all there is.
 */
function peakMemoryMb(): number {
  let status = "";
  try {
    status = readFileSync("/proc/self/status", "utf8");
  } catch {
    // not Linux
  }
  const kilobytes = /^VmHWM:\s*(\d+) kB$/m.exec(status)?.[1];
  return Math.round((kilobytes ? Number(kilobytes) : process.resourceUsage().maxRSS) / 1024);
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

/**
 * The previous run's index, with its rows file checked to hold what the index points to. None on a
 * first run, and none (with a warning) when either is missing after earlier runs or damaged.
 */
function openPreviousIndex(stateDir: string, version: string, ranBefore: boolean, warn: (message: string) => void): PreviousIndex | undefined {
  const path = join(stateDir, INDEX_FILE);
  let index: PreviousIndex;
  try {
    index = new PreviousIndex(path, version);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      const olderVersion = LEGACY_STATE_FILES.some((name) => existsSync(join(stateDir, name)));
      if (ranBefore && !olderVersion) warn(`the extraction cache ${path} is missing; every article is extracted again`);
    } else if (!(error instanceof StaleStateError)) warn(`the extraction cache ${path} is damaged; every article is extracted again`);
    return undefined;
  }
  const rowsPath = join(stateDir, ROWS_FILE);
  if (!MentionRowsFile.isUsable(rowsPath, { token: index.header.rowsToken, end: index.rowsEnd, live: index.rowsLive })) {
    warn(`the extraction cache ${rowsPath} is missing or damaged; every article is extracted again`);
    index.close();
    return undefined;
  }
  return index;
}

/** The files the last run listed: from its index, or from its articles.csv when the index cannot be reused (another pipeline version, damage). */
function previousSourcePaths(previous: PreviousIndex | undefined, outputDir: string): Iterable<string> {
  if (previous) return previous.sourcePaths;
  try {
    return new Set(parseCsv(readFileSync(join(outputDir, "articles.csv"), "utf8")).map((row) => row.source_path));
  } catch {
    return new Set(); // a first run
  }
}

/** What going through the files gathers, from the first file or from a snapshot's. */
interface ExtractionPass {
  resolver: CrossArticleResolver;
  plan: MentionPlan;
  counts: { extracted: number; reused: number; skipped: number };
  /** Per file, the stamp its index line carries. */
  stamps: StampDigests;
  /** The end of the last rows the index points to, and the bytes it points to in all. */
  rowsEnd: number;
  rowsLive: number;
  /** The resolver's nodes that came from a snapshot. */
  restoredNodes: number;
}

const newPass = (): ExtractionPass => ({ resolver: new CrossArticleResolver(), plan: new MentionPlan(), counts: { extracted: 0, reused: 0, skipped: 0 }, stamps: new StampDigests(), rowsEnd: 0, rowsLive: 0, restoredNodes: 0 });

function restoredPass({ resolver: state, plan, files, skipped, rows }: RunSnapshot): ExtractionPass {
  const resolver = CrossArticleResolver.fromState(JSON.parse(state) as ResolverState);
  return {
    resolver,
    plan: MentionPlan.fromState(plan),
    counts: { extracted: 0, reused: files.sourcePaths.length - skipped, skipped },
    stamps: files.stamps,
    rowsEnd: rows.end,
    rowsLive: rows.live,
    restoredNodes: resolver.nodeCount,
  };
}

/** Where extraction reads the previous run from and writes this run's state to. */
interface ExtractionContext {
  previous: PreviousIndex | undefined;
  pool: ExtractionPool;
  rowsFile: MentionRowsFile;
  index: IndexWriter;
  articles: ArticlesTable;
  inFlight: number;
  progress: Progress;
}

/** An article's record in this run's state: where its rows are and its line in the index. */
interface Placed {
  record: ArticleRecord;
  rows: RowsPlace;
  line: string;
  reused: boolean;
  stamp: Stamp;
}

/** What places a file's record once its turn comes: its rows, when new, go to the end of the rows file then. */
type Place = (rowsFile: MentionRowsFile) => Placed;

/**
 * Reads the files in order, reuses or extracts each (those in `early` were started already), and
 * consumes the results in the same order (workers may finish out of order): each goes to the
 * index, its row to the articles table, its entities to cross-article resolution and what its
 * mentions need to the mention plan; the mention rows themselves stay on disk.
 */
async function extractAll(files: ListedFile[], early: Map<ListedFile, Promise<Place>>, pass: ExtractionPass, context: ExtractionContext): Promise<ExtractionPass> {
  const consume = ({ record, rows, line, reused, stamp }: Placed) => {
    context.index.append(line);
    context.articles.add(record.row);
    pass.plan.add(record, record.entities.map((entity) => pass.resolver.add(entity)), rows);
    pass.counts[record.status === "skipped" ? "skipped" : reused ? "reused" : "extracted"]++;
    pass.stamps.add(stamp);
    pass.rowsEnd = Math.max(pass.rowsEnd, rows[0] + rows[1]);
    pass.rowsLive += rows[1];
    context.progress.tick();
  };
  const { inFlight, rowsFile } = context;
  try {
    // Placed in article order, so that the state is the same whatever the number of jobs.
    const queue: Promise<Place>[] = [];
    for (const [i, file] of files.entries()) {
      if (i % YIELD_EVERY === 0) await nextEvent();
      const started = early.get(file);
      // Taken out, so that the map does not hold its result once consumed.
      early.delete(file);
      queue.push(started ?? awaitedLater(reuseOrExtract(file, context.previous, context.pool)));
      while (queue.length >= inFlight || (queue.length > 0 && context.pool.bytesPending > MAX_BYTES_IN_FLIGHT)) consume((await queue.shift()!)(rowsFile));
    }
    while (queue.length > 0) consume((await queue.shift()!)(rowsFile));
  } finally {
    context.index.close();
  }
  return pass;
}

/**
 * Lets the event loop run: reusing a file resolves at once, so the loop above otherwise never
 * yields to the events that send requests to the workers and take their results (pool.ts
 * batches them in `setImmediate`). In a rerun of 20,000 + 200 articles the new articles, though
 * requested first, reached the workers only after every reused file had been placed.
 */
const nextEvent = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Files placed between two turns of the event loop. */
const YIELD_EVERY = 256;

/**
 * The promise, marked as handled: when extraction cannot go on (a model that cannot be loaded),
 * every request fails at once; the first one awaited reports it, and the others must not end the
 * process as unhandled rejections before they are.
 */
function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * A file's record, to be placed in this run's state: the previous run's when the file is unchanged
 * (same stamp: not even read; else same content hash), a new extraction otherwise. The stamp is
 * taken before the file is read, so that a change during the run is seen next time.
 */
async function reuseOrExtract(file: ListedFile, previous: PreviousIndex | undefined, pool: ExtractionPool): Promise<Place> {
  const stamp = file.skipReason ? "" : fileStamp(file.absolutePath);
  const earlier = previous?.entry(file.sourcePath);
  const unchanged = earlier && stamp && earlier.stamp === stamp ? previousLine(previous!, earlier, file) : undefined;
  if (unchanged) return (rowsFile) => placeReused(unchanged, earlier!, stamp, rowsFile);
  const article = readTimed(file, pool);
  const same = earlier && article.sha256 && !article.skipReason && earlier.sha256 === article.sha256 ? previousLine(previous!, earlier, file) : undefined;
  if (same) return (rowsFile) => placeReused(same, earlier!, stamp, rowsFile);
  return placeExtracted(article.skipReason ? skippedRecord(article) : await pool.extract(article), stamp);
}

/**
 * Stage 1 in this thread, timed as the pool's "read". The workers then never wait on the disk: read
 * by the worker extracting it, a file not in the page cache kept that worker idle (20,000 articles
 * after dropping the cache: "read" 8.7-12.9 s of the workers' time), while this thread, idle most
 * of a full run, reads the files up to 128 per job ahead of them.
 */
const readTimed = (file: ListedFile, pool: ExtractionPool) => timed("read", pool.times, () => readArticle(file));

/** The previous run's line of a file; undefined when it is damaged or the file's id changed. */
function previousLine(previous: PreviousIndex, entry: IndexEntry, file: ListedFile): IndexLine | undefined {
  const found = previous.read(entry);
  return found && found.record.articleId === file.articleId ? found : undefined;
}

/** A reused record under this run's stamp, its line copied as it is when nothing about it changed. */
function placeReused({ record, json, line }: IndexLine, entry: IndexEntry, stamp: Stamp, rowsFile: MentionRowsFile): Placed {
  const rows = rowsFile.carry(entry.rows);
  const same = entry.stamp === stamp && rows === entry.rows;
  return { record, rows, line: same ? line : indexLine(record, json, stamp, rows), reused: true, stamp };
}

/** A new extraction, to be placed with its rows appended to the rows file (a file that could not be read gets no stamp). */
function placeExtracted({ record, json, rows }: Extracted, stamp: Stamp): Place {
  return (rowsFile) => {
    const place = rowsFile.append(rows);
    const kept = record.sha256 ? stamp : "";
    return { record, rows: place, line: indexLine(record, json, kept, place), reused: false, stamp: kept };
  };
}

/** The files' indices in article id order (files are listed in path order, which can differ: `a-b.txt` sorts before `a.txt`, `a` before `a-b`). */
function byArticleId(files: ListedFile[]): number[] {
  return files.map((_, i) => i).sort((a, b) => compare(files[a].articleId, files[b].articleId));
}

function removedCount(previousPaths: Iterable<string>, files: ListedFile[]): number {
  const current = new Set(files.map((file) => file.sourcePath));
  let removed = 0;
  for (const path of previousPaths) if (!current.has(path)) removed++;
  return removed;
}

/** Every retired id with the id that now names its entity. */
function redirectRows(registry: IdRegistry): { old_id: string; new_id: string }[] {
  const final = (id: string): string => (registry.redirects[id] ? final(registry.redirects[id]) : id);
  return Object.keys(registry.redirects).sort(compare).map((old_id) => ({ old_id, new_id: final(old_id) }));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const round = (x: number) => Math.round(x * 1000) / 1000;
