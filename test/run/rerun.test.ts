import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readTable, ROOT, SAMPLE_CORPUS, temporaryFolder } from "../helpers.js";
import { run, sampleParagraphs, tablesWithoutIds, variedArticle, writeFile } from "./support.js";

const SAMPLES = readdirSync(SAMPLE_CORPUS).sort();
const copySample = (i: number, folder: string, name = SAMPLES[i]) => writeFile(join(folder, name), readFileSync(join(SAMPLE_CORPUS, SAMPLES[i])));

describe("a rerun after files were added, changed and removed", () => {
  const input = temporaryFolder();
  const output = temporaryFolder();
  let first: Awaited<ReturnType<typeof run>>;
  let second: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    for (const i of [0, 1, 2, 3]) copySample(i, input);
    first = await run(input, output);
    rmSync(join(input, SAMPLES[0]));
    appendFileSync(join(input, SAMPLES[1]), "\n\nLe ministre Nasser Bourita a reçu mardi à Rabat le secrétaire général de l'OTAN.\n");
    copySample(4, input);
    second = await run(input, output);
  });

  test("the first run extracts everything and says so in run.json", () => {
    expect(first.summary.articles).toEqual({ extracted: 4, reused: 0, skipped: 0, removed: 0 });
    expect(first.warnings).toEqual([]);
  });

  test("the rerun extracts the changed and the new article, reuses two and counts the removed one", () => {
    expect(second.summary.articles).toEqual({ extracted: 2, reused: 2, skipped: 0, removed: 1 });
    const written = JSON.parse(readFileSync(join(output, "run.json"), "utf8"));
    expect(written).toMatchObject({ articles: { extracted: 2, reused: 2, skipped: 0, removed: 1 }, mentions: second.summary.mentions, entities: second.summary.entities });
    expect(typeof written.seconds).toBe("number");
    expect(written.mentions).toBe(readTable(output, "mentions.csv").length);
    expect(written.entities).toBe(readTable(output, "entities.csv").length);
  });

  test("the removed article is gone from all three tables, and so are entities only it named", () => {
    const removed = SAMPLES[0].replace(/\.txt$/, "");
    expect(readTable(output, "articles.csv").map((a) => a.article_id)).not.toContain(removed);
    expect(readTable(output, "mentions.csv").filter((m) => m.article_id === removed)).toEqual([]);
    const mentioned = new Set(readTable(output, "mentions.csv").map((m) => m.entity_id));
    expect(readTable(output, "entities.csv").filter((e) => !mentioned.has(e.entity_id))).toEqual([]);
  });

  test("the changed article's new sentence is in the mentions", () => {
    const changed = SAMPLES[1].replace(/\.txt$/, "");
    const texts = readTable(output, "mentions.csv").filter((m) => m.article_id === changed).map((m) => m.sentence);
    expect(texts).toContain("Le ministre Nasser Bourita a reçu mardi à Rabat le secrétaire général de l'OTAN.");
  });

  test("the tables equal those of a fresh run over the same files", async () => {
    const fresh = temporaryFolder();
    await run(input, fresh);
    expect(tablesWithoutIds(output)).toEqual(tablesWithoutIds(fresh));
  });
});

