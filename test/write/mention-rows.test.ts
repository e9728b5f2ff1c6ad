import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { toCsv } from "../../src/7-write/csv.js";
import { countMentions, MentionPlan, writeMentionsTable, type RowsPlace } from "../../src/7-write/mentions-table.js";
import { ARTICLE_COLUMNS, MENTION_COLUMNS, toArticleRecord } from "../../src/7-write/rows.js";
import type { ArticleExtraction, LocalEntity, MentionRow } from "../../src/types.js";
import { temporaryFolder } from "../helpers.js";

/**
 * Mention rows are rendered where an article is extracted, with an empty entity id cell, and
 * mentions.csv is written later by copying them with the ids filled in. The result must be what
 * csv-stringify writes for the same rows, awkward cells included.
 */
const entity = (canonicalName: string): LocalEntity => ({ type: "PERSON", canonicalName, acronym: "", surfaceForms: [canonicalName] });

function extraction(articleId: string, texts: string[], sentences: string[], date = ""): ArticleExtraction {
  return {
    articleId,
    sourcePath: `${articleId}.txt`,
    sha256: "0".repeat(64),
    date,
    language: "fra",
    status: "extracted",
    reason: "",
    wordCount: 10,
    entities: [entity("Amina Diallo"), entity("Jean Kaboré")],
    mentions: texts.map((text, i) => ({ start: i * 10, end: i * 10 + text.length, text, type: "PERSON", localEntity: i % 2, sentence: i % sentences.length })),
    sentences,
  };
}

const ARTICLES = [
  extraction("2019/a, \"quoted\" name", ["Amina Diallo", "=Diallo", "Jean\r\nKaboré"], ["Elle a dit « oui », puis \"non\".", "-Début de phrase"], "2019-03-01"),
  extraction("2019/empty", [], ["unused"]),
  extraction("2020/é", ["Kaboré", "Diallo"], [""], "2020-01-02"),
];
const IDS = ["E000007", "E000042"];

test("mentions.csv from rendered rows is what csv-stringify writes, and its counts are per entity", () => {
  const folder = temporaryFolder();
  try {
    const plan = new MentionPlan();
    const rendered = ARTICLES.map((article) => toArticleRecord(article));
    // The place of each article's rows is, here, its index.
    rendered.forEach(({ record }, i) => plan.add(record, [0, 1], [i, 0, 0]));
    const path = join(folder, "mentions.csv");
    const sources = { readRows: ([i]: RowsPlace) => rendered[i].rows, groupOfNode: (node: number) => node, ids: IDS };
    writeMentionsTable(path, plan, sources);
    const counts = countMentions(plan, sources.groupOfNode, IDS.length);
    const expected: MentionRow[] = ARTICLES.flatMap((article) =>
      article.mentions.map((m) => ({ mention_id: `${article.articleId}:${m.start}`, article_id: article.articleId, entity_id: IDS[m.localEntity], type: m.type, text: m.text, start: m.start, end: m.end, sentence: article.sentences[m.sentence] })),
    );
    expect(readFileSync(path, "utf8")).toBe(toCsv(MENTION_COLUMNS, expected));
    expect(counts).toEqual([
      { mentionCount: 3, articleCount: 2, firstDate: "2019-03-01", lastDate: "2020-01-02" },
      { mentionCount: 2, articleCount: 2, firstDate: "2019-03-01", lastDate: "2020-01-02" },
    ]);
    expect(plan.mentionCount).toBe(5);
    // From article 2 on, without the header: the rows that follow article 1's.
    const tail = join(folder, "tail.csv");
    writeMentionsTable(tail, plan, sources, 2);
    expect(Buffer.concat([readFileSync(path).subarray(0, readFileSync(path).length - readFileSync(tail).length), readFileSync(tail)])).toEqual(readFileSync(path));
    expect(readFileSync(tail, "utf8")).toBe(toCsv(MENTION_COLUMNS, expected.slice(3)).split("\r\n").slice(1).join("\r\n"));
    // A plan restored from its state is the same plan.
    const restored = join(folder, "restored.csv");
    writeMentionsTable(restored, MentionPlan.fromState(plan.state()), sources);
    expect(readFileSync(restored)).toEqual(readFileSync(path));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("rows longer than the buffer they are encoded in come out whole, and so do the next article's", () => {
  // Two-byte characters: 200,000 bytes of sentence per row, past the 64 kB the rows are first encoded into.
  const long = extraction("long", ["Amina Diallo", "Jean Kaboré"], [`${"é".repeat(100_000)} Amina Diallo`]);
  const articles = [long, ARTICLES[2], long];
  const rendered = articles.map((article) => toArticleRecord(article));
  const expected = articles.map((article) =>
    toCsv(MENTION_COLUMNS, article.mentions.map((m) => ({ mention_id: `${article.articleId}:${m.start}`, article_id: article.articleId, entity_id: "", type: m.type, text: m.text, start: m.start, end: m.end, sentence: article.sentences[m.sentence] })))
      .split("\r\n").slice(1).join("\r\n"),
  );
  expect(rendered.map(({ rows }) => Buffer.from(rows).toString("utf8"))).toEqual(expected);
  // Each id cell is where the record says: just before its row's third comma-separated cell.
  rendered.forEach(({ rows, record }) => record.idOffsets.forEach((offset) => expect(Buffer.from(rows).subarray(offset, offset + 2).toString()).toBe(",P")));
});

test("a record keeps what the tables need, its articles.csv row included, and not the mention texts and sentences", () => {
  const { record } = toArticleRecord(ARTICLES[0]);
  expect(record).toMatchObject({ articleId: ARTICLES[0].articleId, mentionEntities: [0, 1, 0] });
  expect(record.idOffsets).toHaveLength(3);
  expect(record).not.toHaveProperty("mentions");
  expect(record).not.toHaveProperty("sentences");
  const row = { article_id: ARTICLES[0].articleId, source_path: ARTICLES[0].sourcePath, sha256: ARTICLES[0].sha256, date: "2019-03-01", language: "fra", status: "extracted", reason: "", word_count: 10, mention_count: 3 };
  expect(`${record.row}\r\n`).toBe(toCsv(ARTICLE_COLUMNS, [row]).split("\r\n").slice(1).join("\r\n"));
});

test("the plan gives back where each article's rows are, offsets past 4 GB and CRCs past 2^31 included, and its date", () => {
  const plan = new MentionPlan();
  const places: [number, number, number][] = [[2 ** 33 + 5, 1234, 0xfedcba98], [0, 0, 0], [7, 1, 0x7fffffff], [9, 2, 1]];
  places.forEach((place, i) => plan.add(toArticleRecord(ARTICLES[i % ARTICLES.length]).record, [0, 1], place));
  expect(places.map((_, a) => plan.rowsOf(a))).toEqual(places);
  expect(places.map((_, a) => plan.dateOf(a))).toEqual(places.map((_, i) => ARTICLES[i % ARTICLES.length].date));
  expect(plan.articleCount).toBe(4);
});
