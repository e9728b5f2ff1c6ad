import { Worker } from "node:worker_threads";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/common/lexicons.js";
import type { Article } from "../src/types.js";
import type { LinearModel } from "../src/5-extract/tagger/perceptron.js";
import type { Extracted } from "./article-extraction.js";
import type { StageTimes } from "./extract-article.js";
import type { NameFinding } from "./stage-options.js";
import type { StageOptions } from "./stages.js";

/** Runs `extractRecord` somewhere: in this thread, or spread over worker threads. */
export interface ExtractionPool {
  extract(article: Article): Promise<Extracted>;
  /** Milliseconds per stage, summed over every thread. */
  readonly times: StageTimes;
  close(): Promise<void>;
}

export async function createPool(jobs: number, names: NameFinding): Promise<ExtractionPool> {
  if (jobs > 1) return new WorkerPool(jobs, names);
  // Loaded only to extract in this thread: with workers it never extracts, and loading the stages
  // (lexicons, language profiles) was a tenth of a rerun.
  const [{ extractRecord }, { stageOptions }] = await Promise.all([import("./extract-article.js"), import("./stage-options.js")]);
  let options: StageOptions | undefined;
  return new InlinePool((article, times) => {
    // Built on first use, as in the workers: a rerun with nothing to extract never reads the model.
    options ??= buildOptions(() => stageOptions({ names }));
    return extractRecord(article, options, times);
  });
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

class InlinePool implements ExtractionPool {
  readonly times: StageTimes = {};
  constructor(private readonly extractOne: (article: Article, times: StageTimes) => Extracted) {}

  async extract(article: Article): Promise<Extracted> {
    return this.extractOne(article, this.times);
  }

  async close(): Promise<void> {}
}

/** The compiled worker (tests that run the sources still use the build that `npm test` makes first). */
const WORKER_FILE = join(PROJECT_ROOT, "dist", "pipeline", "worker.js");
/** Articles per message: one message per article cost the main thread more than reading the files. */
const BATCH = 16;

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
  /** Set once the pool cannot extract (the model cannot be loaded): every request fails with it. */
  private failure: Error | undefined;

  constructor(jobs: number, names: NameFinding) {
    const settings = (w: number): WorkerSettings => ({ names, model: names === "rules" ? undefined : w === 0 ? "load" : "wait" });
    this.workers = Array.from({ length: jobs }, (_, w) => new Worker(WORKER_FILE, { workerData: settings(w) }));
    this.load = this.workers.map(() => 0);
    this.unsent = this.workers.map(() => ({ requests: [], transfer: [] }));
    this.workers.forEach((worker, w) => {
      worker.on("message", (message: FromWorker) => {
        if ("model" in message) return this.workers.slice(1).forEach((other) => other.postMessage({ model: message.model } satisfies ToWorker));
        if ("modelError" in message) return this.failAll(new ModelLoadError(message.modelError));
        const { results, times } = message;
        this.load[w] -= results.length;
        for (const [stage, ms] of Object.entries(times)) this.times[stage] = (this.times[stage] ?? 0) + ms;
        for (const { id, json, rows } of results) {
          // The record comes as JSON, which the index needs anyway: cloning the object as well cost this thread as much again.
          this.pending.get(id)?.resolve({ record: JSON.parse(json) as Extracted["record"], json, rows });
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
      if (this.failure) return reject(this.failure);
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
    this.failure ??= error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
