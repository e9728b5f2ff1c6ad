import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runPipeline, type RunSummary } from "../pipeline/run.js";
import { writeArticles, writeCorpus } from "./corpus.js";

/**
 * What a rerun costs against a full run: a synthetic corpus of N articles is processed from
 * scratch, then 1% new articles are added and the same output folder is run again.
 * Usage: node dist/bench/rerun.js [--articles 3000] [--jobs 2] [--model]
 */
const { values } = parseArgs({
  options: { articles: { type: "string", default: "3000" }, jobs: { type: "string", default: "2" }, model: { type: "boolean", default: false } },
});
const count = Number(values.articles);
const added = Math.max(1, Math.round(count / 100));
const folder = mkdtempSync(join(tmpdir(), "ner-rerun-"));
const input = join(folder, "articles");
const output = join(folder, "output");
const options = { inputDir: input, outputDir: output, jobs: Number(values.jobs), formats: ["csv"] as const, useModel: values.model };

const describe = (name: string, summary: RunSummary, wall: number) =>
  `${name.padEnd(8)} ${wall.toFixed(1).padStart(7)} s wall  (extracted ${summary.articles.extracted}, reused ${summary.articles.reused}; ${summary.mentions} mentions, ${summary.entities} entities; peak ${summary.peakRssMb} MB)`;

async function timed(name: string): Promise<number> {
  const start = performance.now();
  const summary = await runPipeline(options);
  const wall = (performance.now() - start) / 1000;
  console.log(describe(name, summary, wall));
  return wall;
}

try {
  writeCorpus(input, count);
  console.log(`${count} articles, then ${added} added; jobs ${options.jobs}, ${values.model ? "with" : "without"} the model`);
  const full = await timed("full");
  writeArticles(input, count, count + added);
  const rerun = await timed("rerun");
  console.log(`rerun / full: ${((rerun / full) * 100).toFixed(1)} %`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
