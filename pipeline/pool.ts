import { Worker } from "node:worker_threads";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/common/lexicons.js";
import type { Article, ArticleExtraction } from "../src/types.js";
import { extractArticle, type StageTimes } from "./extract-article.js";
import { stageOptions, type ExtractionSettings } from "./stage-options.js";
import type { StageOptions } from "./stages.js";

/** An extraction and the same as one JSON line for the spool (made where the extraction ran). */
export interface Extracted {
  extraction: ArticleExtraction;
  line: string;
}

/** Runs `extractArticle` somewhere: in this thread, or spread over worker threads. */
export interface ExtractionPool {
  extract(article: Article): Promise<Extracted>;
  /** Milliseconds per stage, summed over every thread. */
  readonly times: StageTimes;
  close(): Promise<void>;
}

export async function createPool(jobs: number, settings: ExtractionSettings): Promise<ExtractionPool> {
  return jobs <= 1 ? new InlinePool(await stageOptions(settings)) : new WorkerPool(jobs, settings);
}

class InlinePool implements ExtractionPool {
  readonly times: StageTimes = {};
  constructor(private readonly options: StageOptions) {}

  async extract(article: Article): Promise<Extracted> {
    const extraction = extractArticle(article, this.options, this.times);
    return { extraction, line: JSON.stringify(extraction) };
  }

  async close(): Promise<void> {}
}

/** The compiled worker (tests that run the sources still use the build that `npm test` makes first). */
const WORKER_FILE = join(PROJECT_ROOT, "dist", "pipeline", "worker.js");
/** Articles per message: one message per article cost the main thread more than reading the files. */
const BATCH = 8;

/** What a worker receives and sends back (see worker.ts). */
export interface WorkerRequest {
  id: number;
  article: Article;
}
export interface WorkerResult {
  id: number;
  line: string;
}

interface Pending {
  resolve: (extracted: Extracted) => void;
  reject: (error: Error) => void;
}

class WorkerPool implements ExtractionPool {
  readonly times: StageTimes = {};
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private readonly load: number[];
  /** Requests not yet sent, per worker, with the buffers they transfer. */
  private readonly unsent: { requests: WorkerRequest[]; transfer: ArrayBuffer[] }[];
  private flushScheduled = false;
  private nextId = 0;

  constructor(jobs: number, settings: ExtractionSettings) {
    this.workers = Array.from({ length: jobs }, () => new Worker(WORKER_FILE, { workerData: settings }));
    this.load = this.workers.map(() => 0);
    this.unsent = this.workers.map(() => ({ requests: [], transfer: [] }));
    this.workers.forEach((worker, w) => {
      worker.on("message", ({ results, times }: { results: WorkerResult[]; times: StageTimes }) => {
        this.load[w] -= results.length;
        for (const [stage, ms] of Object.entries(times)) this.times[stage] = (this.times[stage] ?? 0) + ms;
        for (const { id, line } of results) {
          this.pending.get(id)?.resolve({ extraction: JSON.parse(line) as ArticleExtraction, line });
          this.pending.delete(id);
        }
      });
      worker.on("error", (error) => this.failAll(error));
    });
  }

  extract(article: Article): Promise<Extracted> {
    const id = this.nextId++;
    const w = this.load.indexOf(Math.min(...this.load));
    this.load[w]++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // A copy that owns its memory: file buffers share a pool that must not be transferred.
      const bytes = article.bytes ? new Uint8Array(article.bytes) : undefined;
      const batch = this.unsent[w];
      batch.requests.push({ id, article: { ...article, bytes: bytes as Buffer | undefined } });
      if (bytes) batch.transfer.push(bytes.buffer);
      if (batch.requests.length >= BATCH) this.send(w);
      else this.scheduleFlush();
    });
  }

  /** Sends the partial batches once the caller waits for results (or has nothing more to give). */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.workers.forEach((_, w) => this.send(w));
    });
  }

  private send(w: number): void {
    const { requests, transfer } = this.unsent[w];
    if (requests.length === 0) return;
    this.workers[w].postMessage(requests, transfer);
    this.unsent[w] = { requests: [], transfer: [] };
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
