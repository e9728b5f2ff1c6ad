import { LABELS, labelIdsToSpans, spansToLabelIds, type TokenSpan } from "../../src/5-extract/tagger/labels.js";
import { viterbi } from "../../src/5-extract/tagger/viterbi.js";

const id = (label: string): number => LABELS.indexOf(label);

test("spans and BIO labels convert both ways", () => {
  const spans: TokenSpan[] = [
    { start: 0, end: 2, type: "PER" },
    { start: 2, end: 3, type: "PER" },
    { start: 4, end: 7, type: "ORG" },
  ];
  const labels = spansToLabelIds(8, spans);
  expect(Array.from(labels, (label) => LABELS[label])).toEqual(["B-PER", "I-PER", "B-PER", "O", "B-ORG", "I-ORG", "I-ORG", "O"]);
  expect(labelIdsToSpans(labels)).toEqual(spans);
});

test("an I- label that continues nothing starts an entity", () => {
  expect(labelIdsToSpans([id("O"), id("I-LOC"), id("I-LOC"), id("I-ORG")])).toEqual([
    { start: 1, end: 3, type: "LOC" },
    { start: 3, end: 4, type: "ORG" },
  ]);
});

test("decoding never puts an I- label after O or after another type", () => {
  const L = LABELS.length;
  const emissions = new Float64Array(3 * L);
  emissions[0 * L + id("O")] = 1;
  emissions[1 * L + id("I-PER")] = 5; // strongest alone, but I-PER cannot follow O
  emissions[1 * L + id("B-PER")] = 4;
  emissions[2 * L + id("I-LOC")] = 5; // cannot follow a PER label
  emissions[2 * L + id("O")] = 1;
  const path = new Uint8Array(3);
  viterbi(emissions, 3, new Float64Array((L + 1) * L), path);
  expect(Array.from(path, (label) => LABELS[label])).toEqual(["O", "B-PER", "O"]);
});
