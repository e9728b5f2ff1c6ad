#!/usr/bin/env node
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../src/common/lexicons.js";
import { OUTPUT_FORMATS, type OutputFormat } from "./formats.js";
import { OutputBusyError } from "./state/lock.js";
import { tuneHeaps } from "./heap-settings.js";
import { runPipeline, UsageError, type RunSummary } from "./run.js";

tuneHeaps();

const USAGE = `Usage: fr-news-ner [--input DIR] [--output DIR] [options]

Extracts people, organisations, places, UN Security Council resolutions and named military
exercises from the French news articles (.txt, .html) under DIR, and writes articles.csv,
entities.csv and mentions.csv (plus entities.xlsx and report.html) to the output folder.
Rerun it whenever articles change: unchanged articles are reused and entity ids stay stable.

Options:
  --input DIR       folder of articles, read recursively (default: data/articles)
  --output DIR      folder for the tables (default: output)
  --jobs N          threads extracting (default: the number of cores, ${availableParallelism()} here)
  --formats LIST    outputs to write, from csv,xlsx,html (default: all three; csv is always written)
  --no-model        rules only: do not use the statistical tagger (see README, licence)
  --quiet           no progress bar and no summary
  --help            this text`;

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      input: { type: "string", default: join(PROJECT_ROOT, "data", "articles") },
      output: { type: "string", default: join(PROJECT_ROOT, "output") },
      jobs: { type: "string" },
      formats: { type: "string", default: OUTPUT_FORMATS.join(",") },
      "no-model": { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs takes a whole number of at least 1, not "${values.jobs}".`);
  const formats = values.formats.split(",").map((f) => f.trim()).filter(Boolean);
  const unknown = formats.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0) throw new UsageError(`--formats takes csv, xlsx and html, not "${unknown.join(",")}".`);
  return { ...values, jobs, formats: [...new Set(["csv", ...formats])] as OutputFormat[] };
}

function printSummary(summary: RunSummary, outputDir: string): void {
  const { articles } = summary;
  const read = articles.extracted + articles.reused + articles.skipped;
  console.log(
    `${read} articles read: ${articles.extracted} extracted, ${articles.reused} unchanged and reused, ${articles.skipped} skipped` +
      (articles.removed ? `, ${articles.removed} removed since the last run` : "") +
      `\n${summary.mentions} mentions of ${summary.entities} entities, in ${summary.seconds.toFixed(1)} s\ntables in ${outputDir}`,
  );
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const summary = await runPipeline({
      inputDir: options.input,
      outputDir: options.output,
      jobs: options.jobs,
      formats: options.formats,
      useModel: !options["no-model"],
      progress: !options.quiet,
    });
    if (!options.quiet) printSummary(summary, options.output);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof OutputBusyError) {
      console.error(error.message);
      return error instanceof OutputBusyError ? 3 : 2;
    }
    throw error;
  }
}

process.exitCode = await main();
