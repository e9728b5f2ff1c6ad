import type { LabeledSentence } from "./corpus.js";
import { FEATURE_VERSION, type FeatureExtractor, type SentenceFeatures } from "./features.js";
import { LABEL_COUNT, LABELS, spansToLabelIds } from "./labels.js";
import { AveragedWeights, emissionScores, type ModelHeader, type TrainedModel } from "./perceptron.js";
import { viterbi } from "./viterbi.js";
import { mulberry32 } from "../../common/random.js";

export interface TrainOptions {
  epochs: number;
  /** Seeds the shuffling of the sentences before each epoch: same seed and data, same model. */
  seed: number;
  /** Recorded in the model header. */
  training: Record<string, string | number>;
  /** Called after each epoch; `snapshot()` averages the weights so far (costs a pass over them). */
  onEpoch?: (progress: EpochProgress, snapshot: () => TrainedModel) => void;
}

export interface EpochProgress {
  epoch: number;
  tokens: number;
  /** Tokens whose predicted label differed from the gold one, before the update: the training error. */
  tokenErrors: number;
  seconds: number;
}

interface PreparedSentence {
  features: SentenceFeatures;
  gold: Uint8Array;
}

/** Trains an averaged structured perceptron (Collins 2002) with Viterbi decoding over BIO labels. */
export function trainPerceptron(
  sentences: readonly LabeledSentence[],
  extractor: FeatureExtractor,
  options: TrainOptions,
): TrainedModel {
  const header: ModelHeader = {
    labels: LABELS, featureVersion: FEATURE_VERSION, hashBits: extractor.hashBits, lexiconDigest: extractor.lexicons.digest(),
    training: sortedKeys({ ...options.training, epochs: options.epochs, seed: options.seed }),
  };
  const prepared = sentences.filter((s) => s.tokens.length > 0).map((s) => prepare(s, extractor));
  const weights = new AveragedWeights(extractor.hashBits);
  const random = mulberry32(options.seed);
  const order = prepared.map((_, index) => index);
  const longest = prepared.reduce((most, s) => Math.max(most, s.gold.length), 0);
  const scores = new Float64Array(longest * LABEL_COUNT);
  const predicted = new Uint8Array(longest);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const started = process.hrtime.bigint();
    shuffle(order, random);
    let tokens = 0;
    let tokenErrors = 0;
    for (const index of order) {
      const { features, gold } = prepared[index];
      tokens += gold.length;
      tokenErrors += learnFrom(weights, features, gold, scores, predicted);
      weights.step++;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    options.onEpoch?.({ epoch, tokens, tokenErrors, seconds }, () => weights.averaged(header));
  }
  return weights.averaged(header);
}

/** Decodes with the current weights and, where the prediction is wrong, moves weight from it to the gold labels. Returns the token errors. */
function learnFrom(weights: AveragedWeights, features: SentenceFeatures, gold: Uint8Array, scores: Float64Array, predicted: Uint8Array): number {
  const n = gold.length;
  emissionScores(weights.weights, features, n, scores);
  viterbi(scores, n, weights.transitions, predicted);
  let errors = 0;
  for (let t = 0; t < n; t++) {
    const goldPrevious = t === 0 ? -1 : gold[t - 1];
    const predictedPrevious = t === 0 ? -1 : predicted[t - 1];
    if (gold[t] !== predicted[t]) {
      errors++;
      weights.updateToken(features, t, gold[t], 1);
      weights.updateToken(features, t, predicted[t], -1);
    }
    if (gold[t] !== predicted[t] || goldPrevious !== predictedPrevious) {
      weights.updateTransition(goldPrevious, gold[t], 1);
      weights.updateTransition(predictedPrevious, predicted[t], -1);
    }
  }
  return errors;
}

function prepare(sentence: LabeledSentence, extractor: FeatureExtractor): PreparedSentence {
  const features = extractor.extract(sentence.tokens);
  return {
    features: { rows: features.rows.slice(), starts: features.starts },
    gold: spansToLabelIds(sentence.tokens.length, sentence.spans),
  };
}

function shuffle(values: number[], random: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j], values[i]];
  }
}

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}
