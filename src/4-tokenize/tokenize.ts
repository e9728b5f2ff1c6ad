import type { Token } from "../types.js";

/**
 * French word tokens: letters and digits joined by inner hyphens or apostrophes stay one token
 * (`Al-Qaida`, `Pays-Bas`, `aujourd'hui`, `a-t-il`), then an elided article or pronoun is split
 * off with its apostrophe (`l'` `Etat`, `d'` `Amérique`, `qu'` `il`). Every other visible
 * character is a token of its own, except that a run of dots (`...`) is one token.
 */
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:[-'\u2019][\p{L}\p{N}\p{M}]+)*|\.{2,}|\S/gu;
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['\u2019](?=\p{L})/iu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    const word = match[0];
    const elided = word.length > 2 ? ELISION.exec(word) : null;
    if (elided) {
      const cut = elided[0].length;
      tokens.push({ text: word.slice(0, cut), start, end: start + cut });
      tokens.push({ text: word.slice(cut), start: start + cut, end: start + word.length });
    } else tokens.push({ text: word, start, end: start + word.length });
  }
  return tokens;
}

/** Whether a token is a word (letters or digits), as counted in word_count. */
export function isWord(token: Token): boolean {
  return /[\p{L}\p{N}]/u.test(token.text[0]);
}
