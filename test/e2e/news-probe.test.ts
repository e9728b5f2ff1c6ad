import { join } from "node:path";
import { runPipeline } from "../../pipeline/run.js";
import { ROOT, score, temporaryFolder, type Scores } from "../helpers.js";

/**
 * Fifty-four news paragraphs written on 2026-11-24 in six sets (French politics, business, sport,
 * culture, health, justice, the Sahel, the Maghreb, the Middle East, Asia, the US Congress,
 * counter-terrorism, UN resolutions, military exercises, migration, the Red Sea, Europe, Canada,
 * Latin America, the Gulf), with people and organisations found nowhere else in the project, each
 * set annotated by hand before the pipeline ran on it (test/fixtures/probe-gold.jsonl). Some rules
 * were then written from their errors, so these are regression guards for the fused pipeline, not
 * a measure of unseen text (see README).
 */
describe("the pipeline on the news probe paragraphs", () => {
  let fused: Scores;
  let rules: Scores;

  beforeAll(async () => {
    const run = async (useModel: boolean) => {
      const output = temporaryFolder();
      await runPipeline({ inputDir: join(ROOT, "test", "fixtures", "probe"), outputDir: output, formats: ["csv"], useModel });
      return score(output, join(ROOT, "test", "fixtures", "probe-gold.jsonl"));
    };
    fused = await run(true);
    rules = await run(false);
  });

  test("fused: mention F1 (exact spans) at least 0.91 and entity F1 at least 0.89", () => {
    expect(fused.mention_strict.ALL.f1).toBeGreaterThanOrEqual(0.91);
    expect(fused.entity.ALL.f1).toBeGreaterThanOrEqual(0.89);
  });

  test("the fusion finds more of the names than the rules alone, by 2 points of F1 or more", () => {
    expect(fused.mention_strict.ALL.f1).toBeGreaterThanOrEqual(rules.mention_strict.ALL.f1 + 0.02);
    expect(fused.mention_strict.ALL.recall).toBeGreaterThan(rules.mention_strict.ALL.recall);
  });

  test("no entity split or merged across the paragraphs", () => {
    expect(fused.cross_article.fragmented_list).toEqual([]);
    expect(fused.cross_article.conflated_list).toEqual([]);
  });
});
