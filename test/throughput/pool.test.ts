import { join } from "node:path";
import { writeCorpus } from "../../bench/corpus.js";
import { listSourceFiles } from "../../src/1-read/list-files.js";
import { ExtractionPool } from "../../pipeline/pool.js";
import { temporaryFolder } from "../helpers.js";

/**
 * The pool spreads articles over worker threads and, past a threshold, this thread: whichever
 * thread extracts an article, its record and rows must be the same, and every request answered.
 * Rules only: the order of work does not depend on the tagger.
 */
const corpus = join(temporaryFolder("ner-pool-"), "corpus");
writeCorpus(corpus, 600);
const files = listSourceFiles(corpus);

async function extractAll(pool: ExtractionPool) {
  try {
    const results = await Promise.all(files.map((source) => pool.extract({ source, sha256: "" })));
    return results.map(({ json, rows }) => ({ json, rows: Buffer.from(rows).toString("utf8") }));
  } finally {
    await pool.close();
  }
}

test("with one job, this thread extracts every article", async () => {
  const pool = new ExtractionPool(1, "rules");
  await extractAll(pool);
  expect(pool.extractedHere).toBe(files.length);
});

test("this thread shares the work with a worker once there is enough of it, with the same results", async () => {
  const alone = await extractAll(new ExtractionPool(1, "rules"));
  const shared = new ExtractionPool(2, "rules", 100);
  expect(await extractAll(shared)).toEqual(alone);
  expect(shared.extractedHere).toBeGreaterThan(0);
  expect(shared.extractedHere).toBeLessThan(files.length);
});

test("below the threshold the worker extracts everything", async () => {
  const pool = new ExtractionPool(2, "rules", files.length + 1);
  await extractAll(pool);
  expect(pool.extractedHere).toBe(0);
});

test("a run that says it has many articles to extract brings this thread in below the threshold", async () => {
  const pool = new ExtractionPool(2, "rules", files.length + 1);
  pool.expect(files.length + 1);
  await extractAll(pool);
  expect(pool.extractedHere).toBeGreaterThan(0);
});
