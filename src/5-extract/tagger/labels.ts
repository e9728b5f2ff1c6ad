/** The tag set (BILOU over four entity types) and conversions between token spans and label sequences. */

export const TAGGER_TYPES = ["PER", "ORG", "LOC", "MISC"] as const;
export type TaggerType = (typeof TAGGER_TYPES)[number];

/** A run of tokens `[start, end)` that names one entity. */
export interface TokenSpan {
  start: number;
  end: number;
  type: TaggerType;
}

/**
 * BILOU: an entity of one token is U-X; a longer one is B-X, I-X..., L-X. Learning where names end
 * (L) apart from their inside (I) helps the decoder get multi-word boundaries right (Ratinov and Roth 2009).
 * Label ids: 0 is O, then B-, I-, L-, U- for each type in `TAGGER_TYPES` order (1 = B-PER, ..., 4 = U-PER, 5 = B-ORG...).
 */
const PARTS = ["B", "I", "L", "U"] as const;
type Part = (typeof PARTS)[number];
export const LABELS: readonly string[] = ["O", ...TAGGER_TYPES.flatMap((type) => PARTS.map((part) => `${part}-${type}`))];
export const LABEL_COUNT = LABELS.length;
const OUTSIDE = 0;

const labelOf = (part: Part, typeIndex: number): number => 1 + 4 * typeIndex + PARTS.indexOf(part);
const typeIndexOf = (label: number): number => (label - 1) >> 2;
const partOf = (label: number): Part | undefined => (label === OUTSIDE ? undefined : PARTS[(label - 1) & 3]);
/** After B or I the entity is still open: the next label must continue it. */
const isOpen = (label: number): boolean => partOf(label) === "B" || partOf(label) === "I";
const continuesEntity = (label: number): boolean => partOf(label) === "I" || partOf(label) === "L";

export function spansToLabelIds(tokenCount: number, spans: readonly TokenSpan[]): Uint8Array {
  const labels = new Uint8Array(tokenCount);
  for (const span of spans) {
    const typeIndex = TAGGER_TYPES.indexOf(span.type);
    if (span.end - span.start === 1) {
      labels[span.start] = labelOf("U", typeIndex);
      continue;
    }
    labels[span.start] = labelOf("B", typeIndex);
    for (let i = span.start + 1; i < span.end - 1; i++) labels[i] = labelOf("I", typeIndex);
    labels[span.end - 1] = labelOf("L", typeIndex);
  }
  return labels;
}

/** Lenient reading: an I or L that does not continue an open entity of its type starts a new one. */
export function labelIdsToSpans(labels: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | undefined;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label === OUTSIDE) {
      open = undefined;
      continue;
    }
    const type = TAGGER_TYPES[typeIndexOf(label)];
    if (open && continuesEntity(label) && open.type === type) open.end = i + 1;
    else {
      open = { start: i, end: i + 1, type };
      spans.push(open);
    }
    if (!isOpen(label)) open = undefined;
  }
  return spans;
}

/** BIO labels for the pipeline (`B-PER`, `I-PER`, `O`): L reads as I, U as B. */
export function bioLabel(label: number): string {
  const part = partOf(label);
  if (part === undefined) return "O";
  return `${part === "B" || part === "U" ? "B" : "I"}-${TAGGER_TYPES[typeIndexOf(label)]}`;
}

/**
 * Added to the transition scores during decoding: -Infinity where BILOU forbids the move, so the
 * decoder never outputs an ill-formed sequence. An open entity (after B or I) continues with I or L
 * of its type; otherwise the next label is O, B or U. Row 0 is the sentence start, row p+1 the
 * previous label p; column is the next label.
 */
export const TRANSITION_MASK: Float64Array = (() => {
  const mask = new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT);
  for (let previous = -1; previous < LABEL_COUNT; previous++) {
    for (let next = 0; next < LABEL_COUNT; next++) {
      const allowed = previous >= 0 && isOpen(previous)
        ? continuesEntity(next) && typeIndexOf(next) === typeIndexOf(previous)
        : !continuesEntity(next);
      mask[(previous + 1) * LABEL_COUNT + next] = allowed ? 0 : -Infinity;
    }
  }
  return mask;
})();

/** Added to the scores of the last token: a sentence cannot end inside an open entity. */
export const FINAL_MASK: Float64Array = Float64Array.from(LABELS, (_, label) => (isOpen(label) ? -Infinity : 0));
