import { listSourceFiles } from "../src/1-read/list-files.js";
import { readArticle } from "../src/1-read/read-file.js";
import { extractRecord } from "../pipeline/extract-article.js";
import { tuneHeaps } from "../pipeline/heap-settings.js";
import { stageOptions } from "../pipeline/stage-options.js";

/**
 * One thread extracting the first N articles of a folder as a worker does, without the pipeline
 * around it. The bench times it alone, then as many copies at once as it has jobs: how much faster
 * the machine extracts with more cores at all, which the pipeline's scaling cannot beat.
 * Usage: node --max-semi-space-size=8 dist/bench/extract-sample.js DIR N [rules|fused]; prints the milliseconds.
 */
tuneHeaps();
const [folder, count, names = "fused"] = process.argv.slice(2);
const files = listSourceFiles(folder).slice(0, Number(count));
const options = stageOptions({ names: names === "rules" ? "rules" : "fused" });
// Timed after a first pass over a few articles, as a worker warms up: the lexicons load on first use.
for (const file of files.slice(0, 100)) extractRecord(readArticle(file), options);
const started = performance.now();
for (const file of files) extractRecord(readArticle(file), options);
console.log(Math.round(performance.now() - started));
