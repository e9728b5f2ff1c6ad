import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { temporaryFolder } from "../helpers.js";
import { readCorpus, splitForDevelopment, splitLikePipeline } from "../../src/5-extract/tagger/corpus.js";

test("reads sentences and token spans from the training JSONL", () => {
  const text = "Paris est belle.\nM. Sales part.";
  const record = {
    id: "doc-1", text,
    entities: [{ start: 0, end: 5, type: "LOC", text: "Paris" }, { start: 20, end: 25, type: "PER", text: "Sales" }],
    tokens: [[0, 5], [6, 9], [10, 15], [15, 16], [17, 19], [20, 25], [26, 30], [30, 31]],
  };
  const path = join(temporaryFolder(), "corpus.jsonl");
  writeFileSync(path, `${JSON.stringify(record)}\n`);
  expect(readCorpus(path)[0].sentences).toEqual([
    { tokens: ["Paris", "est", "belle", "."], spans: [{ start: 0, end: 1, type: "LOC" }] },
    { tokens: ["M", ".", "Sales", "part", "."], spans: [{ start: 2, end: 3, type: "PER" }] },
  ]);
});

test("re-splits abbreviation periods as the pipeline does, keeping elisions and entity extents", () => {
  const sentence = splitLikePipeline({
    tokens: ["M.", "Nathan", "A.", "Sales", "l'", "Warner", "Bros."],
    spans: [{ start: 1, end: 4, type: "PER" }, { start: 5, end: 7, type: "ORG" }],
  });
  expect(sentence.tokens).toEqual(["M", ".", "Nathan", "A", ".", "Sales", "l'", "Warner", "Bros", "."]);
  expect(sentence.spans).toEqual([{ start: 2, end: 6, type: "PER" }, { start: 7, end: 10, type: "ORG" }]);
});

test("every tenth document is held out for development", () => {
  const documents = Array.from({ length: 25 }, (_, i) => ({ id: `d${i}`, sentences: [] }));
  const { train, dev } = splitForDevelopment(documents);
  expect(dev.map((document) => document.id)).toEqual(["d9", "d19"]);
  expect(train).toHaveLength(23);
});
