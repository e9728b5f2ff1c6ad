import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tokenize } from "../../src/4-tokenize/tokenize.js";
import { DATA_DIR } from "../../src/common/lexicons.js";
import { CachedEmissions } from "../../src/5-extract/tagger/emissions.js";
import { FeatureExtractor } from "../../src/5-extract/tagger/features.js";
import { loadSharedModel } from "../../src/5-extract/tagger/index.js";
import { LABEL_COUNT } from "../../src/5-extract/tagger/labels.js";
import { LexiconMatcher } from "../../src/5-extract/tagger/lexicon-features.js";
import { emissionScores, rowOffset } from "../../src/5-extract/tagger/perceptron.js";

const model = loadSharedModel();
/** The weights of every bucket expanded to level × scale, exact in float64. */
const floatWeights = new Float64Array((1 << model.header.hashBits) * LABEL_COUNT);
for (let bucket = 0; bucket < 1 << model.header.hashBits; bucket++) {
  const row = rowOffset(model.weights, bucket);
  for (let y = 0; row >= 0 && y < LABEL_COUNT; y++) floatWeights[bucket * LABEL_COUNT + y] = model.weights.levels[row + y] * model.weights.scale;
}
const lexicons = LexiconMatcher.fromProjectLexicons();
const extractor = new FeatureExtractor(model.header.hashBits, lexicons);

/** The sample articles cut into runs of 30 tokens, with sentences that have quotes, lexicon entries of several tokens, one token. */
const SENTENCES: string[][] = [
  ...readdirSync(join(DATA_DIR, "articles")).flatMap((file) => {
    const tokens = tokenize(readFileSync(join(DATA_DIR, "articles", file), "utf8")).map((token) => token.text);
    return Array.from({ length: Math.ceil(tokens.length / 30) }, (_, i) => tokens.slice(i * 30, i * 30 + 30));
  }),
  "Le film « La Grande Vadrouille » passe à New York et à Saint-Étienne .".split(" "),
  'Il lit " Le Monde " chez L’ Oréal , M . Dupont aussi'.split(" "),
  ["Paris"],
];

/** The emission scores as training computes them: every feature of the sentence, added up in order. */
function expected(tokens: string[]): Float64Array {
  const scores = new Float64Array(tokens.length * LABEL_COUNT);
  emissionScores(floatWeights, extractor.extract(tokens), tokens.length, scores);
  return scores;
}

function cachedScores(emissions: CachedEmissions, tokens: string[]): Float64Array {
  const scores = new Float64Array(tokens.length * LABEL_COUNT);
  emissions.score(tokens, scores);
  return scores;
}

test("the shipped model's scores from weights summed per token string are those of every feature added up, to the bit", () => {
  const emissions = new CachedEmissions(model.weights, model.header.hashBits, lexicons);
  for (const tokens of [...SENTENCES, ...SENTENCES]) expect(cachedScores(emissions, tokens)).toEqual(expected(tokens));
});

test("the scores stay the same when the cache makes room between sentences, or is smaller than a sentence", () => {
  const emissions = new CachedEmissions(model.weights, model.header.hashBits, lexicons, 20);
  for (const tokens of SENTENCES) expect(cachedScores(emissions, tokens)).toEqual(expected(tokens));
});

test("when the cache is full, the tokens that came often stay cached and the others go", () => {
  const looked: string[] = [];
  const counting = Object.create(lexicons) as LexiconMatcher;
  counting.lookup = (token: string) => (looked.push(token), lexicons.lookup(token));
  const emissions = new CachedEmissions(model.weights, model.header.hashBits, counting, 20);
  // Each sentence: two frequent words and eight new ones; the cache of 20 is full every other sentence.
  for (let s = 0; s < 30; s++) cachedScores(emissions, ["le", "président", ...Array.from({ length: 8 }, (_, i) => `mot${s}x${i}`)]);
  expect(looked.filter((token) => token === "le" || token === "président")).toEqual(["le", "président"]);
  expect(looked.filter((token) => token === "mot0x0")).toHaveLength(1);
});
