import { foldKey } from "../common/normalize.js";
import type { Sentence, Token } from "../types.js";
import { detached } from "../common/detached.js";

/** A token as the extractors see it: its text plus what every rule asks about it. */
export interface DocToken extends Token {
  /** Index in the document's token list. */
  index: number;
  sentence: number;
  /** `foldKey` of the text: lower case, no accents, ASCII apostrophes. */
  key: string;
  /** Starts with an upper-case letter. */
  capitalised: boolean;
  /** All letters upper case, at least two of them (acronyms: GCTF, ONU). */
  allCaps: boolean;
  /** First word of its sentence (after any opening quote or dash): capitalised there by grammar, not by name. */
  sentenceInitial: boolean;
}

/** What the extractors read: the cleaned text, its sentences, and one flat list of annotated tokens. */
export interface ExtractionDocument {
  text: string;
  sentences: Sentence[];
  tokens: DocToken[];
  /** Sentences written mostly in capitals (headlines): capitalisation tells nothing there. */
  shouting: boolean[];
  /** For each sentence, one past the index of its last token. */
  sentenceEnds: number[];
}

const UPPER_START = /^\p{Lu}/u;
const ALL_CAPS = /^[\p{Lu}\d-]*\p{Lu}[\p{Lu}\d-]*\p{Lu}[\p{Lu}\d-]*$/u;
const WORDLIKE = /^[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

/** What a token's text alone tells: the same for every occurrence of the word. */
interface WordFacts {
  key: string;
  capitalised: boolean;
  allCaps: boolean;
  /** Starts with a letter or digit. */
  wordlike: boolean;
  /** Written in capitals (counts towards a shouting sentence). */
  upper: boolean;
}

/** Words recur throughout a corpus: their facts are worked out once (folding and four regexes per token were a third of extraction). */
const factsCache = new Map<string, WordFacts>();
/** Bounds the cache on huge vocabularies; starting afresh only costs recomputation. */
const MAX_CACHED_WORDS = 30_000;

function wordFacts(text: string): WordFacts {
  let facts = factsCache.get(text);
  if (!facts) {
    const allCaps = ALL_CAPS.test(text);
    facts = {
      key: foldKey(text),
      capitalised: UPPER_START.test(text),
      allCaps,
      wordlike: WORDLIKE.test(text),
      upper: allCaps || (text.length > 1 && text === text.toUpperCase() && LETTER.test(text)),
    };
    if (factsCache.size >= MAX_CACHED_WORDS) factsCache.clear();
    factsCache.set(detached(text), facts);
  }
  return facts;
}

/** Annotates one token as `buildDocument` does (for lookups outside a document). */
export function lookupToken(text: string): Pick<DocToken, "key" | "text" | "capitalised" | "allCaps"> {
  const { key, capitalised, allCaps } = wordFacts(text);
  return { text, key, capitalised, allCaps };
}

export function buildDocument(text: string, sentences: Sentence[]): ExtractionDocument {
  const tokens: DocToken[] = [];
  const shouting: boolean[] = [];
  const sentenceEnds: number[] = [];
  sentences.forEach((sentence, s) => {
    let seenWord = false;
    let upper = 0;
    let words = 0;
    for (const token of sentence.tokens) {
      const facts = wordFacts(token.text);
      // Fields copied one by one: a spread followed by more fields builds a slow object shape (V8), 30% of the run per token.
      tokens.push({
        text: token.text,
        start: token.start,
        end: token.end,
        index: tokens.length,
        sentence: s,
        key: facts.key,
        capitalised: facts.capitalised,
        allCaps: facts.allCaps,
        sentenceInitial: facts.wordlike && !seenWord,
      });
      if (facts.wordlike) {
        seenWord = true;
        words++;
        if (facts.upper) upper++;
      }
    }
    shouting.push(words >= 3 && upper / words > 0.6);
    sentenceEnds.push(tokens.length);
  });
  return { text, sentences, tokens, shouting, sentenceEnds };
}
