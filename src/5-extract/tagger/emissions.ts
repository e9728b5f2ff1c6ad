import {
  addFirstTokenFeatures, addLexiconFeatures, addNeighbourFeatures, addOwnFeatures, addQuoteFeature,
  AFTER_SENTENCE, BEFORE_SENTENCE, FeatureRows, hashToken, NEIGHBOUR_OFFSETS, type NeighbourOffset, type TokenHashes,
} from "./features.js";
import { LABEL_COUNT } from "./labels.js";
import type { LexiconMatcher, TokenLookup } from "./lexicon-features.js";
import { type QuantisedWeights, rowOffset } from "./perceptron.js";
import { detached } from "../../common/detached.js";

/**
 * Emission scores with the weights summed once per distinct token string. Most features of a token
 * depend on one string only, its own or a neighbour's (see features.ts), and token strings repeat
 * heavily in news: a token's first occurrence sums those weights into five label vectors (its own
 * features, and what it gives the tokens two before, before, after and two after it); every later
 * occurrence adds up five cached vectors and looks up only the few features that depend on the sentence.
 * Reading forty-odd scattered weight rows per token was most of the tagger's time.
 *
 * The sums are of int16 weight levels, integers, and become scores times the model's scale only at
 * the end: the same to the bit as `emissionScores` over `FeatureExtractor.extract` and the weights
 * expanded to level × scale, whatever the order of the additions, since every weight is an exact
 * multiple of the scale and no sum comes near 2^53 of them. Integers spared a table lookup per weight.
 */

/** Per cached token, vectors of LABEL_COUNT level sums: its own features, then one per `NEIGHBOUR_OFFSETS` entry. */
const STRIDE = (1 + NEIGHBOUR_OFFSETS.length) * LABEL_COUNT;
/** The vector of what a token gives the token it stands `offset` positions away from. */
const lentAt = (offset: NeighbourOffset): number => (1 + NEIGHBOUR_OFFSETS.indexOf(offset)) * LABEL_COUNT;
const AS_PREVIOUS2 = lentAt(-2);
const AS_PREVIOUS = lentAt(-1);
const AS_NEXT = lentAt(1);
const AS_NEXT2 = lentAt(2);
/** Ids 0 and 1 stand for the boundaries before and after the sentence. */
const BEFORE = 0;
const AFTER = 1;
/** The boundaries are in no lexicon. */
const NO_LOOKUP: TokenLookup = { words: [], wholeBits: 0, start: undefined };
/**
 * Caps the memory of the cache, 180 bytes of sums per token (3 MB) plus the token's hashes and
 * lexicon lookup. The 16,384 most frequent tokens make most of a news text; with 65,536 the two
 * workers' caches grew by about 120 MB over a long run.
 */
const CACHE_LIMIT = 1 << 14;
/**
 * When the cache is full, the tokens that came most often since it was last full stay, up to this
 * share of it, and the others go. Real text keeps bringing new tokens, most of them once: the two
 * training corpora hold 69,000 distinct ones in 840,000 tokens, and emptying the whole cache when
 * full had the tagger cache 141,000 tokens there, the frequent ones again and again.
 */
const KEPT_SHARE = 0.5;
/** Occurrences counted per token up to this, enough to rank them. */
const MAX_COUNT = 255;

export class CachedEmissions {
  private ids = new Map<string, number>();
  private vectors: Int32Array;
  /** Per id, its occurrences after the first since the cache was last full (halved then, for those kept). */
  private counts: Uint8Array;
  private readonly hashes: TokenHashes[] = [BEFORE_SENTENCE, AFTER_SENTENCE];
  private readonly lookups: TokenLookup[] = [NO_LOOKUP, NO_LOOKUP];
  private readonly rows: FeatureRows;
  // Per-sentence buffers, grown to the longest sentence: the ids with two boundary ids on each side.
  private sentenceIds = new Int32Array(64);
  private sentenceLookups: TokenLookup[] = [];
  private multiTokenBits = new Int32Array(64);
  private readonly levelSums = new Int32Array(LABEL_COUNT);

