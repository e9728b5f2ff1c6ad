import { LABEL_COUNT, TRANSITION_MASK } from "../../src/5-extract/tagger/labels.js";
import { viterbi } from "../../src/5-extract/tagger/viterbi.js";
import { mulberry32 } from "../../src/common/random.js";

/** Score of a label sequence, -Infinity when BIO forbids it. */
function pathScore(labels: number[], emissions: Float64Array, transitions: Float64Array): number {
  return labels.reduce((sum, label, t) => {
    const cell = (t === 0 ? 0 : labels[t - 1] + 1) * LABEL_COUNT + label;
    return sum + emissions[t * LABEL_COUNT + label] + transitions[cell] + TRANSITION_MASK[cell];
  }, 0);
}

/** Every label sequence of a length: 9^n of them. */
function allSequences(length: number): number[][] {
  if (length === 0) return [[]];
  return allSequences(length - 1).flatMap((prefix) => Array.from({ length: LABEL_COUNT }, (_, label) => [...prefix, label]));
}

test("decoding finds the best allowed label sequence, as an exhaustive search does", () => {
  const random = mulberry32(11);
  const values = (count: number) => Float64Array.from({ length: count }, () => random() * 10 - 5);
  for (let trial = 0; trial < 30; trial++) {
    const n = 1 + (trial % 3);
    const emissions = values(n * LABEL_COUNT);
    const transitions = values(TRANSITION_MASK.length);
    const path = new Uint8Array(n);
    viterbi(emissions, n, transitions, path);
    const best = Math.max(...allSequences(n).map((labels) => pathScore(labels, emissions, transitions)));
    expect(pathScore(Array.from(path), emissions, transitions)).toBeCloseTo(best, 9);
  }
});
