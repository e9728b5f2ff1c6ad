import type { LabeledSentence } from "./corpus.js";
import type { TaggerType, TokenSpan } from "./labels.js";

/** Entity-level exact-match scores: a predicted span counts only if its start, end and type equal a gold span's. */

export interface Scores {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export type ScoreTable = Record<TaggerType | "micro", Scores>;

/** Per type, and micro-averaged over `types`; spans of other types are ignored on both sides. */
export function scoreSpans(
  pairs: Iterable<{ gold: readonly TokenSpan[]; predicted: readonly TokenSpan[] }>,
  types: readonly TaggerType[],
): Partial<ScoreTable> {
  const counts = new Map<string, [number, number, number]>([...types, "micro"].map((type) => [type, [0, 0, 0]]));
  const key = (span: TokenSpan): string => `${span.start}:${span.end}:${span.type}`;
  for (const { gold, predicted } of pairs) {
    const goldKeys = new Set(gold.filter((span) => types.includes(span.type)).map(key));
    const predictedKeys = new Set(predicted.filter((span) => types.includes(span.type)).map(key));
    for (const span of predicted) if (types.includes(span.type)) count(counts, span.type, goldKeys.has(key(span)) ? 0 : 1);
    for (const span of gold) if (types.includes(span.type) && !predictedKeys.has(key(span))) count(counts, span.type, 2);
  }
  return Object.fromEntries([...counts].map(([type, [tp, fp, fn]]) => [type, toScores(tp, fp, fn)]));
}

/** Scores a tagging function on labelled sentences. */
export function evaluateSpans(
  spansOf: (tokens: string[]) => TokenSpan[],
  sentences: readonly LabeledSentence[],
  types: readonly TaggerType[],
): Partial<ScoreTable> {
  return scoreSpans(sentences.map((sentence) => ({ gold: sentence.spans, predicted: spansOf(sentence.tokens) })), types);
}

/** `outcome` 0 = true positive, 1 = false positive, 2 = false negative; counted for the type and for micro. */
function count(counts: Map<string, [number, number, number]>, type: string, outcome: 0 | 1 | 2): void {
  counts.get(type)![outcome]++;
  counts.get("micro")![outcome]++;
}

function toScores(truePositives: number, falsePositives: number, falseNegatives: number): Scores {
  const precision = truePositives / Math.max(1, truePositives + falsePositives);
  const recall = truePositives / Math.max(1, truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

/** The development report printed by the training and evaluation commands: PER/ORG/LOC, then MISC when the gold has any. */
export function formatDevScores(spansOf: (tokens: string[]) => TokenSpan[], sentences: readonly LabeledSentence[]): string {
  const lines = [formatScores(evaluateSpans(spansOf, sentences, ["PER", "ORG", "LOC"]))];
  if (sentences.some((sentence) => sentence.spans.some((span) => span.type === "MISC"))) {
    lines.push(formatScores({ MISC: evaluateSpans(spansOf, sentences, ["MISC"]).MISC! }));
  }
  return lines.join("\n");
}

export function formatScores(table: Partial<ScoreTable>): string {
  return Object.entries(table)
    .map(([type, s]) => `${type.padEnd(5)} P ${s.precision.toFixed(4)} R ${s.recall.toFixed(4)} F1 ${s.f1.toFixed(4)}  (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`)
    .join("\n");
}
