import { appendFileSync, cpSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { RunOptions } from "../../pipeline/run.js";
import { JOURNAL_FILE, recoverCommit } from "../../pipeline/state/commit.js";
import { temporaryFolder } from "../helpers.js";
import { run, sampleParagraphs, snapshot, variedArticle, writeFile } from "./support.js";

/**
 * A rerun that only adds files sorting after the earlier ones restores the previous run's snapshot
 * and appends to the index, articles.csv and mentions.csv. Whatever it does, it must leave exactly
 * what the ordinary rerun leaves (the same run over a copy of the output without the snapshot).
 */
const STATE_FILES = [".state/articles.jsonl", ".state/entity-ids.json"];
const SNAPSHOT = join(".state", "run-snapshot.dat");
/** Files changed less than 2 s before a run get no stamp (read-file.ts): the snapshot's way then waits a run. */
const settle = () => sleep(2100);

const FORUM = "Le Forum mondial de lutte contre le terrorisme a réuni ses membres à Genève, a indiqué le ministère dans un communiqué publié lundi.";
const GLOBAL_FORUM = "Le Forum global de lutte contre le terrorisme (GCTF) a publié lundi un rapport sur la sécurité au Sahel, selon un communiqué du ministère.";
const LINK = "Le Forum mondial de lutte contre le terrorisme (GCTF) a tenu mardi une réunion à Rabat, selon un communiqué du ministère.";

describe("a rerun that only adds files after the earlier ones", () => {
  const input = temporaryFolder();
  const output = temporaryFolder();
  // Without the forum, which only the texts above may link.
  const paragraphs = sampleParagraphs().filter((paragraph) => !/Forum|GCTF/.test(paragraph));
  const article = (i: number) => variedArticle(i, paragraphs);
  const inode = (name: string) => statSync(join(output, name)).ino;

  /** Reruns `output` and a copy of it without the snapshot; returns what the rerun did, once both are shown equal. */
  async function rerun(options: Partial<RunOptions> = {}) {
    const ordinary = temporaryFolder();
    cpSync(output, ordinary, { recursive: true });
    rmSync(join(ordinary, SNAPSHOT), { force: true });
    const before = { articles: inode("articles.csv"), mentions: inode("mentions.csv") };
    const { summary, warnings } = await run(input, output, options);
    await run(input, ordinary, options);
    expect(warnings).toEqual([]);
    expect(snapshot(output)).toEqual(snapshot(ordinary));
    for (const name of STATE_FILES) expect(readFileSync(join(output, name))).toEqual(readFileSync(join(ordinary, name)));
    return { summary, ordinary, articlesAppended: inode("articles.csv") === before.articles, mentionsAppended: inode("mentions.csv") === before.mentions };
  }

  beforeAll(async () => {
    [0, 1, 2].forEach((i) => writeFile(join(input, "d", `${i}.txt`), article(i)));
    writeFile(join(input, "e", "a.txt"), FORUM);
    writeFile(join(input, "e", "b.txt"), GLOBAL_FORUM);
    await settle();
    await run(input, output);
  });

  test("new files sorting last are appended to every table", async () => {
    writeFile(join(input, "e", "c.txt"), article(3));
    writeFile(join(input, "e", "d.txt"), article(4));
    await settle();
    const { summary, articlesAppended, mentionsAppended } = await rerun();
    expect(summary.articles).toEqual({ extracted: 2, reused: 5, skipped: 0, removed: 0 });
    expect([articlesAppended, mentionsAppended]).toEqual([true, true]);
  });

  test("a new file that merges two earlier entities rewrites mentions.csv, whose earlier rows change id", async () => {
    writeFile(join(input, "e", "e.txt"), LINK);
    await settle();
    const { articlesAppended, mentionsAppended } = await rerun();
    expect([articlesAppended, mentionsAppended]).toEqual([true, false]);
  });

  test("a file listed but skipped (unsupported type) does not stop the next rerun from appending", async () => {
    writeFile(join(input, "f", "scan.pdf"), "%PDF-1.4");
    await settle();
    expect((await rerun()).articlesAppended).toBe(true);
    writeFile(join(input, "g.txt"), article(5));
    await settle();
    const { summary, articlesAppended } = await rerun();
    expect(summary.articles).toEqual({ extracted: 1, reused: 8, skipped: 1, removed: 0 });
    expect(articlesAppended).toBe(true);
  });

  test("the HTML report of an appending rerun shows the whole tables, as the ordinary rerun's does", async () => {
    writeFile(join(input, "g2.txt"), article(13));
    await settle();
    const { ordinary, articlesAppended } = await rerun({ formats: ["csv", "html"] });
    expect(articlesAppended).toBe(true);
    expect(readFileSync(join(output, "report.html"), "utf8")).toBe(readFileSync(join(ordinary, "report.html"), "utf8"));
  });

  test("a new file sorting before the earlier ones takes the ordinary way", async () => {
    writeFile(join(input, "a.txt"), article(6));
    await settle();
    expect((await rerun()).articlesAppended).toBe(false);
  });

  test("a file changed since takes the ordinary way", async () => {
    writeFile(join(input, "d", "1.txt"), article(7));
    writeFile(join(input, "h.txt"), article(8));
    await settle();
    const { summary, articlesAppended } = await rerun();
    expect(summary.articles).toMatchObject({ extracted: 2, removed: 0 });
    expect(articlesAppended).toBe(false);
  });

  test("a table edited since the run takes the ordinary way, which writes it anew", async () => {
    appendFileSync(join(output, "mentions.csv"), "edited by hand\r\n");
    writeFile(join(input, "i.txt"), article(9));
    await settle();
    expect((await rerun()).mentionsAppended).toBe(false);
    expect(readFileSync(join(output, "mentions.csv"), "utf8")).not.toContain("edited by hand");
  });

  test("new files that arrived less than 2 s before the rerun are appended, and the next rerun takes the ordinary way once", async () => {
    writeFile(join(input, "j.txt"), article(10));
    expect((await rerun()).articlesAppended).toBe(true);
    writeFile(join(input, "k.txt"), article(11));
    await settle();
    expect((await rerun()).articlesAppended).toBe(false);
    writeFile(join(input, "l.txt"), article(12));
    await settle();
    expect((await rerun()).articlesAppended).toBe(true);
  });
});

describe("a commit that appends, interrupted", () => {
  test.each([
    ["before the append began", "old rows\n"],
    ["halfway through it", "old rows\nnew r"],
    ["after it, with the journal still there", "old rows\nnew rows\n"],
  ])("%s is completed by the next run's recovery, the bytes appended once", (_, onDisk) => {
    const folder = temporaryFolder();
    const target = join(folder, "mentions.csv");
    const temporary = join(folder, ".mentions.csv.99999.tmp");
    writeFileSync(target, onDisk);
    writeFileSync(temporary, "new rows\n");
    writeFileSync(join(folder, JOURNAL_FILE), JSON.stringify([{ temporary, target, at: "old rows\n".length }]));
    expect(recoverCommit(folder, [folder])).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("old rows\nnew rows\n");
  });
});
