import { Worker } from "node:worker_threads";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/common/lexicons.js";
import type { Article } from "../src/types.js";
import { loadSharedModel } from "../src/5-extract/tagger/index.js";
import type { LinearModel } from "../src/5-extract/tagger/perceptron.js";
import type { Extracted } from "./article-extraction.js";
import type { StageTimes } from "./stage-times.js";
import { WORKER_YOUNG_GENERATION_MB } from "./heap-settings.js";
import type { NameFinding } from "./stage-options.js";

/**
 * Runs `extractRecord` over `jobs` threads: with one job in this thread, with more in up to as many
 * worker threads, each taking the next batches in order from one backlog as it gets through them.
 * One worker starts with the pool, the others when the run knows it has enough articles for them.
 *
 * This thread does not extract beside the workers. That was tried, with one worker fewer: at 20,000
 * articles with the tagger and 2 jobs, peak memory fell from 410-440 to 345-365 MB (one V8 heap
 * fewer), but runs took 11-19% more wall time and 17-20% more CPU. Extracting in the heap that also
 * holds the run's state, this thread ran about four times as many full garbage collections as a
 * worker (78-88 against 20-24 per run).
 *
 * With the tagger, this thread reads its model into shared memory as the first worker starts, and
 * posts it to each worker: a SharedArrayBuffer is shared, not copied. (The first worker used to read it and this
 * thread to relay it to the others, which waited about a second for it behind this thread's first
 * long loops.)
 */
export class ExtractionPool {
  /** Milliseconds per stage, summed over every thread. */
  readonly times: StageTimes = {};
  private readonly workers: Worker[] = [];
  private readonly inFlight: number[] = [];
  /** With one job, none: this thread extracts. */
  private readonly maxWorkers: number;
  /** The tagger's model, in shared memory, for each worker as it starts. */
  private readonly model: LinearModel | undefined;
  private readonly backlog: Request[] = [];
  private readonly pending = new Map<number, Pick<Request, "resolve" | "reject">>();
  private nextId = 0;
  /** Bytes of the articles asked for and not yet extracted (their files, read by the caller). */
  private pendingBytes = 0;
  private here: ExtractHere | "loading" | undefined;
  private tickScheduled = false;
  /** Set once the pool cannot extract (the model cannot be loaded): every request fails with it. */
  private failure: Error | undefined;

  /**
   * With more than one job, starts one worker, then reads the model (0.08-0.12 s here) while it
   * loads its modules; `useWorkers` starts the others. Throws ModelLoadError, the worker stopped,
   * when the model cannot be loaded.
   */
  constructor(
    jobs: number,
    private readonly names: NameFinding,
  ) {
    this.maxWorkers = jobs > 1 ? jobs : 0;
    if (this.maxWorkers === 0) return;
    this.startWorker();
    if (names === "rules") return;
    try {
      this.model = reportingModelErrors(loadSharedModel);
    } catch (error) {
      void this.close();
      throw error;
    }
    this.workers[0].postMessage({ model: this.model } satisfies ToWorker);
  }

  /**
   * Starts workers up to `count` (at most the pool's jobs; none with one job). Each costs about half
   * a second of CPU to start (modules, lexicons, cold code), which a small rerun does not win back.
   */
  useWorkers(count: number): void {
    while (this.workers.length < Math.min(count, this.maxWorkers)) this.startWorker();
    this.schedule();
  }

  extract(article: Article): Promise<Extracted> {
    if (this.failure) return Promise.reject(this.failure);
    const bytes = article.bytes?.length ?? 0;
    this.pendingBytes += bytes;
    const extracted = new Promise<Extracted>((resolve, reject) => {
      this.backlog.push({ id: this.nextId++, article, resolve, reject });
      this.schedule();
    });
    return extracted.finally(() => (this.pendingBytes -= bytes));
  }

