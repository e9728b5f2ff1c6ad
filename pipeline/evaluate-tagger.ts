/**
 * Scores a tagger model on the development split of the training corpora and measures its speed:
 *
 *   npm run build && node dist/pipeline/evaluate-tagger.js [--model PATH] [--data FILE.jsonl]...
 */
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_CORPORA, readCorpus, sentencesOf, splitForDevelopment } from "../src/5-extract/tagger/corpus.js";
import { formatDevScores } from "../src/5-extract/tagger/evaluate.js";
import { createTagger, DEFAULT_MODEL_PATH, loadSharedModel, loadTagger, modelHash, type Tagger } from "../src/5-extract/tagger/index.js";
import { LexiconMatcher } from "../src/5-extract/tagger/lexicon-features.js";

const SPEED_ROUNDS = 5;

const { values: options } = parseArgs({
  options: {
    model: { type: "string", default: DEFAULT_MODEL_PATH },
    data: { type: "string", multiple: true },
  },
});

const loadStarted = process.hrtime.bigint();
const tagger = loadTagger(options.model);
console.log(`${options.model}: sha256 ${modelHash(options.model)}, loaded in ${elapsedSeconds(loadStarted).toFixed(2)} s`);
if (tagger.lexiconsChanged) console.log("warning: data/lexicons changed since this model was trained; retrain with npm run train");

for (const path of options.data ?? DEFAULT_CORPORA) {
  const dev = sentencesOf(splitForDevelopment(readCorpus(path)).dev);
  console.log(`\n${basename(path)} dev (${dev.length} sentences), PER/ORG/LOC:`);
  console.log(formatDevScores(tagger.spans, dev));
  const sentences = dev.map((sentence) => sentence.tokens);
  const speed = (taggerOfPass: () => Tagger) => Math.round(tokensPerSecond(sentences, taggerOfPass)).toLocaleString("en");
  console.log(`speed: ${speed(() => tagger)} tokens/s (tag(), one thread, best of ${SPEED_ROUNDS} passes)`);
  // Each pass with a new tagger: its cache of token strings starts empty, as on text it has not seen.
  const model = loadSharedModel(options.model);
  const lexicons = LexiconMatcher.fromProjectLexicons();
  console.log(`from an empty cache: ${speed(() => createTagger(model, lexicons))} tokens/s`);
}

/** The best of several passes, after a warm-up pass, so that JIT compilation is not counted. */
function tokensPerSecond(sentences: string[][], taggerOfPass: () => Tagger): number {
  const tokenCount = sentences.reduce((sum, tokens) => sum + tokens.length, 0);
  const warmUp = taggerOfPass();
  for (const tokens of sentences) warmUp.tag(tokens);
  let best = Infinity;
  for (let round = 0; round < SPEED_ROUNDS; round++) {
    const passTagger = taggerOfPass();
    const started = process.hrtime.bigint();
    for (const tokens of sentences) passTagger.tag(tokens);
    best = Math.min(best, elapsedSeconds(started));
  }
  return tokenCount / best;
}

function elapsedSeconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}
