import { parentPort, workerData } from "node:worker_threads";
import type { Article } from "../src/types.js";
import { extractArticle, type StageTimes } from "./extract-article.js";
import { stageOptions, type ExtractionSettings } from "./stage-options.js";

/** A worker thread: extracts the articles the pool sends, one at a time, with its own copy of the lexicons and model. */
const options = await stageOptions(workerData as ExtractionSettings);

parentPort!.on("message", ({ id, article }: { id: number; article: Article }) => {
  const times: StageTimes = {};
  article.bytes = Buffer.from(article.bytes!);
  const extraction = extractArticle(article, options, times);
  parentPort!.postMessage({ id, extraction, times });
});
