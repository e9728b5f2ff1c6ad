import { LABEL_COUNT, TRANSITION_MASK } from "./labels.js";

// Reused between calls: decoding allocates nothing once the buffers have grown to the longest sentence.
let bestScores = new Float64Array(0);
let backPointers = new Uint8Array(0);

/**
 * For each label, the previous labels BIO allows before it, in increasing order. The others would
 * score -Infinity and never win, so they are not scored: an I-X has two predecessors instead of nine,
 * which saves a third of the decoding. With an allowed move the mask adds 0, which changes no score.
 */
const ALLOWED_PREVIOUS: readonly Uint8Array[] = Array.from({ length: LABEL_COUNT }, (_, label) =>
  Uint8Array.from({ length: LABEL_COUNT }, (_, previous) => previous).filter((previous) => TRANSITION_MASK[(previous + 1) * LABEL_COUNT + label] === 0),
);

/**
 * The best label sequence under first-order transitions.
 * `emissions[t * L + y]`: score of label y at token t; `transitions[(p + 1) * L + y]`: score of p → y, row 0 = sentence start.
 * Writes the labels into `path` (length n).
 */
export function viterbi(emissions: Float64Array, tokenCount: number, transitions: ArrayLike<number>, path: Uint8Array): void {
  const L = LABEL_COUNT;
  if (tokenCount === 0) return;
  if (bestScores.length < tokenCount * L) {
    bestScores = new Float64Array(tokenCount * L * 2);
    backPointers = new Uint8Array(tokenCount * L * 2);
  }
  for (let y = 0; y < L; y++) bestScores[y] = emissions[y] + transitions[y] + TRANSITION_MASK[y];
  for (let t = 1; t < tokenCount; t++) {
    const previousRow = (t - 1) * L;
    for (let y = 0; y < L; y++) {
      const allowed = ALLOWED_PREVIOUS[y];
      let best = -Infinity;
      let bestPrevious = 0;
      for (let i = 0; i < allowed.length; i++) {
        const p = allowed[i];
        const score = bestScores[previousRow + p] + transitions[(p + 1) * L + y];
        if (score > best) {
          best = score;
          bestPrevious = p;
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
