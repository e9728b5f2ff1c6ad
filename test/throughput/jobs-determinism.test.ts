import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeCorpus } from "../../bench/corpus.js";
import { ROOT, temporaryFolder } from "../helpers.js";

/**
 * Worker threads finish articles out of order; the tables must not show it. The CLI runs as a
 * child process (the compiled build that `npm test` makes first) over ~200 generated articles,
 * rules only: loading the tagger in every worker would triple the test's time, and the order of
 * results does not depend on it (`npm run bench` compares 1 and N jobs with the model).
 */
const CLI = join(ROOT, "dist", "pipeline", "cli.js");
const TABLES = ["articles.csv", "entities.csv", "mentions.csv", "entity_redirects.csv"];

function run(input: string, output: string, jobs: number): void {
  execFileSync(process.execPath, [CLI, "--input", input, "--output", output, "--jobs", String(jobs), "--formats", "csv", "--quiet", "--no-model"], { stdio: "pipe" });
}

describe("--jobs", () => {
  const folder = temporaryFolder("ner-jobs-");
  const corpus = join(folder, "corpus");
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("gives byte-identical tables with 1 and 2 jobs, on a first run and on a rerun", () => {
    writeCorpus(corpus, 200);
    const outputs = [1, 2].map((jobs) => {
      const output = join(folder, `jobs-${jobs}`);
      run(corpus, output, jobs);
      return output;
    });
    const tables = (output: string) => TABLES.map((table) => readFileSync(join(output, table)));
    expect(tables(outputs[0])[2].length).toBeGreaterThan(10_000);
    expect(tables(outputs[1])).toEqual(tables(outputs[0]));

    // A rerun reuses most articles: its tables must equal a first run's over the same files.
    writeCorpus(corpus, 220);
    run(corpus, outputs[1], 2);
    const fresh = join(folder, "fresh");
    run(corpus, fresh, 1);
    expect(tables(outputs[1])).toEqual(tables(fresh));
  });
});
