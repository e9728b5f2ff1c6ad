import { Worker } from "node:worker_threads";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/common/lexicons.js";
import type { Article, ArticleExtraction } from "../src/types.js";
import { extractArticle, type StageTimes } from "./extract-article.js";
import { stageOptions, type ExtractionSettings } from "./stage-options.js";
import type { StageOptions } from "./stages.js";

/** Runs `extractArticle` somewhere: in this thread, or spread over worker threads. */
export interface ExtractionPool {
  extract(article: Article): Promise<ArticleExtraction>;
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

  async extract(article: Article): Promise<ArticleExtraction> {
    return extractArticle(article, this.options, this.times);
  }

  async close(): Promise<void> {}
}

/** The compiled worker (tests that run the sources still use the build that `npm test` makes first). */
const WORKER_FILE = join(PROJECT_ROOT, "dist", "pipeline", "worker.js");

interface Pending {
  resolve: (extraction: ArticleExtraction) => void;
  reject: (error: Error) => void;
}

class WorkerPool implements ExtractionPool {
  readonly times: StageTimes = {};
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private readonly load: number[];
  private nextId = 0;

  constructor(jobs: number, settings: ExtractionSettings) {
    this.workers = Array.from({ length: jobs }, () => new Worker(WORKER_FILE, { workerData: settings }));
    this.load = this.workers.map(() => 0);
    this.workers.forEach((worker, w) => {
      worker.on("message", ({ id, extraction, times }: { id: number; extraction: ArticleExtraction; times: StageTimes }) => {
        this.load[w]--;
        for (const [stage, ms] of Object.entries(times)) this.times[stage] = (this.times[stage] ?? 0) + ms;
        this.pending.get(id)?.resolve(extraction);
        this.pending.delete(id);
      });
      worker.on("error", (error) => this.failAll(error));
    });
  }

  extract(article: Article): Promise<ArticleExtraction> {
    const id = this.nextId++;
    const w = this.load.indexOf(Math.min(...this.load));
    this.load[w]++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const bytes = article.bytes;
      const transfer = bytes ? new Uint8Array(bytes).buffer : undefined;
      this.workers[w].postMessage({ id, article: { ...article, bytes: transfer ? new Uint8Array(transfer) : undefined } }, transfer ? [transfer] : []);
    });
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