  constructor(
    private readonly weights: QuantisedWeights,
    hashBits: number,
    private readonly lexicons: LexiconMatcher,
    private readonly cacheLimit = CACHE_LIMIT,
  ) {
    this.rows = new FeatureRows(hashBits, 1);
    // Allocated at full size at once: growing it copied tens of megabytes, while pages of zeros cost memory only once written.
    this.vectors = new Int32Array((AFTER + 1 + cacheLimit) * STRIDE);
    this.counts = new Uint8Array(AFTER + 1 + cacheLimit);
    this.cacheLent(BEFORE, BEFORE_SENTENCE, 0);
    this.cacheLent(AFTER, AFTER_SENTENCE, 0);
  }

  /** Fills `scores[t * LABEL_COUNT + y]` with the summed feature weights of label y at token t. */
  score(tokens: readonly string[], scores: Float64Array): void {
    const n = tokens.length;
    this.identify(tokens);
    this.findMultiTokenBits(n);
    const { sentenceIds: ids, vectors, rows, levelSums } = this;
    const { scale } = this.weights;
    let insideQuotes = false;
    for (let t = 0; t < n; t++) {
      // Token t has id ids[t + 2]; the tokens two before .. two after it, ids[t] .. ids[t + 4].
      const own = ids[t + 2] * STRIDE;
      const fromPrevious2 = ids[t] * STRIDE + AS_PREVIOUS2;
      const fromPrevious = ids[t + 1] * STRIDE + AS_PREVIOUS;
      const fromNext = ids[t + 3] * STRIDE + AS_NEXT;
      const fromNext2 = ids[t + 4] * STRIDE + AS_NEXT2;
      for (let y = 0; y < LABEL_COUNT; y++) {
        levelSums[y] = vectors[own + y] + vectors[fromPrevious2 + y] + vectors[fromPrevious + y] + vectors[fromNext + y] + vectors[fromNext2 + y];
      }
      rows.clear();
      insideQuotes = this.addSentenceFeatures(tokens[t], t, n, insideQuotes);
      addRows(this.weights, rows, levelSums, 0);
      const out = t * LABEL_COUNT;
      for (let y = 0; y < LABEL_COUNT; y++) scores[out + y] = levelSums[y] * scale;
    }
  }

  /** The features of token t that depend on the sentence around it. Returns whether quotes are open after it. */
  private addSentenceFeatures(token: string, t: number, n: number, insideQuotes: boolean): boolean {
    const { sentenceIds: ids, rows, multiTokenBits: bits } = this;
    const here = this.hashes[ids[t + 2]];
    if (t === 0) addFirstTokenFeatures(rows, here, this.lookups[ids[2]].wholeBits | bits[0]);
    const insideAfter = addQuoteFeature(rows, token, here, insideQuotes);
    // The WHOLE bits are the token's own: their features are in the cached vectors.
    addLexiconFeatures(rows, bits[t], t > 0 ? bits[t - 1] : 0, t + 1 < n ? bits[t + 1] : 0, here.shortShape);
    return insideAfter;
  }

  /** Fills `sentenceIds` (boundaries included), caching the tokens seen for the first time. */
  private identify(tokens: readonly string[]): void {
    const n = tokens.length;
    if (this.ids.size + n > this.cacheLimit) this.makeRoom();
    this.reserve(this.hashes.length + n);
    if (this.sentenceIds.length < n + 4) this.sentenceIds = new Int32Array((n + 4) * 2);
    const { sentenceIds: ids, counts } = this;
    ids[0] = ids[1] = BEFORE;
    for (let t = 0; t < n; t++) {
      let id = this.ids.get(tokens[t]);
      if (id === undefined) id = this.cacheToken(tokens[t]);
      else if (counts[id] < MAX_COUNT) counts[id]++;
      ids[t + 2] = id;
    }
    ids[n + 2] = ids[n + 3] = AFTER;
  }

  /** The FIRST and LATER lexicon bits of the sentence's tokens, which depend on the tokens that follow. */
  private findMultiTokenBits(n: number): void {
    if (this.multiTokenBits.length < n) this.multiTokenBits = new Int32Array(n * 2);
    this.multiTokenBits.fill(0, 0, n);
    for (let t = 0; t < n; t++) this.sentenceLookups[t] = this.lookups[this.sentenceIds[t + 2]];
    this.lexicons.addMultiTokenBits(this.sentenceLookups, n, this.multiTokenBits);
  }

