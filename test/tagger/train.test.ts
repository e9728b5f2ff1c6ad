import { FeatureExtractor } from "../../src/5-extract/tagger/features.js";
import { createTagger } from "../../src/5-extract/tagger/index.js";
import type { LabeledSentence } from "../../src/5-extract/tagger/corpus.js";
import type { TokenSpan } from "../../src/5-extract/tagger/labels.js";
import { LexiconMatcher, TAGGER_LEXICONS } from "../../src/5-extract/tagger/lexicon-features.js";
import { deserializeModel, quantiseModel, serializeModel } from "../../src/5-extract/tagger/perceptron.js";
import { trainPerceptron, type TrainOptions } from "../../src/5-extract/tagger/train.js";

/** A tiny corpus: "text" with entities marked as [[name|TYPE]]. */
const FIXTURE = [
  "[[Claire Martin|PER]] dirige [[Airbus|ORG]] depuis [[Toulouse|LOC]] .",
  "Le maire de [[Lille|LOC]] , [[Paul Lefèvre|PER]] , a rencontré [[Claire Martin|PER]] .",
  "[[Airbus|ORG]] recrute à [[Lille|LOC]] et à [[Toulouse|LOC]] .",
  "Selon [[Paul Lefèvre|PER]] , la [[Société générale|ORG]] quitte [[Nantes|LOC]] .",
  "La [[Société générale|ORG]] a ouvert une agence à [[Nantes|LOC]] pour la [[Coupe du monde|MISC]] .",
  "Il a vu la [[Coupe du monde|MISC]] avec [[Claire Martin|PER]] à [[Toulouse|LOC]] .",
].map(parseFixture);

const OPTIONS: TrainOptions = { epochs: 20, seed: 7, training: { corpora: "fixture" } };
const noLexicons = (): LexiconMatcher => new LexiconMatcher(TAGGER_LEXICONS.map(() => []));
const extractor = (): FeatureExtractor => new FeatureExtractor(16, noLexicons());

test("training on a small fixture lowers the error and learns its names", () => {
  const errors: number[] = [];
  const model = trainPerceptron(FIXTURE, extractor(), { ...OPTIONS, onEpoch: (progress) => errors.push(progress.tokenErrors) });
  expect(errors[0]).toBeGreaterThan(0);
  expect(errors[errors.length - 1]).toBeLessThan(errors[0]);
  const tagger = createTagger(quantiseModel(model), noLexicons());
  for (const sentence of FIXTURE) expect(tagger.spans(sentence.tokens)).toEqual(sentence.spans);
});

test("training twice gives byte-identical model files", () => {
  const first = serializeModel(trainPerceptron(FIXTURE, extractor(), OPTIONS));
  const second = serializeModel(trainPerceptron(FIXTURE, extractor(), OPTIONS));
  expect(first.equals(second)).toBe(true);
});

test("a different seed shuffles differently but still learns the fixture", () => {
  const tagger = createTagger(quantiseModel(trainPerceptron(FIXTURE, extractor(), { ...OPTIONS, seed: 8 })), noLexicons());
  expect(tagger.spans(FIXTURE[0].tokens)).toEqual(FIXTURE[0].spans);
});

test("a trained model quantised in memory is the model its file gives back", () => {
  const trained = trainPerceptron(FIXTURE, extractor(), OPTIONS);
  const quantised = quantiseModel(trained);
  const read = deserializeModel(serializeModel(trained));
  expect(read.header).toEqual(quantised.header);
  expect(read.transitions).toEqual(quantised.transitions);
  expect(read.weights.scale).toBe(quantised.weights.scale);
  // As bytes: Jest compares typed arrays one number at a time, slowly.
  for (const part of ["present", "rowsBefore", "levels"] as const) expect(Buffer.from(read.weights[part].buffer).equals(Buffer.from(quantised.weights[part].buffer))).toBe(true);
});

function parseFixture(text: string): LabeledSentence {
  const tokens: string[] = [];
  const spans: TokenSpan[] = [];
  for (const part of text.split(/(\[\[[^\]]+\]\])/).filter((p) => p.trim() !== "")) {
    const entity = /^\[\[(.+)\|(\w+)\]\]$/.exec(part);
    const words = (entity ? entity[1] : part).trim().split(" ");
    if (entity) spans.push({ start: tokens.length, end: tokens.length + words.length, type: entity[2] as TokenSpan["type"] });
    tokens.push(...words);
  }
  return { tokens, spans };
}
