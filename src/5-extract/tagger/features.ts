import { LABEL_COUNT } from "./labels.js";
import { BITS_PER_LEXICON, LexiconMatcher, TAGGER_LEXICONS } from "./lexicon-features.js";

/**
 * Feature extraction by hashing: every feature is a (template, value) pair hashed into one of
 * 2^hashBits buckets, so the model is a flat weight array and no feature dictionary is stored.
 * Strings are hashed once per token (word, lowercase, prefixes, suffixes, shapes) in one pass over
 * the characters; features mix those numbers, allocating no strings.
 *
 * The features of a token come in groups by what they depend on: its own string; the string of one
 * neighbour; the sentence around it (multi-token lexicon entries, quotes, first position). The tagger
 * keeps the weights of the first two groups per token string (see emissions.ts); training adds every
 * group up per sentence. Features combining two or three tokens' strings (word pairs, shape
 * trigrams) were dropped in version 2: they scored WikiNEuRal dev F1 0.9124 against 0.9093-0.9122 without
 * them, and their scattered weights were half the tagger's time.
 */

/** The features of one sentence: token t owns `rows[starts[t] .. starts[t+1])`, each a bucket × LABEL_COUNT weight offset. */
export interface SentenceFeatures {
  rows: Int32Array;
  starts: Int32Array;
}

/** Bump when templates or hashing change: a model is only valid with the extractor version it was trained with. */
export const FEATURE_VERSION = 2;

const enum Template {
  Bias, Word, Lower, Prefix, Suffix, Shape, ShortShape, FirstToken,
  LowerPrev, LowerNext, LowerPrev2, LowerNext2,
  ShortPrev, ShortNext, ShapePrev2, ShapeNext2,
  LexiconHere, LexiconPrev, LexiconNext, LexiconHereShort,
  SuffixPrev, SuffixNext, LexiconFirstToken, InQuotesShort,
}

const AFFIX_LENGTH = 4;
/** Runs of one character class longer than this are cut in the shape: `Xxxxxxx` → `Xxxx`. */
const SHAPE_RUN = 4;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const fnvStep = (hash: number, code: number): number => Math.imul(hash ^ code, FNV_PRIME);
const fnv = (text: string): number => {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = fnvStep(hash, text.charCodeAt(i));
  return hash;
};
const BOUNDARY_BEFORE = fnv("<s>");
const BOUNDARY_AFTER = fnv("</s>");
const LEXICON_BIT_COUNT = TAGGER_LEXICONS.length * BITS_PER_LEXICON;

