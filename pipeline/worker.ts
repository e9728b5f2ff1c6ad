import { parentPort, workerData } from "node:worker_threads";
import { loadSharedModel } from "../src/5-extract/tagger/index.js";
import type { LinearModel } from "../src/5-extract/tagger/perceptron.js";
import { extractRecord, type StageTimes } from "./extract-article.js";
import type { ToWorker, WorkerResult, WorkerSettings } from "./pool.js";
import { stageOptions } from "./stage-options.js";
import type { StageOptions } from "./stages.js";

/**
 * A worker thread: extracts the batches of articles the pool sends, with its own copy of the
 * lexicons, and returns each article's record with its mention rows already rendered (made here,
 * not on the main thread, which the state, the tables and cross-article resolution keep busy).
 * With the tagger, the first worker reads the model into shared memory and sends it to the pool,
 * which hands it to the others: no thread waits for the model before it has something to tag.
 */
const { names, model: modelSource } = workerData as WorkerSettings;

/**
 * The lexicons load on first use. Using them now, while the main thread lists and reuses files,
 * keeps that load off the first articles sent here: at the end of a rerun, the new articles
 * waited half a second for it.
 */
const WARM_UP = "Le ministre des Affaires étrangères, Jean Dupont, a reçu à Paris le secrétaire général de l'ONU.";
const warmUp = (options: StageOptions) => extractRecord({ source: { sourcePath: "warm-up.txt", articleId: "warm-up", absolutePath: "" }, sha256: "", bytes: Buffer.from(WARM_UP) }, options);

let receiveModel: (model: LinearModel) => void = () => {};
const ready: Promise<StageOptions> = names === "rules" ? Promise.resolve(stageOptions({ names })) : modelSource === "load" ? loadAndShare() : waitForModel();

function loadAndShare(): Promise<StageOptions> {
  try {
    const model = loadSharedModel();
    const options = stageOptions({ names, model });
    parentPort!.postMessage({ model });
    return Promise.resolve(options);
  } catch (error) {
    parentPort!.postMessage({ modelError: (error as Error).message });
    return new Promise(() => {}); // the pool fails every request
  }
}

function waitForModel(): Promise<StageOptions> {
  warmUp(stageOptions({ names: "rules" }));
  return new Promise((resolve) => (receiveModel = (model) => resolve(stageOptions({ names, model }))));
}

parentPort!.on("message", async (message: ToWorker) => {
  if (!Array.isArray(message)) return receiveModel(message.model);
  const options = await ready;
  const times: StageTimes = {};
  const results: WorkerResult[] = message.map(({ id, article }) => {
    article.bytes = article.bytes && Buffer.from(article.bytes.buffer, article.bytes.byteOffset, article.bytes.byteLength);
    const { json, rows } = extractRecord(article, options, times);
    return { id, json, rows };
  });
  parentPort!.postMessage({ results, times });
});

// After the handler is in place: a worker waiting for the model gets it as a message.
void ready.then(warmUp);