  /** The size of the files of the articles waiting for extraction: callers bound it (a backlog of large HTML pages). */
  get bytesPending(): number {
    return this.pendingBytes;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  /** Handles the requests of the current event in one go, after it: workers get whole batches. */
  private schedule(): void {
    if (this.tickScheduled || this.backlog.length === 0) return;
    this.tickScheduled = true;
    setImmediate(() => this.tick());
  }

  private tick(): void {
    this.tickScheduled = false;
    if (this.workers.length > 0) return this.feedWorkers();
    if (this.here === undefined) return this.loadHere();
    if (this.here === "loading") return;
    const here = this.here;
    const slice = this.backlog.splice(0, HERE_SLICE);
    let done = 0;
    try {
      for (; done < slice.length; done++) slice[done].resolve(here(slice[done].article, this.times));
    } catch (error) {
      for (const request of slice.slice(done)) request.reject(error as Error);
      this.failAll(error as Error);
    }
    this.schedule();
  }

  /** Fills every worker's queue, in batches. */
  private feedWorkers(): void {
    this.workers.forEach((worker, w) => {
      while (this.inFlight[w] < WORKER_QUEUE && this.backlog.length > 0) {
        const requests = this.backlog.splice(0, Math.min(BATCH, WORKER_QUEUE - this.inFlight[w]));
        this.inFlight[w] += requests.length;
        const transfer: ArrayBuffer[] = [];
        const messages = requests.map(({ id, article, resolve, reject }) => {
          this.pending.set(id, { resolve, reject });
          // Handed over when the buffer owns its memory (a file read whole); copied when it lies in Node's shared pool of small buffers.
          const bytes = article.bytes && (ownsItsMemory(article.bytes) ? article.bytes : new Uint8Array(article.bytes));
          if (bytes) transfer.push(bytes.buffer as ArrayBuffer);
          return { id, article: { ...article, bytes: bytes as Buffer | undefined } };
        });
        worker.postMessage(messages satisfies ToWorker, transfer);
      }
    });
  }

  /** Loaded only to extract in this thread: with workers it never extracts, and loading the stages (lexicons, language profiles) was a tenth of a rerun. */
  private loadHere(): void {
    this.here = "loading";
    Promise.all([import("./extract-article.js"), import("./stage-options.js")])
      .then(([{ extractRecord }, { stageOptions }]) => {
        const options = reportingModelErrors(() => stageOptions({ names: this.names }));
        this.here = (article, times) => fromJson(extractRecord(article, options, times));
        this.schedule();
      })
      .catch((error: Error) => this.failAll(error));
  }

  /** A worker, posted the model when the pool has it. */
  private startWorker(): void {
    const w = this.workers.length;
    const worker = new Worker(WORKER_FILE, { workerData: this.names, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    worker.on("message", (message: FromWorker) => this.receive(w, message));
    worker.on("error", (error) => this.failAll(error));
    if (this.model) worker.postMessage({ model: this.model } satisfies ToWorker);
    this.workers.push(worker);
    this.inFlight.push(0);
  }

  private receive(w: number, { results, times }: FromWorker): void {
    this.inFlight[w] -= results.length;
    for (const [stage, ms] of Object.entries(times)) this.times[stage] = (this.times[stage] ?? 0) + ms;
    for (const result of results) {
      this.pending.get(result.id)?.resolve(fromJson(result));
      this.pending.delete(result.id);
    }
    this.schedule();
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    for (const request of [...this.pending.values(), ...this.backlog.splice(0)]) request.reject(error);
    this.pending.clear();
  }
}

/**
 * Whether the bytes are all of their memory, which can then be transferred to a worker instead of
 * copied: `readWithinLimit` (src/1-read/read-file.ts) reads a file of 4 kB or more into a buffer
 * of its own, and smaller ones into slices of Node's shared pool.
 */
const ownsItsMemory = (bytes: Uint8Array) => bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;

/**
 * The record as read back from its JSON, which a worker sends (cloning the object as well cost
 * this thread as much again) and the index needs anyway. Made from its JSON with one job too: the
 * record extracted in this thread holds slices of the article's text, which cross-article
 * resolution would keep (50,000 articles: 18 MB of whole articles kept for their entities' names).
 */
function fromJson({ json, rows }: Pick<Extracted, "json" | "rows">): Extracted {
  return { record: JSON.parse(json) as Extracted["record"], json, rows };
}

/** What `build` gives (the model, or the stage options that load it), a model that cannot be loaded reported as such. */
function reportingModelErrors<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    throw new ModelLoadError((error as Error).message);
  }
}

/** The tagger's model cannot be loaded (missing, damaged, or made for other features). */
export class ModelLoadError extends Error {}

/** The compiled worker (tests that run the sources still use the build that `npm test` makes first). */
const WORKER_FILE = join(PROJECT_ROOT, "dist", "pipeline", "worker.js");
/** Articles per message: one message per article cost the main thread more than reading the files. */
const BATCH = 16;
/** Articles queued per worker: enough to cover this thread's pauses (reusing files, writing the state). */
const WORKER_QUEUE = 8 * BATCH;
/** Articles this thread extracts, with one job, before it turns to other events. */
const HERE_SLICE = 4;

type ExtractHere = (article: Article, times: StageTimes) => Extracted;

interface Request {
  id: number;
  article: Article;
  resolve: (extracted: Extracted) => void;
  reject: (error: Error) => void;
}

/** What a worker receives and sends back (see worker.ts). */
export interface WorkerRequest {
  id: number;
  article: Article;
}
/** Batches of requests; with the tagger, first of all its model, in shared memory. */
export type ToWorker = WorkerRequest[] | { model: LinearModel };
interface FromWorker {
  results: WorkerResult[];
  times: StageTimes;
}
export interface WorkerResult {
  id: number;
  json: string;
  rows: Extracted["rows"];
}
