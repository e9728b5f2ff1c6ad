import { beginOfInside, isInside, LABEL_COUNT, TRANSITION_MASK } from "./labels.js";

// Reused between calls: decoding allocates nothing once the buffers have grown to the longest sentence.
let bestScores = new Float64Array(0);
let backPointers = new Uint8Array(0);

/**
 * BIO allows any label before O or a B-X, and only B-X or I-X before an I-X: the other moves would
 * score -Infinity and never win, so they are not scored, which saves a third of the decoding (with
 * an allowed move the mask adds 0, which changes no score). The two cases are written out, where a
 * loop over a list of predecessors per label made decoding 1.4 times as long (2 million tokens).
 */
const LABEL_IDS = Array.from({ length: LABEL_COUNT }, (_, label) => label);
for (const label of LABEL_IDS) {
  const allowed = LABEL_IDS.filter((previous) => TRANSITION_MASK[(previous + 1) * LABEL_COUNT + label] === 0);
  const written = isInside(label) ? [beginOfInside(label), label] : LABEL_IDS;
  if (allowed.join() !== written.join()) throw new Error("viterbi: the transition mask is not BIO's");
}
/** moves[p * L + y]: the model's score of p → y in float64, without the row of the sentence start. */
const moves = new Float64Array(LABEL_COUNT * LABEL_COUNT);

/**
 * The best label sequence under first-order transitions.
 * `emissions[t * L + y]`: score of label y at token t; `transitions[(p + 1) * L + y]`: score of p → y, row 0 = sentence start.
 * Writes the labels into `path` (length n). Among equal scores the lower previous label wins.
 */
export function viterbi(emissions: Float64Array, tokenCount: number, transitions: ArrayLike<number>, path: Uint8Array): void {
  const L = LABEL_COUNT;
  if (tokenCount === 0) return;
  if (bestScores.length < tokenCount * L) {
    bestScores = new Float64Array(tokenCount * L * 2);
    backPointers = new Uint8Array(tokenCount * L * 2);
  }
  for (let i = 0; i < L * L; i++) moves[i] = transitions[L + i];
  for (let y = 0; y < L; y++) bestScores[y] = emissions[y] + transitions[y] + TRANSITION_MASK[y];
  for (let t = 1; t < tokenCount; t++) {
    const previousRow = (t - 1) * L;
    for (let y = 0; y < L; y++) {
      let best: number;
      let bestPrevious: number;
      if (isInside(y)) {
        const begin = beginOfInside(y);
        const fromBegin = bestScores[previousRow + begin] + moves[begin * L + y];
        const fromInside = bestScores[previousRow + y] + moves[y * L + y];
        if (fromInside > fromBegin) {
          best = fromInside;
          bestPrevious = y;
        } else {
          best = fromBegin;
          bestPrevious = begin;
        }
      } else {
        best = bestScores[previousRow] + moves[y];
        bestPrevious = 0;
        for (let p = 1; p < L; p++) {
          const score = bestScores[previousRow + p] + moves[p * L + y];
          if (score > best) {
            best = score;
            bestPrevious = p;
          }
        }
      }
      bestScores[t * L + y] = best + emissions[t * L + y];
      backPointers[t * L + y] = bestPrevious;
    }
  }
  const lastRow = (tokenCount - 1) * L;
  let label = 0;
  for (let y = 1; y < L; y++) if (bestScores[lastRow + y] > bestScores[lastRow + label]) label = y;
  for (let t = tokenCount - 1; t >= 0; t--) {
    path[t] = label;
    label = backPointers[t * L + label];
  }
}
