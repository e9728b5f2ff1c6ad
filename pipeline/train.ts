/**
 * `npm run train`: trains the French name tagger on the training split of the given corpora and
 * writes the model (default data/models/tagger-fr.bin.gz), then prints the development scores.
 *
 *   npm run train -- [--data FILE.jsonl]... [--out PATH] [--epochs N] [--seed N] [--hash-bits N]
 */
import { mkdirSync, statSync } from "node:fs";
import { basename, dirname } from "node:path";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "../src/common/atomic-write.js";
import { DEFAULT_CORPORA, DEV_EVERY, readCorpus, sentencesOf, splitForDevelopment } from "../src/5-extract/tagger/corpus.js";
import { evaluateSpans, formatDevScores } from "../src/5-extract/tagger/evaluate.js";
import { FeatureExtractor } from "../src/5-extract/tagger/features.js";
import { createTagger, DEFAULT_MODEL_PATH, loadTagger, modelHash } from "../src/5-extract/tagger/index.js";
import { LexiconMatcher } from "../src/5-extract/tagger/lexicon-features.js";
import { MAX_HASH_BITS, quantiseModel, serializeModel } from "../src/5-extract/tagger/perceptron.js";
import { trainPerceptron } from "../src/5-extract/tagger/train.js";

const { values: options } = parseArgs({
  options: {
    data: { type: "string", multiple: true },
    out: { type: "string", default: DEFAULT_MODEL_PATH },
    epochs: { type: "string", default: "12" },
    seed: { type: "string", default: "1" },
    "hash-bits": { type: "string", default: "21" },
  },
});

const started = Date.now();
const epochs = integerOption("epochs", 1, 1000);
const seed = integerOption("seed", 0, 2 ** 32 - 1);
const hashBits = integerOption("hash-bits", 10, MAX_HASH_BITS);
const corpora = (options.data ?? DEFAULT_CORPORA).map((path) => {
  const { train, dev } = splitForDevelopment(readCorpus(path));
  return { name: basename(path), train: sentencesOf(train), dev: sentencesOf(dev) };
});
const trainingSentences = corpora.flatMap((corpus) => corpus.train);
const lexicons = LexiconMatcher.fromProjectLexicons();
const extractor = new FeatureExtractor(hashBits, lexicons);
for (const corpus of corpora) console.log(`${corpus.name}: ${corpus.train.length} training sentences, ${corpus.dev.length} dev sentences (every ${DEV_EVERY}th document)`);

const model = trainPerceptron(trainingSentences, extractor, {
  epochs,
  seed,
  training: { corpora: corpora.map((corpus) => corpus.name).join(" + "), dev: `every ${DEV_EVERY}th document held out` },
  onEpoch: (progress, snapshot) => {
    const tagger = createTagger(quantiseModel(snapshot()), lexicons);
    const devScores = corpora
      .map((corpus) => `${corpus.name} ${evaluateSpans(tagger.spans, corpus.dev, ["PER", "ORG", "LOC"]).micro!.f1.toFixed(4)}`)
      .join(", ");
    const errorRate = ((100 * progress.tokenErrors) / progress.tokens).toFixed(2);
    console.log(`epoch ${progress.epoch}: training token errors ${errorRate}% in ${progress.seconds.toFixed(1)} s; dev PER/ORG/LOC F1: ${devScores}`);
  },
});

mkdirSync(dirname(options.out), { recursive: true });
writeFileAtomic(options.out, serializeModel(model));
console.log(`wrote ${options.out}: ${(statSync(options.out).size / 1e6).toFixed(1)} MB, sha256 ${modelHash(options.out)}, ${((Date.now() - started) / 1000).toFixed(0)} s in all`);

// Scores of the model as read back from the file written (the epochs' scores are of their snapshots, quantised the same way).
const written = loadTagger(options.out);
for (const corpus of corpora) console.log(`\n${corpus.name} dev, PER/ORG/LOC:\n${formatDevScores(written.spans, corpus.dev)}`);

function integerOption(name: "epochs" | "seed" | "hash-bits", minimum: number, maximum: number): number {
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value < minimum || value > maximum) {
    throw new Error(`--${name} must be an integer from ${minimum} to ${maximum}, not ${options[name]}`);
  }
  return value;
}
