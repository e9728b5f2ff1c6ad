import { foldKey } from "../common/normalize.js";
import type { Sentence, Token } from "../types.js";

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

/** Annotates one token as `buildDocument` does (for lookups outside a document). */
export function lookupToken(text: string): Pick<DocToken, "key" | "text" | "capitalised" | "allCaps"> {
  return { text, key: foldKey(text), capitalised: UPPER_START.test(text), allCaps: ALL_CAPS.test(text) };
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
      const isWord = WORDLIKE.test(token.text);
      const allCaps = ALL_CAPS.test(token.text);
      // Fields copied one by one: a spread followed by more fields builds a slow object shape (V8), 30% of the run per token.
      tokens.push({
        text: token.text,
        start: token.start,
        end: token.end,
        index: tokens.length,
        sentence: s,
        key: foldKey(token.text),
        capitalised: UPPER_START.test(token.text),
        allCaps,
        sentenceInitial: isWord && !seenWord,
      });
      if (isWord) {
        seenWord = true;
        words++;
        if (allCaps || (token.text.length > 1 && token.text === token.text.toUpperCase() && /\p{L}/u.test(token.text))) upper++;
      }
    }
    shouting.push(words >= 3 && upper / words > 0.6);
    sentenceEnds.push(tokens.length);
  });
  return { text, sentences, tokens, shouting, sentenceEnds };
}
