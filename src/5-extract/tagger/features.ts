import { LABEL_COUNT } from "./labels.js";
import { BITS_PER_LEXICON, LexiconMatcher, TAGGER_LEXICONS } from "./lexicon-features.js";

/**
 * Feature extraction by hashing: every feature is a (template, value) pair hashed into one of
 * 2^hashBits buckets, so the model is a flat weight array and no feature dictionary is stored.
 * Strings are hashed once per token (word, lowercase, prefixes, suffixes, shapes) in one pass over
 * the characters; features that combine tokens mix those numbers, allocating no strings.
 */

/** The features of one sentence: token t owns `rows[starts[t] .. starts[t+1])`, each a bucket × LABEL_COUNT weight offset. */
export interface SentenceFeatures {
  rows: Int32Array;
  starts: Int32Array;
}

/** Bump when templates or hashing change: a model is only valid with the extractor version it was trained with. */
export const FEATURE_VERSION = 1;

const enum Template {
  Bias, Word, Lower, Prefix, Suffix, Shape, ShortShape, FirstToken,
  LowerPrev, LowerNext, LowerPrev2, LowerNext2,
  ShortPrev, ShortNext, ShapePrev2, ShapeNext2,
  LowerPrevLower, LowerLowerNext, ShortTrigram, LowerPrevShort, ShortLowerNext,
  LexiconHere, LexiconPrev, LexiconNext, LexiconHereShort,
  LowerPrev2LowerPrev, SuffixPrev, SuffixNext, LexiconFirstToken, InQuotesShort,
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

/** Hashes of each token's strings in a sentence; affix k of token i at `i * AFFIX_LENGTH + k`. */
class SentenceHashes {
  word = new Int32Array(0);
  lower = new Int32Array(0);
  shape = new Int32Array(0);
  shortShape = new Int32Array(0);
  prefixes = new Int32Array(0);
  suffixes = new Int32Array(0);
  affixCounts = new Uint8Array(0);
  private lowerCodes = new Uint16Array(64);

  describe(tokens: readonly string[]): void {
    const n = tokens.length;
    if (this.word.length < n) this.grow(n * 2);
    for (let i = 0; i < n; i++) this.describeToken(tokens[i], i);
  }

  private grow(size: number): void {
    Object.assign(this, {
      word: new Int32Array(size), lower: new Int32Array(size), shape: new Int32Array(size),
      shortShape: new Int32Array(size), prefixes: new Int32Array(size * AFFIX_LENGTH),
      suffixes: new Int32Array(size * AFFIX_LENGTH), affixCounts: new Uint8Array(size),
    });
  }

  private describeToken(token: string, i: number): void {
    if (this.lowerCodes.length < token.length) this.lowerCodes = new Uint16Array(token.length * 2);
    let word = FNV_OFFSET, lower = FNV_OFFSET, shape = FNV_OFFSET, shortShape = FNV_OFFSET;
    let previousClass = -1, run = 0;
    for (let c = 0; c < token.length; c++) {
      const raw = token.charCodeAt(c);
      const character = raw < 128 ? "" : token[c];
      const code = asciiCode(raw);
      const lowered = lowerCode(code, character);
      this.lowerCodes[c] = lowered;
      word = fnvStep(word, code);
      lower = fnvStep(lower, lowered);
      if (c < AFFIX_LENGTH) this.prefixes[i * AFFIX_LENGTH + c] = lower;
      const shapeClass = shapeCode(code, character);
      run = shapeClass === previousClass ? run + 1 : 1;
      if (run === 1) shortShape = fnvStep(shortShape, shapeClass);
      if (run <= SHAPE_RUN) shape = fnvStep(shape, shapeClass);
      previousClass = shapeClass;
    }
    const affixCount = Math.min(AFFIX_LENGTH, token.length);
    let suffix = FNV_OFFSET;
    for (let k = 0; k < affixCount; k++) {
      suffix = fnvStep(suffix, this.lowerCodes[token.length - 1 - k]);
      this.suffixes[i * AFFIX_LENGTH + k] = suffix;
    }
    this.affixCounts[i] = affixCount;
    this.word[i] = word;
    this.lower[i] = lower;
    this.shape[i] = shape;
    this.shortShape[i] = shortShape;
  }
}

export class FeatureExtractor {
  private readonly bucketMask: number;
  private readonly hashes = new SentenceHashes();
  private rows = new Int32Array(4096);
  private count = 0;

  constructor(readonly hashBits: number, readonly lexicons: LexiconMatcher) {
    this.bucketMask = (1 << hashBits) - 1;
  }

  /** The features of a sentence. The arrays are reused by the next call: copy them to keep them. */
  extract(tokens: readonly string[]): SentenceFeatures {
    const n = tokens.length;
    const hashes = this.hashes;
    hashes.describe(tokens);
    const { word, lower, shape, shortShape } = hashes;
    const lexiconBits = this.lexicons.memberships(tokens);
    const at = (values: Int32Array, i: number): number =>
      i < 0 ? BOUNDARY_BEFORE : i >= n ? BOUNDARY_AFTER : values[i];
    const starts = new Int32Array(n + 1);
    const suffixAt = (i: number): number =>
      i < 0 ? BOUNDARY_BEFORE : i >= n ? BOUNDARY_AFTER : hashes.suffixes[i * AFFIX_LENGTH + Math.min(2, hashes.affixCounts[i] - 1)];
    let insideQuotes = false;
    this.count = 0;
    for (let i = 0; i < n; i++) {
      starts[i] = this.count;
      this.add1(Template.Bias, 0);
      this.add1(Template.Word, word[i]);
      this.add1(Template.Lower, lower[i]);
      for (let k = 0; k < hashes.affixCounts[i]; k++) {
        this.add1(Template.Prefix, hashes.prefixes[i * AFFIX_LENGTH + k]);
        this.add1(Template.Suffix, hashes.suffixes[i * AFFIX_LENGTH + k]);
      }
      this.add1(Template.Shape, shape[i]);
      this.add1(Template.ShortShape, shortShape[i]);
      if (i === 0) this.add1(Template.FirstToken, shortShape[i]);
      this.add1(Template.LowerPrev, at(lower, i - 1));
      this.add1(Template.LowerNext, at(lower, i + 1));
      this.add1(Template.LowerPrev2, at(lower, i - 2));
      this.add1(Template.LowerNext2, at(lower, i + 2));
      this.add1(Template.ShortPrev, at(shortShape, i - 1));
      this.add1(Template.ShortNext, at(shortShape, i + 1));
      this.add1(Template.ShapePrev2, at(shape, i - 2));
      this.add1(Template.ShapeNext2, at(shape, i + 2));
      this.add2(Template.LowerPrevLower, at(lower, i - 1), lower[i]);
      this.add2(Template.LowerLowerNext, lower[i], at(lower, i + 1));
      this.add2(Template.ShortTrigram, mix(at(shortShape, i - 1), shortShape[i]), at(shortShape, i + 1));
      this.add2(Template.LowerPrevShort, at(lower, i - 1), shortShape[i]);
      this.add2(Template.ShortLowerNext, shortShape[i], at(lower, i + 1));
      this.add2(Template.LowerPrev2LowerPrev, at(lower, i - 2), at(lower, i - 1));
      this.add1(Template.SuffixPrev, suffixAt(i - 1));
      this.add1(Template.SuffixNext, suffixAt(i + 1));
      const quoteState = insideQuotesAfter(tokens[i], insideQuotes);
      if (quoteState === insideQuotes && insideQuotes) this.add1(Template.InQuotesShort, shortShape[i]);
      insideQuotes = quoteState;
      this.addLexiconFeatures(lexiconBits, i, shortShape[i]);
    }
    starts[n] = this.count;
    return { rows: this.rows.subarray(0, this.count), starts };
  }

  private addLexiconFeatures(lexiconBits: Int32Array, i: number, shortShape: number): void {
    const here = lexiconBits[i];
    const previous = i > 0 ? lexiconBits[i - 1] : 0;
    const next = i + 1 < lexiconBits.length ? lexiconBits[i + 1] : 0;
    if ((here | previous | next) === 0) return;
    for (let bit = 0; bit < LEXICON_BIT_COUNT; bit++) {
      const flag = 1 << bit;
      if (here & flag) {
        this.add1(Template.LexiconHere, bit);
        this.add2(Template.LexiconHereShort, bit, shortShape);
        if (i === 0) this.add1(Template.LexiconFirstToken, bit);
      }
      if (previous & flag) this.add1(Template.LexiconPrev, bit);
      if (next & flag) this.add1(Template.LexiconNext, bit);
    }
  }

  private add1(template: Template, value: number): void {
    this.push(finish(mix(mix(FNV_OFFSET, template), value)));
  }

  private add2(template: Template, first: number, second: number): void {
    this.push(finish(mix(mix(mix(FNV_OFFSET, template), first), second)));
  }

  private push(hash: number): void {
    if (this.count === this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows[this.count++] = (hash & this.bucketMask) * LABEL_COUNT;
  }
}