  private cacheToken(token: string): number {
    const id = this.hashes.length;
    const hashes = hashToken(token);
    const lookup = this.lexicons.lookup(token);
    this.hashes.push(hashes);
    this.lookups.push(lookup);
    this.ids.set(detached(token), id);
    this.counts[id] = 0;
    this.rows.clear();
    addOwnFeatures(this.rows, hashes);
    addLexiconFeatures(this.rows, lookup.wholeBits, 0, 0, hashes.shortShape);
    this.storeSums(id * STRIDE);
    this.cacheLent(id, hashes, lookup.wholeBits);
    return id;
  }

  /** The vectors of what a token gives its neighbours: features of its strings, and of its WHOLE lexicon bits to the tokens next to it. */
  private cacheLent(id: number, hashes: TokenHashes, wholeBits: number): void {
    for (const offset of NEIGHBOUR_OFFSETS) {
      this.rows.clear();
      addNeighbourFeatures(this.rows, hashes, offset);
      addLexiconFeatures(this.rows, 0, offset === -1 ? wholeBits : 0, offset === 1 ? wholeBits : 0, 0);
      this.storeSums(id * STRIDE + lentAt(offset));
    }
  }

  /** Writes at `at` the label sums of the rows added since `rows` was cleared. */
  private storeSums(at: number): void {
    this.vectors.fill(0, at, at + LABEL_COUNT);
    addRows(this.weights, this.rows, this.vectors, at);
  }

  /** Room for the vectors of `count` tokens (boundaries included): only a sentence longer than the cache needs more than was allocated. */
  private reserve(count: number): void {
    if (this.vectors.length >= count * STRIDE) return;
    const grown = new Int32Array(count * STRIDE);
    grown.set(this.vectors);
    this.vectors = grown;
    const counts = new Uint8Array(count);
    counts.set(this.counts);
    this.counts = counts;
  }

  /** Keeps the most frequent tokens (`KEPT_SHARE`), moved to the lowest ids, and forgets the others. */
  private makeRoom(): void {
    const least = this.leastCountKept(Math.floor(this.cacheLimit * KEPT_SHARE));
    const { vectors, hashes, lookups, counts } = this;
    const kept = new Map<string, number>();
    // A Map iterates in insertion order, which is id order: each token moves down, onto a place already read.
    for (const [token, id] of this.ids) {
      if (counts[id] < least) continue;
      const place = AFTER + 1 + kept.size;
      vectors.copyWithin(place * STRIDE, id * STRIDE, (id + 1) * STRIDE);
      hashes[place] = hashes[id];
      lookups[place] = lookups[id];
      counts[place] = counts[id] >> 1;
      kept.set(token, place);
    }
    this.ids = kept;
    hashes.length = lookups.length = AFTER + 1 + kept.size;
  }

  /** The least count of the tokens kept, so that at most `room` of them are: above MAX_COUNT when none is. */
  private leastCountKept(room: number): number {
    const tokensByCount = new Int32Array(MAX_COUNT + 1);
    for (const id of this.ids.values()) tokensByCount[this.counts[id]]++;
    let least = MAX_COUNT + 1;
    let kept = 0;
    // Count 0 (a token met once since the cache was last full) is never enough.
    while (least > 1 && kept + tokensByCount[least - 1] <= room) kept += tokensByCount[--least];
    return least;
  }
}

/** Adds to `sums[at + y]` the level of label y of the bucket of every row. */
function addRows(weights: QuantisedWeights, rows: FeatureRows, sums: Int32Array, at: number): void {
  const { levels } = weights;
  let s0 = sums[at], s1 = sums[at + 1], s2 = sums[at + 2], s3 = sums[at + 3], s4 = sums[at + 4];
  let s5 = sums[at + 5], s6 = sums[at + 6], s7 = sums[at + 7], s8 = sums[at + 8];
  for (let f = 0; f < rows.count; f++) {
    const row = rowOffset(weights, rows.rows[f]);
    if (row < 0) continue;
    s0 += levels[row]; s1 += levels[row + 1]; s2 += levels[row + 2]; s3 += levels[row + 3]; s4 += levels[row + 4];
    s5 += levels[row + 5]; s6 += levels[row + 6]; s7 += levels[row + 7]; s8 += levels[row + 8];
  }
  sums[at] = s0; sums[at + 1] = s1; sums[at + 2] = s2; sums[at + 3] = s3; sums[at + 4] = s4;
  sums[at + 5] = s5; sums[at + 6] = s6; sums[at + 7] = s7; sums[at + 8] = s8;
}
