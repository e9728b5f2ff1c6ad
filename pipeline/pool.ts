import { Worker } from "node:worker_threads";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/common/lexicons.js";
import type { Article } from "../src/types.js";
import type { LinearModel } from "../src/5-extract/tagger/perceptron.js";
import type { Extracted } from "./article-extraction.js";
import type { StageTimes } from "./extract-article.js";
import type { NameFinding } from "./stage-options.js";
import type { StageOptions } from "./stages.js";

/**
 * Runs `extractRecord` over `jobs` threads: `jobs - 1` worker threads, and this one. This thread
 * extracts only once the run has shown it has many articles to extract (`expect`, or the
 * requests themselves): it also lists, reuses and consumes the articles, and loading the stages
 * here costs it most of a second, which a rerun with a few new articles would wait for. With one
 * job, there are no workers and this thread extracts everything.
 *
 * Every thread takes the next articles in order from one backlog, as fast as it gets through them:
 * workers a few batches ahead, this thread a few articles at a time between the other events.
 * A thread fewer than one worker per job spares a heap of about 75 MB (lexicons, caches and their
 * garbage): at 20,000 articles with the tagger, 2 jobs peaked at 432 MB with two workers.
 */
export class ExtractionPool {
  /** Milliseconds per stage, summed over every thread. */
  readonly times: StageTimes = {};
  private readonly workers: Worker[];
  private readonly inFlight: number[];
  private readonly backlog: Request[] = [];
  private readonly pending = new Map<number, Pick<Request, "resolve" | "reject">>();
  private nextId = 0;
  private requested = 0;
  private expected = 0;
  /** The shared weights, once the first worker has read them. */
  private model: LinearModel | undefined;
  private here: ExtractHere | "loading" | undefined;
  private tickScheduled = false;
  /** Set once the pool cannot extract (the model cannot be loaded): every request fails with it. */
  private failure: Error | undefined;
  private extractedInThisThread = 0;

  /** `joinAfter`: articles to extract from which this thread joins the workers. */
  constructor(
    jobs: number,
    private readonly names: NameFinding,
    private readonly joinAfter = JOIN_AFTER,
  ) {
    const settings = (w: number): WorkerSettings => ({ names, model: names === "rules" ? undefined : w === 0 ? "load" : "wait" });
    this.workers = Array.from({ length: jobs - 1 }, (_, w) => new Worker(WORKER_FILE, { workerData: settings(w) }));
    this.inFlight = this.workers.map(() => 0);
    this.workers.forEach((worker, w) => {
      worker.on("message", (message: FromWorker) => this.receive(w, message));
      worker.on("error", (error) => this.failAll(error));
    });
  }

  /** Says that about `count` more articles will be asked for: this thread joins at once when they are many. */
  expect(count: number): void {
    this.expected += count;
    this.schedule();
  }

  extract(article: Article): Promise<Extracted> {
    if (this.failure) return Promise.reject(this.failure);
    this.requested++;
    return new Promise((resolve, reject) => {
      this.backlog.push({ id: this.nextId++, article, resolve, reject });
      this.schedule();
    });
  }

  /** Articles extracted in this thread so far. */
  get extractedHere(): number {
    return this.extractedInThisThread;
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
    this.feedWorkers();
    if (this.backlog.length === 0 || !this.extractsHere()) return;
    const here = this.here as ExtractHere;
    const slice = this.backlog.splice(0, HERE_SLICE);
    let done = 0;
    try {
      for (; done < slice.length; done++) slice[done].resolve(here(slice[done].article, this.times));
      this.extractedInThisThread += done;
    } catch (error) {
      for (const request of slice.slice(done)) request.reject(error as Error);
      this.failAll(error as Error);
    }
    this.schedule();
  }

  /** Fills every worker's queue: long while this thread does not extract, a few batches once it does. */
  private feedWorkers(): void {
    const window = typeof this.here === "function" ? JOINED_WINDOW : ALONE_WINDOW;
    this.workers.forEach((worker, w) => {
      while (this.inFlight[w] < window && this.backlog.length > 0) {
        const requests = this.backlog.splice(0, Math.min(BATCH, window - this.inFlight[w]));
        this.inFlight[w] += requests.length;
        const transfer: ArrayBuffer[] = [];
        const messages = requests.map(({ id, article, resolve, reject }) => {
          this.pending.set(id, { resolve, reject });
          // A copy that owns its memory: file buffers share a pool that must not be transferred.
          const bytes = article.bytes ? new Uint8Array(article.bytes) : undefined;
          if (bytes) transfer.push(bytes.buffer);
          return { id, article: { ...article, bytes: bytes as Buffer | undefined } };
        });
        worker.postMessage(messages satisfies ToWorker, transfer);
      }
    });
  }