describe("any sequence of incremental runs", () => {
  const paragraphs = sampleParagraphs();
  /** Markup without a doctype: read as HTML under a .html name, as text under a .txt name. */
  const markup = "<p>Le ministre Nasser Bourita a reçu &agrave; Rabat l'ambassadeur Nathan Sales.</p>\n<p>Ils ont parlé du Forum mondial de lutte contre le terrorisme.</p>\n";
  const steps: [string, (input: string) => void][] = [
    ["three articles", (input) => [0, 1, 2].forEach((i) => writeFile(join(input, `a${i}.txt`), variedArticle(i, paragraphs)))],
    ["two added, one in a sub-folder", (input) => {
      writeFile(join(input, "a3.txt"), variedArticle(3, paragraphs));
      copySample(0, join(input, "sub"), "s0.txt");
    }],
    ["one removed, one changed", (input) => {
      rmSync(join(input, "a1.txt"));
      writeFile(join(input, "a2.txt"), variedArticle(22, paragraphs));
    }],
    ["one renamed, one copied", (input) => {
      renameSync(join(input, "a0.txt"), join(input, "moved.txt"));
      writeFile(join(input, "copy.txt"), readFileSync(join(input, "a3.txt")));
    }],
    ["the same markup as .txt and as .html", (input) => {
      writeFile(join(input, "page.txt"), markup);
      writeFile(join(input, "page2.html"), markup);
    }],
    ["a file turned unreadable as text, another emptied", (input) => {
      writeFile(join(input, "a3.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
      writeFile(join(input, "copy.txt"), "");
    }],
    ["a link added, the old name restored", (input) => {
      symlinkSync(join(input, "moved.txt"), join(input, "link.txt"));
      writeFile(join(input, "a0.txt"), readFileSync(join(input, "moved.txt")));
    }],
  ];
  const input = temporaryFolder();
  const output = temporaryFolder();

  test.each(steps.map(([name, change], i) => [i + 1, name, change] as const))("step %i (%s) leaves the tables of a fresh run", async (_, __, change) => {
    change(input);
    const { warnings } = await run(input, output);
    const fresh = temporaryFolder();
    await run(input, fresh);
    expect(warnings).toEqual([]);
    expect(tablesWithoutIds(output)).toEqual(tablesWithoutIds(fresh));
  });
});

describe("a pipeline change", () => {
  test("a run state written by another pipeline version is not reused, silently", async () => {
    const input = temporaryFolder();
    const output = temporaryFolder();
    for (const i of [0, 1]) copySample(i, input);
    await run(input, output);
    const index = join(output, ".state", "articles.jsonl");
    const [header, ...rest] = readFileSync(index, "utf8").split("\n");
    writeFileSync(index, [header.replace(/"version":"[^"]+"/, '"version":"0000000000000000"'), ...rest].join("\n"));
    const { summary, warnings } = await run(input, output);
    expect(summary.articles).toMatchObject({ extracted: 2, reused: 0 });
    expect(warnings).toEqual([]);
  });

  test("the state of an earlier pipeline version (extractions.jsonl) is ignored without a warning, then removed", async () => {
    const input = temporaryFolder();
    const output = temporaryFolder();
    for (const i of [0, 1]) copySample(i, input);
    await run(input, output);
    for (const name of ["articles.jsonl", "mention-rows.dat"]) rmSync(join(output, ".state", name));
    writeFileSync(join(output, ".state", "extractions.jsonl"), '{"spool":1,"version":"0000000000000000"}\n');
    const { summary, warnings } = await run(input, output);
    expect(summary.articles).toMatchObject({ extracted: 2, reused: 0 });
    expect(warnings).toEqual([]);
    expect(readdirSync(join(output, ".state")).sort()).toEqual(["articles.jsonl", "entity-ids.json", "mention-rows.dat", "run-snapshot.dat"]);
  });

  test("files removed since the last run are counted even when its cache cannot be reused", async () => {
    const input = temporaryFolder();
    const output = temporaryFolder();
    for (const i of [0, 1, 2]) copySample(i, input);
    await run(input, output);
    rmSync(join(input, SAMPLES[1]));
    writeFileSync(join(output, ".state", "articles.jsonl"), "{damaged");
    const { summary, warnings } = await run(input, output);
    expect(summary.articles).toEqual({ extracted: 2, reused: 0, skipped: 0, removed: 1 });
    expect(warnings).toEqual([expect.stringMatching(/extraction cache .* is damaged/)]);
  });

  test("a changed lexicon or source file makes every article be extracted again (compiled CLI in a copy of the project)", () => {
    const project = temporaryFolder();
    for (const part of ["dist", "src", "pipeline", "data/lexicons", "package.json"]) cpSync(join(ROOT, part), join(project, part), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"));
    const input = temporaryFolder();
    const output = temporaryFolder();
    for (const i of [0, 1, 2]) copySample(i, input);
    const runCli = () => {
      execFileSync("node", [join(project, "dist", "pipeline", "cli.js"), "--input", input, "--output", output, "--formats", "csv", "--no-model", "--quiet", "--jobs", "1"]);
      return JSON.parse(readFileSync(join(output, "run.json"), "utf8")).articles;
    };
    expect(runCli()).toMatchObject({ extracted: 3, reused: 0 });
    expect(runCli()).toMatchObject({ extracted: 0, reused: 3 });
    appendFileSync(join(project, "data", "lexicons", "cities.txt"), "Tombouctou\n");
    expect(runCli()).toMatchObject({ extracted: 3, reused: 0 });
    appendFileSync(join(project, "src", "5-extract", "extract.ts"), "\n// a rule changed\n");
    expect(runCli()).toMatchObject({ extracted: 3, reused: 0 });
  });
});

describe("the run state's files", () => {
  const paragraphs = sampleParagraphs();
  const rowsSize = (output: string) => statSync(join(output, ".state", "mention-rows.dat")).size;

  test("rows of changed articles do not pile up: the rows file is rewritten once most of it is stale", async () => {
    const input = temporaryFolder();
    const output = temporaryFolder();
    for (const i of [0, 1, 2]) writeFile(join(input, `a${i}.txt`), variedArticle(i, paragraphs));
    await run(input, output);
    const first = rowsSize(output);
    let largest = first;
    for (let change = 1; change <= 8; change++) {
      writeFile(join(input, "a0.txt"), variedArticle(100 + change, paragraphs));
      await run(input, output);
      largest = Math.max(largest, rowsSize(output));
    }
    // Appending alone would reach about 1 + 8/3 times the first size; compaction keeps it near twice.
    expect(largest).toBeLessThan(2.5 * first);
    const fresh = temporaryFolder();
    await run(input, fresh);
    expect(tablesWithoutIds(output)).toEqual(tablesWithoutIds(fresh));
  });

  test("a file rewritten with the same size and modification time is still seen as changed", async () => {
    const input = temporaryFolder();
    const output = temporaryFolder();
    const path = join(input, "a.txt");
    writeFile(path, variedArticle(1, paragraphs));
    writeFile(join(input, "b.txt"), variedArticle(2, paragraphs));
    // Stamps are kept only for files that have not changed for two seconds.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await run(input, output);
    expect((await run(input, output)).summary.articles).toMatchObject({ extracted: 0, reused: 2 });
    const { size, mtime } = statSync(path);
    const same = variedArticle(1, paragraphs).replace("Dépêche", "Dépèche");
    expect(Buffer.byteLength(same)).toBe(size);
    writeFileSync(path, same);
    utimesSync(path, mtime, mtime);
    expect(Math.round(statSync(path).mtimeMs)).toBe(mtime.getTime());
    expect((await run(input, output)).summary.articles).toMatchObject({ extracted: 1, reused: 1 });
    const fresh = temporaryFolder();
    await run(input, fresh);
    expect(readFileSync(join(output, "articles.csv"))).toEqual(readFileSync(join(fresh, "articles.csv")));
  });
});
