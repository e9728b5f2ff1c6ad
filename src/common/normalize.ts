import { detached } from "./detached.js";

/** Text keys for matching: the same name written with or without accents, typographic apostrophes or hyphens compares equal. */

const APOSTROPHES = /[\u2019\u2018\u02bc`´]/g;
const QUOTES = /[\u201c\u201d\u00ab\u00bb\u201e]/g;
const DASHES = /[\u2010-\u2015]/g;

/** Typographic apostrophes, quotes and dashes to their ASCII forms; same length, so offsets survive. */
export function asciiPunctuation(text: string): string {
  return text.replace(APOSTROPHES, "'").replace(QUOTES, '"').replace(DASHES, "-");
}

/** ASCII with nothing to fold but case (the backtick is an apostrophe): most words of a text. */
const PLAIN_ASCII = /^[\0-\x5f\x61-\x7f]*$/;

/** Lowercase, no accents, ASCII punctuation: for looking words up in lexicons. */
export function foldKey(text: string): string {
  // The fast path halves the cost of building an extraction document (7% of a run).
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return asciiPunctuation(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Names recur across mentions and articles: their keys are remembered (a few per mention were a third of within-article resolution). */
const nameKeys = new Map<string, string>();
/** Bounds the memory on huge corpora; starting afresh only costs recomputation. */
const MAX_CACHED_NAMES = 20_000;

/** `foldKey` that also treats hyphens as spaces and collapses whitespace: for comparing names. */
export function nameKey(text: string): string {
  let key = nameKeys.get(text);
  if (key === undefined) {
    key = uncachedNameKey(text);
    if (nameKeys.size >= MAX_CACHED_NAMES) nameKeys.clear();
    nameKeys.set(detached(text), key);
  }
  return key;
}

/** `nameKey` for strings met once, such as lexicon entries: 70,000 of them would only churn its cache. */
export function uncachedNameKey(text: string): string {
  return foldKey(text).replace(/-/g, " ").replace(/\s+/g, " ").trim();
}

/** A whitespace character other than a space, or two in a row: what `collapseWhitespace` changes. */
const UNCOLLAPSED = /\s\s|[^\S ]/;

/**
 * Every run of whitespace as one space. Most texts have nothing to collapse: they are returned as
 * they are, instead of replacing each single space by a new one (a match and a copy per word).
 */
export function collapseWhitespace(text: string): string {
  return UNCOLLAPSED.test(text) ? text.replace(/\s+/g, " ") : text;
}
