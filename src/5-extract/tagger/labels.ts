/** The tag set (BIO over four entity types) and conversions between token spans and label sequences. */

export const TAGGER_TYPES = ["PER", "ORG", "LOC", "MISC"] as const;
export type TaggerType = (typeof TAGGER_TYPES)[number];

/** A run of tokens `[start, end)` that names one entity. */
export interface TokenSpan {
  start: number;
  end: number;
  type: TaggerType;
}

/** Label ids: 0 is O, then B-/I- for each type in `TAGGER_TYPES` order (1 = B-PER, 2 = I-PER, ...). */
export const LABELS: readonly string[] = ["O", ...TAGGER_TYPES.flatMap((type) => [`B-${type}`, `I-${type}`])];
export const LABEL_COUNT = LABELS.length;
const OUTSIDE = 0;

const beginOf = (typeIndex: number): number => 1 + 2 * typeIndex;
const insideOf = (typeIndex: number): number => 2 + 2 * typeIndex;
const typeIndexOf = (label: number): number => (label - 1) >> 1;
export const isInside = (label: number): boolean => label !== OUTSIDE && (label & 1) === 0;
/** The B- label of an I- label's type. */
export const beginOfInside = (inside: number): number => beginOf(typeIndexOf(inside));

export function spansToLabelIds(tokenCount: number, spans: readonly TokenSpan[]): Uint8Array {
  const labels = new Uint8Array(tokenCount);
  for (const span of spans) {
    const typeIndex = TAGGER_TYPES.indexOf(span.type);
    labels[span.start] = beginOf(typeIndex);
    for (let i = span.start + 1; i < span.end; i++) labels[i] = insideOf(typeIndex);
  }
  return labels;
}

/** Lenient BIO reading: an I-X that does not continue an X entity starts a new one. */
export function labelIdsToSpans(labels: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | undefined;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    const continues = open !== undefined && isInside(label) && TAGGER_TYPES[typeIndexOf(label)] === open.type;
    if (continues) {
      open!.end = i + 1;
      continue;
    }
    open = label === OUTSIDE ? undefined : { start: i, end: i + 1, type: TAGGER_TYPES[typeIndexOf(label)] };
    if (open) spans.push(open);
  }
  return spans;
}

/**
 * Added to the transition scores during decoding: -Infinity where BIO forbids the move
 * (I-X only after B-X or I-X), so the decoder never outputs an ill-formed sequence.
 * Row 0 is the sentence start, row p+1 the previous label p; column is the next label.
 */
export const TRANSITION_MASK: Float64Array = (() => {
  const mask = new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT);
  for (let previous = -1; previous < LABEL_COUNT; previous++) {
    for (let next = 0; next < LABEL_COUNT; next++) {
      const allowed = !isInside(next) || (previous > OUTSIDE && typeIndexOf(previous) === typeIndexOf(next));
      mask[(previous + 1) * LABEL_COUNT + next] = allowed ? 0 : -Infinity;
    }
  }
  return mask;
})();