  /** Whether this thread extracts now; starts loading its stages when the time has come. */
  private extractsHere(): boolean {
    if (this.here === undefined && this.shouldJoin()) this.loadHere();
    return typeof this.here === "function";
  }

  private shouldJoin(): boolean {
    if (this.workers.length === 0) return true;
    const many = Math.max(this.requested, this.expected) >= this.joinAfter;
    return many && (this.names === "rules" || this.model !== undefined);
  }

  /** Loaded only to extract in this thread: a rerun with little to extract never loads the stages here. */
  private loadHere(): void {
    this.here = "loading";
    const model = this.model;
    Promise.all([import("./extract-article.js"), import("./stage-options.js")])
      .then(([{ extractRecord, warmUp }, { stageOptions }]) => {
        // Building the stages holds this thread up to half a second: the workers' queues are filled first.
        this.feedWorkers();
        const options = buildOptions(() => stageOptions({ names: this.names, model }));
        warmUp(options);
        this.here = (article, times) => fromJson(extractRecord(article, options, times));
        this.schedule();
      })
      .catch((error: Error) => this.failAll(error));
  }

  private receive(w: number, message: FromWorker): void {
    if ("model" in message) {
      this.model = message.model;
      this.workers.slice(1).forEach((other) => other.postMessage({ model: message.model } satisfies ToWorker));
    } else if ("modelError" in message) {
      this.failAll(new ModelLoadError(message.modelError));
    } else {
      const { results, times } = message;
      this.inFlight[w] -= results.length;
      for (const [stage, ms] of Object.entries(times)) this.times[stage] = (this.times[stage] ?? 0) + ms;
      for (const result of results) {
        this.pending.get(result.id)?.resolve(fromJson(result));
        this.pending.delete(result.id);
      }
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
 * The record as read back from its JSON, which a worker sends (cloning the object as well cost
 * this thread as much again) and the index needs anyway. Made from its JSON here too: the record
 * extracted in this thread holds slices of the article's text, which cross-article resolution
 * would keep (50,000 articles: 18 MB of whole articles kept for their entities' names).
 */
function fromJson({ json, rows }: Pick<Extracted, "json" | "rows">): Extracted {
  return { record: JSON.parse(json) as Extracted["record"], json, rows };
}

/** The stage options, a model that cannot be loaded reported as such. */
function buildOptions(build: () => StageOptions): StageOptions {
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
/** Articles in a worker's queue while this thread does not extract: enough to cover its pauses (reusing files, writing the state). */
const ALONE_WINDOW = 8 * BATCH;
/** Once this thread extracts too: a batch being extracted and one waiting, so that the rest of the backlog goes to whichever thread is free. */
const JOINED_WINDOW = 2 * BATCH;
/** Articles this thread extracts before it turns to other events (worker results among them). */
const HERE_SLICE = 4;
/** Articles to extract from which this thread joins the workers (see the class comment). */
const JOIN_AFTER = 1000;

type ExtractHere = (article: Article, times: StageTimes) => Extracted;

interface Request {
  id: number;
  article: Article;
  resolve: (extracted: Extracted) => void;
  reject: (error: Error) => void;
}

/** What a worker is told at start: how names are found, and whether it loads the tagger's model or waits to be given it. */
export interface WorkerSettings {
  names: NameFinding;
  model?: "load" | "wait";
}

/** What a worker receives and sends back (see worker.ts). */
export interface WorkerRequest {
  id: number;
  article: Article;
}
export type ToWorker = WorkerRequest[] | { model: LinearModel };
type FromWorker = { results: WorkerResult[]; times: StageTimes } | { model: LinearModel } | { modelError: string };
export interface WorkerResult {
  id: number;
  json: string;
  rows: Extracted["rows"];
}
