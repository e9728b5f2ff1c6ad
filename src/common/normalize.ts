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
  let key = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= FOLDED_LATIN.length) return foldByNormalizing(text);
    key += FOLDED_LATIN[code];
  }
  return key;
}

function foldByNormalizing(text: string): string {
  return asciiPunctuation(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * The fold of each character up to U+017F (ASCII, Latin-1 and Latin Extended-A: French words and
 * most names in its news). A text of such characters folds character by character: none of them is
 * a combining mark, each decomposes on its own and lowercases alone. Folding the 20,000 accented
 * words of the common-words lexicon by table took a third of the time of normalizing them.
 */
const FOLDED_LATIN = Array.from({ length: 0x180 }, (_, code) => foldByNormalizing(String.fromCharCode(code)));

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
