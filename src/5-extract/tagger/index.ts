import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DATA_DIR } from "../../common/lexicons.js";
import { CachedEmissions } from "./emissions.js";
import { FEATURE_VERSION } from "./features.js";
import { LABEL_COUNT, LABELS, labelIdsToSpans, type TokenSpan } from "./labels.js";
import { LexiconMatcher } from "./lexicon-features.js";
import { deserializeModel, type LinearModel } from "./perceptron.js";
import { viterbi } from "./viterbi.js";

export { TAGGER_TYPES, type TaggerType, type TokenSpan } from "./labels.js";

/** The shipped model, trained by `npm run train`. */
export const DEFAULT_MODEL_PATH = join(DATA_DIR, "models", "tagger-fr.bin.gz");

export interface Tagger {
  /** One BIO label per token (`B-PER`, `I-PER`, `O`, ...). */
  tag(tokens: string[]): string[];
  /** The entities as token index spans, end exclusive. */
  spans(tokens: string[]): TokenSpan[];
  /** True when data/lexicons differ from those the model was trained with: its lexicon features then misfire; retrain. */
  readonly lexiconsChanged: boolean;
}

const loaded = new Map<string, Tagger>();

/** Loads (once per path and process) a model written by `npm run train`. */
export function loadTagger(path: string = DEFAULT_MODEL_PATH): Tagger {
  let tagger = loaded.get(path);
  if (!tagger) {
    tagger = createTagger(deserializeModel(readFileSync(path)), LexiconMatcher.fromProjectLexicons());
    loaded.set(path, tagger);
  }
  return tagger;
}

/**
 * Reads a model file with its weights in shared memory: the run's worker threads each build a
 * tagger over the same weights (`createTagger`), instead of holding a copy each.
 * Checked here as `createTagger` checks it, so that the thread loading it is the one to fail.
 */
export function loadSharedModel(path: string = DEFAULT_MODEL_PATH): LinearModel {
  return checkModel(deserializeModel(readFileSync(path), true));
}

/** sha256 of the model file, to key caches of tagger output on. */
export function modelHash(path: string = DEFAULT_MODEL_PATH): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** Throws unless this code can tag with the model: its features must be those of this extractor version. */
function checkModel(model: LinearModel): LinearModel {
  if (model.header.featureVersion !== FEATURE_VERSION) {
    throw new Error(`model features v${model.header.featureVersion}, code v${FEATURE_VERSION}: retrain with npm run train`);
  }
  return model;
}

export function createTagger(model: LinearModel, lexicons: LexiconMatcher): Tagger {
  checkModel(model);
  const emissions = new CachedEmissions(model.weights, model.header.hashBits, lexicons);
  let scores = new Float64Array(0);
  const labelIds = (tokens: string[]): Uint8Array => {
    const n = tokens.length;
    if (scores.length < n * LABEL_COUNT) scores = new Float64Array(n * LABEL_COUNT * 2);
    const path = new Uint8Array(n);
    emissions.score(tokens, scores);
    viterbi(scores, n, model.transitions, path);
    return path;
  };
  return {
    tag: (tokens) => Array.from(labelIds(tokens), (id) => LABELS[id]),
    spans: (tokens) => labelIdsToSpans(labelIds(tokens)),
    // Computed when asked (sorting every lexicon key): only the evaluation command asks.
    get lexiconsChanged() {
      return lexicons.digest() !== model.header.lexiconDigest;
    },
  };
}
