import { join } from "node:path";
import { runPipeline } from "../../pipeline/run.js";
import { ROOT, score, temporaryFolder, type Scores } from "../helpers.js";

/**
 * Six paragraphs written for this test, with people, organisations and places that are not in the
 * sample corpus, annotated by hand before the pipeline was run on them (test/fixtures/unseen-gold.jsonl).
 * The rules alone must keep their precision on text they were not tuned on.
 */
describe("the rules on paragraphs they were not tuned on", () => {
  let scores: Scores;

  beforeAll(async () => {
    const output = temporaryFolder();
    await runPipeline({ inputDir: join(ROOT, "test", "fixtures", "unseen"), outputDir: output, formats: ["csv"], useModel: false });
    scores = score(output, join(ROOT, "test", "fixtures", "unseen-gold.jsonl"));
  });

  test("entity precision at least 0.9 and recall at least 0.85", () => {
    expect(scores.entity.ALL.precision).toBeGreaterThanOrEqual(0.9);
    expect(scores.entity.ALL.recall).toBeGreaterThanOrEqual(0.85);
  });

  test("no entity split or merged across the paragraphs", () => {
    expect(scores.cross_article.fragmented_list).toEqual([]);
    expect(scores.cross_article.conflated_list).toEqual([]);
  });
});