/** Murmur3 mixing step and finaliser: spreads template and value numbers over the buckets. */
function mix(hash: number, value: number): number {
  value = Math.imul(value, 0xcc9e2d51);
  value = (value << 15) | (value >>> 17);
  hash ^= Math.imul(value, 0x1b873593);
  hash = (hash << 13) | (hash >>> 19);
  return (Math.imul(hash, 5) + 0xe6546b64) | 0;
}
function finish(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/** Typographic apostrophes, quotes and dashes read as their ASCII forms, as `asciiPunctuation` does. */
function asciiCode(code: number): number {
  if (code === 0x2019 || code === 0x2018 || code === 0x02bc || code === 0x60 || code === 0xb4) return 39;
  if (code === 0xab || code === 0xbb || (code >= 0x201c && code <= 0x201e)) return 34;
  if (code >= 0x2010 && code <= 0x2015) return 45;
  return code;
}

/** Shape class of a character: X upper, x lower, d digit, else the character itself. */
function shapeCode(code: number, character: string): number {
  if (code >= 65 && code <= 90) return 88;
  if (code >= 97 && code <= 122) return 120;
  if (code >= 48 && code <= 57) return 100;
  if (code < 128) return code;
  if (character.toLowerCase() !== character) return 88;
  if (character.toUpperCase() !== character) return 120;
  return code;
}

function lowerCode(code: number, character: string): number {
  if (code >= 65 && code <= 90) return code + 32;
  return code < 128 ? code : character.toLowerCase().charCodeAt(0);
}

/** Titles of works (MISC) are often quoted: tracks whether a token lies between quotes. */
function insideQuotesAfter(token: string, inside: boolean): boolean {
  if (token === '"') return !inside;
  if (token === "«" || token === "\u201c") return true;
  if (token === "»" || token === "\u201d") return false;
  return inside;
}

/** The hashes of a token's strings, from which its features and its neighbours' are made. */
export interface TokenHashes {
  word: number;
  lower: number;
  shape: number;
  shortShape: number;
  /** Lowercase prefixes and suffixes of 1 .. min(AFFIX_LENGTH, length) characters. */
  prefixes: number[];
  suffixes: number[];
  /** The suffix its neighbours see: 3 characters, or fewer in a shorter token. */
  neighbourSuffix: number;
}

/** Before the first token and after the last, every neighbour template sees a boundary value. */
const boundary = (hash: number): TokenHashes => ({
  word: hash, lower: hash, shape: hash, shortShape: hash, prefixes: [], suffixes: [], neighbourSuffix: hash,
});
export const BEFORE_SENTENCE: TokenHashes = boundary(BOUNDARY_BEFORE);
export const AFTER_SENTENCE: TokenHashes = boundary(BOUNDARY_AFTER);

/** Hashes a token's strings in one pass over its characters. */
export function hashToken(token: string): TokenHashes {
  let word = FNV_OFFSET, lower = FNV_OFFSET, shape = FNV_OFFSET, shortShape = FNV_OFFSET;
  let previousClass = -1, run = 0;
  const prefixes: number[] = [];
  for (let c = 0; c < token.length; c++) {
    const raw = token.charCodeAt(c);
    const character = raw < 128 ? "" : token[c];
    const code = asciiCode(raw);
    word = fnvStep(word, code);
    lower = fnvStep(lower, lowerCode(code, character));
    if (c < AFFIX_LENGTH) prefixes.push(lower);
    const shapeClass = shapeCode(code, character);
    run = shapeClass === previousClass ? run + 1 : 1;
    if (run === 1) shortShape = fnvStep(shortShape, shapeClass);
    if (run <= SHAPE_RUN) shape = fnvStep(shape, shapeClass);
    previousClass = shapeClass;
  }
  const suffixes: number[] = [];
  let suffix = FNV_OFFSET;
  for (let k = 0; k < prefixes.length; k++) {
    const c = token.length - 1 - k;
    suffix = fnvStep(suffix, lowerCode(asciiCode(token.charCodeAt(c)), token[c]));
    suffixes.push(suffix);
  }
  // An empty token (the tokenizer makes none) has the empty suffix.
  const neighbourSuffix = suffixes.length > 0 ? suffixes[Math.min(2, suffixes.length - 1)] : FNV_OFFSET;
  return { word, lower, shape, shortShape, prefixes, suffixes, neighbourSuffix };
}

/**
 * Feature rows as features are added: each a bucket × `rowWidth` offset, by default into the weights
 * of every bucket as training holds them; the tagger's weights hold rows for some buckets only, and
 * take the bucket itself (see `QuantisedWeights`).
 */
export class FeatureRows {
  rows = new Int32Array(256);
  count = 0;
  private readonly bucketMask: number;

  constructor(
    hashBits: number,
    private readonly rowWidth: number = LABEL_COUNT,
  ) {
    this.bucketMask = (1 << hashBits) - 1;
  }

  clear(): void {
    this.count = 0;
  }

  add1(template: Template, value: number): void {
    this.push(finish(mix(mix(FNV_OFFSET, template), value)));
  }

  add2(template: Template, first: number, second: number): void {
    this.push(finish(mix(mix(mix(FNV_OFFSET, template), first), second)));
  }

  private push(hash: number): void {
    if (this.count === this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows[this.count++] = (hash & this.bucketMask) * this.rowWidth;
  }
}

/** The features that depend on the token's string alone. */
export function addOwnFeatures(out: FeatureRows, token: TokenHashes): void {
  out.add1(Template.Bias, 0);
  out.add1(Template.Word, token.word);
  out.add1(Template.Lower, token.lower);
  for (let k = 0; k < token.prefixes.length; k++) {
    out.add1(Template.Prefix, token.prefixes[k]);
    out.add1(Template.Suffix, token.suffixes[k]);
  }
  out.add1(Template.Shape, token.shape);
  out.add1(Template.ShortShape, token.shortShape);
}

/** Where a neighbour stands from the token it describes: two before, just before, just after, two after. */
export const NEIGHBOUR_OFFSETS = [-2, -1, 1, 2] as const;
export type NeighbourOffset = (typeof NEIGHBOUR_OFFSETS)[number];

/** The features that a neighbour's string alone gives the token `offset` positions away from it. */
export function addNeighbourFeatures(out: FeatureRows, neighbour: TokenHashes, offset: NeighbourOffset): void {
  if (offset === -2) {
    out.add1(Template.LowerPrev2, neighbour.lower);
    out.add1(Template.ShapePrev2, neighbour.shape);
  } else if (offset === -1) {
    out.add1(Template.LowerPrev, neighbour.lower);
    out.add1(Template.ShortPrev, neighbour.shortShape);
    out.add1(Template.SuffixPrev, neighbour.neighbourSuffix);
  } else if (offset === 1) {
    out.add1(Template.LowerNext, neighbour.lower);
    out.add1(Template.ShortNext, neighbour.shortShape);
    out.add1(Template.SuffixNext, neighbour.neighbourSuffix);
  } else {
    out.add1(Template.LowerNext2, neighbour.lower);
    out.add1(Template.ShapeNext2, neighbour.shape);
  }
}

/** The features of the first token of a sentence; `lexiconBits` are its memberships. */
export function addFirstTokenFeatures(out: FeatureRows, here: TokenHashes, lexiconBits: number): void {
  out.add1(Template.FirstToken, here.shortShape);
  for (let bit = 0; bit < LEXICON_BIT_COUNT; bit++) if (lexiconBits & (1 << bit)) out.add1(Template.LexiconFirstToken, bit);
}

/**
 * Titles of works (MISC) are often quoted: adds a feature to a token that lies between quotes,
 * given whether quotes were open before it, and returns whether they are open after it.
 */
export function addQuoteFeature(out: FeatureRows, token: string, here: TokenHashes, insideBefore: boolean): boolean {
  const insideAfter = insideQuotesAfter(token, insideBefore);
  if (insideBefore && insideAfter) out.add1(Template.InQuotesShort, here.shortShape);
  return insideAfter;
}

/** The features of lexicon membership bits: the token's own (`here`), its previous and next token's. */
export function addLexiconFeatures(out: FeatureRows, here: number, previous: number, next: number, shortShape: number): void {
  if ((here | previous | next) === 0) return;
  for (let bit = 0; bit < LEXICON_BIT_COUNT; bit++) {
    const flag = 1 << bit;
    if (here & flag) {
      out.add1(Template.LexiconHere, bit);
      out.add2(Template.LexiconHereShort, bit, shortShape);
    }
    if (previous & flag) out.add1(Template.LexiconPrev, bit);
    if (next & flag) out.add1(Template.LexiconNext, bit);
  }
}

/** Every feature of every token of a sentence, for training. */
export class FeatureExtractor {
  private readonly out: FeatureRows;

  constructor(readonly hashBits: number, readonly lexicons: LexiconMatcher) {
    this.out = new FeatureRows(hashBits);
  }

  /** The features of a sentence. The rows are reused by the next call: copy them to keep them. */
  extract(tokens: readonly string[]): SentenceFeatures {
    const n = tokens.length;
    const hashes = tokens.map(hashToken);
    const at = (i: number): TokenHashes => (i < 0 ? BEFORE_SENTENCE : i >= n ? AFTER_SENTENCE : hashes[i]);
    const bits = this.lexicons.memberships(tokens);
    const out = this.out;
    const starts = new Int32Array(n + 1);
    let insideQuotes = false;
    out.clear();
    for (let i = 0; i < n; i++) {
      starts[i] = out.count;
      addOwnFeatures(out, hashes[i]);
      for (const offset of NEIGHBOUR_OFFSETS) addNeighbourFeatures(out, at(i + offset), offset);
      if (i === 0) addFirstTokenFeatures(out, hashes[i], bits[i]);
      insideQuotes = addQuoteFeature(out, tokens[i], hashes[i], insideQuotes);
      addLexiconFeatures(out, bits[i], i > 0 ? bits[i - 1] : 0, i + 1 < n ? bits[i + 1] : 0, hashes[i].shortShape);
    }
    starts[n] = out.count;
    return { rows: out.rows.subarray(0, out.count), starts };
  }
}
