import { parentPort, workerData } from "node:worker_threads";
import { extractRecord } from "./extract-article.js";
import type { StageTimes } from "./stage-times.js";
import type { ToWorker, WorkerResult } from "./pool.js";
import { stageOptions, type ExtractionSettings, type NameFinding } from "./stage-options.js";
import type { StageOptions } from "./stages.js";

/**
 * A worker thread: extracts the batches of articles the pool sends, with its own copy of the
 * lexicons, and returns each article's record with its mention rows already rendered (made here,
 * not on the main thread, which the state, the tables and cross-article resolution keep busy).
 * With the tagger, the pool's first message is its model, in memory shared with the pool's thread.
 */
const names = workerData as NameFinding;

/**
 * The lexicons load on first use. Using them now, while the main thread lists and reuses files,
 * keeps that load off the first articles sent here: at the end of a rerun, the new articles
 * waited half a second for it.
 */
const WARM_UP = "Le ministre des Affaires étrangères, Jean Dupont, a reçu à Paris le secrétaire général de l'ONU.";
function ready(settings: ExtractionSettings): StageOptions {
  const options = stageOptions(settings);
  extractRecord({ source: { sourcePath: "warm-up.txt", articleId: "warm-up", absolutePath: "" }, sha256: "", bytes: Buffer.from(WARM_UP) }, options);
  return options;
}

let options: StageOptions | undefined = names === "rules" ? ready({ names }) : undefined;

parentPort!.on("message", (message: ToWorker) => {
  if (!Array.isArray(message)) {
    options = ready({ names, model: message.model });
    return;
  }
  const times: StageTimes = {};
  const results: WorkerResult[] = message.map(({ id, article }) => {
    article.bytes = article.bytes && Buffer.from(article.bytes.buffer, article.bytes.byteOffset, article.bytes.byteLength);
    const { json, rows } = extractRecord(article, options!, times);
    return { id, json, rows };
  });
  parentPort!.postMessage({ results, times });
});
