import { join } from "node:path";
import { writeCorpus } from "../../bench/corpus.js";
import { listSourceFiles } from "../../src/1-read/list-files.js";
import { readArticle } from "../../src/1-read/read-file.js";
import { ExtractionPool } from "../../pipeline/pool.js";
import { temporaryFolder } from "../helpers.js";

/**
 * The pool extracts in this thread with one job, and in worker threads fed from one backlog with
 * more (one until asked for others): whichever thread extracts an article, its record and rows
 * must be the same, and every request answered. Rules only, but for the tagger's model, which each
 * worker is given as it starts. 300 articles: the first worker takes 128, the second the next ones.
 */
const corpus = join(temporaryFolder("ner-pool-"), "corpus");
writeCorpus(corpus, 300);
const files = listSourceFiles(corpus);

async function extractAll(pool: ExtractionPool) {
  try {
    const results = await Promise.all(files.map((source) => pool.extract(readArticle(source))));
    return results.map(({ json, rows }) => ({ json, rows: Buffer.from(rows).toString("utf8") }));
  } finally {
    await pool.close();
  }
}

test("with the tagger, a worker started after the model was read gets it too", async () => {
  const alone = await extractAll(new ExtractionPool(1, "fused"));
  const twoWorkers = new ExtractionPool(2, "fused");
  twoWorkers.useWorkers(2);
  expect(await extractAll(twoWorkers)).toEqual(alone);
});

test("one job and two workers give every article the same record and rows", async () => {
  const alone = await extractAll(new ExtractionPool(1, "rules"));
  expect(alone).toHaveLength(files.length);
  expect(alone.filter(({ rows }) => rows.length > 0).length).toBeGreaterThan(files.length / 2);
  const twoWorkers = new ExtractionPool(2, "rules");
  twoWorkers.useWorkers(2);
  expect(await extractAll(twoWorkers)).toEqual(alone);
});

test("counts the bytes of the articles waiting for extraction, and none once they are extracted", async () => {
  const pool = new ExtractionPool(2, "rules");
  try {
    const articles = files.slice(0, 40).map((source) => readArticle(source));
    const extractions = articles.map((article) => pool.extract(article));
    expect(pool.bytesPending).toBe(articles.reduce((sum, article) => sum + article.bytes!.length, 0));
    await Promise.all(extractions);
    expect(pool.bytesPending).toBe(0);
  } finally {
    await pool.close();
  }
});
